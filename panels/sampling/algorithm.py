"""The draw itself, `bottomk-sha256-v1`: pure Python, no database.

Every eligible reference gets a score, SHA-256 of "<seed>:<reference>"; the
cases with the smallest scores are drawn. A stratified draw shares the sample
between groups by largest remainder and takes the smallest scores in each.
"""

import gc
import hashlib
import heapq
import itertools
import operator
import re
import secrets
import zlib
from collections import defaultdict
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError

ALGORITHM_VERSION = "bottomk-sha256-v1"
SEED_PATTERN = re.compile(r"[0-9A-Za-z_.-]{1,64}")


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
                "A case reference in the pool contains a line break, so the draw cannot be "
                "recorded. Ask a data admin to correct the reference."
            )
        if strata is not None and pool.strata_text.count(b"\n") != len(strata):
            raise SamplingError("A case's group contains a line break, so it cannot be stratified.")
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
    def groups(self) -> dict[str, list[bytes]]:
        """References per group, groups in code-point order. Read only."""
        groups: dict[str, list[bytes]] = defaultdict(list)
        labels = self.strata_text.decode().split("\n")[:-1]
        for label, ref in zip(labels, self.references(), strict=True):
            groups[label].append(ref)
        return dict(sorted(groups.items()))

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
    return allocate({group: len(refs) for group, refs in pool.groups.items()}, size)


def select(*, seed: str, pool: Pool, size: int) -> list[str]:
    """The drawn references, smallest score first."""
    if not 0 <= size <= pool.size:
        raise ValueError(f"Cannot draw {size} from {pool.size}.")
    prefix = f"{seed}:".encode()
    with paused_gc():
        if not pool.is_stratified:
            chosen = _bottom_k(prefix, pool.references(), size)
        else:
            shares = group_shares(pool, size)
            chosen = sorted(
                pair
                for group, refs in pool.groups.items()
                for pair in _bottom_k(prefix, refs, shares[group])
            )
    return [ref.decode() for _, ref in chosen]


def select_and_seal(*, seed: str, pool: Pool, size: int) -> list[str]:
    """select(), while another thread fingerprints and compresses the pool record.

    zlib and hashlib let go of the interpreter lock on large inputs, so on a
    machine with two cores the record is ready when the scoring is done.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        sealed = worker.submit(lambda: (pool.fingerprint, pool.compressed))
        selected = select(seed=seed, pool=pool, size=size)
        sealed.result()
    return selected


def _bottom_k(prefix: bytes, references: list[bytes], k: int) -> list[tuple[bytes, bytes]]:
    """(score, reference) for the k smallest scores, smallest first; ties, which
    need a SHA-256 collision, go to the reference that sorts first."""
    if k <= 0:
        return []
    # Copying a hash that has already taken the prefix is the same SHA-256 as
    # hashing prefix + reference, and a tenth quicker over a million references.
    copy = hashlib.sha256(prefix).copy
    scores = []
    append = scores.append
    for reference in references:
        hashed = copy()
        hashed.update(reference)
        append(hashed.digest())
    return heapq.nsmallest(k, zip(scores, references, strict=True))


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
