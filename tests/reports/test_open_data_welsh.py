"""The open data of every published meeting in a deployment that publishes in Welsh too:
the Welsh wording beside the English in columns of its own, from each version's frozen
figures, while the files' names, codes and package stay the same in every deployment."""

import csv
import datetime
import io

import pytest

from panels.models import Criterion, OutcomeCategory
from reports import services
from reports.open_data.schema import CATEGORIES, CRITERIA
from tests.reports.conftest import closed_meeting, publish
from tests.reports.test_criteria_findings import VCOP, answer

pytestmark = pytest.mark.django_db

BY_CATEGORY = "/en/findings/open-data/findings-by-category"
BY_CRITERION = "/en/findings/open-data/findings-by-criterion"


def csv_rows(client, url) -> list[dict]:
    return list(csv.DictReader(io.StringIO(client.get(url).content.decode())))


def vcop_report(olu, *, day):
    meeting = closed_meeting(
        {"fully-compliant": 2, "partially-compliant": 1}, framework_slug=VCOP, date=day
    )
    answer(meeting, "referral-to-support", ["met", "met", "not_met"])
    return services.report_generate(meeting=meeting, by=olu)


def test_a_report_published_in_welsh_gives_its_welsh_wording_the_english_only_ones_none(
    client, settings, welsh, olu, nia
):
    english_only = vcop_report(olu, day=datetime.date(2026, 2, 4))
    publish(english_only, author=olu, approver=nia)
    settings.PUBLISH_LANGUAGES = ("en", "cy")
    both = vcop_report(olu, day=datetime.date(2026, 3, 4))
    publish(both, author=olu, approver=nia)

    categories = csv_rows(client, f"{BY_CATEGORY}.csv")
    criteria = csv_rows(client, f"{BY_CRITERION}.csv")
    in_json = client.get(f"{BY_CRITERION}.json").json()["rows"]

    compliant = OutcomeCategory.objects.get(code="fully-compliant", framework__slug=VCOP)
    referral = Criterion.objects.get(code="referral-to-support", framework__slug=VCOP)
    welsh_rows = {r["category_code"]: r for r in categories if r["meeting_date"] == "2026-03-04"}
    assert welsh_rows["fully-compliant"]["category"] == compliant.label_en
    assert welsh_rows["fully-compliant"]["category_cy"] == compliant.label_cy != ""
    assert all(r["category_cy"] for r in welsh_rows.values())
    assert {r["category_cy"] for r in categories if r["meeting_date"] == "2026-02-04"} == {""}
    # The meeting's theme in Welsh, as frozen with the version published in Welsh (1.2.0).
    assert {r["theme_cy"] for r in categories if r["meeting_date"] == "2026-03-04"} == {
        "Cymraeg: Stalking or Harassment"
    }
    assert {r["theme_cy"] for r in criteria if r["meeting_date"] == "2026-02-04"} == {""}
    by_date = {(r["meeting_date"], r["criterion_code"]): r for r in criteria}
    assert by_date["2026-03-04", "referral-to-support"]["criterion_cy"] == referral.label_cy
    assert by_date["2026-02-04", "referral-to-support"]["criterion_cy"] == ""
    referral_json = {r["meeting_date"]: r for r in in_json if r["criterion_code"] == referral.code}
    assert referral_json["2026-03-04"]["criterion_cy"] == referral.label_cy
    assert referral_json["2026-02-04"]["criterion_cy"] is None
    assert list(categories[0]) == CATEGORIES.names
    assert list(criteria[0]) == CRITERIA.names


def test_the_package_is_english_at_either_address_and_the_welsh_page_describes_in_welsh(
    client, welsh
):
    english = client.get("/en/findings/open-data/datapackage.json").json()
    at_welsh = client.get("/cy/findings/open-data/datapackage.json").json()
    page = client.get("/cy/findings/data/").content.decode()

    # The same package but for its homepage, the data page in the language asked for.
    assert at_welsh.pop("homepage").endswith("/cy/findings/data/")
    assert english.pop("homepage").endswith("/en/findings/data/")
    assert at_welsh == english
    fields = {f["name"]: f["description"] for f in english["resources"][0]["schema"]["fields"]}
    assert fields["category_cy"].startswith("The framework's wording of the category in Welsh")
    assert english["version"] == "1.2.0"
    assert "Cases per category" not in page
    assert "The framework's wording of the category in Welsh" not in page
    assert "<code>category_cy</code>" in page
