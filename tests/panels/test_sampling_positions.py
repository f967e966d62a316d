"""The draw method new draws use, position-sha256-v2: numbers from the seed pick
positions in the recorded pool.

Expected values marked "shell" were worked out with coreutils and bc alone, for example
`printf '%s' "5eed:1" | sha256sum`, then the number modulo the pool's size with
`echo "ibase=16; 3619…5B90 % 14" | bc` (14 is 20 in hex), so they check this code
against an independent implementation.
"""

import collections
import hashlib
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panels import sampling
from panels.sampling import Pool, positions

KV_REFERENCES = [f"KV-{n:02d}" for n in range(1, 21)]


def drawn_slowly(seed: str, pool: Pool, size: int) -> list[str]:
    """The draw as a person checking it would work it out, one number at a time."""
    references = pool.text.decode().split("\n")[:-1]
    labels = pool.labels if pool.is_stratified else [None] * len(references)
    picked = []
    for group, share in _shares(pool, size).items():
        members = [r for r, g in zip(references, labels, strict=True) if g == group]
        taken, j = {}, 0
        while len(taken) < share:
            j += 1
            text = f"{seed}:{j}" if group is None else f"{seed}:{group}:{j}"
            number = int(hashlib.sha256(text.encode()).hexdigest(), 16)
            if number < 2**256 - 2**256 % len(members) and number % len(members) not in taken:
                taken[number % len(members)] = number
        picked += [(number, members[p]) for p, number in taken.items()]
    return [reference for _, reference in sorted(picked)]


def _shares(pool: Pool, size: int) -> dict:
    return sampling.group_shares(pool, size) if pool.is_stratified else {None: size}


def test_number_is_sha256_of_seed_colon_j_as_a_whole_number():
    # shell: printf '5eed:1' | sha256sum
    expected = "3619073319a82f3f9cea6e12190169e70d90fd283bf8db5b2945bbcc47ac5b90"

    assert positions.number("5eed", 1) == int(expected, 16)


def test_select_with_known_seed_gives_the_positions_found_by_shell_tools():
    # shell: numbers 1 to 6 of 5eed modulo 20 are 16, 7, 11, 5, 11 (already drawn), 10;
    # the cases at those positions (from 0) listed by their numbers, smallest first.
    pool = Pool.build(KV_REFERENCES)

    chosen = positions.select(seed="5eed", pool=pool, size=5)

    assert chosen == ["KV-17", "KV-11", "KV-06", "KV-08", "KV-12"]


def test_select_matches_working_it_out_one_number_at_a_time():
    pool = Pool.build([f"REF-{n:04d}" for n in range(300)])

    assert positions.select(seed="0ff1ce", pool=pool, size=12) == drawn_slowly("0ff1ce", pool, 12)


@given(
    seed=st.from_regex(sampling.SEED_PATTERN, fullmatch=True),
    labels=st.lists(st.sampled_from(["a", "b", "c", ""]), min_size=1, max_size=60),
    fraction=st.floats(0, 1),
)
def test_select_stratified_equals_drawing_each_group_slowly(seed, labels, fraction):
    pool = Pool.build([f"R{n}" for n in range(len(labels))], labels)
    size = round(len(labels) * fraction)

    assert positions.select(seed=seed, pool=pool, size=size) == drawn_slowly(seed, pool, size)


def test_select_stratified_from_a_large_pool_finds_members_across_blocks():
    # Groups spread over many blocks of the pool's counts, one of them rare.
    rng = random.Random(3)
    labels = [rng.choice(["often"] * 20 + ["sometimes"] * 5 + ["rarely"]) for _ in range(30_000)]
    pool = Pool.build([f"L-{n:05d}" for n in range(len(labels))], labels)

    assert positions.select(seed="blocks", pool=pool, size=60) == drawn_slowly("blocks", pool, 60)


def test_select_is_independent_of_the_order_references_arrive_in():
    references = [f"REF-{n:04d}" for n in range(500)]
    shuffled = random.Random(7).sample(references, len(references))

    first = positions.select(seed="abc", pool=Pool.build(references), size=25)
    second = positions.select(seed="abc", pool=Pool.build(shuffled), size=25)

    assert first == second


def test_select_whole_pool_returns_every_reference_once():
    chosen = positions.select(seed="5eed", pool=Pool.build(KV_REFERENCES), size=20)

    assert sorted(chosen) == KV_REFERENCES


def test_select_more_than_the_pool_is_refused():
    with pytest.raises(ValueError, match="Cannot draw 21 from 20"):
        positions.select(seed="5eed", pool=Pool.build(KV_REFERENCES), size=21)


def test_every_position_is_about_as_likely():
    pool = Pool.build(["A", "B", "C", "D"])

    drawn = collections.Counter(
        positions.select(seed=f"s{n}", pool=pool, size=1)[0] for n in range(4000)
    )

    # 1,000 expected each; 120 is about four standard deviations.
    assert all(abs(drawn[r] - 1000) < 120 for r in "ABCD"), drawn


def test_a_number_past_the_last_whole_multiple_of_the_pool_is_skipped(monkeypatch):
    # 2**256 leaves 1 over when divided by 3, so the largest number would make
    # position 0 a little likelier than the others: it is skipped.
    numbers = iter([2**256 - 1, 5])
    monkeypatch.setattr(positions, "number", lambda seed, j, group=None: next(numbers))

    assert positions.positions("any", 3, 1) == [(5, 2)]


def test_choose_reruns_a_draw_with_the_method_it_was_recorded_with():
    pool = Pool.build(KV_REFERENCES)

    old = sampling.choose(seed="5eed", pool=pool, size=5, version="bottomk-sha256-v1")
    new = sampling.choose(seed="5eed", pool=pool, size=5)

    assert old == sampling.select(seed="5eed", pool=pool, size=5)  # smallest scores
    assert new == ["KV-17", "KV-11", "KV-06", "KV-08", "KV-12"]
    assert sampling.ALGORITHM_VERSION == "position-sha256-v2"
