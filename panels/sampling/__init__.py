"""Auditable random dip sampling: which cases could be drawn, and which were.

The method ("position-sha256-v2"; draws recorded with "bottomk-sha256-v1" are
still re-run with that; docs/adr/0004-dip-sampling.md) needs only the seed and the
list of eligible references, so anyone holding both can repeat a draw in any
language, and the order rows come out of the database cannot change the result.

- `algorithm`: the recorded Pool, strata, and the first method's scores and bottom-k.
- `positions`: the method new draws use: numbers from the seed pick positions.
- `methods`: the methods by version (no database).
- `pool`: which cases a draw may take, and the filters in plain words.
- `verification`: re-running a recorded draw.
"""

from ..sample_filters import describe_filters
from .algorithm import (
    BOTTOMK_VERSION,
    SEED_PATTERN,
    Pool,
    SamplingError,
    allocate,
    group_shares,
    new_seed,
    score,
    select,
)
from .kind_fields import KindDraw, kind_draw, stratum_field, stratum_label
from .methods import ALGORITHM_VERSION, METHODS, choose, select_and_seal
from .pool import (
    CaseFlag,
    PoolFilters,
    Stratum,
    carry_over_candidates,
    eligible_cases,
    load_pool,
    pool_offence_categories,
    stratum_labels,
)
from .verification import verify, verify_agenda

__all__ = [
    "ALGORITHM_VERSION",
    "BOTTOMK_VERSION",
    "METHODS",
    "SEED_PATTERN",
    "CaseFlag",
    "KindDraw",
    "Pool",
    "PoolFilters",
    "SamplingError",
    "Stratum",
    "allocate",
    "choose",
    "carry_over_candidates",
    "describe_filters",
    "eligible_cases",
    "group_shares",
    "kind_draw",
    "load_pool",
    "new_seed",
    "pool_offence_categories",
    "score",
    "select",
    "select_and_seal",
    "stratum_field",
    "stratum_label",
    "stratum_labels",
    "verify",
    "verify_agenda",
]
