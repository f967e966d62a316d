"""The recorded pool, the strata and the first draw method, `bottomk-sha256-v1`: pure
Python, no database.

Every eligible reference gets a score, SHA-256 of "<seed>:<reference>"; the
cases with the smallest scores are drawn. A stratified draw shares the sample
between groups by largest remainder and takes the smallest scores in each.
New draws use `position-sha256-v2` (positions.py); draws recorded with this
method are still re-run with it.
"""

import gc
import hashlib
import heapq
import itertools
import math
import operator
import re
import secrets
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

BOTTOMK_VERSION = "bottomk-sha256-v1"
SEED_PATTERN = re.compile(r"[0-9A-Za-z_.-]{1,64}")
BLOCK = 4096  # lines of the pool counted together (Pool.block_counts)


class SamplingError(ValidationError):
    """The pool cannot be drawn from or recorded as it stands."""


def new_seed() -> str:
    return secrets.token_hex(16)


def score(seed: str, reference: str) -> str:
    """One reference's score as hex: what a person checking the draw by hand computes."""
    return hashlib.sha256(f"{seed}:{reference}".encode()).hexdigest()


@dataclass(frozen=True)
class Pool:
    """The eligible references exactly as recorded.

    `text` is the references sorted by code point, each followed by a newline,
    in UTF-8; its SHA-256 is the pool fingerprint, so `LC_ALL=C sort | sha256sum`
    on a plain list gives the same value. `strata_text` holds each reference's
    group, line for line, when the draw is stratified.
    """

    text: bytes
    strata_text: bytes = b""

    @classmethod
    def build(cls, references: list[str], strata: list[str] | None = None) -> "Pool":
        if strata is None:
            references = sorted(references)  # next to nothing when already sorted
        elif not _is_sorted(references):
            references, strata = _sorted_with_groups(references, strata)
        pool = cls(_lines(references), _lines(strata) if strata is not None else b"")
        if pool.size != len(references):
            raise SamplingError(
                _(
                    "A case reference in the pool contains a line break, so the draw cannot be "
                    "recorded. Ask a data admin to correct the reference."
                )
            )
        if strata is not None:
            if pool.strata_text.count(b"\n") != len(strata):
                raise SamplingError(
                    _("A case's group contains a line break, so it cannot be stratified.")
                )
            pool.__dict__["labels"] = list(strata)  # what splitting strata_text would give
        pool.__dict__["reference_list"] = references  # what splitting text would give
        return pool

    @cached_property
    def size(self) -> int:
        return self.text.count(b"\n")

    @cached_property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.text).hexdigest()

    @property
    def is_stratified(self) -> bool:
        return bool(self.strata_text)

    def references(self) -> list[bytes]:
        return self.text.split(b"\n")[:-1]

    @cached_property
    def reference_list(self) -> list[str]:
        """The references as text, in the pool's order. Read only."""
        return self.text.decode().split("\n")[:-1]

    @cached_property
    def labels(self) -> list[str]:
        """Each reference's group, line for line; empty when not stratified. Read only."""
        return self.strata_text.decode().split("\n")[:-1]

    @cached_property
    def block_counts(self) -> list[Counter]:
        """How many references each group holds in each block of BLOCK lines, in order:
        what finding a group's n-th reference needs, counted in one pass. Read only."""
        labels = self.labels
        return [Counter(labels[b : b + BLOCK]) for b in range(0, len(labels), BLOCK)]

    @cached_property
    def group_counts(self) -> dict[str, int]:
        """How many references each group holds, groups in code-point order. Read only."""
        total: Counter = Counter()
        for block in self.block_counts:
            total.update(block)
        return dict(sorted(total.items()))

    @cached_property
    def compressed(self) -> tuple[bytes, bytes]:
        return zlib.compress(self.text, 1), zlib.compress(self.strata_text, 1)

    @classmethod
    def decompress(cls, references: bytes, strata: bytes) -> "Pool":
        return cls(zlib.decompress(bytes(references)), zlib.decompress(bytes(strata)))


def _lines(values: list[str]) -> bytes:
    return ("\n".join(values) + "\n").encode() if values else b""


def _is_sorted(values: list[str]) -> bool:
    return all(map(operator.lt, values, itertools.islice(values, 1, None)))


