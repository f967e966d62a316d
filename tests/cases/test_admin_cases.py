"""The cases admin: export only, no import door, and case facts read-only."""

import io
import os
import tempfile
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.enums import CaseStatus
from cases.models import Case, ExtractBatch
from cases.resources import CaseResource
from core.roles import StaffRole
from tests import factories
from tests.cases.conftest import csv_bytes, row, upload, xlsx_bytes

ADMIN_PATHS = [
    "/admin/cases/case/import/",
    "/admin/cases/case/process_import/",
    "/admin/cases/extractbatch/import/",
    "/admin/cases/case/",
    "/admin/cases/case/export/",
    "/admin/cases/extractbatch/export/",
]


def _zip_bomb_workbook() -> bytes:
    """A small workbook whose padding part unpacks to 100 MB of spaces."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([row("CR-1")])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        with target.open("xl/media/padding.xml", "w", force_zip64=True) as part:
            part.write(b"<x>")
            for _ in range(100):
                part.write(b" " * (1024 * 1024))
            part.write(b"</x>")
    return out.getvalue()


def _files_under(folder) -> set[str]:
    found = set()
    for root, _, names in os.walk(folder):
        found.update(os.path.join(root, name) for name in names)
    return found


def test_admin_case_import_page_is_gone(client, alice):
    client.force_login(alice)

    response = client.get("/admin/cases/case/import/", follow=True)

    # Django's admin reads "import" as a case that does not exist and sends the
    # user back to the admin's home page; there is no import form anywhere.
    assert (response.redirect_chain[-1][0], "import_file" in response.content.decode()) == (
        "/admin/",
        False,
    )


def test_admin_case_list_offers_export_but_not_import(client, alice):
    client.force_login(alice)

    page = client.get("/admin/cases/case/").content.decode()

    assert ("/admin/cases/case/export/" in page, "/admin/cases/case/import/" in page) == (
        True,
        False,
    )


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_admin_zip_bomb_post_leaves_no_file_behind(
    client, alice, private_uploads, path, settings, tmp_path, monkeypatch
):
    # Temporary files go to a folder of this test's own, so that files other tests
    # (or other processes) make at the same time are not counted.
    own_temp = tmp_path / "temp"
    own_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own_temp))
    settings.FILE_UPLOAD_TEMP_DIR = str(own_temp)
    bomb = _zip_bomb_workbook()
    client.force_login(alice)
    temp_before = _files_under(tempfile.gettempdir())

    client.post(
        path,
        {"import_file": SimpleUploadedFile("bomb.xlsx", bomb), "format": 1, "resource": 0},
    )

    assert _files_under(tempfile.gettempdir()) - temp_before == set()
    assert _files_under(private_uploads) == set()
    assert (ExtractBatch.objects.count(), Case.objects.count()) == (0, 0)


def test_admin_case_export_works_for_a_data_admin(client, alice):
    factories.CaseFactory(reference="CR-1", force=factories.ForceFactory(code="TEST"))
    client.force_login(alice)
    chosen = {f"caseresource_{name}": "on" for name in CaseResource.Meta.fields}

    response = client.post("/admin/cases/case/export/", {"format": "0", "resource": "0", **chosen})

    lines = response.content.decode("utf-8-sig").splitlines()
    assert (response.status_code, lines[1].split(",")[:2]) == (200, ["TEST", "CR-1"])


def test_admin_export_is_refused_to_staff_who_are_not_data_admins(client, db):
    officer = factories.UserFactory(username="officer", roles=[StaffRole.OPCC_STAFF], is_staff=True)
    client.force_login(officer)

    response = client.get("/admin/cases/case/export/")

    assert response.status_code == 403


def test_admin_change_of_a_reviewed_case_leaves_its_facts_unchanged(client, alice):
    case = factories.CaseFactory(reference="CR-1", status=CaseStatus.REVIEWED)
    original = case.facts_at_decision
    client.force_login(alice)
    page = client.get(f"/admin/cases/case/{case.pk}/change/")
    data = {key: value for key, value in page.context["adminform"].form.initial.items() if value}
    management = {
        f"status_history-{key}": value
        for key, value in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}.items()
    }

    client.post(
        f"/admin/cases/case/{case.pk}/change/",
        {**data, **management, "facts_at_decision": "Rewritten after the review."},
    )

    case.refresh_from_db()
    assert case.facts_at_decision == original


def test_admin_case_form_has_no_editable_fact_field(client, alice):
    case = factories.CaseFactory(reference="CR-1", status=CaseStatus.IN_POOL)
    client.force_login(alice)

    page = client.get(f"/admin/cases/case/{case.pk}/change/")

    assert list(page.context["adminform"].form.fields) == []


def test_admin_case_add_is_refused(client, alice):
    client.force_login(alice)

    response = client.get("/admin/cases/case/add/")

    assert response.status_code == 403


def test_batch_admin_shows_the_status_history(client, alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1")]))
    client.force_login(alice)

    page = client.get(f"/admin/cases/extractbatch/{batch.pk}/change/").content.decode()

    assert ("Extract batch status change" in page, "previewed" in page) == (True, True)


def test_admin_case_list_names_the_blank_offence_category_in_its_filter(client, alice):
    factories.CaseFactory(offence_category="Theft")
    factories.CaseFactory(offence_category="")  # a record of a kind with no such column
    client.force_login(alice)

    page = client.get("/admin/cases/case/").content.decode()
    blank = client.get("/admin/cases/case/?offence_category=")

    assert '<a href="?offence_category=">None recorded</a>' in page
    assert blank.context["cl"].result_count == 1
