"""Deny by default: every address the site answers, for every role in the cast.

One realistic world is built once for the module (two panels on two forces, each with a
meeting in discussion, one open for rating, a planned one, closed ones with a published
and a draft report, an extract batch with a privacy finding, notes and actions). Every
URL pattern in the resolver is asked for by every role, with its arguments filled from
panel A's and force A's real objects. The matrix below says who may have each page;
everyone else must be refused (403 or 404 when signed in, sent to sign in when not),
never shown the page and never given a server error, and a refused post must change
nothing. An address without a matrix entry fails, so a page added later cannot go
unchecked; so does an entry for an address that has gone.

Then what the allowed pages show: lists open to everyone signed in hold nothing of
panel A for outsiders, the public site holds nothing of drafts or open meetings, and a
rating made before the reveal shows to nobody but its rater on any page: a superuser
opens every address, download and admin page while panel A rates, and finds none of it.
"""

import datetime
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from types import SimpleNamespace

import pypdf
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accountability.models import Topic
from cases.documents.services import document_upload
from core import accounts
from core.jobs import Job
from core.models import AuditEntry
from core.roles import StaffRole
from panels.enums import Agency, MeetingStatus, MembershipRole, ObservationKind
from panels.liaison.services import action_response_submit
from panels.meetings import resources
from panels.meetings.services import (
    DecisionInput,
    action_save,
    decision_record,
    meeting_move,
    observation_save,
)
from panels.models import ActionResponse, Rating
from panels.rating.services import RatingInput, comment_save, conflict_declare, rating_save
from panels.sampling import PoolFilters
from panels.sampling.services import sample_draw
from reports import bullets as report_bullets
from reports import disclosure
from reports import services as report_services
from reports.models import ForceFigure, SupportService
from tests import factories
from tests.accountability import matrix as accountability
from tests.cases import pdfs
from tests.cases.conftest import csv_bytes, row, upload
from tests.reports.conftest import closed_meeting, publish, write
from tests.reports.scrutiny import scrutiny_meeting
from tests.worlds import module_world

pytestmark = pytest.mark.django_db

# --- the cast -------------------------------------------------------------------------

ROLES = ["anonymous", "mina", "nadia", "pat", "chris", "olu", "alice", "eve", "root", "lee", "lena"]
EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
PANEL_A = frozenset({"mina", "pat", "chris"})
# Root is a superuser in no group. Superuser status opens the Django admin for repairs,
# and nothing else: a role is held only by being in its group (core.roles), so root is
# neither OPCC staff nor a data admin, holds no panel role, and no rule bends for it.
ROOT = frozenset({"root"})
OPCC = frozenset({"olu"})
DATA_ADMIN = frozenset({"alice"})
CHAIR_OR_OPCC = frozenset({"chris"}) | OPCC
# Lee answers for force A (panel A's force); Lena for force B. Neither sits on a panel.
LIAISON_A = frozenset({"lee"})
NOBODY = frozenset()

PERSONAL = {"Facts at decision": "Call Mr Smith on 07700 900123."}


# --- the matrix -----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """Who may have one address.

    `get`: roles shown the page (200). `redirect`: roles sent on to the page's own next
    step, with the path they must land on (or a function of the world giving it).
    `post_only`: the view only answers POST (a GET is 405, or sign-in first); then `post`
    names who may post.
    """

    get: frozenset = NOBODY
    redirect: dict = field(default_factory=dict)
    post_only: bool = False
    post: frozenset = NOBODY
    posted_to: str = ""  # where an allowed post lands, if not simply somewhere else
    permanent: bool = False  # the redirect is 301 (an address that moved for good)

    @property
    def allowed(self) -> frozenset:
        return self.get | frozenset(self.redirect) | self.post


def page(*roles) -> Entry:
    return Entry(get=frozenset().union(*roles))


def post_only(*roles) -> Entry:
    return Entry(post_only=True, post=frozenset().union(*roles))


HOME = "/"


def moved(rest: str) -> Entry:
    """An address of panel A's published report moved for good to its Welsh address."""
    return Entry(
        redirect=dict.fromkeys(
            EVERYONE, lambda w: f"/cy/findings/{w.a.panel.slug}/{w.a.published.slug}/{rest}"
        ),
        permanent=True,
    )