def _sorted_with_groups(references: list[str], groups: list[str]) -> tuple[list, list]:
    # Sorting positions by reference beats sorting (reference, group) pairs:
    # the keys compare as plain strings, about twice as fast for a large pool.
    order = sorted(range(len(references)), key=references.__getitem__)
    return list(map(references.__getitem__, order)), list(map(groups.__getitem__, order))


def allocate(counts: Mapping[str, int], size: int) -> dict[str, int]:
    """Share `size` between groups in proportion to their counts (largest remainder).

    Each group first gets the whole part of its quota; the seats left over go to
    the largest fractional parts, ties to the larger group, then to the group
    whose name sorts first. Exact integer arithmetic, so every checker agrees.
    """
    total = sum(counts.values())
    if not 0 <= size <= total:
        raise ValueError(f"Cannot allocate {size} from {total}.")
    if size == 0:
        return dict.fromkeys(sorted(counts), 0)
    shares = {group: size * n // total for group, n in counts.items()}
    left = size - sum(shares.values())
    order = sorted(counts, key=lambda g: (-(size * counts[g] % total), -counts[g], g))
    for group in order[:left]:
        shares[group] += 1
    return dict(sorted(shares.items()))


def group_shares(pool: Pool, size: int) -> dict[str, int]:
    return allocate(pool.group_counts, size)


def select(*, seed: str, pool: Pool, size: int) -> list[str]:
    """The drawn references, smallest score first."""
    if not 0 <= size <= pool.size:
        raise ValueError(f"Cannot draw {size} from {pool.size}.")
    with paused_gc():
        references = pool.references()
        scores = _scores(f"{seed}:".encode(), references)
        if not pool.is_stratified:
            chosen = heapq.nsmallest(size, zip(scores, references, strict=True))
        else:
            shares = group_shares(pool, size)
            chosen = _smallest_per_group(scores, references, pool.labels, pool.group_counts, shares)
    # Ties, which need a SHA-256 collision, go to the reference that sorts first.
    return [ref.decode() for _, ref in chosen]


def _scores(prefix: bytes, references: list[bytes]) -> list[bytes]:
    """Each reference's SHA-256 digest of prefix + reference, in the same order."""
    # Copying a hash that has already taken the prefix gives the same digest as
    # hashing prefix + reference, and is a tenth quicker over a million references.
    copy = hashlib.sha256(prefix).copy
    scores = []
    append = scores.append
    for reference in references:
        hashed = copy()
        hashed.update(reference)
        append(hashed.digest())
    return scores


def _smallest_per_group(
    scores: list[bytes],
    references: list[bytes],
    labels: list[str],
    counts: Mapping[str, int],
    shares: Mapping[str, int],
) -> list[tuple[bytes, bytes]]:
    """(score, reference) for each group's share of smallest scores, smallest first.

    Rather than walk every group's references, take the few scores under a
    cut-off set so that each group almost surely has its share below it. When
    a group has, its smallest scores are all among those; when one has not
    (at worst about one chance in twenty million), that group is searched in
    full. The result is the same either way.
    """
    cutoff = _cutoff(counts, shares)
    below: dict[str, list] = defaultdict(list)
    for i in itertools.compress(itertools.count(), map(cutoff.__gt__, scores)):
        below[labels[i]].append((scores[i], references[i]))
    chosen = []
    for group, share in shares.items():
        found = below[group]
        if len(found) < share:
            found = [
                (s, r) for s, r, g in zip(scores, references, labels, strict=True) if g == group
            ]
        chosen += heapq.nsmallest(share, found)
    return sorted(chosen)


def _cutoff(counts: Mapping[str, int], shares: Mapping[str, int]) -> bytes:
    """A score (32 bytes, big-endian) under which each group expects its share plus
    eight standard deviations and a few more; any cut-off gives the same draw."""
    fraction = max(
        ((k + 8 * math.sqrt(k) + 8) / counts[group] for group, k in shares.items() if k),
        default=0.0,
    )
    if fraction >= 1:
        return b"\xff" * 33  # above every digest: take them all
    return int(fraction * 2**256).to_bytes(32, "big")


@contextmanager
def paused_gc() -> Iterator[None]:
    # A million short-lived strings would set off a full collection several
    # times over; none of them form cycles, so pausing it is safe and saves
    # about a third of the time of a large draw.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
