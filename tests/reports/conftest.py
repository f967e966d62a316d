"""Closed meetings with decisions, and the staff who write and approve their reports."""

import datetime
import itertools

import pytest
from django.conf import settings
from django.utils import timezone

from core.roles import StaffRole
from panels.enums import MeetingStatus
from reports import services
from reports.enums import SectionKey
from tests import factories


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    """Published files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def nia(db):
    """A second OPCC officer, to approve what Olu drafted."""
    return factories.UserFactory(username="nia", roles=[StaffRole.OPCC_STAFF])


_DAYS_AGO = itertools.count(1)


def closed_meeting(
    counts: dict[str, int],
    *,
    date=None,
    framework_slug="oocr-four-way",
    panel=None,
    reasons=None,
    themes=None,
):
    """A closed meeting whose panel decided `counts` cases per category code."""
    panel = panel or factories.PanelFactory(framework=factories.framework(framework_slug))
    # A closed meeting has met: dated in the past unless a test says otherwise.
    date = date or timezone.localdate() - datetime.timedelta(days=next(_DAYS_AGO))
    meeting = factories.MeetingFactory(panel=panel, status=MeetingStatus.CLOSED, date=date)
    position = 0
    for code, n in counts.items():
        for _ in range(n):
            position += 1
            decision = factories.DecisionFactory(
                reviewed_case__meeting=meeting,
                reviewed_case__position=position,
                category=factories.category(code, framework_slug),
                reasons=(reasons or {}).get(position, f"Reason for case {position}."),
            )
            for slug in (themes or {}).get(position, []):
                decision.themes.add(factories.theme(slug))
    return meeting


@pytest.fixture
def build_meeting(db):
    return closed_meeting


@pytest.fixture
def draft(build_meeting, olu):
    meeting = build_meeting({"consistent-with-observations": 2, "inconsistent": 3})
    return services.report_generate(meeting=meeting, by=olu)


def write(report, body: str, *, by, key=SectionKey.WHY, heading="Why"):
    """Change a section from the page's current version, as an editor would."""
    return services.section_save(
        report=report, key=key, heading=heading, body=body, by=by, version=report.version
    )


def give_welsh(report):
    """Every text people wrote for the report gets its Welsh, as a bilingual office's
    staff would write it before sending the report for approval."""
    from django.db.models import F, Q, Value
    from django.db.models.functions import Concat

    from panels.models import ActionResponse

    def fill(rows, name):
        blank = Q(**{f"{name}_cy__isnull": True}) | Q(**{f"{name}_cy": ""})
        rows.filter(blank).exclude(**{f"{name}_en": ""}).exclude(
            **{f"{name}_en__isnull": True}
        ).update(**{f"{name}_cy": Concat(Value("Cymraeg: "), F(f"{name}_en"))})

    fill(report.sections.all(), "heading")
    fill(report.sections.all(), "body")
    if report.meeting_id:
        fill(type(report.meeting).objects.filter(pk=report.meeting_id), "theme")
        report.meeting.refresh_from_db()  # as the panel below: read before its Welsh
        fill(report.meeting.observations.all(), "text")
        fill(report.meeting.actions.all(), "description")
        fill(report.meeting.actions.all(), "owner")
        fill(ActionResponse.objects.filter(action__meeting=report.meeting), "text")
    if report.scrutiny_meeting_id:
        _give_notes_welsh(report.scrutiny_meeting, fill)
        return
    fill(type(report.panel).objects.filter(pk=report.panel_id), "public_description")
    fill(type(report.panel).objects.filter(pk=report.panel_id), "name")
    fill(type(report.panel).objects.filter(pk=report.panel_id), "organisation")
    for name in ("name", "description", "link_text"):
        fill(report.panel.support_services.all(), name)
    for name in ("measure", "source"):
        fill(report.force_figures.all(), name)
    report.panel.refresh_from_db()  # the report holds the panel as it was read before
    give_bullets_welsh(report)


def give_bullets_welsh(report):
    """Each published reason bullet gets its Welsh: a merged or reworded one beside its
    English, a case's recorded reasons from a bullet for that case with the English as
    recorded, as the reasons page writes them."""
    from reports.models import ReasonBullet
    from reports.presenters import present

    for finding in getattr(present(report), "findings", []):
        for shown in finding.bullets:
            if shown.welsh:
                continue
            bullet = shown.source or ReasonBullet.objects.create(
                report=report,
                category=finding.category,
                text=shown.english,
                lead_with_count=False,
                position=99,
            )
            bullet.decisions.add(*shown.decision_ids)
            bullet.text_cy = f"Cymraeg: {shown.english}"
            bullet.save()


def _give_notes_welsh(meeting, fill):
    """The Welsh of what OPCC staff recorded of a scrutiny meeting, as the notes show it."""
    from accountability.models import EvidenceSummary
    from panels.models import Action, ActionResponse

    fill(type(meeting).objects.filter(pk=meeting.pk), "theme")
    fill(meeting.topics.all(), "title")
    fill(meeting.questions.all(), "text")
    fill(EvidenceSummary.objects.filter(question__meeting=meeting), "text")
    fill(meeting.decisions.all(), "rationale")
    fill(meeting.follow_ups.all(), "text")
    fill(meeting.other_areas.all(), "heading")
    fill(meeting.other_areas.all(), "text")
    fill(Action.objects.filter(scrutiny__meeting=meeting), "description")
    fill(Action.objects.filter(scrutiny__meeting=meeting), "owner")
    fill(ActionResponse.objects.filter(action__scrutiny__meeting=meeting), "text")
    meeting.refresh_from_db()  # the report holds the meeting as it was read before


def approve(report, *, author, approver):
    if "cy" in getattr(settings, "PUBLISH_LANGUAGES", ("en",)):
        give_welsh(report)
    services.report_submit(report=report, by=author)
    services.report_approve(report=report, by=approver)


def publish(report, *, author, approver, note="", note_cy=""):
    approve(report, author=author, approver=approver)
    return services.report_publish(
        report=report, by=author, change_note=note, change_note_cy=note_cy
    )
