"""A case's facets: the values of its kind's fields whose type can be filtered and counted
by (FILTERABLE_TYPES: one or several of a list, yes or no, whole numbers), kept beside
`values` in `Case.facets`.

`values` holds long text too, so PostgreSQL reads it from the table; `facets` holds short
codes only, so the pool index can include it and a draw spread across a kind's field is
read from that index alone (docs/adr/0015-record-kinds.md). Every writer of `values`
keeps `facets` equal to `facet_values(values, codes)`, with `codes` worked out once
(`facet_codes`), not once a row.
"""

import json
from collections.abc import Iterable, Mapping

from ..models import FieldType, RecordField
from ..models.kinds import FILTERABLE_TYPES

# The most characters a case's facets may take as JSON, for the fullest case a kind's
# dictionary allows. The pool index's rows must stay under PostgreSQL's B-tree limit
# (2,704 bytes on 8 kB pages) with the force, reference, offence category and the rest
# (about 250 bytes at their longest); facets' binary form (jsonb) is about as long as
# their JSON text or shorter (1,457 bytes for 1,449 characters of codes, measured).
FACETS_LIMIT = 1500
# A whole number's JSON text is at most this long: the import keeps whole numbers to 18
# digits and a sign (cases/imports/typed.py).
INTEGER_WIDTH = 19
YES_NO_WIDTH = len("false")


def facet_codes(fields: Iterable[RecordField]) -> frozenset[str]:
    """The codes of the fields kept in `values` whose values are also facets."""
    return frozenset(f.code for f in fields if not f.column and f.type in FILTERABLE_TYPES)


def facet_values(values: Mapping, codes: frozenset[str]) -> dict:
    """The part of a case's `values` that is its facets."""
    return {code: value for code, value in values.items() if code in codes}


def kind_facets(kind, values: Mapping) -> dict:
    """The facets of a case of `kind` holding `values` (one query: the kind's fields)."""
    return facet_values(values, facet_codes(kind.fields.all())) if values else {}


def facets_json(values: Mapping, codes: frozenset[str]) -> str:
    return json.dumps(facet_values(values, codes)) if codes else "{}"


def widest_facets(fields) -> int:
    """How many characters of JSON the facets of a case holding every field at its widest
    take. `fields` are RecordFields or dictionary lines (type, code, choices as pairs or
    dicts); fields kept in columns count too, which only errs on the safe side."""
    width = 2  # {}
    for field in fields:
        if field.type not in FILTERABLE_TYPES:
            continue
        codes = [_choice_code(choice) for choice in field.choices]
        if field.type == FieldType.CHOICE:
            value = max((len(code) + 2 for code in codes), default=2)
        elif field.type == FieldType.MULTI_CHOICE:
            value = 2 + sum(len(code) + 4 for code in codes)
        elif field.type == FieldType.YES_NO:
            value = YES_NO_WIDTH
        else:
            value = INTEGER_WIDTH
        width += len(field.code) + 6 + value  # "code": value,
    return width


def _choice_code(choice) -> str:
    return choice["code"] if isinstance(choice, Mapping) else choice[0]
