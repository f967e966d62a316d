"""A new kind of scrutiny with no code change: a data admin brings in a hate crime record
kind from a dictionary, points a framework at it and imports an extract of it (screened
for personal data); OPCC staff draw a sample stratified by one of its fields; a member
reads the case papers and rates; the chair records the decision; the decisions are
counted by that field. Each step goes through the pages its user would use."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.enums import FindingStatus
from cases.models import Case, ExtractBatch, RecordKind
from panels.enums import Agency, MeetingStatus, MembershipRole, RatingStatus
from panels.meetings.counts import decision_counts_by_field
from panels.models import Decision, Framework, Rating, SampleDraw
from tests import factories
from tests.cases.conftest import csv_bytes
from tests.panels.test_sampling_views import DATES, step_url

pytestmark = pytest.mark.django_db

DICTIONARY = "\r\n".join(
    [
        "code,section,label,type,choices,required,filterable,help",
        "strand,Police,Hate crime strand,choice,race=Race|religion=Religion or belief|"
        "disability=Disability|sexual_orientation=Sexual orientation,yes,yes,"
        "The strand the victim or a witness perceived.",
        "reported_at,Police,Reported,datetime,,no,no,",
        "support_offered,Police,Victim support offered,yes_no,,no,yes,",
        "officers,Police,Officers involved,integer,,no,no,",
        "police_account,Police,Police account,long_text,,no,no,",
        "cps_decision,CPS,CPS decision,choice,charged=Charged|nfa=No further action,no,yes,",
        "uplift_sought,CPS,Sentence uplift sought,yes_no,,no,no,",
        "review_date,CPS,Date of CPS review,date,,no,no,",
        "",
    ]
)

# reference, strand (by label or code, any capitals), support, CPS decision
EXTRACT = [
    ("HC-1", "Race", "yes", "Charged"),
    ("HC-2", "race", "no", "nfa"),
    ("HC-3", "RELIGION", "yes", "charged"),
    ("HC-4", "religion", "", "No further action"),
    ("HC-5", "Disability", "y", ""),
    ("HC-6", "disability", "n", "charged"),
]


def extract_rows() -> list[dict]:
    rows = []
    for n, (reference, strand, support, decision) in enumerate(EXTRACT, start=1):
        rows.append(
            {
                "Reference": reference,
                "Date": f"2025-0{n}-15",
                "Facts": "Abuse shouted at the victim in a shop."
                + (" Contact officer@example.org for the log." if n == 1 else ""),
                "Later information": "",
                "Hate crime strand": strand,
                "Reported": f"2025-0{n}-14 21:30",
                "support_offered": support,
                "Officers involved": "2",
                "Police account": "Officers attended and took statements.",
                "CPS decision": decision,
                "Sentence uplift sought": "yes" if decision.lower() == "charged" else "",
                "Date of CPS review": f"2025-0{n}-20" if decision else "",
            }
        )
    return rows


def post_steps(client, meeting, steps: dict) -> None:
    for step, answers in steps.items():
        response = client.post(step_url(meeting, step), answers)
        assert response.status_code == 302, response.content.decode()


@pytest.fixture
def cast(db, alice, olu):
    force = factories.ForceFactory(code="HC", name="Hateshire Police")
    chair = factories.UserFactory(username="hana")
    member = factories.UserFactory(username="mo")
    return {"alice": alice, "olu": olu, "force": force, "chair": chair, "member": member}


def test_a_hate_crime_kind_goes_from_dictionary_to_counted_decisions(client, cast):
    alice, olu, force = cast["alice"], cast["olu"], cast["force"]

    # 1. The data admin brings the kind in from its dictionary, on the kind page.
    client.force_login(alice)
    response = client.post(
        reverse("cases:kind_create"),
        {
            "name": "Hate crime",
            "code": "hate-crime",
            "date_label": "Date reported",
            "facts_label": "What happened",
            "dictionary": SimpleUploadedFile("hate.csv", DICTIONARY.encode(), "text/csv"),
        },
    )
    assert response.status_code == 302
    kind = RecordKind.objects.get(code="hate-crime")
    assert [s.name for s in kind.sections.order_by("position")] == ["Police", "CPS"]

    # 2. A framework for its panels, reviewing that kind, with its categories and criteria.
    response = client.post(
        reverse("panels:framework_create"),
        {
            "name": "Hate crime scrutiny",
            "slug": "hate-crime",
            "kind": "other",
            "record_kind": kind.pk,
            "criteria_heading": "Criteria",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    framework = Framework.objects.get(slug="hate-crime")
    assert framework.record_kind == kind
    add = reverse("panels:part_add", args=[framework.pk, "categories"])
    for code, label, reasons in [
        ("good", "Good practice", ""),
        ("adequate", "Adequate", ""),
        ("concern", "Concern", "on"),
    ]:
        client.post(
            add,
            {
                "label": label,
                "short_label": label,
                "code": code,
                **({"requires_reasons": "on"} if reasons else {}),
            },
        )
    client.post(
        reverse("panels:part_add", args=[framework.pk, "criteria"]),
        {"label": "Hate element recorded", "code": "hate-recorded"},
    )
    assert [c.code for c in framework.categories.order_by("position")] == [
        "good",
        "adequate",
        "concern",
    ]
    assert list(framework.criteria.values_list("code", flat=True)) == ["hate-recorded"]

    # 3. An extract of the kind, uploaded, screened, redacted where it named someone, confirmed.
    upload = client.post(
        reverse("cases:upload"),
        {
            "force": force.pk,
            "kind": kind.pk,
            "encoding": "auto",
            "file": SimpleUploadedFile("hate.csv", csv_bytes(extract_rows())),
        },
        follow=True,
    )
    assert "6 new, 0 changed, 0 unchanged" in upload.content.decode()
    batch = ExtractBatch.objects.get()
    assert [(f.row_number, f.column) for f in batch.findings.all()] == [(2, "Facts")]
    client.post(reverse("cases:redact_all", args=[batch.pk]))
    confirmed = client.post(reverse("cases:batch_confirm", args=[batch.pk]), follow=True)
    assert "You imported 6 cases from hate.csv: 6 new and 0 changed." in (
        confirmed.content.decode()
    )
    assert batch.findings.get().status == FindingStatus.REDACTED
    first = Case.objects.get(reference="HC-1")
    assert "officer@example.org" not in first.facts_at_decision
    assert first.kind == kind
    assert first.outcome_date == datetime.date(2025, 1, 15)
    assert first.values["strand"] == "race"
    assert Case.objects.get(reference="HC-4").values["cps_decision"] == "nfa"
    assert Case.objects.get(reference="HC-5").values["support_offered"] is True

    # 4. OPCC staff draw four of the six, spread across the strands.
    panel = factories.PanelFactory(
        name="Hate Crime Scrutiny Panel", framework=framework, force=force
    )
    factories.MembershipFactory(
        panel=panel, user=cast["chair"], role=MembershipRole.CHAIR, agency=Agency.MAGISTRACY
    )
    factories.MembershipFactory(panel=panel, user=cast["member"], agency=Agency.CPS)
    meeting = factories.MeetingFactory(panel=panel, theme="Hate crime")
    client.force_login(olu)
    narrow = client.get(step_url(meeting, "narrow")).content.decode()
    assert "Hate crime strand" in narrow and "Sexual orientation" in narrow
    post_steps(
        client,
        meeting,
        {
            "narrow": {},
            "dates": DATES,
            "size": {"size": "3", "strata_field": "strand"},
        },
    )
    assert client.post(step_url(meeting, "check")).status_code == 302
    draw = SampleDraw.objects.get()
    assert (draw.pool_size, draw.sample_size, draw.strata["label"]) == (6, 3, "Hate crime strand")
    drawn = list(meeting.reviewed_cases.order_by("position").select_related("case"))
    assert sorted(item.case.values["strand"] for item in drawn) == [
        "disability",
        "race",
        "religion",
    ]
    agenda = client.get(reverse("panels:meeting_detail", args=[meeting.pk])).content.decode()
    assert '<th scope="col" class="govuk-table__header">Hate crime strand</th>' in agenda
    assert client.post(f"/panels/meetings/{meeting.pk}/move/rating_open/").status_code == 302

    # 5. A member declares no conflict, reads the papers and rates the first case.
    first = drawn[0].case
    client.force_login(cast["member"])
    home = client.get("/").content.decode()
    strand_of = kind.fields.get(code="strand").choice_labels()
    assert f"Hate crime strand: {strand_of[first.values['strand']]}" in home
    case_url = f"/panels/meetings/{meeting.pk}/cases/1/"
    client.post(case_url + "conflict/", {"has_conflict": "no"})
    papers = client.get(case_url).content.decode()
    assert re.findall(
        r'<h2 class="govuk-heading-m[^"]*" id="record-section-\d">([^<]+)</h2>', papers
    ) == [
        "Police",
        "CPS",
    ]
    assert "What happened" in papers and "Date reported" in papers
    assert "Officers attended and took statements." in papers
    assert ">Officers involved" in papers
    concern = framework.categories.get(code="concern")
    rated = client.post(
        case_url + "rating/",
        {
            "version": 0,
            "action": "submit",
            "category": concern.pk,
            "reasons": "The hate element was not recorded.",
            "criterion-hate-recorded": "not_met",
        },
    )
    assert rated.status_code == 302
    rating = Rating.objects.get()
    assert (rating.category, rating.status) == (concern, RatingStatus.SUBMITTED)

    # 6. The chair opens the discussion and records the panel's decision.
    client.force_login(cast["chair"])
    assert client.post(f"/panels/meetings/{meeting.pk}/move/in_discussion/").status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_DISCUSSION
    decided = client.post(
        case_url + "decision/",
        {
            "version": 0,
            "category": concern.pk,
            "reasons": "The strand was never put to the victim.",
            "criterion-hate-recorded": "not_met",
            "action": "save",
        },
    )
    assert decided.status_code == 302
    decision = Decision.objects.get()
    assert (decision.reviewed_case.case, decision.category) == (first, concern)
    answers = {a.criterion.code: a.value for a in decision.assessments.all()}
    assert answers == {"hate-recorded": "not_met"}

    # 7. The decisions are counted by the kind's field.
    counts = decision_counts_by_field(
        Decision.objects.filter(reviewed_case__meeting=meeting), kind.fields.get(code="strand")
    )
    by_label = {row.label: row.count(concern) for row in counts.rows}
    strand = strand_of[first.values["strand"]]
    labels = ["Race", "Religion or belief", "Disability", "Sexual orientation", "Not recorded"]
    assert by_label == {label: int(label == strand) for label in labels}
    assert sum(row.total for row in counts.rows) == 1
    assert [c.code for c in counts.categories] == ["good", "adequate", "concern"]
