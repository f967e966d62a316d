"""Swapping ids: a user of panel A who puts panel B's ids in an address gets 404.

Two panels on two forces, each with the same kinds of object (meetings, agenda entries,
ratings and decisions, notes, actions, conflicts, draft and published reports, bullets,
disclosure findings, extract batches and privacy findings: the world of
test_access_matrix). Three ways in:

- B's address outright, by someone who sits on A (and the other way about): 404, not 403,
  so an outsider cannot even learn that the object exists.
- A's object in the address with B's child object beside it (A's meeting with B's
  conflict, note or agenda position; A's report with B's bullet, category or disclosure
  finding; A's batch with B's privacy finding; A's panel with B's report): 404 for everyone,
  including the organisation-wide roles who may open A's object itself.
- B's ids in a form on A's page: refused with a message, nothing written.

OPCC staff and data admins are organisation-wide roles (core/roles.py), so B's own
addresses open for them by design; only the mixed addresses are theirs to be refused.
"""

import pytest
from django.urls import reverse

from panels.models import Decision, Membership, ReviewedCase
from reports.models import ReasonBullet
from tests import factories
from tests.accountability import matrix as accountability
from tests.test_access_matrix import (
    KWARGS,
    WATCHED,
    as_role,
    built_world,
    fingerprint,
    fresh_client,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from built_world(django_db_blocker, tmp_path_factory)


@pytest.fixture
def client(world):
    return fresh_client(world)


# (user, the side they sit on, the other side).
# Lee and Lena are the liaisons of force A and force B: each other's force is as closed to
# them as another panel is to a member.
OUTSIDERS = [
    ("chris", "a", "b"),
    ("mina", "a", "b"),
    ("pat", "a", "b"),
    ("nadia", "b", "a"),
    ("lee", "a", "b"),
    ("lena", "b", "a"),
]

# Addresses inside one panel's world, each filled from the side's own objects. Left out:
# report_generate, notes_generate, the import pages and the pages that run panels, their
# people (force liaisons too), the frameworks, the support services and the force's
# figures, which refuse anyone but OPCC staff or data admins (403) before any object is
# looked up, wherever it belongs; and an invitation link, which is anyone's who holds it.
STAFF_ONLY_PANEL_PAGES = {
    "panels:framework_detail",
    "panels:framework_edit",
    "panels:framework_themes",
    "panels:part_add",
    "panels:part_edit",
    "panels:part_delete",
    "panels:part_move",
    "panels:panel_detail",
    "panels:panel_edit",
    "panels:member_invite",
    "panels:membership_edit",
    "panels:membership_pause",
    "panels:membership_resume",
    "panels:membership_end",
    "panels:invitation_resend",
    "panels:invitation_accept",
    "panels:liaison_end",
}
PANEL_SCOPED = sorted(
    key
    for key in KWARGS
    if (key.startswith("panels:") and key not in STAFF_ONLY_PANEL_PAGES)
    or (
        key.startswith("reports:")
        and key not in {"reports:report_generate", "reports:notes_generate"}
        and not key.startswith(("reports:support_service", "reports:force_figure"))
    )
)
# Only answer POST.
POSTED = {"reports:bullet_remove", "panels:rating_save", "panels:comment_save"}
PUBLISHED_REPORT_PAGES = [
    ("reports:report_detail", {}),
    ("reports:report_preview", {}),
    ("reports:report_preview_pdf", {}),
    ("reports:section_edit", {"key": "why"}),
    ("reports:report_title", {}),
    ("reports:report_criteria", {}),
    ("reports:report_move", {"move": "correct"}),
]


def side(world, name):
    return getattr(world, name)


def fetch(client, url, key=""):
    return client.post(url) if key in POSTED else client.get(url)


@pytest.mark.parametrize("key", PANEL_SCOPED)
@pytest.mark.parametrize(("role", "own", "other"), OUTSIDERS)
def test_the_other_panels_object_is_not_found(client, world, role, own, other, key):
    url = reverse(key, kwargs=KWARGS[key](world, side(world, other)))

    response = fetch(as_role(client, world, role), url, key)

    assert response.status_code == 404, f"{key} {url} as {role} (panel {own.upper()})"


@pytest.mark.parametrize("key", PANEL_SCOPED)
@pytest.mark.parametrize(("role", "own", "other"), OUTSIDERS)
def test_a_post_to_the_other_panels_object_is_not_found_and_writes_nothing(
    client, world, role, own, other, key
):
    url = reverse(key, kwargs=KWARGS[key](world, side(world, other)))
    as_role(client, world, role)
    before = fingerprint(WATCHED)

    response = client.post(url, {})

    assert response.status_code == 404, f"POST {key} {url} as {role} (panel {own.upper()})"
    assert fingerprint(WATCHED) == before


# The staff pages of a published report, as well as of the draft above.
@pytest.mark.parametrize(("key", "extra"), PUBLISHED_REPORT_PAGES)
@pytest.mark.parametrize(("role", "own", "other"), OUTSIDERS)
def test_the_other_panels_published_report_pages_are_not_found(
    client, world, role, own, other, key, extra
):
    url = reverse(key, kwargs={"pk": side(world, other).published.pk, **extra})

    response = as_role(client, world, role).get(url)

    assert response.status_code == 404, f"{key} {url} as {role} (panel {own.upper()})"


# --- A's object with B's child object in the same address ------------------------------


def _only_b_position(w) -> int:
    """An agenda position B's meeting has and A's lacks."""
    position = w.b.disc.reviewed_cases.count()
    assert not w.a.disc.reviewed_cases.filter(position=position).exists()
    return position


# (roles who may open A's object, what is mixed, the address with one of B's ids in it).
MIXED = [
    (
        ["mina", "pat", "chris", "olu"],
        "A's meeting, B's agenda position: case papers",
        lambda w: reverse("panels:case_papers", args=[w.a.disc.pk, _only_b_position(w)]),
    ),
    (
        ["mina", "pat", "chris"],
        "A's meeting, B's agenda position: conflict gate",
        lambda w: reverse("panels:conflict_declare", args=[w.a.disc.pk, _only_b_position(w)]),
    ),
    (
        ["chris", "olu"],
        "A's meeting, B's agenda position: decision",
        lambda w: reverse("panels:decision", args=[w.a.disc.pk, _only_b_position(w)]),
    ),
    (
        ["olu"],
        "A's meeting, B's conflict of interest",
        lambda w: reverse("panels:conflict_withdraw", args=[w.a.disc.pk, w.b.conflict.pk]),
    ),
    (
        ["chris", "olu"],
        "A's meeting, B's note",
        lambda w: reverse("panels:observation_edit", args=[w.a.disc.pk, w.b.observation.pk]),
    ),
    (
        ["olu"],
        "A's draft, B's bullet",
        lambda w: reverse(
            "reports:bullet_edit", args=[w.a.draft.pk, w.a.category.pk, w.b.bullet.pk]
        ),
    ),
    (
        ["olu"],
        "A's draft, a category of another framework",
        lambda w: reverse(
            "reports:reasons",
            args=[w.a.draft.pk, factories.category("fully-compliant", "vcop-seven-way").pk],
        ),
    ),
    (
        ["olu"],
        "A's draft, B's disclosure finding",
        lambda w: reverse(
            "reports:disclosure_accept", args=[w.a.draft.pk, w.b.disclosure_finding.fingerprint]
        ),
    ),
    (
        ["alice"],
        "A's batch, B's privacy finding",
        lambda w: reverse("cases:finding_resolve", args=[w.a.batch.pk, w.b.finding.pk]),
    ),
    (
        ["anonymous", "mina", "nadia", "olu"],
        "A's panel, B's published report",
        lambda w: reverse("public:report", args=[w.a.panel.slug, w.b.published.slug]),
    ),
    (
        ["anonymous", "mina", "olu"],
        "A's panel, B's published report: PDF",
        lambda w: reverse("public:report_pdf", args=[w.a.panel.slug, w.b.published.slug]),
    ),
    (
        ["anonymous", "olu"],
        "A's panel, B's published report: figures",
        lambda w: reverse("public:report_data", args=[w.a.panel.slug, w.b.published.slug, "csv"]),
    ),
    (
        ["anonymous", "olu"],
        "A's panel, A's draft report (never public)",
        lambda w: reverse("public:report", args=[w.a.panel.slug, w.a.draft.slug]),
    ),
]


@pytest.mark.parametrize(
    ("what", "role", "address"),
    [
        pytest.param(what, role, address, id=f"{what}-{role}")
        for roles, what, address in MIXED
        for role in roles
    ],
)
def test_a_mixed_address_is_not_found(client, world, what, role, address):
    url = address(world)

    response = as_role(client, world, role).get(url)

    assert response.status_code == 404, f"{what}: {url} as {role}"


@pytest.mark.parametrize("name", ["panels:rating_save", "panels:comment_save"])
@pytest.mark.parametrize("role", ["mina", "pat", "chris", "olu"])
def test_a_rating_or_comment_posted_to_a_mixed_address_is_not_found(client, world, name, role):
    """A's meeting with an agenda position only B's meeting has: the save answers POST
    only, so it is posted, and finds nothing."""
    url = reverse(name, args=[world.a.disc.pk, _only_b_position(world)])
    posted = {"version": "0", "reasons": "Mixed.", "text": "Mixed.", "action": "draft"}

    response = as_role(client, world, role).post(url, posted)

    assert response.status_code == 404, f"{url} as {role}"


def test_a_mixed_bullet_removal_is_not_found_and_keeps_the_bullet(client, world):
    a, b = world.a, world.b
    url = reverse("reports:bullet_remove", args=[a.draft.pk, a.category.pk, b.bullet.pk])

    response = as_role(client, world, "olu").post(url, {"version": a.draft.version})

    assert response.status_code == 404
    assert ReasonBullet.objects.filter(pk=b.bullet.pk).exists()


def test_own_side_addresses_open_so_the_404s_mean_something(client, world):
    """The same addresses with A's own child objects open for A's people."""
    a = world.a
    expected = [
        ("mina", reverse("panels:case_papers", args=[a.disc.pk, 1])),
        ("chris", reverse("panels:observation_edit", args=[a.disc.pk, a.observation.pk])),
        ("olu", reverse("panels:conflict_withdraw", args=[a.disc.pk, a.conflict.pk])),
        ("olu", reverse("reports:bullet_edit", args=[a.draft.pk, a.category.pk, a.bullet.pk])),
        ("alice", reverse("cases:finding_resolve", args=[a.batch.pk, a.finding.pk])),
        ("anonymous", reverse("public:report", args=[a.panel.slug, a.published.slug])),
    ]
    statuses = [
        (role, url, as_role(client, world, role).get(url).status_code) for role, url in expected
    ]

    assert statuses == [(role, url, 200) for role, url in expected]


# --- B's ids in a form on A's page -------------------------------------------------------


def test_a_case_of_the_other_force_cannot_be_added_to_the_agenda(client, world):
    a, b = world.a, world.b
    case = b.pool[-1]
    status = case.status
    url = reverse("panels:agenda_add", args=[a.planned.pk])

    response = as_role(client, world, "olu").post(url, {"reference": case.reference})

    case.refresh_from_db()
    assert response.status_code == 200
    assert f"No case from {a.force.name} has the reference {case.reference}" in (
        response.content.decode()
    )
    assert (ReviewedCase.objects.filter(case=case).count(), case.status) == (0, status)


@pytest.mark.parametrize("role", ["chris", "olu"])
def test_a_case_cannot_be_carried_over_to_the_other_panels_meeting(client, world, role):
    a, b = world.a, world.b
    decision = Decision.objects.get(pk=a.decision.pk)
    url = reverse("panels:decision", args=[a.disc.pk, 1])

    response = as_role(client, world, role).post(
        url,
        {
            "version": decision.version,
            "category": factories.category("no-conclusion").pk,
            "reasons": "The file was incomplete.",
            "information_requested": "The officer's notes.",
            "carry_to": b.planned.pk,
        },
    )

    decision.refresh_from_db()
    assert response.status_code == 200
    assert "Choose a later meeting of this panel" in response.content.decode()
    assert decision.version == a.decision.version
    assert b.planned.reviewed_cases.filter(carried_over_from__isnull=False).count() == 0


def test_a_bullet_cannot_speak_for_the_other_panels_decisions(client, world):
    a, b = world.a, world.b
    theirs = Decision.objects.filter(reviewed_case__meeting=b.closed_draft).first()
    url = reverse("reports:reasons", args=[a.draft.pk, a.category.pk])
    bullets = ReasonBullet.objects.count()

    response = as_role(client, world, "olu").post(
        url, {"version": a.draft.version, "decisions": [theirs.pk], "text": "Merged."}
    )

    assert response.status_code == 200
    assert ReasonBullet.objects.count() == bullets


def test_a_former_member_is_an_outsider(client, world):
    """A membership that has ended opens nothing of the panel: 404, as for anyone else."""
    a = world.a
    Membership.objects.filter(panel=a.panel, user=a.member).update(is_active=False)
    urls = [
        reverse("panels:meeting_detail", args=[a.disc.pk]),
        reverse("panels:case_papers", args=[a.disc.pk, 1]),
        reverse("panels:discussion", args=[a.disc.pk]),
        reverse("panels:panel_over_time", args=[a.panel.slug]),
        reverse("reports:report_detail", args=[a.draft.pk]),
    ]

    statuses = [as_role(client, world, "mina").get(url).status_code for url in urls]

    assert statuses == [404] * len(urls)


# --- the accountability scrutiny: one force's liaison, the other force's ids ------------
# Its OPCC-side pages refuse everyone but OPCC staff (403) before any lookup, as the
# frameworks' do; the liaison's pages find only their own force's questions and evidence.

LIAISON_SWAPS = [*accountability.FORCE_SCOPED, *accountability.FORCE_DOWNLOADS]


@pytest.mark.parametrize("key", LIAISON_SWAPS)
@pytest.mark.parametrize(("own", "other"), [("a", "b"), ("b", "a")])
def test_the_other_forces_question_or_evidence_is_not_found_by_a_liaison(
    client, world, key, own, other
):
    url = reverse(key, kwargs=accountability.KWARGS[key](world, side(world, other)))
    client.force_login(side(world, own).acc_liaison)
    before = fingerprint(WATCHED)

    statuses = [client.get(url).status_code, client.post(url, {"text": "Ours", "version": 1})]

    assert [statuses[0], statuses[1].status_code] == [404, 404], f"{key} {url} as {own}"
    assert fingerprint(WATCHED) == before


@pytest.mark.parametrize("key", accountability.OPCC_CHANGES)
def test_the_record_of_the_liaisons_own_force_is_not_changed_by_them(client, world, key):
    """Correcting a meeting's record is OPCC staff's: a liaison is refused (403) with their
    own force's ids, and with the other force's, before anything is looked up."""
    client.force_login(world.a.acc_liaison)
    before = fingerprint(WATCHED)
    statuses = []
    for label in ("a", "b"):
        url = reverse(key, kwargs=accountability.KWARGS[key](world, side(world, label)))
        statuses += [client.get(url).status_code, client.post(url, {"version": 1}).status_code]

    assert statuses == [403] * 4, key
    assert fingerprint(WATCHED) == before


def test_the_other_forces_questions_are_not_in_a_liaisons_list(client, world):
    client.force_login(world.a.acc_liaison)

    page = client.get(reverse("accountability:force_questions")).content.decode()

    assert reverse("accountability:answer", args=[world.a.question.pk]) in page
    assert reverse("accountability:answer", args=[world.b.question.pk]) not in page


@pytest.mark.parametrize(
    "key", ["accountability:question_detail", "accountability:question_remove"]
)
@pytest.mark.parametrize("own", ["a", "b"])
def test_the_opcc_question_pages_refuse_every_liaison_before_any_lookup(client, world, key, own):
    """A liaison reads their own force's answers on their own page: the OPCC's question
    page refuses them for their own force's question and the other's alike (403)."""
    client.force_login(side(world, own).acc_liaison)
    before = fingerprint(WATCHED)

    statuses = [
        client.get(reverse(key, kwargs=accountability.KWARGS[key](world, side(world, s))))
        for s in ("a", "b")
    ]

    assert [r.status_code for r in statuses] == [403, 403]
    assert fingerprint(WATCHED) == before
