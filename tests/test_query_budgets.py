"""A query budget for every page: the same count with 10 cases and 4 members as with 40
cases and 12 members, and no more than the page's budget below.

Two worlds of the same shape are built, one after the other, each inside a transaction
that is rolled back once its pages have been counted: a panel with a chair, voting and
non-voting members; a meeting in discussion whose cases every voting member has rated; a
meeting open for rating; a planned meeting with its sample drawn; a closed meeting with
a published findings report and one with a draft; observations, actions, an extract
batch with privacy findings and a background job. Every page in the resolver is either
counted here, as a role allowed to see it, or left out in EXCLUDED with the reason.

A page whose count differs between the worlds runs a query per case or per member (an
N+1): the failure lists the statements the larger world ran more often. A page that
grows past its budget fails too; if the growth is meant, raise the budget.
"""

import datetime
import re
import time
from collections import Counter
from contextlib import nullcontext
from http.cookies import SimpleCookie
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from cases.documents.services import document_upload
from core.auth_events import LAST_SEEN
from core.jobs import Job, JobStatus
from core.models import AuditEntry
from core.roles import StaffRole
from panels.enums import Agency, MeetingStatus, MembershipRole, ObservationKind
from panels.liaison.services import action_response_submit
from panels.meetings.services import (
    DecisionInput,
    action_save,
    decision_record,
    meeting_move,
    observation_save,
)
from panels.models import ActionResponse, Membership
from panels.rating.services import RatingInput, comment_save, conflict_declare, rating_save
from panels.sampling import PoolFilters
from panels.sampling.services import sample_draw
from reports import bullets as report_bullets
from reports import disclosure
from reports import services as report_services
from reports.models import ForceFigure, SupportService
from tests import factories
from tests.accountability import budgets as accountability
from tests.cases import pdfs
from tests.cases.conftest import csv_bytes, row, upload
from tests.reports.conftest import closed_meeting, publish, write

pytestmark = pytest.mark.django_db

# cases per meeting, members of the panel (one chair; the non-voting ones; the rest vote)
SIZES = {"small": (10, 4), "large": (40, 12)}
PERSONAL = {"Facts at decision": "Call Mr Smith on 07700 900123."}


# --- the world ------------------------------------------------------------------------


def _rate(reviewed, user, criteria, code="consistent"):
    conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    rating_save(
        reviewed_case=reviewed,
        user=user,
        data=RatingInput(
            category=factories.category(code),
            reasons=f"Fictional reasons of {user.username}.",
            assessments={c.code: ("met", "") for c in criteria},
        ),
        submit=True,
        version=0,
    )


def _comment(reviewed, user):
    conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    comment_save(reviewed_case=reviewed, user=user, text=f"Police view from {user.username}.")


def _cases(meeting, n, label):
    return [
        factories.ReviewedCaseFactory(meeting=meeting, position=p, case__reference=f"{label}-{p}")
        for p in range(1, n + 1)
    ]


