"""Lists sorted from the address: `?sort=reference` or `?sort=-reference` (descending).

A list declares the columns it may be sorted by; anything else in `sort` (a typo, an old
bookmark, a probe) falls back to the list's default order, never to an error. The
headers are links, as in the GOV.UK and MOJ sortable tables but without script: each
carries `aria-sort` and keeps the filters, starting again at the first page.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SortColumn:
    key: str  # the name in the address
    label: str  # the column's heading
    ascending: str  # how the caption says it, e.g. "A to Z"
    descending: str
    first: str = "ascending"  # the direction a first click asks for


@dataclass(frozen=True)
class SortHeader:
    label: str
    url: str
    aria_sort: str  # "ascending", "descending" or "none"


@dataclass(frozen=True)
class Sorting:
    sort: str  # the whitelisted value, e.g. "-outcome_date"
    headers: dict[str, SortHeader]  # column key → its header
    description: str  # "sorted by outcome date, newest first"


def sorting(request, columns: list[SortColumn], *, default: str) -> Sorting:
    allowed = {c.key for c in columns} | {f"-{c.key}" for c in columns}
    asked = request.GET.get("sort", "")
    sort = asked if asked in allowed else default
    key, descending = sort.removeprefix("-"), sort.startswith("-")
    query = request.GET.copy()
    query.pop("page", None)  # a new order starts at the first page
    headers, description = {}, ""
    for column in columns:
        state = "none"
        if column.key == key:
            state = "descending" if descending else "ascending"
            wording = column.descending if descending else column.ascending
            description = f"sorted by {column.label.lower()}, {wording}"
        following = column.first if state == "none" else _other(state)
        query["sort"] = column.key if following == "ascending" else f"-{column.key}"
        headers[column.key] = SortHeader(column.label, f"?{query.urlencode()}", state)
    return Sorting(sort, headers, description)


def _other(state: str) -> str:
    return "ascending" if state == "descending" else "descending"
