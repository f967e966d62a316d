"""The draw, `position-sha256-v2`: pure Python, no database.

The pool's references are numbered 0 to N - 1 in code-point order (the order of the
recorded pool). Numbers made from the seed pick positions: the j-th number (j = 1, 2, …)
is SHA-256 of "<seed>:<j>" read as a 256-bit whole number, and the case at position
number mod N is drawn, a position already drawn being skipped. A stratified draw shares
the sample between groups as bottomk-sha256-v1 does, and each group draws its share
from its own references (in code-point order) with the numbers of "<seed>:<group>:<j>".
The drawn cases are listed smallest number first.

Only the numbers used are worked out, about as many as the sample, not one a case:
that is what makes a draw from a million cases quick. A number at or above the largest
multiple of N below 2**256 is skipped too, so every position is exactly as likely
(this happens with a chance below one in 2**200, so in practice never).
"""

import bisect
import hashlib
import itertools

from .algorithm import BLOCK, Pool, group_shares

VERSION = "position-sha256-v2"
SPACE = 2**256


def number(seed: str, j: int, group: str | None = None) -> int:
    """The j-th number of the seed (of a group's own run, in a stratified draw)."""
    text = f"{seed}:{j}" if group is None else f"{seed}:{group}:{j}"
    return int.from_bytes(hashlib.sha256(text.encode()).digest(), "big")


def positions(seed: str, n: int, k: int, group: str | None = None) -> list[tuple[int, int]]:
    """k distinct positions below n, each with the number that chose it."""
    if not 0 <= k <= n:
        raise ValueError(f"Cannot draw {k} from {n}.")
    limit = SPACE - SPACE % n if n else 0
    chosen: dict[int, int] = {}
    for j in itertools.count(1):
        if len(chosen) == k:
            break
        value = number(seed, j, group)
        if value < limit:
            chosen.setdefault(value % n, value)
    return [(value, position) for position, value in chosen.items()]


def select(*, seed: str, pool: Pool, size: int) -> list[str]:
    """The drawn references, smallest number first."""
    if not 0 <= size <= pool.size:
        raise ValueError(f"Cannot draw {size} from {pool.size}.")
    references = pool.reference_list
    if not pool.is_stratified:
        picked = [(v, references[p]) for v, p in positions(seed, len(references), size)]
        return [reference for _, reference in sorted(picked)]
    shares = {group: share for group, share in group_shares(pool, size).items() if share}
    picked = []
    for group, share in shares.items():
        members = _Members(pool, group)
        chosen = positions(seed, members.count, share, group)
        picked += [(v, references[members.at(p)]) for v, p in chosen]
    return [reference for _, reference in sorted(picked)]


class _Members:
    """Where a group's references sit in the pool, found for a few of them only: the
    pool's counts by block lead to the right block, and stepping through it is done
    in C. Listing every member of every group took longer than the rest of a draw
    from a million cases."""

    def __init__(self, pool: Pool, group: str):
        self.labels, self.group = pool.labels, group
        self.before = [0, *itertools.accumulate(block[group] for block in pool.block_counts)]
        self.count = self.before[-1]

    def at(self, rank: int) -> int:
        """The index in the pool of the group's member numbered `rank` (from 0)."""
        block = bisect.bisect_right(self.before, rank) - 1
        index = block * BLOCK - 1
        for _ in range(rank - self.before[block] + 1):
            index = self.labels.index(self.group, index + 1)
        return index