MATRIX: dict[str, Entry] = {
    # The roof: home, signing in and out, password reset, the public information pages.
    "home": page(EVERYONE),
    "login": Entry(get=frozenset({"anonymous"}), redirect=dict.fromkeys(SIGNED_IN, HOME)),
    # Signing out is a POST for anyone; Django's LogoutView answers GET with 405.
    "logout": Entry(post_only=True, post=EVERYONE, posted_to="/sign-in/"),
    "password_reset": page(EVERYONE),
    "password_reset_done": page(EVERYONE),
    # Whoever holds a real reset link is sent on to choose a password (the token moves
    # into the session and out of the address).
    "password_reset_confirm": Entry(
        redirect=dict.fromkeys(EVERYONE, lambda w: f"/password-reset/{w.reset_uid}/set-password/")
    ),
    "password_reset_complete": page(EVERYONE),
    # Two-factor: anyone signed in may set up an authenticator app. Nobody in the cast has
    # one, so asking for a code sends them to set one up; new recovery codes need a post
    # from a session that has passed two-factor, and send others to enter a code first.
    "two_factor:setup": page(SIGNED_IN),
    "two_factor:verify": Entry(redirect=dict.fromkeys(SIGNED_IN, "/account/two-factor/")),
    "two_factor:recovery": Entry(redirect=dict.fromkeys(SIGNED_IN, "/account/two-factor/")),
    "two_factor:new_recovery_codes": post_only(SIGNED_IN),
    # Your account: anyone signed in. A link confirming a new email address opens only for
    # the account it was made for (Mina's here); anyone else is told it is not theirs.
    "account": page(SIGNED_IN),
    "account_email": page(SIGNED_IN),
    "account_email_confirm": page({"mina"}),
    # Each person's own choice of emails: anyone signed in, about themselves only.
    "notification_settings": page(SIGNED_IN),
    # The language switcher's link: anyone; with no page to go back to, the home page.
    "switch_language": Entry(redirect=dict.fromkeys(EVERYONE, HOME)),
    "security_txt": page(EVERYONE),
    "health": page(EVERYONE),
    "accessibility": page(EVERYONE),
    "privacy": page(EVERYONE),
    "cookies": page(EVERYONE),
    # The public site: published findings for anyone.
    "public:report_list": page(EVERYONE),
    "public:feed": page(EVERYONE),
    "public:data_dictionary": page(EVERYONE),
    "public:all_data": page(EVERYONE),
    "public:datapackage": page(EVERYONE),
    "public:open_data": page(EVERYONE),
    "public:report": page(EVERYONE),
    "public:report_pdf": page(EVERYONE),
    "public:report_data": page(EVERYONE),
    "public:report_version": page(EVERYONE),
    "public:report_version_pdf": page(EVERYONE),
    # The first bilingual design's addresses, the language at the end: moved for good.
    "public:report_language": moved(""),
    "public:report_language_pdf": moved("report.pdf"),
    "public:report_version_language": moved("versions/1/"),
    "public:report_version_language_pdf": moved("versions/1/report.pdf"),
    # The Commissioner's scrutiny on the public site: from published notes only.
    "public:accountability": page(EVERYONE),
    "public:accountability_feed": page(EVERYONE),
    "public:accountability_datapackage": page(EVERYONE),
    "public:accountability_data": page(EVERYONE),
    # Findings reports: OPCC staff's alone (panel A's members get 403, others 404).
    "reports:report_list": page(OPCC),
    "reports:period_new": page(OPCC),
    "reports:force_figure_list": page(OPCC),
    "reports:force_figure_add": page(OPCC),
    "reports:force_figure_import": page(OPCC),
    "reports:force_figure_edit": page(OPCC),
    "reports:report_figures": page(OPCC),
    "reports:report_generate": post_only(OPCC),
    "reports:notes_generate": post_only(OPCC),
    "reports:report_detail": page(OPCC),
    "reports:report_preview": page(OPCC),
    "reports:report_preview_pdf": page(OPCC),
    "reports:section_edit": page(OPCC),
    "reports:report_title": page(OPCC),
    "reports:report_criteria": page(OPCC),
    "reports:reasons": page(OPCC),
    "reports:bullet_edit": page(OPCC),
    "reports:bullet_remove": post_only(OPCC),
    "reports:report_move": page(OPCC),
    "reports:disclosure_accept": page(OPCC),
    "reports:support_service_list": page(OPCC),
    "reports:support_service_new": page(OPCC),
    "reports:support_service_edit": page(OPCC),
    "reports:support_service_remove": page(OPCC),
    # Meetings. Lists are scoped, so every signed-in role gets one (empty if nothing is
    # theirs; test_scoped_lists_show_nothing_of_panel_a checks that).
    "panels:meeting_list": page(SIGNED_IN),
    # Data admins see meetings (rules: panels.view_meeting), never the papers.
    "panels:meeting_detail": page(PANEL_A, OPCC, DATA_ADMIN),
    "panels:case_papers": page(PANEL_A, OPCC),
    # A case's documents: behind the same rule and conflict gate as its papers.
    "panels:case_document": page(PANEL_A, OPCC),
    # The member's rating and the attendee's comment answer POST only; in discussion (the
    # meeting this matrix opens) ratings and comments are closed, so every post is refused.
    "panels:rating_save": post_only(),
    "panels:comment_save": post_only(),
    "panels:conflict_declare": page(PANEL_A),
    "panels:conflict_withdraw": page(OPCC),
    "panels:meeting_plan": page(OPCC),
    "panels:meeting_edit": page(OPCC),
    "panels:meeting_move": page(CHAIR_OR_OPCC),
    "panels:discussion": page(PANEL_A, OPCC),
    "panels:decision": page(CHAIR_OR_OPCC),
    "panels:attendance": page(CHAIR_OR_OPCC),
    "panels:observation_add": page(CHAIR_OR_OPCC),
    "panels:observation_edit": page(CHAIR_OR_OPCC),
    "panels:action_add": page(CHAIR_OR_OPCC),
    "panels:meeting_export": page(CHAIR_OR_OPCC),
    "panels:panel_over_time": page(PANEL_A, OPCC),
    "panels:action_list": page(SIGNED_IN),
    "panels:action_edit": page(CHAIR_OR_OPCC),
    "panels:sample_draw": page(OPCC),
    "panels:agenda_add": page(OPCC),
    # The force's actions and its right of reply: its liaison and OPCC staff; the chair of
    # the panel that agreed an action reads the force's responses to it. Another force's
    # liaison is refused (404) everything of force A.
    "panels:force_action_list": page(LIAISON_A, CHAIR_OR_OPCC, {"lena"}),
    "panels:force_action": page(LIAISON_A, CHAIR_OR_OPCC),
    "panels:force_action_answer": page(LIAISON_A),
    "panels:response_review": page(OPCC),
    "panels:response_welsh": page(OPCC),
    "panels:response_withdraw": page(OPCC),
    "panels:response_evidence": page(LIAISON_A, CHAIR_OR_OPCC),
    "panels:force_feedback": page(LIAISON_A, OPCC),
    "panels:force_feedback_download": page(LIAISON_A, OPCC),
    "panels:liaison_list": page(OPCC, DATA_ADMIN),
    "panels:liaison_invite": page(OPCC, DATA_ADMIN),
    "panels:liaison_end": page(OPCC, DATA_ADMIN),
    # Importing extracts: data admins only.
    "cases:upload": page(DATA_ADMIN),
    "cases:import_template": page(DATA_ADMIN),
    "cases:batch_detail": page(DATA_ADMIN),
    "cases:batch_problems": page(DATA_ADMIN),
    "cases:batch_confirm": post_only(DATA_ADMIN),
    "cases:batch_abandon": post_only(DATA_ADMIN),
    "cases:redact_all": post_only(DATA_ADMIN),
    "cases:finding_resolve": page(DATA_ADMIN),
    # Attaching documents to a case and deciding their findings: data admins only.
    "cases:document_upload": page(DATA_ADMIN),
    "cases:document_detail": page(DATA_ADMIN),
    "cases:document_finding": page(DATA_ADMIN),
    "cases:document_withdraw": post_only(DATA_ADMIN),
    # Browsing cases and extract batches, and editing frameworks: data admins only.
    "cases:case_list": page(DATA_ADMIN),
    "cases:case_detail": page(DATA_ADMIN),
    "cases:batch_list": page(DATA_ADMIN),
    # Record kinds and their data dictionaries: data admins only.
    "cases:kind_list": page(DATA_ADMIN),
    "cases:kind_create": page(DATA_ADMIN),
    "cases:kind_detail": page(DATA_ADMIN),
    "cases:kind_dictionary": page(DATA_ADMIN),
    "cases:kind_update": page(DATA_ADMIN),
    "panels:framework_list": page(DATA_ADMIN),
    "panels:framework_create": page(DATA_ADMIN),
    "panels:framework_detail": page(DATA_ADMIN),
    "panels:framework_edit": page(DATA_ADMIN),
    "panels:framework_themes": page(DATA_ADMIN),
    "panels:part_add": page(DATA_ADMIN),
    "panels:part_edit": page(DATA_ADMIN),
    "panels:part_delete": post_only(DATA_ADMIN),
    "panels:part_move": post_only(DATA_ADMIN),
    # Panels and their people: OPCC staff and data admins.
    "panels:panel_list": page(OPCC, DATA_ADMIN),
    "panels:panel_create": page(OPCC, DATA_ADMIN),
    "panels:panel_detail": page(OPCC, DATA_ADMIN),
    "panels:panel_edit": page(OPCC, DATA_ADMIN),
    "panels:member_invite": page(OPCC, DATA_ADMIN),
    "panels:membership_edit": page(OPCC, DATA_ADMIN),
    "panels:membership_pause": page(OPCC, DATA_ADMIN),
    "panels:membership_resume": page(OPCC, DATA_ADMIN),
    "panels:membership_end": page(OPCC, DATA_ADMIN),
    "panels:invitation_resend": page(OPCC, DATA_ADMIN),
    # Anyone holding an invitation link; a used or bad one says to ask for a new one.
    "panels:invitation_accept": page(EVERYONE),
    # A background job's page: only whoever started it (Alice's import here), not root.
    "jobs:detail": page({"alice"}),
    "jobs:retry": post_only({"alice"}),
    # The audit trail: data admins only.
    "audit:list": page(DATA_ADMIN),
    "audit:export": page(DATA_ADMIN),
    "audit:entry": page(DATA_ADMIN),
    # The admin: only Alice and root of the cast are staff. Non-staff are sent to the
    # admin's own sign-in page (Django's behaviour), which counts as a refusal here.
    "admin:index": page(DATA_ADMIN, ROOT),
    **{
        f"admin:{app}_{model}_{kind}": page(DATA_ADMIN, ROOT)
        for app, model in [
            ("auth", "user"),
            ("cases", "force"),
            ("cases", "outcometype"),
            ("cases", "crimecode"),
            ("cases", "case"),
            ("cases", "extractbatch"),
            ("cases", "privacyfinding"),
            ("panels", "framework"),
            ("panels", "outcomecategory"),
            ("panels", "criterion"),
            ("panels", "theme"),
            ("panels", "panel"),
            ("panels", "membership"),
            ("panels", "meeting"),
            ("panels", "reviewedcase"),
            ("panels", "conflictdeclaration"),
            ("panels", "rating"),
            ("panels", "decision"),
            ("panels", "observation"),
            ("panels", "action"),
            ("panels", "sampledraw"),
        ]
        for kind in ["changelist", "change"]
    },
    # The trail is data admins' alone, in the admin too: root is in no group.
    "admin:core_auditentry_changelist": page(DATA_ADMIN),
    "admin:core_auditentry_change": page(DATA_ADMIN),
    # Drafts are OPCC staff's alone, and Olu is not staff in the admin: nobody of the cast.
    "admin:reports_findingsreport_changelist": page(NOBODY),
    "admin:reports_findingsreport_change": page(NOBODY),
}
# The Commissioner's accountability scrutiny: OPCC staff's pages and the force liaison's.
MATRIX.update(accountability.entries(page, post_only, EVERYONE))


