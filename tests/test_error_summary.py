"""Every link in an error summary goes to something on the page: for a radio or checkbox
question, its first input."""

import re

import pytest
from crispy_forms.helper import FormHelper
from django import forms
from django.template import Context, Template


def summary_targets(html: str) -> list[str]:
    summary = html.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="#([^"]+)"', summary)


@pytest.mark.django_db
def test_a_radio_questions_error_links_to_its_first_radio(client, alice):
    client.force_login(alice)

    page = client.post("/cases/imports/", {}).content.decode()

    targets = summary_targets(page)
    assert "id_encoding_1" in targets
    assert [t for t in targets if f'id="{t}"' not in page] == []


class Choices(forms.Form):
    kinds = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()


def test_a_checkbox_questions_error_links_to_its_first_checkbox():
    form = Choices(data={})
    template = Template(
        "{% load crispy_forms_tags crispy_forms_gds %}{% error_summary form %}{% crispy form %}"
    )

    page = template.render(Context({"form": form}))

    assert summary_targets(page) == ["id_kinds_1"]
    assert 'id="id_kinds_1"' in page


@pytest.mark.django_db
def test_the_decision_forms_error_links_to_the_first_category_radio(client, olu, chris, mina):
    from panels.enums import MeetingStatus
    from panels.meetings.services import meeting_move
    from tests import factories
    from tests.panels.test_meeting_pages import rate

    meeting = factories.MeetingFactory(panel=chris.memberships.get().panel)
    reviewed = factories.ReviewedCaseFactory(meeting=meeting, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    rate(reviewed, mina, "consistent")
    rate(reviewed, chris, "consistent")
    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)
    client.force_login(chris)

    page = client.post(
        f"/panels/meetings/{meeting.pk}/cases/1/decision/", {"version": "0", "action": "save"}
    ).content.decode()

    targets = summary_targets(page)
    assert "id_category_1" in targets
    assert [t for t in targets if f'id="{t}"' not in page] == []
