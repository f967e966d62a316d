"""Auditable random dip sampling: which cases could be drawn, and which were.

The algorithm ("bottomk-sha256-v1", docs/adr/0004-dip-sampling.md) needs only
the seed and the list of eligible references, so anyone holding both can repeat
a draw in any language, and the order rows come out of the database cannot
change the result.

- `algorithm`: scores, bottom-k, strata and the recorded Pool (no database).
- `pool`: which cases a draw may take, and the filters in plain words.
- `verification`: re-running a recorded draw.
"""

from ..sample_filters import describe_filters
from .algorithm import (
    ALGORITHM_VERSION,
    SEED_PATTERN,
    Pool,
    SamplingError,
    allocate,
    group_shares,
    new_seed,
    score,
    select,
    select_and_seal,
)
from .kind_fields import KindDraw, kind_draw, stratum_field, stratum_label
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
    "SEED_PATTERN",
    "CaseFlag",
    "KindDraw",
    "Pool",
    "PoolFilters",
    "SamplingError",
    "Stratum",
    "allocate",
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
