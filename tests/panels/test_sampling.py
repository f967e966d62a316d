"""The draw algorithm on its own: scores, bottom-k, strata and the pool record.

Expected values marked "shell" were worked out with coreutils alone, for example
`printf '%s' "5eed:KV-11" | sha256sum` and `LC_ALL=C sort | sha256sum`, so they
check this code against an independent implementation.
"""

import hashlib
import random

import pytest
from django.db import connection, transaction
from hypothesis import given
from hypothesis import strategies as st

from cases.models import Case
from core.models import CodePointOrder
from panels import sampling
from panels.sampling import Pool, PoolFilters, SamplingError, algorithm, allocate, select
from panels.sampling import pool as pool_module
from tests import factories

KV_REFERENCES = [f"KV-{n:02d}" for n in range(1, 21)]


def test_score_is_sha256_of_seed_colon_reference():
    # shell: printf 'seed:REF-1' | sha256sum
    expected = "38be40c524aa7f53142fee41f6c054764a306561fe846f5a6d58ee2b76ee351c"

    assert sampling.score("seed", "REF-1") == expected


def test_select_with_known_seed_gives_the_smallest_scores_found_by_shell_tools():
    pool = Pool.build(KV_REFERENCES)

    chosen = select(seed="5eed", pool=pool, size=5)

    assert chosen == ["KV-11", "KV-03", "KV-20", "KV-19", "KV-16"]  # shell


def test_pool_fingerprint_is_sha256_of_sorted_lines_as_shell_tools_compute_it():
    pool = Pool.build(list(reversed(KV_REFERENCES)))

    # shell: printf 'KV-%02d\n' 1..20 | LC_ALL=C sort | sha256sum
    assert pool.fingerprint == "15484325fa88a4404876e94fa139aab753069dee538f6069c28df88a2ab94746"


def test_pool_sorts_references_by_code_point():
    pool = Pool.build(["é-1", "a-1", "B-1", "Z-1"])

    assert pool.text == "B-1\nZ-1\na-1\né-1\n".encode()


def test_select_is_independent_of_the_order_references_arrive_in():
    references = [f"REF-{n:04d}" for n in range(500)]
    shuffled = random.Random(7).sample(references, len(references))

    first = select(seed="abc", pool=Pool.build(references), size=25)
    second = select(seed="abc", pool=Pool.build(shuffled), size=25)

    assert first == second


def test_select_matches_sorting_every_reference_by_score():
    references = [f"REF-{n:04d}" for n in range(300)]

    chosen = select(seed="0ff1ce", pool=Pool.build(references), size=12)

    assert chosen == sorted(references, key=lambda r: sampling.score("0ff1ce", r))[:12]


def test_select_with_different_seed_chooses_different_cases():
    pool = Pool.build([f"REF-{n:04d}" for n in range(300)])

    assert select(seed="one", pool=pool, size=10) != select(seed="two", pool=pool, size=10)


def test_select_whole_pool_returns_every_reference_in_score_order():
    chosen = select(seed="5eed", pool=Pool.build(KV_REFERENCES), size=20)

    assert chosen == sorted(KV_REFERENCES, key=lambda r: sampling.score("5eed", r))


def test_select_more_than_the_pool_is_refused():
    with pytest.raises(ValueError, match="Cannot draw 21 from 20"):
        select(seed="5eed", pool=Pool.build(KV_REFERENCES), size=21)


def test_pool_with_a_line_break_in_a_reference_is_refused():
    with pytest.raises(SamplingError, match="line break"):
        Pool.build(["REF-1", "REF-2\nREF-3"])


def test_pool_survives_compression_unchanged():
    pool = Pool.build(KV_REFERENCES, ["a" if n % 2 else "b" for n in range(20)])

    assert Pool.decompress(*pool.compressed) == pool


def test_allocate_gives_leftover_seats_to_largest_remainders_then_larger_groups():
    # Quotas 2.5, 1.5 and 1.0: a and b tie on remainder, a is the larger group.
    assert allocate({"a": 5, "b": 3, "c": 2}, 5) == {"a": 3, "b": 1, "c": 1}