# --- the resolver ---------------------------------------------------------------------

# The project's own models in the admin (auth.user is ours too: core.users_admin).
PROJECT_ADMIN_APPS = {"core", "cases", "panels", "accountability", "reports", "auth/user"}


def _walk(resolver, prefix="", namespace=None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield "/" + prefix + str(pattern.pattern), name, pattern


def _admin_kept(route: str, name: str | None) -> bool:
    if name == "admin:index":
        return True
    parts = route.strip("/").split("/")  # admin/<app>/<model>/[<id>/change]
    is_list = len(parts) == 3 and (name or "").endswith("_changelist")
    is_change = len(parts) == 5 and parts[4] == "change"
    if not (is_list or is_change):
        return False
    return parts[1] in PROJECT_ADMIN_APPS or f"{parts[1]}/{parts[2]}" in PROJECT_ADMIN_APPS


def url_patterns() -> dict[str, tuple[str, URLPattern]]:
    """Every pattern the site answers, keyed by name (or route if it has none), except the
    admin's own machinery beyond its index and our models' lists and change pages."""
    found = {}
    for route, name, pattern in _walk(get_resolver()):
        if route.startswith("/admin/") and not _admin_kept(route, name):
            continue
        key = name or route
        if key in found:  # a second pattern of the same name is checked on its own
            key = f"{name} {route}"
        found[key] = (route, pattern)
    return found


PATTERNS = url_patterns()
CHECKED = sorted(set(PATTERNS) & set(MATRIX))


# --- the world ------------------------------------------------------------------------


def rate(reviewed, user, code):
    """A voting member's submitted rating, after saying they have no conflict."""
    conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    criteria = reviewed.meeting.panel.framework.criteria.all()
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


def _member(panel, username, **extra):
    return factories.MembershipFactory(panel=panel, user__username=username, **extra).user


def build_side(label: str, *, day: int, cases_in_discussion: int, olu, nia, alice, people, liaison):
    """One panel on its own force, with everything a page can point at."""
    s = SimpleNamespace(label=label)
    s.force = factories.ForceFactory(code=f"FORCE-{label}", name=f"Force {label} Police")
    s.panel = factories.PanelFactory(
        name=f"Panel {label} OoCR", slug=f"panel-{label.lower()}", force=s.force
    )
    chair, member, nonvoting, conflicted = people
    s.chair = _member(s.panel, chair, role=MembershipRole.CHAIR, agency=Agency.MAGISTRACY)
    s.member = _member(s.panel, member, agency=Agency.CPS)
    s.nonvoting = _member(s.panel, nonvoting, agency=Agency.POLICE, is_voting=False)
    s.conflicted = _member(s.panel, conflicted, agency=Agency.PROBATION)
    base = datetime.date(2026, 1, day)

    # A meeting in discussion: rated, commented, one conflict, a decision, a note, an action.
    s.disc = factories.MeetingFactory(panel=s.panel, date=base, theme=f"Harassment {label}")
    s.disc_cases = [
        factories.ReviewedCaseFactory(
            meeting=s.disc, position=n, case__reference=f"{label}-DISC-{n}"
        )
        for n in range(1, cases_in_discussion + 1)
    ]
    first, second = s.disc_cases[0], s.disc_cases[1]
    meeting_move(meeting=s.disc, to=MeetingStatus.RATING_OPEN, by=olu)
    rate(first, s.member, "inconsistent")
    rate(first, s.chair, "consistent")
    conflict_declare(reviewed_case=first, user=s.nonvoting, has_conflict=False)
    comment_save(reviewed_case=first, user=s.nonvoting, text=f"Police view {label}.")
    s.conflict = conflict_declare(
        reviewed_case=second, user=s.conflicted, has_conflict=True, details="Knows the victim."
    )
    meeting_move(meeting=s.disc, to=MeetingStatus.IN_DISCUSSION, by=s.chair)
    s.disc.refresh_from_db()
    s.decision = decision_record(
        reviewed_case=first,
        by=s.chair,
        data=DecisionInput(category=factories.category("inconsistent"), reasons="No admission."),
        version=0,
    )
    s.observation = observation_save(
        meeting=s.disc,
        by=s.chair,
        kind=ObservationKind.choices[0][0],
        text=f"Observation of panel {label}.",
        is_public=True,
    )
    s.action = action_save(
        meeting=s.disc,
        by=s.chair,
        description=f"Action for force {label}.",
        owner="Force",
        addressed_to_force=True,
    )
    # The force's liaison has answered it, with evidence.
    s.liaison = factories.ForceLiaisonFactory(force=s.force, user__username=liaison)
    s.response = action_response_submit(
        action=s.action,
        by=s.liaison.user,
        text=f"The force's answer {label}.",
        proposed_status="in_progress",
        evidence_title=f"Briefing {label}",
        evidence=[pdfs.text_pdf()],
    )
    s.evidence = s.response.evidence.get()
    # An earlier answer OPCC staff approved: its approval can be withdrawn.
    s.approved = ActionResponse.objects.create(
        action=s.action,
        text=f"The force's earlier answer {label}.",
        proposed_status="in_progress",
        submitted_by=s.liaison.user,
        submitted_at=s.response.submitted_at - datetime.timedelta(days=1),
        state="approved",
    )

    # A meeting open for rating: Mina has rated case 1 blind and Pat has left a comment on
    # it for the discussion; nobody else has answered.
    s.rating_meeting = factories.MeetingFactory(
        panel=s.panel, date=base + datetime.timedelta(days=30), theme=f"Rating {label}"
    )
    s.rating_cases = [
        factories.ReviewedCaseFactory(
            meeting=s.rating_meeting, position=n, case__reference=f"{label}-RATE-{n}"
        )
        for n in (1, 2)
    ]
    meeting_move(meeting=s.rating_meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    conflict_declare(reviewed_case=s.rating_cases[0], user=s.member, has_conflict=False)
    s.blind_reasons = f"Blind reasons of panel {label}."
    s.blind_note = f"Blind criterion note of panel {label}."
    s.blind_rating = rating_save(
        reviewed_case=s.rating_cases[0],
        user=s.member,
        data=RatingInput(
            category=factories.category("consistent"),
            reasons=s.blind_reasons,
            assessments={
                c.code: ("not_met", s.blind_note) for c in s.panel.framework.criteria.all()
            },
        ),
        submit=True,
        version=0,
    )
    # And a draft another member has saved but not submitted.
    conflict_declare(reviewed_case=s.rating_cases[0], user=s.conflicted, has_conflict=False)
    s.blind_draft = f"Blind draft reasons of panel {label}."
    s.blind_draft_note = f"Blind draft note of panel {label}."
    s.draft_rating = rating_save(
        reviewed_case=s.rating_cases[0],
        user=s.conflicted,
        data=RatingInput(
            category=factories.category("consistent"),
            reasons=s.blind_draft,
            assessments={
                c.code: ("partly_met", s.blind_draft_note) for c in s.panel.framework.criteria.all()
            },
        ),
        submit=False,
        version=0,
    )
    conflict_declare(reviewed_case=s.rating_cases[0], user=s.nonvoting, has_conflict=False)
    s.blind_comment = f"Blind comment of panel {label}."
    comment_save(reviewed_case=s.rating_cases[0], user=s.nonvoting, text=s.blind_comment)

    # A planned meeting: the sample, the agenda and the plan can still change.
    s.planned = factories.MeetingFactory(
        panel=s.panel, date=base + datetime.timedelta(days=60), theme=f"Planned {label}"
    )
    s.pool = [
        factories.CaseFactory(force=s.force, reference=f"{label}-POOL-{n}") for n in range(1, 6)
    ]
    s.draw = sample_draw(meeting=s.planned, by=olu, filters=PoolFilters(), size=2, seed="7")

    # A closed meeting whose report is published.
    s.closed_pub = closed_meeting(
        {"consistent-with-observations": 1, "inconsistent": 2},
        panel=s.panel,
        date=base - datetime.timedelta(days=30),
    )
    s.support = SupportService.objects.create(
        name=f"Helpline {s.panel.slug}", phone="0808 000 0000"
    )
    s.support.panels.add(s.panel)
    s.published = report_services.report_generate(meeting=s.closed_pub, by=olu)
    # Published in Welsh as well, so the Welsh version's addresses are in the matrix too.
    with override_settings(PUBLISH_LANGUAGES=("en", "cy")):
        publish(s.published, author=olu, approver=nia)
    s.published.refresh_from_db()

    # A closed meeting with a draft report: a merged bullet and a disclosure finding.
    s.closed_draft = closed_meeting(
        {"inconsistent": 2}, panel=s.panel, date=base - datetime.timedelta(days=20)
    )
    s.draft = report_services.report_generate(meeting=s.closed_draft, by=olu)
    s.force_figure = ForceFigure.objects.create(
        force=s.force,
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        measure=f"Community resolutions {label}",
        number=2452,
        source="Home Office crime outcomes statistics",
        updated_by=olu,
    )
    s.category = factories.category("inconsistent")
    decisions = list(
        s.category.decisions.filter(reviewed_case__meeting=s.closed_draft).order_by("pk")
    )
    s.bullet = report_bullets.bullet_save(
        report=s.draft,
        category=s.category,
        decisions=decisions,
        text=f"Merged reasons {label}.",
        by=olu,
        version=s.draft.version,
    )
    reference = s.closed_draft.reviewed_cases.first().case.reference
    s.draft.refresh_from_db()
    write(s.draft, f"The panel looked at case {reference}.", by=olu)
    s.draft.refresh_from_db()
    s.disclosure_finding = disclosure.check(s.draft)[0]

    # A closed meeting nobody has written up yet.
    s.closed_new = closed_meeting(
        {"inconsistent": 1}, panel=s.panel, date=base - datetime.timedelta(days=10)
    )

    # A scrutiny meeting of the force, its decision recorded and its notes not yet written.
    topic = Topic.objects.create(force=s.force, title=f"Topic {label}")
    s.notes_scrutiny = scrutiny_meeting(by=olu, topic=topic)

    # Extracts for the force: one held with a privacy finding, one spare to abandon.
    rows = [row(f"{label}-CR-1"), row(f"{label}-CR-2", **PERSONAL)]
    s.batch = upload(alice, s.force, csv_bytes(rows), file_name=f"extract-{label}.csv")
    s.finding = s.batch.findings.first()
    s.spare_batch = upload(
        alice, s.force, csv_bytes([row(f"{label}-CR-9", **PERSONAL)]), file_name="spare.csv"
    )

    # Documents of the first case in discussion: a letter shown to its readers, and a log
    # with a phone number still waiting for a decision.
    s.document = document_upload(
        case=first.case, user=alice, title=f"CPS letter {label}", chunks=[pdfs.text_pdf()]
    )
    s.screened = document_upload(
        case=first.case, user=alice, title=f"Witness care log {label}", chunks=[pdfs.phone_pdf()]
    )
    accountability.build(s, olu=olu)
    return s


def build_world():
    w = SimpleNamespace()
    w.users = {
        "olu": factories.UserFactory(username="olu", roles=[StaffRole.OPCC_STAFF]),
        "alice": factories.UserFactory(
            username="alice", roles=[StaffRole.DATA_ADMIN], is_staff=True
        ),
        "eve": factories.UserFactory(username="eve"),
        "root": factories.UserFactory(username="root", is_superuser=True, is_staff=True),
    }
    nia = factories.UserFactory(username="nia", roles=[StaffRole.OPCC_STAFF])
    alice = w.users["alice"]
    staff = {"olu": w.users["olu"], "nia": nia, "alice": alice}
    w.a = build_side(
        "A",
        day=10,
        cases_in_discussion=2,
        people=("chris", "mina", "pat", "connie"),
        liaison="lee",
        **staff,
    )
    w.b = build_side(
        "B",
        day=17,
        cases_in_discussion=3,
        people=("bea", "nadia", "pete", "cora"),
        liaison="lena",
        **staff,
    )
    w.users.update(chris=w.a.chair, mina=w.a.member, pat=w.a.nonvoting, nadia=w.b.member)
    w.users.update(lee=w.a.liaison.user, lena=w.b.liaison.user)
    w.email_token = accounts.email_change_token(user=w.a.member, new_email="mina@example.net")
    # A reset link for someone who never signs in here, so the token stays good.
    w.reset_uid = urlsafe_base64_encode(force_bytes(nia.pk))
    w.reset_token = default_token_generator.make_token(nia)
    w.job = Job.objects.create(
        title="Checking extract.csv", task_path="cases.tasks.check_extract", created_by=alice
    )
    return w


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from built_world(django_db_blocker, tmp_path_factory)


def built_world(django_db_blocker, tmp_path_factory):
    """Built once per module (tests/worlds.py)."""
    root = tmp_path_factory.mktemp("access")

    def build():
        built = build_world()
        built.sessions = signed_in_sessions(built.users)
        # One client for the module: each new one loads the middleware again, and
        # WhiteNoise's scan of the static files alone costs more than most requests.
        built.client = Client()
        return built

    yield from module_world(
        django_db_blocker,
        build,
        MEDIA_ROOT=root / "media",
        PRIVATE_UPLOAD_ROOT=root / "uploads",
        # Who may see what once signed in. The two-factor step can only put a page of
        # its own in front of a page (the two-factor tests cover that); with it on, staff
        # would meet that page instead of the one the matrix is about.
        REQUIRE_2FA=False,
    )


def signed_in_sessions(users) -> dict:
    """One session per role, signed in once: each test reuses its cookie."""
    sessions = {}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


# --- each address's arguments, from panel A and force A --------------------------------


def _first(model, **filters):
    obj = model.objects.filter(**filters).order_by("pk").first()
    assert obj is not None, f"the world has no {model._meta.label} to open"
    return obj.pk


def _admin_object_id(key: str) -> int:
    """The first row of the model an admin change page (admin:<app>_<model>_change) shows."""
    app_label, model_name = key.removeprefix("admin:").removesuffix("_change").split("_", 1)
    return _first(apps.get_model(app_label, model_name))


def public(s, **extra):
    return {"panel": s.panel.slug, "slug": s.published.slug, **extra}


KWARGS = {
    "password_reset_confirm": lambda w, s: {"uidb64": w.reset_uid, "token": w.reset_token},
    "account_email_confirm": lambda w, s: {"token": w.email_token},
    "public:all_data": lambda w, s: {"fmt": "csv"},
    "public:open_data": lambda w, s: {"name": "findings-by-criterion", "fmt": "csv"},
    "public:report": lambda w, s: public(s),
    "public:report_pdf": lambda w, s: public(s),
    "public:report_data": lambda w, s: public(s, fmt="csv"),
    "public:report_version": lambda w, s: public(s, number=1),
    "public:report_version_pdf": lambda w, s: public(s, number=1),
    "public:report_language": lambda w, s: public(s, language="cy"),
    "public:report_language_pdf": lambda w, s: public(s, language="cy"),
    "public:report_version_language": lambda w, s: public(s, number=1, language="cy"),
    "public:report_version_language_pdf": lambda w, s: public(s, number=1, language="cy"),
    "reports:report_generate": lambda w, s: {"meeting_pk": s.closed_new.pk},
    "reports:notes_generate": lambda w, s: {"meeting_pk": s.notes_scrutiny.pk},
    "public:accountability_data": lambda w, s: {"fmt": "csv"},
    "reports:report_detail": lambda w, s: {"pk": s.draft.pk},
    "reports:report_figures": lambda w, s: {"pk": s.draft.pk},
    "reports:force_figure_edit": lambda w, s: {"pk": s.force_figure.pk},
    "reports:report_preview": lambda w, s: {"pk": s.draft.pk},
    "reports:report_preview_pdf": lambda w, s: {"pk": s.draft.pk},
    "reports:section_edit": lambda w, s: {"pk": s.draft.pk, "key": "why"},
    "reports:report_title": lambda w, s: {"pk": s.draft.pk},
    "reports:report_criteria": lambda w, s: {"pk": s.draft.pk},
    "reports:reasons": lambda w, s: {"pk": s.draft.pk, "category_pk": s.category.pk},
    "reports:bullet_edit": lambda w, s: {
        "pk": s.draft.pk,
        "category_pk": s.category.pk,
        "bullet_pk": s.bullet.pk,
    },
    "reports:bullet_remove": lambda w, s: {
        "pk": s.draft.pk,
        "category_pk": s.category.pk,
        "bullet_pk": s.bullet.pk,
    },
    "reports:report_move": lambda w, s: {"pk": s.draft.pk, "move": "submit"},
    "reports:support_service_edit": lambda w, s: {"pk": s.support.pk},
    "reports:support_service_remove": lambda w, s: {"pk": s.support.pk},
    "reports:disclosure_accept": lambda w, s: {
        "pk": s.draft.pk,
        "fingerprint": s.disclosure_finding.fingerprint,
    },
    "panels:meeting_detail": lambda w, s: {"pk": s.disc.pk},
    "panels:case_papers": lambda w, s: {"pk": s.disc.pk, "position": 1},
    "panels:case_document": lambda w, s: {
        "pk": s.disc.pk,
        "position": 1,
        "document_pk": s.document.pk,
    },
    "panels:rating_save": lambda w, s: {"pk": s.disc.pk, "position": 1},
    "panels:comment_save": lambda w, s: {"pk": s.disc.pk, "position": 1},
    "panels:conflict_declare": lambda w, s: {"pk": s.disc.pk, "position": 1},
    "panels:conflict_withdraw": lambda w, s: {"pk": s.disc.pk, "declaration_pk": s.conflict.pk},
    "panels:meeting_edit": lambda w, s: {"pk": s.planned.pk},
    "panels:meeting_move": lambda w, s: {"pk": s.disc.pk, "to": MeetingStatus.CLOSED},
    "panels:discussion": lambda w, s: {"pk": s.disc.pk},
    "panels:decision": lambda w, s: {"pk": s.disc.pk, "position": 1},
    "panels:attendance": lambda w, s: {"pk": s.disc.pk},
    "panels:observation_add": lambda w, s: {"pk": s.disc.pk},
    "panels:observation_edit": lambda w, s: {"pk": s.disc.pk, "note_pk": s.observation.pk},
    "panels:action_add": lambda w, s: {"pk": s.disc.pk},
    "panels:meeting_export": lambda w, s: {"pk": s.disc.pk, "table": "ratings", "fmt": "csv"},
    "panels:panel_over_time": lambda w, s: {"slug": s.panel.slug},
    "panels:action_edit": lambda w, s: {"pk": s.action.pk},
    "panels:sample_draw": lambda w, s: {"pk": s.planned.pk},
    "panels:agenda_add": lambda w, s: {"pk": s.planned.pk},
    "cases:batch_detail": lambda w, s: {"pk": s.batch.pk},
    "cases:batch_problems": lambda w, s: {"pk": s.batch.pk},
    "cases:batch_confirm": lambda w, s: {"pk": s.batch.pk},
    "cases:batch_abandon": lambda w, s: {"pk": s.spare_batch.pk},
    "cases:redact_all": lambda w, s: {"pk": s.batch.pk},
    "cases:finding_resolve": lambda w, s: {"pk": s.batch.pk, "finding_pk": s.finding.pk},
    "cases:document_upload": lambda w, s: {"pk": s.screened.case_id},
    "cases:document_detail": lambda w, s: {"pk": s.screened.case_id, "document_pk": s.screened.pk},
    "cases:document_withdraw": lambda w, s: {
        "pk": s.screened.case_id,
        "document_pk": s.screened.pk,
    },
    "cases:document_finding": lambda w, s: {
        "pk": s.screened.case_id,
        "document_pk": s.screened.pk,
        "finding_pk": s.screened.findings.get().pk,
    },
    "audit:entry": lambda w, s: {"pk": _first(apps.get_model("core", "AuditEntry"))},
    "cases:case_detail": lambda w, s: {"pk": s.disc.reviewed_cases.first().case_id},
    **{
        f"cases:{name}": lambda w, s: {"pk": s.panel.framework.record_kind_id}
        for name in ["kind_detail", "kind_dictionary", "kind_update"]
    },
    "panels:framework_detail": lambda w, s: {"pk": s.panel.framework_id},
    "panels:framework_edit": lambda w, s: {"pk": s.panel.framework_id},
    "panels:framework_themes": lambda w, s: {"pk": s.panel.framework_id},
    "panels:part_add": lambda w, s: {"pk": s.panel.framework_id, "kind": "categories"},
    **{
        f"panels:{name}": lambda w, s, extra=extra: {
            "pk": s.category.framework_id,
            "kind": "categories",
            "part_pk": s.category.pk,
            **extra,
        }
        for name, extra in [
            ("part_edit", {}),
            ("part_delete", {}),
            ("part_move", {"direction": "up"}),
        ]
    },
    "panels:panel_detail": lambda w, s: {"slug": s.panel.slug},
    "panels:panel_edit": lambda w, s: {"slug": s.panel.slug},
    "panels:member_invite": lambda w, s: {"slug": s.panel.slug},
    **{
        f"panels:{name}": lambda w, s: {
            "slug": s.panel.slug,
            "pk": s.panel.memberships.get(user=s.member).pk,
        }
        for name in [
            "membership_edit",
            "membership_pause",
            "membership_resume",
            "membership_end",
            "invitation_resend",
        ]
    },
    "panels:invitation_accept": lambda w, s: {"uidb64": w.reset_uid, "token": "used-token"},
    "panels:force_action": lambda w, s: {"pk": s.action.pk},
    "panels:force_action_answer": lambda w, s: {"pk": s.action.pk},
    "panels:response_review": lambda w, s: {"pk": s.response.pk},
    "panels:response_welsh": lambda w, s: {"pk": s.approved.pk},
    "panels:response_withdraw": lambda w, s: {"pk": s.approved.pk},
    "panels:response_evidence": lambda w, s: {"pk": s.evidence.pk},
    "panels:force_feedback": lambda w, s: {"pk": s.force.pk},
    "panels:force_feedback_download": lambda w, s: {"pk": s.force.pk, "fmt": "csv"},
    "panels:liaison_end": lambda w, s: {"pk": s.liaison.pk},
    "jobs:detail": lambda w, s: {"job_id": w.job.pk},
    "jobs:retry": lambda w, s: {"job_id": w.job.pk},
    **accountability.KWARGS,
}


def address(world, key: str) -> str:
    route, pattern = PATTERNS[key]
    if key in KWARGS:
        return reverse(key, kwargs=KWARGS[key](world, world.a))
    if key.startswith("admin:") and key.endswith("_change"):
        return reverse(key, kwargs={"object_id": _admin_object_id(key)})
    assert not pattern.pattern.converters, (
        f"{key} ({route}) takes arguments: add a KWARGS entry that fills them from panel A"
    )
    return reverse(key) if pattern.name and " " not in key else route


# --- asking -------------------------------------------------------------------------


@pytest.fixture
def client(world):
    return fresh_client(world)


def fresh_client(world):
    """The module's one client, with no cookies left from the test before."""
    world.client.cookies = SimpleCookie()
    return world.client


def as_role(client, world, role):
    client.cookies = SimpleCookie()
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client


def sign_in_page(key: str) -> str:
    return "/admin/login/" if key.startswith("admin:") else reverse("login")


def refused(response, key: str, role: str) -> bool:
    """Refused the way the matrix expects: sent to sign in when signed out; 403 or 404
    when signed in (the admin sends non-staff to its own sign-in page instead)."""
    code = response.status_code
    to_sign_in = code == 302 and response["Location"].split("?")[0] == sign_in_page(key)
    if role == "anonymous":
        return to_sign_in
    return code in {403, 404} or (key.startswith("admin:") and to_sign_in)


def describe(response) -> str:
    where = f" → {response['Location']}" if response.has_header("Location") else ""
    return f"{response.status_code}{where}"


def test_every_url_in_the_resolver_has_a_matrix_entry():
    missing = sorted(set(PATTERNS) - set(MATRIX))

    assert missing == [], (
        "URLs with no entry in the access matrix (say who may open them): "
        + ", ".join(f"{key} ({PATTERNS[key][0]})" for key in missing)
    )


def test_every_matrix_entry_is_still_a_url():
    gone = sorted(set(MATRIX) - set(PATTERNS))

    assert gone == [], "Matrix entries for URLs no longer in the resolver: " + ", ".join(gone)


def test_every_matrix_role_is_in_the_cast():
    strays = {key: e.allowed - EVERYONE for key, e in MATRIX.items() if e.allowed - EVERYONE}

    assert strays == {}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", CHECKED)
def test_get(client, world, key, role):
    check_get(client, world, key, role, MATRIX[key], address(world, key))


def check_get(client, world, key, role, entry, url):
    response = as_role(client, world, role).get(url)

    label = f"GET {url} ({key}) as {role}: {describe(response)}"
    assert response.status_code < 500, label
    if entry.post_only:
        # Only POST is answered: 405 before anything else, or sign-in first.
        assert response.status_code == 405 or refused(response, key, role), label
    elif role in entry.get:
        assert response.status_code == 200, label
    elif role in entry.redirect:
        expected = entry.redirect[role]
        expected = expected(world) if callable(expected) else expected
        assert response.status_code == (301 if entry.permanent else 302), label
        assert response["Location"].split("?")[0] == expected, label
    else:
        assert refused(response, key, role), label


# --- before the reveal -----------------------------------------------------------------

# The meeting's pages while members rate blind (the matrix above sees a meeting in
# discussion). Chris has not yet said whether he has a conflict, so the papers send him
# to the conflict gate first.
GATE = lambda w: reverse("panels:conflict_declare", args=[w.a.rating_meeting.pk, 1])  # noqa: E731
BEFORE_REVEAL = {
    "panels:meeting_detail": page(PANEL_A, OPCC, DATA_ADMIN),
    "panels:case_papers": Entry(get=frozenset({"mina", "pat"}) | OPCC, redirect={"chris": GATE}),
    "panels:conflict_declare": page(PANEL_A),
    "panels:discussion": page(NOBODY),
    # Shown with the reason decisions must wait for the discussion, and (since the fix in
    # panels.rating.reveal.discussion) without the members' blind ratings beside it.
    "panels:decision": page(CHAIR_OR_OPCC),
    "panels:meeting_export": page(NOBODY),
    "panels:meeting_move": page(CHAIR_OR_OPCC),
    "panels:attendance": page(CHAIR_OR_OPCC),
}


def before_reveal_address(world, key) -> str:
    kwargs = KWARGS[key](world, world.a)
    kwargs["pk"] = world.a.rating_meeting.pk
    return reverse(key, kwargs=kwargs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(BEFORE_REVEAL))
def test_get_before_the_reveal(client, world, key, role):
    check_get(client, world, key, role, BEFORE_REVEAL[key], before_reveal_address(world, key))


def blind_rating_pages(w) -> list[tuple[str, str]]:
    """(role, address) of every page that shows this meeting or its ratings to a role."""
    pages = [
        (role, before_reveal_address(w, key))
        for key, entry in BEFORE_REVEAL.items()
        for role in sorted(entry.get)
    ]
    admin = [(role, url) for url in rating_admin_pages(w) for role in ("alice", "root")]
    return [*pages, *admin]


def rating_admin_pages(w) -> list[str]:
    """The admin's pages about the blind ratings: their list, each one, and its history."""
    pages = [reverse("admin:panels_rating_changelist")]
    pages += [f"{pages[0]}?status={status}" for status in ("draft", "submitted")]
    for rating in (w.a.blind_rating, w.a.draft_rating):
        pages += [
            reverse("admin:panels_rating_change", args=[rating.pk]),
            reverse("admin:panels_rating_history", args=[rating.pk]),
        ]
    return pages


def blind_views(w) -> dict[str, str]:
    """What members said before the reveal, and who said it (Connie's is a draft)."""
    return {
        w.a.blind_reasons: "mina",
        w.a.blind_note: "mina",
        w.a.blind_draft: "connie",
        w.a.blind_draft_note: "connie",
        w.a.blind_comment: "pat",
    }


def test_a_blind_rating_or_comment_shows_to_nobody_but_its_author(client, world):
    shown = []
    for role, url in blind_rating_pages(world):
        body = as_role(client, world, role).get(url).content.decode()
        shown += [
            (role, url, text)
            for text, author in blind_views(world).items()
            if role != author and text in body
        ]

    assert shown == []


@pytest.mark.parametrize("role", ["mina", "pat"])
def test_a_blind_view_shows_to_its_author(client, world, role):
    """…so its absence above means something."""
    url = before_reveal_address(world, "panels:case_papers")

    body = as_role(client, world, role).get(url).content.decode()

    assert [t for t, author in blind_views(world).items() if author == role and t in body] != []


# --- a force liaison -------------------------------------------------------------------


def members_words(w) -> list[str]:
    """What panel A's members said, before the reveal and after it: a liaison reads the
    panel's decisions on the force's cases, never a rating, a comment or who said what."""
    return [
        *blind_views(w),
        "Fictional reasons of mina.",
        "Fictional reasons of chris.",
        "Police view A.",
    ]


def test_a_force_liaison_is_refused_every_rating_page_download_and_admin_page(client, world):
    as_role(client, world, "lee")
    revealed = [
        reverse("panels:meeting_export", args=[world.a.disc.pk, table, fmt])
        for table in resources.TABLES
        for fmt in resources.FORMATS
    ]
    urls = [*rating_meeting_addresses(world), *revealed, *rating_admin_pages(world)]

    answers = {url: client.get(url) for url in urls}

    # 405: the rating and comment answer POST only (their posts are refused: the matrix);
    # the admin sends anyone not staff to its own sign-in page.
    let_in = {
        url: describe(response)
        for url, response in answers.items()
        if response.status_code not in {403, 404, 405}
        and not (url.startswith("/admin/") and refused(response, "admin:", "lee"))
    }
    assert let_in == {}


def test_a_force_liaison_sees_no_members_words_anywhere(client, world):
    """Lee opens every address the site answers with panel A's ids, following redirects,
    and the blind meeting's pages and downloads: no member's words show."""
    as_role(client, world, "lee")
    shown = []
    for url in superuser_crawl(world):
        response = client.get(url, follow=True)
        assert response.status_code < 500, f"GET {url} as lee: {response.status_code}"
        body = readable(response)
        shown += [(url, text) for text in members_words(world) if text in body]

    assert shown == []


def test_the_members_words_show_to_the_chair_after_the_reveal(client, world):
    """…so their absence above means something."""
    url = reverse("panels:meeting_export", args=[world.a.disc.pk, "ratings", "csv"])

    body = readable(as_role(client, world, "chris").get(url))

    assert "Fictional reasons of mina." in body


# --- a superuser before the reveal ------------------------------------------------------

MEETING_ROUTE = "/panels/meetings/<int:pk>/"


def rating_meeting_addresses(w) -> list[str]:
    """Every page of the meeting open for rating (each case's, for both its cases) and
    every table of its record in every format."""
    urls = []
    for key in CHECKED:
        if not PATTERNS[key][0].startswith(MEETING_ROUTE) or key == "panels:meeting_export":
            continue
        kwargs = {**KWARGS[key](w, w.a), "pk": w.a.rating_meeting.pk}
        for position in (1, 2) if "position" in kwargs else (None,):
            if position is not None:
                kwargs["position"] = position
            urls.append(reverse(key, kwargs=kwargs))
    return urls + export_addresses(w)


def export_addresses(w) -> list[str]:
    return [
        reverse("panels:meeting_export", args=[w.a.rating_meeting.pk, table, fmt])
        for table in resources.TABLES
        for fmt in resources.FORMATS
    ]


def audit_addresses(w) -> list[str]:
    """The audit trail's entries about the ratings, in the trail's pages and the admin."""
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Rating),
        object_pk__in=[str(w.a.blind_rating.pk), str(w.a.draft_rating.pk)],
    )
    assert entries.exists()
    return [
        url
        for entry in entries
        for url in (
            reverse("audit:entry", args=[entry.pk]),
            reverse("admin:core_auditentry_change", args=[entry.pk]),
        )
    ]


