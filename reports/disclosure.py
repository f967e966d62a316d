"""The disclosure check a report passes before publication.

The report's words, as the public would read them, go through the same privacy screen
as imported extracts, and are searched for the case references of the meeting (of every
meeting in the period, for a period report), runs of 12 or more words copied from those
cases' narratives, and the names of the panel's members.
Each finding is fixed (it disappears) or accepted with a recorded reason.
"""

import hashlib
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext

from cases.enums import PrivacyKind
from core.bilingual import english, english_of
from panels import screen
from panels.models import ReviewedCase

from . import markup
from .accountability.texts import notes_texts
from .enums import DisclosureKind, ReportKind
from .models import DisclosureAcceptance, FindingsReport
from .presenters import present
from .standing_text import SELECTION_CLAIM
from .welsh import welsh_words

_WORD = screen.WORD
_LABELS = {**dict(PrivacyKind.choices), **dict(DisclosureKind.choices)}


@dataclass(frozen=True)
class Finding:
    fingerprint: str
    kind: str
    location: str
    excerpt: str  # the surrounding words with the match masked
    acceptance: DisclosureAcceptance | None = None
    fix_url: str = ""  # where the words are changed, down to the field

    @property
    def can_accept(self) -> bool:
        return self.kind != DisclosureKind.SELECTION_CLAIM

    @property
    def kind_label(self) -> str:
        # The privacy kinds' labels are marked for translation, not translated (cases.enums).
        return gettext(str(_LABELS.get(self.kind, self.kind)))


def selection_claims(findings: list[Finding]) -> list[Finding]:
    """Findings of text saying how cases were chosen: fixed, never accepted."""
    return [f for f in findings if f.kind == DisclosureKind.SELECTION_CLAIM]


def selection_refusal(findings: list[Finding]) -> str | None:
    claims = selection_claims(findings)
    if not claims:
        return None
    return (
        f"{claims[0].location} says how the cases were chosen. The report says that once, "
        "from the record of the sample draw, so other text must not say it differently: "
        "remove it first."
    )


def check(report: FindingsReport) -> list[Finding]:
    # The English words (and, beside them, the Welsh: welsh.welsh_words), whatever the
    # language of the page asking: a finding's fingerprint must not change with it.
    with english():
        texts = report_texts(report)
    cases = list(
        _reviewed_cases(report).values_list(
            "case__reference", "case__facts_at_decision", "case__later_information"
        )
    )
    names = _member_names(report)
    accepted = {a.fingerprint: a for a in report.disclosure_acceptances.all()}
    found = []
    for text in texts:
        for kind, start, end in _hits(text.words, cases, names):
            fingerprint = _fingerprint(text.location, kind, text.words[start:end])
            found.append(
                Finding(
                    fingerprint,
                    kind,
                    text.location,
                    _excerpt(text.words, start, end, kind),
                    accepted.get(fingerprint),
                    text.fix_url,
                )
            )
    return found


@dataclass(frozen=True)
class Text:
    location: str
    words: str
    fix_url: str = ""  # the page and field where these words are changed


def report_texts(report: FindingsReport) -> list[Text]:
    """Everything the published report will say, with where each part is changed: the
    English read as English whatever the page's language, then the Welsh (welsh_words)."""
    with english():
        return _report_texts(report)


