"""Request bodies over their limit are refused before anything reads them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import encode_multipart

BOUNDARY = "BoUnDaRy"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


class Spy(io.BytesIO):
    """A request body that remembers whether anyone read it."""

    read_any = False

    def read(self, *args):
        self.read_any = True
        return super().read(*args)

    def readline(self, *args):
        self.read_any = True
        return super().readline(*args)


def _post(client, path, payload: bytes, *, declared: int | None = None, **extra):
    body = Spy(payload)
    response = client.generic(
        "POST",
        path,
        payload,
        content_type=MULTIPART,
        **{"CONTENT_LENGTH": str(declared or len(payload)), "wsgi.input": body, **extra},
    )
    return response, body


def _file_form(size: int, **fields) -> bytes:
    upload = SimpleUploadedFile("big.csv", b"x" * size, content_type="text/csv")
    return encode_multipart(BOUNDARY, {**fields, "file": upload})


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


def test_a_150_mb_body_posted_to_sign_in_is_refused_unread(anonymous, db):
    response, body = _post(anonymous, "/sign-in/", b"x" * 100, declared=150 * 1024 * 1024)

    assert response.status_code == 413
    assert "too large to send" in response.content.decode()
    assert body.read_any is False


def test_a_file_over_the_limit_posted_to_sign_in_is_refused_unread(anonymous, db, settings):
    settings.REQUEST_MAX_BYTES = 10_000

    response, body = _post(anonymous, "/sign-in/", _file_form(20_000, username="x"))

    assert response.status_code == 413
    assert body.read_any is False


def test_a_body_within_the_limit_is_read_as_usual(anonymous, db):
    response, body = _post(anonymous, "/sign-in/", _file_form(100, username="x"))

    assert response.status_code == 200
    assert body.read_any is True
    assert "Enter your password" in response.content.decode()


def test_a_body_sent_in_chunks_without_a_length_is_refused(anonymous, db):
    response = anonymous.generic(
        "POST",
        "/sign-in/",
        b"",
        content_type=MULTIPART,
        HTTP_TRANSFER_ENCODING="chunked",
    )

    assert response.status_code == 411


def test_the_extract_upload_takes_a_larger_file_from_a_data_admin(alice, settings):
    settings.REQUEST_MAX_BYTES = 10_000
    client = Client(raise_request_exception=False)
    client.force_login(alice)

    response, body = _post(client, "/cases/imports/", _file_form(20_000, encoding="auto"))

    assert body.read_any is True
    assert response.status_code != 413


def test_the_extract_upload_takes_no_larger_file_from_someone_not_signed_in(anonymous, settings):
    settings.REQUEST_MAX_BYTES = 10_000

    response, body = _post(anonymous, "/cases/imports/", _file_form(20_000, encoding="auto"))

    assert response.status_code == 413
    assert body.read_any is False


def test_the_extract_upload_refuses_a_file_over_its_own_limit_unread(alice, settings):
    settings.REQUEST_MAX_BYTES = 10_000
    settings.REQUEST_MAX_BYTES_UPLOAD = 15_000
    client = Client(raise_request_exception=False)
    client.force_login(alice)

    response, body = _post(client, "/cases/imports/", _file_form(20_000, encoding="auto"))

    assert response.status_code == 413
    assert body.read_any is False


def test_form_fields_are_kept_in_memory_only_up_to_the_request_limit(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.REQUEST_MAX_BYTES
    # Files that small stay in memory: only the extract upload reaches the disk.
    assert settings.REQUEST_MAX_BYTES <= settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    assert settings.REQUEST_MAX_BYTES_UPLOAD > settings.IMPORT_MAX_BYTES
