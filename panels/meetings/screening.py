"""Personal data in a meeting's public notes and actions, found as they are saved.

The same privacy screen as imported extracts and the report's disclosure check
(`cases.privacy`), plus, as the disclosure check does, the panel's members' names and the
meeting's case references. Only the kind found is named, never the matched words.
"""

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import privacy
from cases.enums import PrivacyKind

from ..models import Action, Meeting, Membership, Observation

MEMBER_NAME, CASE_REFERENCE = "member_name", "case_reference"

# How each kind reads in "… looks like it contains a phone number".
WORDS = {
    PrivacyKind.NI_NUMBER: "a National Insurance number",
    PrivacyKind.PNC_ID: "a PNC ID",
    PrivacyKind.POSTCODE: "a postcode",
    PrivacyKind.EMAIL: gettext_lazy("an email address"),
    PrivacyKind.PHONE: gettext_lazy("a phone number"),
    PrivacyKind.VEHICLE_REG: gettext_lazy("a vehicle registration"),
    PrivacyKind.DATE_OF_BIRTH: gettext_lazy("a date of birth"),
    PrivacyKind.TITLED_NAME: gettext_lazy("a name (a title followed by a name)"),
    PrivacyKind.STREET_ADDRESS: gettext_lazy("a street address"),
    MEMBER_NAME: gettext_lazy("a panel member's name"),
    CASE_REFERENCE: gettext_lazy("a case reference"),
}


@dataclass(frozen=True)
class Screen:
    """What a meeting's words are checked against, read once."""

    names: list[str]
    references: list[str]

    def kinds(self, text: str) -> list[str]:
        """The kinds of personal data in `text`, in the order they first appear."""
        hits = list(privacy.scan(text))
        for name in self.names:
            pattern = rf"\b{re.escape(name)}\b"
            hits += [(MEMBER_NAME, m.start(), 0) for m in re.finditer(pattern, text, re.I)]
        for reference in self.references:
            pattern = re.escape(reference)
            hits += [(CASE_REFERENCE, m.start(), 0) for m in re.finditer(pattern, text, re.I)]
        return list(dict.fromkeys(kind for kind, _, _ in sorted(hits, key=lambda h: h[1])))

    def describe(self, text: str) -> str:
        """ "a name and a phone number", or "" when nothing is found."""
        words = [str(WORDS[kind]) for kind in self.kinds(text)]
        return _(" and ").join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def meeting_screen(meeting: Meeting) -> Screen:
    people = Membership.objects.filter(panel_id=meeting.panel_id).values_list(
        "user__first_name", "user__last_name"
    )
    names = sorted({f"{first} {last}" for first, last in people if first and last})
    references = list(meeting.reviewed_cases.values_list("case__reference", flat=True))
    return Screen(names=names, references=references)


@dataclass(frozen=True)
class Warning:
    text: str  # "Observation 2 looks like it contains a phone number"
    url: str  # where to change it


def record_warnings(*, meeting: Meeting, observations, actions) -> list[Warning]:
    """A warning for each public note and each action whose words look like personal data,
    numbered as the meeting page lists them."""
    screen = meeting_screen(meeting)
    warnings = []
    for number, note in enumerate(observations, start=1):
        found = screen.describe(note.text) if note.is_public else ""
        if found:
            url = reverse("panels:observation_edit", args=[meeting.pk, note.pk])
            text = _("Observation %(number)s looks like it contains %(found)s")
            warnings.append(Warning(text % {"number": number, "found": found}, url))
    for number, action in enumerate(actions, start=1):
        found = screen.describe(action.description)
        if found:
            url = reverse("panels:action_edit", args=[action.pk])
            text = _("Action %(number)s looks like it contains %(found)s")
            warnings.append(Warning(text % {"number": number, "found": found}, url))
    return warnings


def saved_warning(*, meeting: Meeting, item: Observation | Action) -> str:
    """What the banner after a save says of personal data in what was saved, or ""."""
    if isinstance(item, Observation):
        found = meeting_screen(meeting).describe(item.text) if item.is_public else ""
        text = _(
            "The note looks like it contains %(found)s. Check it before the findings are published."
        )
    else:
        found = meeting_screen(meeting).describe(item.description)
        text = _(
            "The action looks like it contains %(found)s. Check it before the findings are "
            "published."
        )
    if not found:
        return ""
    return text % {"found": found}
