"""FILE_STORAGE=s3: published reports, uploaded extracts and case documents go to an
S3-compatible bucket (a real S3 API, moto's server, on loopback), so any app server can
read what another wrote."""

import datetime
import shutil

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from cases.documents import storage as document_storage
from cases.documents.selectors import document_file
from cases.documents.services import document_upload, document_withdraw
from cases.enums import BatchStatus
from cases.imports import storage
from cases.models import Case
from cases.services import batch_confirm
from core.roles import StaffRole
from panels.enums import ActionStatus
from panels.models import ResponseEvidence
from reports import services as report_services
from reports.retention import purge_expired
from scrutiny.env import s3_storage
from tests import factories, object_storage
from tests.cases import pdfs
from tests.cases.conftest import csv_bytes, row, upload
from tests.panels.liaison_setup import force_action, response_from
from tests.reports.conftest import closed_meeting, publish

pytestmark = pytest.mark.django_db
BUCKET = "scrutiny-files"


@pytest.fixture(scope="module")
def endpoint():
    with object_storage.s3_server() as address:
        yield address


@pytest.fixture
def bucket(endpoint, settings, monkeypatch, tmp_path):
    """A fresh bucket, with the app's files in it as FILE_STORAGE=s3 arranges."""
    for name, value in object_storage.CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    name = f"{BUCKET}-{tmp_path.name.lower().replace('_', '-')}"[:63]
    object_storage.create_bucket(endpoint, name)
    where = {"bucket": name, "endpoint_url": endpoint, "region_name": object_storage.REGION}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage("published", **where),
        "extracts": s3_storage("extracts", **where),
    }
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "this-server"
    return name


def another_server(settings, tmp_path):
    """Forget this machine's working copies, as a second app server has none."""
    shutil.rmtree(settings.PRIVATE_UPLOAD_ROOT, ignore_errors=True)
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "other-server"


def test_an_upload_is_kept_in_the_bucket(endpoint, bucket, alice):
    force = factories.ForceFactory()

    batch = upload(alice, force, csv_bytes([row("S3-1"), row("S3-2")]))

    assert batch.status == BatchStatus.PREVIEWED
    assert object_storage.keys(endpoint, bucket) == [
        f"extracts/{batch.stored_name}",
        f"extracts/{batch.stored_name}.rows",
    ]


def test_an_upload_checked_on_one_server_is_confirmed_on_another(
    endpoint, bucket, alice, settings, tmp_path
):
    force = factories.ForceFactory()
    batch = upload(alice, force, csv_bytes([row("S3-1"), row("S3-2")]))
    another_server(settings, tmp_path)

    batch = batch_confirm(batch=batch, user=alice)

    assert batch.status == BatchStatus.COMMITTED
    assert sorted(Case.objects.filter(force=force).values_list("reference", flat=True)) == [
        "S3-1",
        "S3-2",
    ]
    # Once imported, the upload is deleted from the bucket and from both servers.
    assert object_storage.keys(endpoint, bucket) == []
    assert list(settings.PRIVATE_UPLOAD_ROOT.iterdir()) == []


def test_a_fetched_copy_is_the_uploaded_file(bucket, settings, tmp_path):
    data = b"reference,offence\nX-1,Theft\n"
    name, sha256, _size = storage.store([data])
    another_server(settings, tmp_path)

    path = storage.path_for(name)

    assert (path.read_bytes(), storage.sha256_of(path)) == (data, sha256)


def test_a_file_in_no_storage_is_not_found(bucket):
    assert storage.path_for("0" * 32).exists() is False


def test_stray_uploads_are_deleted_from_the_bucket(endpoint, bucket, settings, tmp_path):
    kept, _, _ = storage.store([b"a,b\n1,2\n"])
    stray, _, _ = storage.store([b"a,b\n3,4\n"])
    another_server(settings, tmp_path)

    deleted = storage.delete_unnamed(keep={kept}, older_than=4_102_444_800)  # year 2100

    assert deleted == 1
    assert object_storage.keys(endpoint, bucket) == [f"extracts/{kept}"]


def test_a_published_report_is_stored_in_the_bucket_and_served_from_it(
    endpoint, bucket, client, olu
):
    nia = factories.UserFactory(username="nia", roles=[StaffRole.OPCC_STAFF])
    report = report_services.report_generate(meeting=closed_meeting({"consistent": 2}), by=olu)
    version = publish(report, author=olu, approver=nia)

    stored = object_storage.keys(endpoint, bucket)
    assert stored == sorted(
        [f"published/{version.html_file.name}", f"published/{version.pdf_file.name}"]
    )
    with default_storage.open(version.pdf_file.name, "rb") as pdf:
        expected = pdf.read()
    response = client.get(f"/en/findings/{report.panel.slug}/{report.slug}/report.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == expected
    assert expected.startswith(b"%PDF")


def test_health_checks_the_bucket(client, bucket):
    assert client.get("/health/").json()["checks"]["storage"] == "ok"


def test_health_answers_503_when_the_bucket_is_gone(client, endpoint, bucket):
    object_storage.client(endpoint).delete_bucket(Bucket=bucket)

    response = client.get("/health/")

    assert (response.status_code, response.json()["checks"]["storage"]) == (503, "unavailable")


@pytest.fixture
def document_bucket(bucket, endpoint, settings):
    """The bucket with case documents in it too, under their own prefix."""
    where = {"bucket": bucket, "endpoint_url": endpoint, "region_name": object_storage.REGION}
    settings.STORAGES = {**settings.STORAGES, "documents": s3_storage("documents", **where)}
    return bucket


def test_a_case_document_is_kept_in_the_bucket_and_served_from_another_server(
    endpoint, document_bucket, alice, settings, tmp_path, django_capture_on_commit_callbacks
):
    data = pdfs.text_pdf()
    document = document_upload(
        case=factories.CaseFactory(), user=alice, title="CPS letter", chunks=[data]
    )
    assert object_storage.keys(endpoint, document_bucket) == [f"documents/{document.stored_name}"]
    another_server(settings, tmp_path)

    assert document_file(document=document).read_bytes() == data

    with django_capture_on_commit_callbacks(execute=True):
        document_withdraw(document=document, user=alice)
    assert object_storage.keys(endpoint, document_bucket) == []


def test_the_extracts_sweep_leaves_documents_in_the_bucket(endpoint, document_bucket, alice):
    document = document_upload(
        case=factories.CaseFactory(), user=alice, title="CPS letter", chunks=[pdfs.text_pdf()]
    )

    storage.delete_unnamed(keep=set(), older_than=4_102_444_800)  # year 2100

    assert object_storage.keys(endpoint, document_bucket) == [f"documents/{document.stored_name}"]


def test_the_forces_evidence_erased_after_retention_leaves_the_bucket(
    endpoint, document_bucket, meeting, lee, django_capture_on_commit_callbacks
):
    name, sha256, size = document_storage.store([pdfs.text_pdf()])
    document_storage.share(name)
    action = force_action(meeting, status=ActionStatus.COMPLETED)
    ResponseEvidence.objects.create(
        response=response_from(lee, action),
        title="Briefing note",
        stored_name=name,
        sha256=sha256,
        size=size,
        page_count=1,
    )
    assert object_storage.keys(endpoint, document_bucket) == [f"documents/{name}"]
    six_years_on = timezone.now() + datetime.timedelta(days=6 * 365 + 1)

    with django_capture_on_commit_callbacks(execute=True):
        purge_expired(dry_run=False, now=six_years_on)

    assert object_storage.keys(endpoint, document_bucket) == []
    assert not (document_storage.root() / name).exists()
