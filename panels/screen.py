"""The screen that public words go through before they are published: the privacy screen
of imported extracts (cases.privacy, less the office's own contact details), the case
references of the meetings the words speak for, runs of RUN or more words copied from
those cases' narratives, and the names of the panel's members.

A report's disclosure check (reports.disclosure) runs it over everything the report
will say; OPCC staff see what it finds in a force's response before they approve it."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy

from cases import privacy
from cases.enums import PrivacyKind

from .models import Membership, ReviewedCase

RUN = 12  # words in a row that count as copied narrative
WORD = re.compile(r"[\w'’-]+")
# Beside the privacy kinds; reports.enums.DisclosureKind names them with the same values.
CASE_REFERENCE, NARRATIVE, MEMBER_NAME = "case_reference", "narrative", "member_name"
LABELS = {
    **dict(PrivacyKind.choices),
    CASE_REFERENCE: gettext_lazy("A case reference"),
    NARRATIVE: gettext_lazy("Words copied from a case's narrative"),
    MEMBER_NAME: gettext_lazy("A panel member's name"),
}


@dataclass(frozen=True)
class Sources:
    """What the words must not repeat: (reference, facts, later information) of each
    case, and the members' full names."""

    cases: list[tuple[str, str, str]]
    names: list[str]


def meeting_sources(*, cases: Iterable[ReviewedCase] | None = None, panel_id=None) -> Sources:
    """The cases (a ReviewedCase queryset) and the panel whose members' names count."""
    rows = []
    if cases is not None:
        rows = list(
            cases.values_list(
                "case__reference", "case__facts_at_decision", "case__later_information"
            )
        )
    return Sources(rows, member_names(panel_id) if panel_id else [])


def member_names(panel_id) -> list[str]:
    people = Membership.objects.filter(panel=panel_id).values_list(
        "user__first_name", "user__last_name"
    )
    return sorted({f"{first} {last}".strip() for first, last in people if first and last})


def hits(text: str, sources: Sources) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each thing found in `text`."""
    own = _own_contact()
    address = squeezed(settings.ORGANISATION_ADDRESS)
    for kind, start, end in privacy.scan(text):
        matched = squeezed(text[start:end])
        # The office's own email, phone or postal address (its postcode, its street).
        if matched not in own and not (address and matched in address):
            yield kind, start, end
    for reference, facts, later in sources.cases:
        for match in re.finditer(re.escape(reference), text, flags=re.IGNORECASE):
            yield CASE_REFERENCE, match.start(), match.end()
        yield from copied(text, f"{facts} {later}")
    for name in sources.names:
        for match in re.finditer(rf"\b{re.escape(name)}\b", text, flags=re.IGNORECASE):
            yield MEMBER_NAME, match.start(), match.end()


@dataclass(frozen=True)
class Found:
    label: str
    excerpt: str  # the surrounding words with the match masked


def findings(text: str, sources: Sources) -> list[Found]:
    """What the screen finds in `text`, in words a reviewer reads, never the match."""
    return [
        Found(LABELS.get(kind, kind), excerpt(text, start, end, kind))
        for kind, start, end in hits(text, sources)
    ]


def excerpt(text: str, start: int, end: int, kind: str) -> str:
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    if kind == NARRATIVE:
        masked = f"[{len(WORD.findall(text[start:end]))} words copied from the case papers]"
    else:
        masked = f"[{LABELS.get(kind, kind).lower()}]"
    return (
        f"{'…' if start > 60 else ''}{before}{masked}{after}{'…' if end + 60 < len(text) else ''}"
    )


def _own_contact() -> set[str]:
    return {
        squeezed(value)
        for value in (settings.ORGANISATION_EMAIL, settings.ORGANISATION_PHONE)
        if value
    }


def squeezed(value: str) -> str:
    return re.sub(r"\s+", "", value).lower()


def copied(text: str, narrative: str):
    """Runs of RUN or more words of `text` that appear in that order in the narrative."""
    source = [w.lower() for w in WORD.findall(narrative)]
    if len(source) < RUN:
        return
    shingles = {tuple(source[i : i + RUN]) for i in range(len(source) - RUN + 1)}
    words = list(WORD.finditer(text))
    lowered = [w[0].lower() for w in words]
    i = 0
    while i <= len(words) - RUN:
        if tuple(lowered[i : i + RUN]) in shingles:
            end = i + RUN
            while end < len(words) and tuple(lowered[end - RUN + 1 : end + 1]) in shingles:
                end += 1
            yield NARRATIVE, words[i].start(), words[end - 1].end()
            i = end
        else:
            i += 1
