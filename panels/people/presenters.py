"""A panel's people as its pages show them: each membership's state in words, with its
GOV.UK tag. The selectors say where a membership stands; this says how it reads."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from ..models import Membership, Panel
from ..tags import Tag
from . import selectors
from .selectors import MembershipState

STATE_TAGS = {
    MembershipState.ACTIVE: Tag(gettext_lazy("Active"), "govuk-tag--green"),
    MembershipState.INVITED: Tag(gettext_lazy("Invited, not yet accepted"), "govuk-tag--blue"),
    MembershipState.EXPIRED: Tag(gettext_lazy("Invitation expired"), "govuk-tag--orange"),
    MembershipState.PAUSED: Tag(gettext_lazy("Paused"), "govuk-tag--yellow"),
    MembershipState.ENDED: Tag(gettext_lazy("Ended"), "govuk-tag--grey"),
}


def membership_state(membership: Membership, now=None) -> tuple[str, str, str]:
    """(state, its words, its tag's colour class) of a membership."""
    state = selectors.membership_state(membership, now)
    tag = STATE_TAGS[state]
    return state, tag.text, tag.colour


@dataclass(frozen=True)
class MemberRow:
    membership: Membership
    state: str
    state_label: str
    state_class: str

    @property
    def awaiting_acceptance(self) -> bool:
        return self.state in {MembershipState.INVITED, MembershipState.EXPIRED}


def member_row(membership: Membership, state: str) -> MemberRow:
    tag = STATE_TAGS[state]
    return MemberRow(membership, state, tag.text, tag.colour)


def panel_members(*, panel: Panel) -> list[MemberRow]:
    """The panel's memberships as its page lists them (`selectors.panel_members`)."""
    return [member_row(m, state) for m, state in selectors.panel_members(panel=panel)]