def test_allocate_breaks_a_full_tie_by_group_name():
    assert allocate({"b": 1, "a": 1, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}


def test_allocate_of_a_small_sample_from_uneven_groups_follows_the_quotas():
    # Quotas 7.5, 2.25, 0.25: floors 7, 2, 0 leave one seat, which goes to a.
    assert allocate({"a": 600, "b": 180, "c": 20}, 10) == {"a": 8, "b": 2, "c": 0}


@given(
    counts=st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 50), min_size=1),
    fraction=st.floats(0, 1),
)
def test_allocate_always_shares_out_exactly_the_sample_within_one_of_each_quota(counts, fraction):
    total = sum(counts.values())
    size = round(total * fraction)

    shares = allocate(counts, size)

    assert sum(shares.values()) == size
    for group, n in counts.items():
        quota = size * n / total if total else 0
        assert int(quota) <= shares[group] <= int(quota) + 1
        assert shares[group] <= n


def test_select_stratified_takes_the_smallest_scores_within_each_group():
    references = [f"REF-{n:03d}" for n in range(100)]
    groups = ["big" if n < 70 else "small" for n in range(100)]
    pool = Pool.build(references, groups)

    chosen = select(seed="strata", pool=pool, size=10)

    by_score = sorted(references, key=lambda r: sampling.score("strata", r))
    expected = [r for r in by_score if r < "REF-070"][:7] + [r for r in by_score if r >= "REF-070"][
        :3
    ]
    assert chosen == sorted(expected, key=lambda r: sampling.score("strata", r))


def _drawn_by_sorting_each_group(seed: str, pool: Pool, size: int) -> list[str]:
    """The stratified draw as a person checking it would work it out, slowly."""
    references = pool.text.decode().split("\n")[:-1]
    labels = pool.labels
    chosen = []
    for group, share in sampling.group_shares(pool, size).items():
        members = [r for r, g in zip(references, labels, strict=True) if g == group]
        chosen += sorted(members, key=lambda r: sampling.score(seed, r))[:share]
    return sorted(chosen, key=lambda r: sampling.score(seed, r))


@given(
    seed=st.from_regex(sampling.SEED_PATTERN, fullmatch=True),
    labels=st.lists(st.sampled_from(["a", "b", "c", ""]), min_size=1, max_size=60),
    fraction=st.floats(0, 1),
)
def test_select_stratified_equals_sorting_each_group_by_score(seed, labels, fraction):
    pool = Pool.build([f"R{n}" for n in range(len(labels))], labels)
    size = round(len(labels) * fraction)

    assert select(seed=seed, pool=pool, size=size) == _drawn_by_sorting_each_group(seed, pool, size)


def test_select_stratified_from_a_large_pool_looks_only_below_a_cut_off_and_agrees():
    labels = ["often"] * 6000 + ["sometimes"] * 1500 + ["rarely"] * 40
    pool = Pool.build([f"L-{n:05d}" for n in range(len(labels))], labels)

    assert algorithm._cutoff(pool.group_counts, sampling.group_shares(pool, 30)) < b"\x20"
    assert select(seed="cut", pool=pool, size=30) == _drawn_by_sorting_each_group("cut", pool, 30)


def test_select_stratified_searches_a_group_in_full_when_too_few_fall_below_the_cut_off(
    monkeypatch,
):
    labels = ["often"] * 600 + ["rarely"] * 50
    pool = Pool.build([f"L-{n:04d}" for n in range(len(labels))], labels)
    expected = select(seed="cut", pool=pool, size=20)

    monkeypatch.setattr(algorithm, "_cutoff", lambda counts, shares: b"\x00" * 32)

    assert select(seed="cut", pool=pool, size=20) == expected
    assert expected == _drawn_by_sorting_each_group("cut", pool, 20)


