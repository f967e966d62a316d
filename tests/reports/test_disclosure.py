"""The disclosure check: what must not reach the public site is found before publishing."""

import pytest

from panels.models import ReviewedCase
from reports import disclosure, services
from reports.enums import SectionKey
from tests import factories
from tests.reports.conftest import write

pytestmark = pytest.mark.django_db

NARRATIVE = (
    "The suspect sent eleven messages over four nights to the victim's work phone and then "
    "waited outside the office on two occasions."
)


def kinds(report):
    return sorted(f.kind for f in disclosure.check(report))


def test_a_clean_report_has_no_findings(draft):
    assert disclosure.check(draft) == []


def test_a_case_reference_in_the_text_is_found(draft, olu):
    reference = ReviewedCase.objects.filter(meeting=draft.meeting).first().case.reference
    write(draft, f"As case {reference} showed.", by=olu, key=SectionKey.WHY, heading="Why")

    assert kinds(draft) == ["case_reference"]


def test_twelve_words_copied_from_a_narrative_are_found(build_meeting, olu):
    meeting = build_meeting({"inconsistent": 1})
    ReviewedCase.objects.filter(meeting=meeting).first().case.__class__.objects.filter(
        reviews__meeting=meeting
    ).update(facts_at_decision=NARRATIVE)
    report = services.report_generate(meeting=meeting, by=olu)
    copied = " ".join(NARRATIVE.split()[2:14])  # twelve words in a row
    write(report, f"In one case {copied}.", by=olu, key=SectionKey.WHY, heading="Why")
    eleven = " ".join(NARRATIVE.split()[2:13])
    write(report, f"Also {eleven}.", by=olu, key=SectionKey.HOW, heading="How")

    (finding,) = disclosure.check(report)
    assert finding.kind == "narrative"
    assert "12 words copied" in finding.excerpt


def test_a_members_name_is_found(draft, olu):
    member = factories.MembershipFactory(
        panel=draft.panel, user__first_name="Chris", user__last_name="Carter"
    )
    write(
        draft,
        f"Chaired by {member.user.first_name} Carter.",
        by=olu,
        key=SectionKey.WHY,
        heading="Why",
    )

    assert kinds(draft) == ["member_name"]


def test_an_accepted_finding_comes_back_when_the_text_changes(build_meeting, olu):
    meeting = build_meeting({"inconsistent": 1}, reasons={1: "Call 07700 900123 for help."})
    report = services.report_generate(meeting=meeting, by=olu)
    (finding,) = disclosure.check(report)
    services.disclosure_accept(
        report=report, fingerprint=finding.fingerprint, reason="A helpline, not a person.", by=olu
    )
    assert disclosure.check(report)[0].acceptance is not None

    write(report, "Or 07700 900456.", by=olu, key=SectionKey.WHY, heading="Why")

    assert [f.acceptance is None for f in disclosure.check(report)] == [True, False]


def test_each_finding_links_to_the_field_where_its_words_are_changed(client, build_meeting, olu):
    from panels.enums import ActionStatus, ObservationKind
    from panels.models import Action, Observation

    meeting = build_meeting({"inconsistent": 1}, reasons={1: "Call 07700 900123 for help."})
    report = services.report_generate(meeting=meeting, by=olu)
    reference = ReviewedCase.objects.filter(meeting=meeting).first().case.reference
    write(report, f"As case {reference} showed.", by=olu, key=SectionKey.WHY, heading="Why")
    note = Observation.objects.create(
        meeting=meeting,
        kind=ObservationKind.LEARNING,
        text="Ring 07700 900456 next time.",
        is_public=True,
        created_by=olu,
    )
    member = factories.MembershipFactory(
        panel=report.panel, user__first_name="Chris", user__last_name="Carter"
    )
    action = Action.objects.create(
        meeting=meeting,
        description="Brief officers.",
        owner=member.user.get_full_name(),
        status=ActionStatus.OPEN,
    )
    client.force_login(olu)

    page = client.get(f"/reports/{report.pk}/").content.decode()

    category = factories.category("inconsistent")
    targets = {
        f"/reports/{report.pk}/sections/why/#id_body": 'id="id_body"',
        f"/reports/{report.pk}/reasons/{category.pk}/#id_text": 'id="id_text"',
        f"/panels/meetings/{meeting.pk}/notes/{note.pk}/#id_text": 'id="id_text"',
        f"/panels/actions/{action.pk}/#id_owner": 'id="id_owner"',
    }
    for link, field in targets.items():
        assert f'href="{link}"' in page
        target = client.get(link.split("#")[0])
        assert target.status_code == 200 and field in target.content.decode()


def test_words_saying_how_cases_were_chosen_are_found_and_cannot_be_accepted(build_meeting, olu):
    from django.core.exceptions import ValidationError

    meeting = build_meeting(
        {"inconsistent": 1}, reasons={1: "This case, selected at random, lacked an admission."}
    )
    report = services.report_generate(meeting=meeting, by=olu)

    (finding,) = disclosure.check(report)
    assert (finding.kind, finding.can_accept) == ("selection_claim", False)
    assert "selected at random" in finding.excerpt
    with pytest.raises(ValidationError, match="says how the cases were chosen"):
        services.disclosure_accept(
            report=report, fingerprint=finding.fingerprint, reason="Fine.", by=olu
        )
    with pytest.raises(ValidationError, match="remove it first"):
        services.report_submit(report=report, by=olu)
    report.refresh_from_db()
    assert report.status == "draft"


def test_a_support_service_the_panel_lists_is_checked_too(draft, olu):
    from reports.models import SupportService

    member = factories.MembershipFactory(
        panel=draft.panel, user__first_name="Chris", user__last_name="Carter"
    )
    service = SupportService.objects.create(
        name="Helpline",
        phone="0808 000 0000",
        description=f"Run by {member.user.first_name} Carter.",
    )
    service.panels.add(draft.panel)

    (finding,) = disclosure.check(draft)
    assert (finding.kind, finding.location) == ("member_name", "Support service “Helpline”")
    assert finding.fix_url.endswith(f"/support-services/{service.pk}/#id_description")


def test_a_finding_read_in_welsh_names_its_kind_in_welsh(client, draft, olu, welsh):
    write(draft, "Email help@example.net for help.", by=olu, key=SectionKey.WHY, heading="Why")
    client.force_login(olu)
    client.cookies["django_language"] = "cy"

    page = client.get(f"/reports/{draft.pk}/").content.decode()

    assert "Cyfeiriad e-bost" in page
    assert "Email address" not in page