def _report_texts(report: FindingsReport) -> list[Text]:
    presented = present(report)
    if report.kind == ReportKind.NOTES:
        texts = [Text(*parts) for parts in notes_texts(report, presented)]
        return texts + [Text(*parts) for parts in welsh_words(report, presented)]
    texts = [Text("Title", report.title)]
    if report.meeting:
        # Fixed once the meeting has closed: a finding here can only be accepted.
        texts.append(Text("Theme", report.meeting.theme))
    for section in presented.sections.values():
        where = f"Section “{section.heading}”"
        edit = reverse("reports:section_edit", args=[report.pk, section.key])
        texts.append(Text(where, section.heading, f"{edit}#id_heading"))
        texts.append(Text(where, markup.plain(section.body), f"{edit}#id_body"))
    for services in getattr(presented, "support", {}).values():
        for service in services:
            edit = reverse("reports:support_service_edit", args=[service.pk])
            where = f"Support service “{service.name}”"
            texts.append(Text(where, service.name, f"{edit}#id_name"))
            texts.append(Text(where, markup.plain(service.description), f"{edit}#id_description"))
    for finding in getattr(presented, "findings", []):
        reasons = reverse("reports:reasons", args=[report.pk, finding.category.pk])
        for n, bullet in enumerate(finding.bullets, start=1):
            if bullet.source is not None:
                fix = reverse(
                    "reports:bullet_edit", args=[report.pk, finding.category.pk, bullet.source.pk]
                )
            else:
                fix = reasons
            texts.append(
                Text(
                    f"{finding.category.short_label}, reason {n}", bullet.sentence, f"{fix}#id_text"
                )
            )
    for heading, observations in getattr(presented, "observations", []):
        for n, observation in enumerate(observations, start=1):
            fix = reverse("panels:observation_edit", args=[observation.meeting_id, observation.pk])
            texts.append(Text(f"{heading}, item {n}", observation.text, f"{fix}#id_text"))
    actions = getattr(presented, "actions", None)
    if actions is None:
        actions = presented.actions_opened + presented.actions_closed
    for n, action in enumerate(actions, start=1):
        fix = reverse("panels:action_edit", args=[action.pk])
        texts.append(Text(f"Action {n}", action.description, f"{fix}#id_description"))
        texts.append(Text(f"Action {n}", action.owner, f"{fix}#id_owner"))
        for reply in getattr(action, "approved_responses", [])[:1]:
            # Changed by withdrawing the approval, so the force can send a corrected one.
            where = reverse("panels:response_withdraw", args=[reply.pk])
            texts.append(
                Text(
                    f"Action {n}, the force's response",
                    english_of(reply, "text"),
                    f"{where}#id_reason",
                )
            )
    figures = reverse("reports:report_figures", args=[report.pk])
    for n, line in enumerate(presented.extras.force_figures, start=1):
        words = f"{line.measure}. {line.source}"
        texts.append(Text(f"The force's figure {n}", words, f"{figures}#id_force_figures"))
    # The Welsh the public will read is screened as the English is.
    texts += [Text(*parts) for parts in welsh_words(report, presented)]
    return texts


def _hits(text: str, cases, names):
    # The screen a force's response goes through before approval (panels.screen), and
    # what only a report must not say: how its cases were chosen.
    yield from screen.hits(text, screen.Sources(cases, names))
    for match in SELECTION_CLAIM.finditer(text):
        yield DisclosureKind.SELECTION_CLAIM.value, match.start(), match.end()


def _reviewed_cases(report: FindingsReport):
    """The cases the report speaks for: its meeting's, or every meeting's in its period."""
    if report.kind == ReportKind.PERIOD:
        return ReviewedCase.objects.filter(
            meeting__panel=report.panel_id,
            meeting__date__gte=report.period_start,
            meeting__date__lte=report.period_end,
        )
    return ReviewedCase.objects.filter(meeting=report.meeting_id)


def _member_names(report: FindingsReport) -> list[str]:
    return screen.member_names(report.panel_id)


def _fingerprint(location: str, kind: str, matched: str) -> str:
    return hashlib.sha256(f"{location}\x00{kind}\x00{matched.lower()}".encode()).hexdigest()


def _excerpt(text: str, start: int, end: int, kind: str) -> str:
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    if kind == DisclosureKind.SELECTION_CLAIM:
        masked = text[start:end]  # the words to remove, shown as they are
    elif kind == DisclosureKind.NARRATIVE:
        masked = f"[{len(_WORD.findall(text[start:end]))} words copied from the case papers]"
    else:
        masked = f"[{_LABELS.get(kind, kind).lower()}]"
    return (
        f"{'…' if start > 60 else ''}{before}{masked}{after}{'…' if end + 60 < len(text) else ''}"
    )