def build_world(n_cases: int, n_members: int) -> SimpleNamespace:
    w = SimpleNamespace(n=n_cases)
    w.olu = factories.UserFactory(username="olu", roles=[StaffRole.OPCC_STAFF])
    nia = factories.UserFactory(username="nia", roles=[StaffRole.OPCC_STAFF])
    w.alice = factories.UserFactory(username="alice", roles=[StaffRole.DATA_ADMIN], is_staff=True)
    w.force = factories.ForceFactory(code="FORCE-Q", name="Force Q Police")
    w.panel = factories.PanelFactory(name="Panel Q OoCR", slug="panel-q", force=w.force)
    criteria = list(w.panel.framework.criteria.all())
    agencies = [Agency.CPS, Agency.MAGISTRACY, Agency.PROBATION]

    n_nonvoting = max(1, n_members // 6)
    w.chair = factories.MembershipFactory(
        panel=w.panel, user__username="chris", role=MembershipRole.CHAIR, agency=Agency.MAGISTRACY
    ).user
    w.voters = [w.chair] + [
        factories.MembershipFactory(
            panel=w.panel, user__username=f"member{i}", agency=agencies[i % 3]
        ).user
        for i in range(1, n_members - n_nonvoting)
    ]
    w.member = w.voters[1]
    w.nonvoters = [
        factories.MembershipFactory(
            panel=w.panel, user__username=f"police{i}", agency=Agency.POLICE, is_voting=False
        ).user
        for i in range(1, n_nonvoting + 1)
    ]
    w.nonvoting = w.nonvoters[0]
    base = datetime.date(2026, 1, 10)

    # In discussion: every voting member has rated every case, the police have commented,
    # and the first half of the cases are decided.
    w.disc = factories.MeetingFactory(panel=w.panel, date=base, theme="Harassment")
    disc_cases = _cases(w.disc, n_cases, "DISC")
    meeting_move(meeting=w.disc, to=MeetingStatus.RATING_OPEN, by=w.olu)
    for position, reviewed in enumerate(disc_cases, start=1):
        for i, user in enumerate(w.voters):
            _rate(reviewed, user, criteria, "inconsistent" if (i + position) % 3 else "consistent")
        for user in w.nonvoters:
            _comment(reviewed, user)
    meeting_move(meeting=w.disc, to=MeetingStatus.IN_DISCUSSION, by=w.chair)
    w.disc.refresh_from_db()
    for reviewed in disc_cases[: n_cases // 2]:
        decision_record(
            reviewed_case=reviewed,
            by=w.chair,
            data=DecisionInput(
                category=factories.category("inconsistent"), reasons="No admission."
            ),
            version=0,
        )
    n_notes = n_cases // 4
    w.observations = [
        observation_save(
            meeting=w.disc,
            by=w.chair,
            kind=ObservationKind.choices[i % len(ObservationKind.choices)][0],
            text=f"Observation {i}.",
            is_public=bool(i % 2),
        )
        for i in range(n_notes)
    ]
    w.actions = [
        action_save(
            meeting=w.disc,
            by=w.chair,
            description=f"Action {i}.",
            owner="Force",
            addressed_to_force=True,
        )
        for i in range(n_notes)
    ]
    # The force's liaison has answered each action, the first one as often as there are
    # notes, with a piece of evidence each time.
    w.liaison = factories.ForceLiaisonFactory(force=w.force, user__username="lee")
    w.responses = [
        action_response_submit(
            action=action,
            by=w.liaison.user,
            text=f"Answer {i}.",
            proposed_status="in_progress",
            evidence_title=f"Evidence {i}",
            evidence=[pdfs.text_pdf()],
        )
        for i, action in enumerate([w.actions[0]] * n_notes + w.actions[1:])
    ]
    # An earlier answer OPCC staff approved, whose approval can be withdrawn.
    w.approved = ActionResponse.objects.create(
        action=w.actions[-1],
        text="An earlier answer.",
        proposed_status="in_progress",
        submitted_by=w.liaison.user,
        submitted_at=w.responses[-1].submitted_at - datetime.timedelta(days=1),
        state="approved",
    )

    # Open for rating: the member has rated the first half, everyone else the first two
    # cases, and the police have commented on those; the member has said they have no
    # conflict on the last case, and the police officer has declared one there.
    w.rating_meeting = factories.MeetingFactory(
        panel=w.panel, date=base + datetime.timedelta(days=30), theme="Rating"
    )
    rating_cases = _cases(w.rating_meeting, n_cases, "RATE")
    meeting_move(meeting=w.rating_meeting, to=MeetingStatus.RATING_OPEN, by=w.olu)
    for position, reviewed in enumerate(rating_cases[: n_cases // 2], start=1):
        for user in w.voters if position <= 2 else [w.member]:
            _rate(reviewed, user, criteria)
        for user in w.nonvoters if position <= 2 else []:
            _comment(reviewed, user)
    conflict_declare(reviewed_case=rating_cases[-1], user=w.member, has_conflict=False)
    w.conflict = conflict_declare(
        reviewed_case=rating_cases[-1], user=w.nonvoting, has_conflict=True, details="Knows her."
    )

    # Planned, with its sample drawn from the force's pool.
    w.planned = factories.MeetingFactory(
        panel=w.panel, date=base + datetime.timedelta(days=60), theme="Planned"
    )
    for p in range(1, n_cases + 1):
        factories.CaseFactory(force=w.force, reference=f"POOL-{p}")
    sample_draw(meeting=w.planned, by=w.olu, filters=PoolFilters(), size=n_cases // 2, seed="7")

    # Closed: one published report, one draft with a merged bullet and a disclosure finding.
    half = n_cases // 2
    counts = {"consistent-with-observations": half, "inconsistent": n_cases - half}
    closed_pub = closed_meeting(counts, panel=w.panel, date=base - datetime.timedelta(days=30))
    w.support = SupportService.objects.create(name="A helpline", phone="0808 000 0000")
    w.support.panels.add(w.panel)
    w.published = report_services.report_generate(meeting=closed_pub, by=w.olu)
    # In Welsh as well, so the Welsh version's pages are counted too.
    with override_settings(PUBLISH_LANGUAGES=("en", "cy")):
        publish(w.published, author=w.olu, approver=nia)
    w.published.refresh_from_db()

    closed_draft = closed_meeting(counts, panel=w.panel, date=base - datetime.timedelta(days=20))
    w.draft = report_services.report_generate(meeting=closed_draft, by=w.olu)
    w.force_figure = ForceFigure.objects.create(
        force=w.force,
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        measure="Community resolutions",
        number=2452,
        source="Home Office crime outcomes statistics",
        updated_by=w.olu,
    )
    w.draft.force_figures.add(w.force_figure)
    w.category = factories.category("inconsistent")
    decisions = list(
        w.category.decisions.filter(reviewed_case__meeting=closed_draft).order_by("pk")[:2]
    )
    w.bullet = report_bullets.bullet_save(
        report=w.draft,
        category=w.category,
        decisions=decisions,
        text="Merged reasons.",
        by=w.olu,
        version=w.draft.version,
    )
    w.draft.refresh_from_db()
    reference = closed_draft.reviewed_cases.first().case.reference
    write(w.draft, f"The panel looked at case {reference}.", by=w.olu)
    w.draft.refresh_from_db()
    w.disclosure_finding = disclosure.check(w.draft)[0]

    # An extract with a privacy finding on every other row, and a job still running.
    rows = [row(f"CR-{p}", **(PERSONAL if p % 2 else {})) for p in range(1, n_cases + 1)]
    w.batch = upload(w.alice, w.force, csv_bytes(rows), file_name="extract.csv")
    w.finding = w.batch.findings.first()
    w.job = Job.objects.create(
        title="Checking extract.csv",
        task_path="cases.tasks.batch_check",
        status=JobStatus.RUNNING,
        done=3,
        total=n_cases,
        created_by=w.alice,
    )

    # Documents of the first case in discussion: letters shown to readers, and a log with a
    # phone number on each page still waiting for decisions.
    w.case = w.disc.reviewed_cases.order_by("position").first().case
    w.documents = [
        document_upload(
            case=w.case,
            user=w.alice,
            title=f"Letter {n}",
            chunks=[pdfs.text_pdf([f"Letter {n} about the case."])],
        )
        for n in range(1, n_cases // 5 + 1)
    ]
    log = pdfs.text_pdf(*([[f"Call 07700 900{n:03d}."] for n in range(1, n_cases // 5 + 1)]))
    w.screened = document_upload(case=w.case, user=w.alice, title="Log", chunks=[log])

    w.membership = Membership.objects.get(panel=w.panel, user=w.member)
    w.criterion = criteria[0]
    w.audit_entry = AuditEntry.objects.order_by("pk").first()
    w.users = {
        "chair": w.chair,
        "member": w.member,
        "nonvoting": w.nonvoting,
        "olu": w.olu,
        "alice": w.alice,
        "lee": w.liaison.user,
    }
    accountability.build(w)
    return w


# --- the pages ------------------------------------------------------------------------


def pub(w, **extra):
    return {"panel": w.panel.slug, "slug": w.published.slug, **extra}


def last(w):
    return w.n


# page key: (role, kwargs from the world). A key may carry "@what" to count one address
# in a second situation (another role, another meeting).
PAGES = {
    "home@member": ("member", None),
    "home@nonvoting": ("nonvoting", None),
    "home@chair": ("chair", None),
    "home@olu": ("olu", None),
    "home@alice": ("alice", None),
    "home@lee": ("lee", None),
    "notification_settings": ("member", None),
    "account": ("member", None),
    "account_email": ("member", None),
    "login": ("anonymous", None),
    "password_reset": ("anonymous", None),
    "password_reset_done": ("anonymous", None),
    "password_reset_complete": ("anonymous", None),
    "health": ("anonymous", None),
    "accessibility": ("anonymous", None),
    "privacy": ("anonymous", None),
    "cookies": ("anonymous", None),
    "security_txt": ("anonymous", None),
    # The public site.
    "public:report_list": ("anonymous", None),
    "public:feed": ("anonymous", None),
    "public:data_dictionary": ("anonymous", None),
    "public:all_data": ("anonymous", lambda w: {"fmt": "csv"}),
    "public:datapackage": ("anonymous", None),
    "public:open_data": ("anonymous", lambda w: {"name": "findings-by-criterion", "fmt": "csv"}),
    "public:report": ("anonymous", lambda w: pub(w)),
    "public:report_pdf": ("anonymous", lambda w: pub(w)),
    "public:report_data": ("anonymous", lambda w: pub(w, fmt="csv")),
    "public:report_version": ("anonymous", lambda w: pub(w, number=1)),
    "public:report_version_pdf": ("anonymous", lambda w: pub(w, number=1)),
    # The same addresses under /cy/: the version's Welsh page and PDF.
    "public:report@cy": ("anonymous", lambda w: pub(w)),
    "public:report_pdf@cy": ("anonymous", lambda w: pub(w)),
    "public:report_version@cy": ("anonymous", lambda w: pub(w, number=1)),
    "public:report_version_pdf@cy": ("anonymous", lambda w: pub(w, number=1)),
    "public:accountability": ("anonymous", None),
    "public:accountability_feed": ("anonymous", None),
    "public:accountability_datapackage": ("anonymous", None),
    "public:accountability_data": ("anonymous", lambda w: {"fmt": "csv"}),
    # Findings reports, for OPCC staff.
    "reports:report_list": ("olu", None),
    "reports:period_new": ("olu", None),
    "reports:force_figure_list": ("olu", None),
    "reports:force_figure_add": ("olu", None),
    "reports:force_figure_import": ("olu", None),
    "reports:force_figure_edit": ("olu", lambda w: {"pk": w.force_figure.pk}),
    "reports:report_figures": ("olu", lambda w: {"pk": w.draft.pk}),
    "reports:report_detail": ("olu", lambda w: {"pk": w.draft.pk}),
    "reports:report_detail@published": ("olu", lambda w: {"pk": w.published.pk}),
    "reports:report_preview": ("olu", lambda w: {"pk": w.draft.pk}),
    "reports:report_preview_pdf": ("olu", lambda w: {"pk": w.draft.pk}),
    "reports:section_edit": ("olu", lambda w: {"pk": w.draft.pk, "key": "why"}),
    "reports:report_title": ("olu", lambda w: {"pk": w.draft.pk}),
    "reports:report_criteria": ("olu", lambda w: {"pk": w.draft.pk}),
    "reports:reasons": ("olu", lambda w: {"pk": w.draft.pk, "category_pk": w.category.pk}),
    "reports:bullet_edit": (
        "olu",
        lambda w: {"pk": w.draft.pk, "category_pk": w.category.pk, "bullet_pk": w.bullet.pk},
    ),
    "reports:report_move": ("olu", lambda w: {"pk": w.draft.pk, "move": "submit"}),
    "reports:support_service_list": ("olu", None),
    "reports:support_service_new": ("olu", None),
    "reports:support_service_edit": ("olu", lambda w: {"pk": w.support.pk}),
    "reports:support_service_remove": ("olu", lambda w: {"pk": w.support.pk}),
    "reports:disclosure_accept": (
        "olu",
        lambda w: {"pk": w.draft.pk, "fingerprint": w.disclosure_finding.fingerprint},
    ),
    # Meetings: the chair runs them, members read and rate, OPCC staff plan.
    "panels:meeting_list@chair": ("chair", None),
    "panels:meeting_list@olu": ("olu", None),
    "panels:meeting_detail": ("chair", lambda w: {"pk": w.disc.pk}),
    "panels:meeting_detail@rating": ("member", lambda w: {"pk": w.rating_meeting.pk}),
    "panels:meeting_detail@olu": ("olu", lambda w: {"pk": w.disc.pk}),
    "panels:meeting_detail@alice": ("alice", lambda w: {"pk": w.disc.pk}),
    "panels:case_papers@chair": ("chair", lambda w: {"pk": w.disc.pk, "position": 1}),
    "panels:case_papers": ("member", lambda w: {"pk": w.disc.pk, "position": 1}),
    "panels:case_papers@nonvoting": ("nonvoting", lambda w: {"pk": w.disc.pk, "position": 1}),
    "panels:case_papers@rating": (
        "member",
        lambda w: {"pk": w.rating_meeting.pk, "position": 1},
    ),
    "panels:conflict_declare": (
        "member",
        lambda w: {"pk": w.rating_meeting.pk, "position": last(w) - 1},
    ),
    "panels:conflict_withdraw": (
        "olu",
        lambda w: {"pk": w.rating_meeting.pk, "declaration_pk": w.conflict.pk},
    ),
    "panels:meeting_plan": ("olu", None),
    "panels:meeting_edit": ("olu", lambda w: {"pk": w.planned.pk}),
    "panels:meeting_move": ("chair", lambda w: {"pk": w.disc.pk, "to": MeetingStatus.CLOSED}),
    "panels:discussion": ("chair", lambda w: {"pk": w.disc.pk}),
    "panels:decision": ("chair", lambda w: {"pk": w.disc.pk, "position": last(w)}),
    "panels:decision@decided": ("chair", lambda w: {"pk": w.disc.pk, "position": 1}),
    "panels:attendance": ("chair", lambda w: {"pk": w.disc.pk}),
    "panels:observation_add": ("chair", lambda w: {"pk": w.disc.pk}),
    "panels:observation_edit": (
        "chair",
        lambda w: {"pk": w.disc.pk, "note_pk": w.observations[0].pk},
    ),
    "panels:action_add": ("chair", lambda w: {"pk": w.disc.pk}),
    **{
        f"panels:meeting_export@{table}": (
            "chair",
            lambda w, table=table: {"pk": w.disc.pk, "table": table, "fmt": "csv"},
        )
        for table in ["ratings", "decisions", "notes", "actions"]
    },
    "panels:panel_over_time": ("olu", lambda w: {"slug": w.panel.slug}),
    "panels:action_list@chair": ("chair", None),
    "panels:action_list@olu": ("olu", None),
    "panels:action_edit": ("chair", lambda w: {"pk": w.actions[0].pk}),
    "panels:sample_draw": ("olu", lambda w: {"pk": w.planned.pk}),
    "panels:agenda_add": ("olu", lambda w: {"pk": w.planned.pk}),
    # Panels and their people, frameworks: data admins.
    "panels:panel_list": ("alice", None),
    "panels:panel_create": ("alice", None),
    "panels:panel_detail": ("alice", lambda w: {"slug": w.panel.slug}),
    "panels:panel_edit": ("alice", lambda w: {"slug": w.panel.slug}),
    "panels:member_invite": ("alice", lambda w: {"slug": w.panel.slug}),
    **{
        f"panels:{name}": ("alice", lambda w: {"slug": w.panel.slug, "pk": w.membership.pk})
        for name in [
            "membership_edit",
            "membership_pause",
            "membership_resume",
            "membership_end",
            "invitation_resend",
        ]
    },
    "panels:framework_list": ("alice", None),
    "panels:framework_create": ("alice", None),
    "panels:framework_detail": ("alice", lambda w: {"pk": w.panel.framework_id}),
    "panels:framework_edit": ("alice", lambda w: {"pk": w.panel.framework_id}),
    "panels:framework_themes": ("alice", lambda w: {"pk": w.panel.framework_id}),
    "panels:part_add": ("alice", lambda w: {"pk": w.panel.framework_id, "kind": "criteria"}),
    "panels:part_edit": (
        "alice",
        lambda w: {"pk": w.panel.framework_id, "kind": "criteria", "part_pk": w.criterion.pk},
    ),
    # Extracts and cases: data admins.
    "cases:upload": ("alice", None),
    "cases:import_template": ("alice", None),
    "cases:batch_detail": ("alice", lambda w: {"pk": w.batch.pk}),
    "cases:batch_problems": ("alice", lambda w: {"pk": w.batch.pk}),
    "cases:finding_resolve": ("alice", lambda w: {"pk": w.batch.pk, "finding_pk": w.finding.pk}),
    "cases:case_list": ("alice", None),
    "cases:case_detail": ("alice", lambda w: {"pk": w.case.pk}),
    "cases:document_upload": ("alice", lambda w: {"pk": w.case.pk}),
    "cases:document_detail": ("alice", lambda w: {"pk": w.case.pk, "document_pk": w.screened.pk}),
    "cases:document_finding": (
        "alice",
        lambda w: {
            "pk": w.case.pk,
            "document_pk": w.screened.pk,
            "finding_pk": w.screened.findings.order_by("pk").first().pk,
        },
    ),
    # The force liaison's pages and OPCC staff's review of the force's responses.
    "panels:force_action_list": ("lee", None),
    "panels:force_action_list@olu": ("olu", None),
    "panels:force_action_list@chair": ("chair", None),
    "panels:force_action": ("lee", lambda w: {"pk": w.actions[0].pk}),
    "panels:force_action@olu": ("olu", lambda w: {"pk": w.actions[0].pk}),
    "panels:force_action_answer": ("lee", lambda w: {"pk": w.actions[0].pk}),
    "panels:response_review": ("olu", lambda w: {"pk": w.responses[0].pk}),
    "panels:response_welsh": ("olu", lambda w: {"pk": w.approved.pk}),
    "panels:response_withdraw": ("olu", lambda w: {"pk": w.approved.pk}),
    "panels:response_evidence": (
        "lee",
        lambda w: {"pk": w.responses[0].evidence.get().pk},
    ),
    "panels:force_feedback": ("lee", lambda w: {"pk": w.force.pk}),
    "panels:force_feedback_download": ("lee", lambda w: {"pk": w.force.pk, "fmt": "csv"}),
    "panels:liaison_list": ("olu", None),
    "panels:liaison_invite": ("olu", None),
    "panels:liaison_end": ("olu", lambda w: {"pk": w.liaison.pk}),
    "panels:case_document": (
        "member",
        lambda w: {"pk": w.disc.pk, "position": 1, "document_pk": w.documents[0].pk},
    ),
    "cases:batch_list": ("alice", None),
    "cases:kind_list": ("alice", None),
    "cases:kind_create": ("alice", None),
    **{
        f"cases:{name}": ("alice", lambda w: {"pk": w.panel.framework.record_kind_id})
        for name in ["kind_detail", "kind_dictionary", "kind_update"]
    },
    "audit:list": ("alice", None),
    "audit:export": ("alice", None),
    "audit:entry": ("alice", lambda w: {"pk": w.audit_entry.pk}),
    "jobs:detail": ("alice", lambda w: {"job_id": w.job.pk}),
}
PAGES.update(accountability.PAGES)

# Addresses not counted, and why.
EXCLUDED = {
    # Answer POST only (a GET is refused before any query of note).
    "logout": "POST only",
    "two_factor:new_recovery_codes": "POST only",
    "reports:report_generate": "POST only",
    "reports:notes_generate": "POST only",
    "reports:bullet_remove": "POST only",
    "panels:part_delete": "POST only",
    "panels:part_move": "POST only",
    "panels:rating_save": "POST only (counted in POSTS)",
    "panels:comment_save": "POST only",
    "cases:batch_confirm": "POST only",
    "cases:batch_abandon": "POST only",
    "cases:redact_all": "POST only",
    "cases:document_withdraw": "POST only",
    "jobs:retry": "POST only",
    # Two-factor pages depend on the person's authenticator, not on panels or cases.
    "two_factor:setup": "no panel or case data",
    "two_factor:verify": "no panel or case data",
    "two_factor:recovery": "no panel or case data",
    # Reached only with a one-off token from an email.
    "password_reset_confirm": "needs an emailed token",
    "panels:invitation_accept": "needs an emailed token",
    "account_email_confirm": "needs an emailed token",
    # A redirect, not a page: its queries are counted in tests/test_language.py.
    "switch_language": "redirect only",
    # Addresses of the first bilingual design, moved for good to the /cy/ ones without a
    # query (tests/reports/test_published_languages.py).
    "public:report_language": "redirect only",
    "public:report_language_pdf": "redirect only",
    "public:report_version_language": "redirect only",
    "public:report_version_language_pdf": "redirect only",
    **accountability.EXCLUDED,
}


def _walk(resolver, prefix="", namespace=None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield "/" + prefix + str(pattern.pattern), name


def site_pages() -> set[str]:
    """Every named address outside the admin (Django's own, counted by Django)."""
    return {
        name or route for route, name in _walk(get_resolver()) if not route.startswith("/admin/")
    }


# --- the posts ------------------------------------------------------------------------


def rating_post(w) -> tuple[str, str, dict, str]:
    """The member submits a full rating of the last case of the meeting open for rating,
    and is sent back to their meetings."""
    data = {
        "version": "0",
        "category": str(factories.category("inconsistent").pk),
        "reasons": "Posted reasons: no admission on record.",
        "action": "submit",
    }
    for criterion in w.panel.framework.criteria.all():
        data[f"criterion-{criterion.code}"] = "met"
    url = reverse("panels:rating_save", args=[w.rating_meeting.pk, w.n])
    return "member", url, data, f"{reverse('home')}#meeting-{w.rating_meeting.pk}"


def decision_post(w) -> tuple[str, str, dict, str]:
    """The chair records the panel's decision on the last (undecided) case, and is sent
    back to the discussion."""
    data = {
        "version": "0",
        "category": str(factories.category("consistent-with-observations").pk),
        "reasons": "The conditions had no end date.",
        "action": "save",
        **factories.criteria_answers(w.panel.framework),
    }
    url = reverse("panels:decision", args=[w.disc.pk, w.n])
    return "chair", url, data, reverse("panels:discussion", args=[w.disc.pk])


POSTS = {"POST rating_save": rating_post, "POST decision_record": decision_post}


# --- the budgets ----------------------------------------------------------------------

# The most queries each page may run: the count measured when the budget was set (in
# the comment: small world / large world), rounded up a little.
BUDGETS = {
    # One more each for the summary fields of the kinds of the cases on the task list.
    # Every home page asks once whether the person is a force liaison.
    "home@member": 12,  # 12 / 12 (one more: the actions the person owns)
    "home@nonvoting": 12,  # 12 / 12
    "home@chair": 26,  # 24 / 24
    # Two more: responses to review, actions overdue with no response from the force.
    # Three more for the accountability scrutiny: open meetings, answers to summarise,
    # follow-ups coming up.
    "home@olu": 16,  # 15 / 15 (two more: reports to approve, the actions the person owns)
    "home@alice": 10,  # 10 / 10
    "home@lee": 10,  # 9 / 9 (one more: the questions to the force to answer)
    "notification_settings": 5,  # 4 / 4
    "account": 4,  # 4 / 4: session, user, roles, two-factor devices
    "account_email": 3,  # 3 / 3
    "login": 1,  # 0 / 0
    "password_reset": 1,  # 0 / 0
    "password_reset_done": 1,  # 0 / 0
    "password_reset_complete": 1,  # 0 / 0
    "health": 3,  # 2 / 2
    "accessibility": 1,  # 0 / 0
    "privacy": 1,  # 0 / 0
    "cookies": 1,  # 0 / 0
    "security_txt": 1,  # 0 / 0
    "public:report_list": 4,  # 3 / 3 (1 once its body is cached)
    "public:feed": 2,  # 1 / 1
    "public:data_dictionary": 1,  # 0 / 0
    "public:all_data": 3,  # 2 / 2 (1 once its body is cached)
    "public:datapackage": 1,  # 0 / 0
    "public:open_data": 3,  # 2 / 2 (1 once its body is cached)
    "public:report": 4,  # 3 / 3
    "public:report_pdf": 2,  # 1 / 1
    "public:report_data": 2,  # 1 / 1
    "public:report_version": 4,  # 3 / 3
    "public:report_version_pdf": 3,  # 2 / 2
    "public:report@cy": 5,  # 4 / 4: the English page's and its Welsh version
    "public:report_pdf@cy": 3,  # 2 / 2
    "public:report_version@cy": 5,  # 4 / 4
    "public:report_version_pdf@cy": 4,  # 3 / 3
    "public:accountability": 1,  # 1 / 1
    "public:accountability_feed": 1,  # 1 / 1
    "public:accountability_datapackage": 1,  # 0 / 0
    "public:accountability_data": 1,  # 1 / 1
    "reports:report_list": 6,  # 5 / 5
    "reports:period_new": 6,  # 5 / 5
    "reports:force_figure_list": 5,  # 4 / 4
    "reports:force_figure_add": 6,  # 5 / 5
    "reports:force_figure_import": 4,  # 3 / 3
    "reports:force_figure_edit": 7,  # 6 / 6
    "reports:report_figures": 10,  # 9 / 9
    "reports:report_detail": 41,  # 37 / 37 (the criteria: hidden, list, answers, twice)
    "reports:report_detail@published": 44,  # 42 / 42 (the report presented twice, as above)
    "reports:report_preview": 20,  # 18 / 18
    "reports:report_preview_pdf": 21,  # 19 / 19
    "reports:section_edit": 6,  # 5 / 5
    "reports:report_title": 6,  # 5 / 5
    "reports:report_criteria": 9,  # 8 / 8
    "reports:reasons": 11,  # 10 / 10
    "reports:bullet_edit": 14,  # 12 / 12
    "reports:report_move": 5,  # 4 / 4
    "reports:disclosure_accept": 23,  # 21 / 21
    "reports:support_service_list": 6,  # 5 / 5
    "reports:support_service_new": 6,  # 5 / 5
    "reports:support_service_edit": 8,  # 7 / 7
    "reports:support_service_remove": 6,  # 5 / 5
    "panels:meeting_list@chair": 7,  # 6 / 6
    "panels:meeting_list@olu": 5,  # 4 / 4
    "panels:meeting_detail": 22,  # 22 / 22 (whether the user answers for the force, once)
    "panels:meeting_detail@rating": 18,  # 15 / 15
    "panels:meeting_detail@olu": 21,  # 18 / 18 (the force's responses to the actions)
    "panels:meeting_detail@alice": 22,  # 22 / 22 (the force's responses to the actions)
    # The papers read the case's kind: its sections, their fields, who imported each (3).
    "panels:case_papers@chair": 34,  # 31 / 31
    "panels:case_papers": 34,  # 31 / 31
    "panels:case_papers@nonvoting": 26,  # 24 / 24
    "panels:case_papers@rating": 24,  # 22 / 22
    "panels:conflict_declare": 8,  # 7 / 7
    "panels:conflict_withdraw": 6,  # 5 / 5
    "panels:meeting_plan": 8,  # 7 / 7
    "panels:meeting_edit": 5,  # 4 / 4
    "panels:meeting_move": 7,  # 6 / 6
    "panels:discussion": 15,  # 13 / 13
    "panels:decision": 25,  # 23 / 23 (the one case's ratings only; the kind's summary fields)
    "panels:decision@decided": 28,  # 26 / 26 (the panel's answers per criterion)
    "panels:attendance": 8,  # 7 / 7
    "panels:observation_add": 9,  # 8 / 8
    "panels:observation_edit": 11,  # 10 / 10
    "panels:action_add": 6,  # 5 / 5
    "panels:meeting_export@ratings": 14,  # 12 / 12
    "panels:meeting_export@decisions": 11,  # 10 / 10
    "panels:meeting_export@notes": 11,  # 10 / 10
    "panels:meeting_export@actions": 9,  # 8 / 8
    "panels:panel_over_time": 11,  # 10 / 10
    "panels:action_list@chair": 5,  # 4 / 4
    "panels:action_list@olu": 5,  # 4 / 4
    "panels:action_edit": 6,  # 5 / 5
    "panels:sample_draw": 11,  # 10 / 10
    "panels:agenda_add": 6,  # 5 / 5
    "panels:panel_list": 5,  # 4 / 4
    "panels:panel_create": 6,  # 5 / 5
    "panels:panel_detail": 6,  # 5 / 5
    "panels:panel_edit": 7,  # 6 / 6
    "panels:member_invite": 5,  # 4 / 4
    "panels:membership_edit": 6,  # 5 / 5
    "panels:membership_pause": 6,  # 5 / 5
    "panels:membership_resume": 6,  # 5 / 5
    "panels:membership_end": 6,  # 5 / 5
    "panels:invitation_resend": 6,  # 5 / 5
    "panels:framework_list": 5,  # 4 / 4
    "panels:framework_create": 7,  # 6 / 6 (the record kinds offered)
    "panels:framework_detail": 9,  # 8 / 8
    "panels:framework_edit": 9,  # 8 / 8 (the record kinds offered)
    "panels:framework_themes": 9,  # 8 / 8
    "panels:part_add": 6,  # 5 / 5
    "panels:part_edit": 9,  # 8 / 8
    "cases:upload": 9,  # 8 / 8: the kinds of record and their sections
    "cases:import_template": 6,  # 5 / 5: the kind and its fields
    "cases:batch_detail": 11,  # 10 / 10: the kind's fields
    "cases:batch_problems": 7,  # 6 / 6
    "cases:finding_resolve": 7,  # 6 / 6
    "cases:case_list": 9,  # 8 / 8
    "cases:case_detail": 8,  # 8 / 8 (one for the kind's fields, to show its sections)
    "cases:document_upload": 5,  # 4 / 4
    "cases:document_detail": 8,  # 7 / 7
    "cases:document_finding": 8,  # 7 / 7 (one of them the audit entry for viewing)
    "panels:case_document": 10,  # 9 / 9 (one of them the audit entry for downloading)
    "cases:batch_list": 6,  # 5 / 5
    "cases:kind_list": 6,  # 5 / 5
    "cases:kind_create": 4,  # 3 / 3
    "cases:kind_detail": 8,  # 7 / 7
    "cases:kind_dictionary": 7,  # 6 / 6
    "cases:kind_update": 6,  # 5 / 5
    "audit:list": 7,  # 6 / 6
    "audit:export": 7,  # 6 / 6
    "audit:entry": 5,  # 4 / 4
    "jobs:detail": 5,  # 4 / 4
    "panels:force_action_list": 10,  # 9 / 9 (one of them the audit entry for viewing)
    "panels:force_action_list@olu": 8,  # 7 / 7
    "panels:force_action_list@chair": 9,  # 8 / 8 (the panels they chair, filtered)
    "panels:force_action": 10,  # 9 / 9 (one of them the audit entry for viewing)
    "panels:force_action@olu": 9,  # 8 / 8
    "panels:force_action_answer": 8,  # 7 / 7 (one of them the audit entry for viewing)
    # 8 / 8 (the audit entry for viewing; the reviewer's forces; the screen's cases and members)
    "panels:response_review": 9,
    # 9 / 9 (as the review page, and whether it is the approval on record)
    "panels:response_welsh": 9,
    "panels:response_withdraw": 9,
    "panels:response_evidence": 8,  # 7 / 7 (one of them the audit entry for downloading)
    "panels:force_feedback": 9,  # 8 / 8 (one of them the audit entry for viewing)
    "panels:force_feedback_download": 9,  # 8 / 8 (one of them the audit entry for downloading)
    "panels:liaison_list": 5,  # 4 / 4
    "panels:liaison_invite": 5,  # 4 / 4
    "panels:liaison_end": 5,  # 4 / 4
    "POST rating_save": 28,  # 25 / 25
    "POST decision_record": 34,  # 31 / 31 (the criteria read, their answers replaced)
}
BUDGETS.update(accountability.BUDGETS)


# --- counting -------------------------------------------------------------------------


def page_url(w, key: str) -> str:
    """The page's address; a public page's under /cy/ if its key ends with "@cy"."""
    name, _, situation = key.partition("@")
    kwargs = PAGES[key][1]
    with translation.override("cy") if situation == "cy" else nullcontext():
        return reverse(name, kwargs=kwargs(w) if kwargs else None)


def as_role(client, sessions, role):
    client.cookies = SimpleCookie()
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
    return client


def counted(send) -> tuple[int, int, list[str], str]:
    """(status, number of queries, the statements, where it redirects) of one request,
    undone afterwards."""
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            response = send()
        transaction.set_rollback(True)
    where = response.get("Location", "")
    return response.status_code, len(queries), [q["sql"] for q in queries.captured_queries], where


def measure(client, n_cases: int, n_members: int, *, warm: bool) -> dict:
    w = build_world(n_cases, n_members)
    sessions = {}
    for role, user in w.users.items():
        login = Client()
        login.force_login(user)
        # Each request below is rolled back, so once a session is older than the idle
        # check's refresh (30 s: a busy machine counts for longer) every page would pay
        # for writing it again. Seen "an hour from now", it is written by none.
        session = login.session
        session[LAST_SEEN] = int(time.time()) + 3600
        session.save()
        sessions[role] = login.cookies[settings.SESSION_COOKIE_NAME].value
    found = {}
    for key, (role, _) in PAGES.items():
        url = page_url(w, key)
        as_role(client, sessions, role)
        if warm:  # a page's first request fills caches that every later one finds full
            counted(lambda url=url: client.get(url))
        # Pages kept in the cache (the public report list) are counted as rendered afresh.
        cache.clear()
        found[key] = counted(lambda url=url: client.get(url))
    for key, build in POSTS.items():
        role, url, data, landing = build(w)
        as_role(client, sessions, role)
        status, n, statements, where = counted(lambda url=url, data=data: client.post(url, data))
        # Saved, not sent back to the form or elsewhere: otherwise "redirected" here.
        found[key] = status, n, statements, "saved" if where == landing else where
    return found


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker, tmp_path_factory):
    """{page: {size: (status, queries, statements, redirect)}}, each world built, counted
    and undone in turn (the first also warms the caches)."""
    root = tmp_path_factory.mktemp("budgets")
    found: dict = {}
    with (
        override_settings(
            MEDIA_ROOT=root / "media",
            PRIVATE_UPLOAD_ROOT=root / "uploads",
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            REQUIRE_2FA=False,
        ),
        django_db_blocker.unblock(),
        # The idle sign-out notes a request's time in the session every 30 seconds; on a
        # busy machine a world can take longer than that to measure, and the note's write
        # would count against whichever page happened to be open then.
        mock.patch("core.auth_events._refresh_seconds", return_value=10**9),
    ):
        client = Client()
        for size, (n_cases, n_members) in SIZES.items():
            with transaction.atomic():
                warm = not found
                for key, result in measure(client, n_cases, n_members, warm=warm).items():
                    found.setdefault(key, {})[size] = result
                transaction.set_rollback(True)
    return found


def _shape(sql: str) -> str:
    """A statement with its values taken out, so the same query for another row matches."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)[:300]


def growth(small: list[str], large: list[str]) -> str:
    extra = Counter(map(_shape, large)) - Counter(map(_shape, small))
    return "\n".join(f"  {n}x more: {sql}" for sql, n in extra.most_common(5))


# --- the tests ------------------------------------------------------------------------


def test_every_page_is_counted_or_excluded_with_a_reason():
    counted_pages = {key.split("@")[0] for key in PAGES}

    assert sorted(site_pages() - counted_pages - set(EXCLUDED)) == []
    assert sorted((counted_pages | set(EXCLUDED)) - site_pages()) == []


def test_every_counted_page_has_a_budget():
    assert sorted(set(PAGES) | set(POSTS)) == sorted(BUDGETS)


@pytest.mark.parametrize("key", [*PAGES, *POSTS])
def test_page_queries_stay_the_same_as_cases_and_members_grow(counts, key):
    (s_status, small, s_sql, s_to), (l_status, large, l_sql, l_to) = (
        counts[key]["small"],
        counts[key]["large"],
    )
    expected = (302, "saved") if key in POSTS else (200, "")

    assert [(s_status, s_to), (l_status, l_to)] == [expected, expected]
    assert small == large, (
        f"{key}: {small} queries with {SIZES['small']} (cases, members), "
        f"{large} with {SIZES['large']}\n" + growth(s_sql, l_sql)
    )


@pytest.mark.parametrize("key", [*PAGES, *POSTS])
def test_page_queries_stay_within_budget(counts, key):
    largest = max(result[1] for result in counts[key].values())

    assert largest <= BUDGETS.get(key, 0), f"{key}: {largest} queries, budget {BUDGETS.get(key)}"