def readable(response) -> str:
    """A response's text: a page, CSV or JSON as it is; a spreadsheet's XML unzipped; a
    PDF's text."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as xlsx:
            return "".join(xlsx.read(name).decode(errors="replace") for name in xlsx.namelist())
    if content.startswith(b"%PDF"):
        pdf = pypdf.PdfReader(io.BytesIO(content))
        return " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    return content.decode(errors="replace")


def superuser_crawl(w) -> list[str]:
    """Every address the site answers (each pattern with panel A's real ids), the blind
    meeting's pages and downloads, and the admin's and the trail's pages on its ratings."""
    return [
        *(address(w, key) for key in CHECKED),
        *rating_meeting_addresses(w),
        *rating_admin_pages(w),
        *audit_addresses(w),
    ]


def superuser_in_every_group(client):
    """A superuser who also holds both organisation-wide roles: the most a person can be
    given short of a panel role."""
    user = factories.UserFactory(
        username="rooted",
        is_superuser=True,
        is_staff=True,
        roles=[StaffRole.DATA_ADMIN, StaffRole.OPCC_STAFF],
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize("in_groups", [False, True], ids=["in-no-group", "in-every-group"])
def test_a_superuser_sees_no_blind_rating_anywhere_before_the_reveal(client, world, in_groups):
    """A superuser opens every page and download, following redirects, while panel A's
    meeting is open for rating: no member's category reasons, criterion notes or draft
    shows, whether or not they also hold the OPCC staff and data admin roles."""
    if in_groups:
        superuser_in_every_group(client)
    else:
        as_role(client, world, "root")
    shown, opened = [], []
    for url in superuser_crawl(world):
        response = client.get(url, follow=True)
        assert response.status_code < 500, f"GET {url} as root: {response.status_code}"
        opened += [url] if response.status_code == 200 else []
        body = readable(response)
        shown += [(url, text) for text in blind_views(world) if text in body]

    assert shown == []
    # The crawl did open the admin's pages on the ratings (the downloads are refused: below).
    assert set(rating_admin_pages(world)) - set(opened) == set()


def test_a_superuser_is_refused_the_meetings_record_before_the_reveal(client, world):
    """Refused as the chair and OPCC staff are, never a file: 404 to a superuser in no
    group (the meeting is not theirs to know of), 403 to one who is OPCC staff too."""
    expected = {"root": {404}, "chris": {403}, "olu": {403}, "rooted": {403}}
    for role in expected:
        if role == "rooted":
            superuser_in_every_group(client)
        else:
            as_role(client, world, role)
        answers = {url: client.get(url).status_code for url in export_addresses(world)}
        assert set(answers.values()) == expected[role], (role, answers)


@pytest.mark.parametrize("fmt", sorted(resources.FORMATS))
def test_a_superuser_reads_the_ratings_in_the_record_after_the_reveal(client, world, fmt):
    """…so the crawl above would have found them: the same download after the reveal, by a
    superuser who is OPCC staff too."""
    meeting_move(meeting=world.a.rating_meeting, to=MeetingStatus.IN_DISCUSSION, by=world.a.chair)
    url = reverse("panels:meeting_export", args=[world.a.rating_meeting.pk, "ratings", fmt])

    body = readable(superuser_in_every_group(client).get(url))

    assert world.a.blind_reasons in body
    assert world.a.blind_note in body


# --- posting ------------------------------------------------------------------------

# Rows a refused post must leave alone. The audit trail is left out (refusals and sign-ins
# may rightly be recorded there), and so is reference data no page but the admin writes.
UNWATCHED = {
    "core.auditentry",
    "cases.outcometype",
    "cases.crimecode",
    "panels.framework",
    "panels.outcomecategory",
    "panels.criteriongroup",
    "panels.criterion",
    "panels.theme",
}
WATCHED = [
    model
    for label in ["cases", "panels", "accountability", "reports", "core"]
    for model in apps.get_app_config(label).get_models()
    if model._meta.label_lower not in UNWATCHED
]


def watched(key: str) -> list:
    """An admin page can only write its own model; any other page, any of ours."""
    if key.startswith("admin:") and key != "admin:index":
        app_model = key.removeprefix("admin:").rsplit("_", 1)[0]
        return [apps.get_model(*app_model.split("_", 1))]
    return WATCHED


def fingerprint(models) -> str:
    """Every row of the models' tables (and who may sign in with what), read with plain
    SQL because it runs twice for each of hundreds of posts."""
    user_table = get_user_model()._meta.db_table
    queries = [f"SELECT * FROM {m._meta.db_table} ORDER BY 1" for m in models]  # noqa: S608 (our own table names)
    if AuditEntry in models:
        # A refusal is itself written to the trail (scrutiny.errors); nothing else may be.
        queries[models.index(AuditEntry)] = (
            f"SELECT * FROM {AuditEntry._meta.db_table} WHERE event <> 'refused' ORDER BY 1"  # noqa: S608
        )
    queries.append(f"SELECT id, password, is_active FROM {user_table} ORDER BY 1")  # noqa: S608
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute(query)
            digest.update(repr(cursor.fetchall()).encode())
    return digest.hexdigest()


POSTS = [(key, role) for key in CHECKED for role in ROLES if role not in MATRIX[key].allowed]


@pytest.mark.parametrize(("key", "role"), POSTS)
def test_refused_post_changes_nothing(client, world, key, role):
    url = address(world, key)
    as_role(client, world, role)
    models = watched(key)
    before = fingerprint(models)

    response = client.post(url, {})

    label = f"POST {url} ({key}) as {role}: {describe(response)}"
    assert response.status_code < 500, label
    assert refused(response, key, role), label
    assert fingerprint(models) == before, f"{label} changed the database"


def test_the_fingerprint_sees_a_post_that_writes(client, world):
    """The check above would pass vacuously if the fingerprint missed writes."""
    before = fingerprint(WATCHED)

    as_role(client, world, "olu").post(address(world, "reports:report_generate"))

    assert fingerprint(WATCHED) != before


ALLOWED_POSTS = [(key, role) for key in CHECKED for role in sorted(MATRIX[key].post)]


@pytest.mark.parametrize(("key", "role"), ALLOWED_POSTS)
def test_post_only_view_lets_its_roles_in(client, world, key, role):
    url = address(world, key)

    response = as_role(client, world, role).post(url, {"version": world.a.draft.version})

    label = f"POST {url} ({key}) as {role}: {describe(response)}"
    assert response.status_code == 302, label
    landed = response["Location"].split("?")[0]
    if MATRIX[key].posted_to:
        assert landed == MATRIX[key].posted_to, label
    else:
        assert landed != sign_in_page(key), label


# --- scoped lists ----------------------------------------------------------------------

# Pages every signed-in role may open, which must show each only their own.
LISTS = ["home", *(key for key, entry in MATRIX.items() if entry.get == SIGNED_IN)]


def panel_a_markers(w) -> list[str]:
    return [w.a.panel.name, w.a.disc.theme, w.a.planned.theme, w.a.action.description]


SCOPED = [(key, role) for key in LISTS for role in ("nadia", "eve", "lena")] + [
    ("panels:force_action_list", "lena")
]


@pytest.mark.parametrize(("key", "role"), SCOPED)
def test_scoped_pages_show_nothing_of_panel_a(client, world, key, role):
    """Nothing of panel A reaches Nadia (panel B), Eve (no role) or Lena (force B's
    liaison)."""
    response = as_role(client, world, role).get(address(world, key))

    page_text = response.content.decode()
    leaks = [text for text in panel_a_markers(world) if text in page_text]
    assert (response.status_code, leaks) == (200, [])


def test_the_markers_do_show_to_panel_a(client, world):
    """…so their absence above means something."""
    page_text = as_role(client, world, "chris").get(reverse("panels:action_list")).content
    assert world.a.action.description in page_text.decode()


# PDFs are left out: their text is compressed, so a search of their bytes proves nothing.
PUBLIC = [
    key
    for key, entry in MATRIX.items()
    if entry.get == EVERYONE and key in PATTERNS and not key.endswith("_pdf")
]


@pytest.mark.parametrize("key", PUBLIC)
def test_public_pages_show_nothing_of_drafts_or_meetings_in_progress(client, world, key):
    """What anyone may read holds no draft's words and nothing of an open meeting."""
    response = client.get(address(world, key))

    body = response.content.decode(errors="replace")
    markers = [
        world.a.bullet.text,  # the draft's merged reasons
        "The panel looked at case",  # the draft's own section text
        world.a.disc.theme,
        world.a.observation.text,
    ]
    assert [m for m in markers if m in body] == []