def test_pool_filters_record_as_sorted_plain_json():
    filters = PoolFilters(outcome_types=("simple-caution", "community-resolution"))

    assert filters.to_json() == {
        "outcome_types": ["community-resolution", "simple-caution"],
        "offence_categories": [],
        "crime_codes": [],
        "flags": {},
        "outcome_date_from": None,
        "outcome_date_to": None,
        "exclude_previously_reviewed": False,
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's sha256()")
@pytest.mark.django_db
def test_select_matches_postgresql_ordering_by_sha256():
    references = [f"REF-{n:04d}" for n in range(1000)] + ["é-1", "Z-9"]
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT r FROM unnest(%s::text[]) AS r
               ORDER BY sha256(convert_to(%s || r, 'UTF8')), r COLLATE "C" LIMIT 30""",
            [references, "pg-seed:"],
        )
        in_sql = [row[0] for row in cursor.fetchall()]

    assert select(seed="pg-seed", pool=Pool.build(references), size=30) == in_sql


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares PostgreSQL's two paths")
@pytest.mark.parametrize("column", [None, "outcome_type_id", "offence_category"])
def test_load_pool_aggregated_and_row_by_row_read_the_same_pool(meeting, case_pool, column):
    cases = Case.objects.filter(force=meeting.panel.force).order_by(CodePointOrder("reference"))

    references, groups = pool_module._aggregated(cases, column)
    expected_references, expected_groups = pool_module._rows(cases, column)

    assert references == expected_references
    assert groups == [str(value) for value in expected_groups]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
@pytest.mark.parametrize("stratum", [None, *sampling.Stratum.values])
def test_pool_query_can_be_answered_from_the_pool_index_alone(meeting, olu, stratum):
    # With every other way to read and order rows ruled out, the plan shows
    # whether the index's expression, predicate and included columns still
    # match the pool query, whatever the table holds.
    cases = sampling.eligible_cases(user=olu, meeting=meeting, filters=PoolFilters())
    column = pool_module.STRATUM_COLUMNS[stratum] if stratum else None
    ordered = cases.order_by(CodePointOrder("reference"))
    columns = ["reference", column] if column else ["reference"]
    sql, params = ordered.values_list(*columns).query.sql_with_params()
    # Ordered by bytes whatever the database's own collation (often en_US, which
    # would put "a" before "B" and change every fingerprint).
    assert sql.endswith('ORDER BY "cases_case"."reference" COLLATE "C" ASC')
    with transaction.atomic(), connection.cursor() as cursor:
        for plan_type in ["seqscan", "bitmapscan", "indexscan", "sort"]:
            cursor.execute(f"SET LOCAL enable_{plan_type} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Index Only Scan using case_pool_in_code_point_order" in plan
    assert "Sort" not in plan


@pytest.mark.django_db
@pytest.mark.parametrize("stratum", [None, "offence_category"])
def test_pool_is_in_code_point_order_whatever_the_database_collation(meeting, stratum):
    # Code-point order puts capitals before small letters and accents last; a
    # database sorting by its own locale would not, and the fingerprint would
    # then differ from `LC_ALL=C sort | sha256sum`.
    force = meeting.panel.force
    for reference in ["b-2", "É-5", "a-1", "Z-9", "B-3", "10", "9"]:
        factories.CaseFactory(force=force, reference=reference, offence_category=f"cat {reference}")

    pool = sampling.load_pool(Case.objects.filter(force=force), stratum)

    assert pool.text == "10\n9\nB-3\nZ-9\na-1\nb-2\nÉ-5\n".encode()
    if stratum:
        labels = pool.strata_text.decode().split("\n")[:-1]
        assert labels == [f"cat {ref}" for ref in pool.text.decode().split("\n")[:-1]]


def test_pool_fingerprint_equals_hashlib_of_joined_lines():
    pool = Pool.build(["b", "a", "c"])

    assert pool.fingerprint == hashlib.sha256(b"a\nb\nc\n").hexdigest()
