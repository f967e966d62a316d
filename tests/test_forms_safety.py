"""Forms refuse what they should: hidden direction and zero-width characters, names
mixing alphabets, oversize files; every ModelForm names its fields; and user text is
never rendered unescaped."""

import importlib
import inspect

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry, AuditEvent
from core.text_safety import BIDI_CONTROLS, ZERO_WIDTH, check_single_script, check_text
from core.users_admin import SafeUserChangeForm, SafeUserCreationForm
from reports import services
from reports.enums import SectionKey
from reports.publishing import body_html, pdf_document
from tests import factories
from tests.reports.conftest import closed_meeting

pytestmark = pytest.mark.django_db

RLO = "\u202e"


def refusals():
    return list(
        AuditEntry.objects.filter(event=AuditEvent.REFUSED).values_list("summary", flat=True)
    )


@pytest.fixture
def draft(olu):
    meeting = closed_meeting({"consistent-with-observations": 1, "inconsistent": 2})
    return services.report_generate(meeting=meeting, by=olu)


def test_check_text_says_what_the_character_does_and_where():
    with pytest.raises(forms.ValidationError) as refused:
        check_text("The panel four" + RLO + "d", "Section text")

    assert refused.value.messages == [
        "Section text contains a hidden character that reverses text direction (U+202E) "
        "at character 15. Remove it and try again."
    ]


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS) + sorted(ZERO_WIDTH))
def test_check_text_refuses_every_direction_control_and_zero_width_character(char):
    with pytest.raises(forms.ValidationError) as refused:
        check_text(f"ab{char}c", "Text")

    assert f"(U+{ord(char):04X}) at character 3" in refused.value.messages[0]


def test_check_text_accepts_ordinary_text_in_any_one_language():
    for text in ["Café £5 – “quoted”", "Привет", "مرحبا", "line one\nline two\ttab"]:
        assert check_text(text, "Text") == text


def test_section_text_with_a_direction_override_is_refused_saved_nothing_and_audited(
    client, draft, olu
):
    before = draft.sections.get(key=SectionKey.WHY).body
    client.force_login(olu)

    response = client.post(
        reverse("reports:section_edit", args=[draft.pk, SectionKey.WHY]),
        {"version": draft.version, "heading": "Why", "body": "The panel four" + RLO + "d it."},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert (
        "Section text contains a hidden character that reverses text direction (U+202E) "
        "at character 15. Remove it and try again." in body
    )
    assert "govuk-error-summary" in body
    assert draft.sections.get(key=SectionKey.WHY).body == before
    assert refusals() == ["Refused hidden or mixed-script characters in body"]


def test_section_heading_with_a_zero_width_space_is_refused(client, draft, olu):
    client.force_login(olu)

    response = client.post(
        reverse("reports:section_edit", args=[draft.pk, SectionKey.WHY]),
        {"version": draft.version, "heading": "Wh\u200by", "body": "Fine."},
    )

    assert "Section heading contains a hidden character that takes up no space" in (
        response.content.decode()
    )
    assert draft.sections.get(key=SectionKey.WHY).heading != "Wh\u200by"


def test_reason_bullet_text_with_a_hidden_character_is_refused(draft):
    from reports.forms import BulletForm

    form = BulletForm(
        data={"version": draft.version, "text": "no admission\u2067 recorded"}, decisions=[]
    )

    assert form.is_valid() is False
    assert form.errors["text"] == [
        "Reason bullet text contains a hidden character that starts a right-to-left isolate "
        "(U+2067) at character 13. Remove it and try again."
    ]
    assert len(refusals()) == 1


def test_meeting_theme_with_a_hidden_character_is_refused(panel):
    from panels.meetings.forms import MeetingForm
    from panels.models import Panel

    form = MeetingForm(
        data={
            "panel": panel.pk,
            "date_0": "9",
            "date_1": "12",
            "date_2": "2026",
            "theme": "Stalking\u200f",
        },
        panels=Panel.objects.all(),
    )

    assert form.is_valid() is False
    assert form.errors["theme"] == [
        "Meeting theme contains a hidden character that marks text as right to left "
        "(U+200F) at character 9. Remove it and try again."
    ]


def test_decision_reasons_with_a_hidden_character_are_refused(meeting):
    from panels.meetings.decision_form import DecisionForm

    form = DecisionForm(
        data={"reasons": "Fine\u202a"},
        meeting=meeting,
        later=meeting.panel.meetings.none(),
        decision=None,
    )

    assert form.is_valid() is False
    assert "(U+202A) at character 5" in form.errors["reasons"][0]


def test_upload_form_refuses_a_file_name_with_a_hidden_character_and_audits_it():
    from cases.forms import UploadForm

    force = factories.ForceFactory()
    upload = SimpleUploadedFile("cases" + RLO + "vsc.xlsx", b"reference\nA1\n")

    form = UploadForm(data={"force": force.pk, "encoding": "auto"}, files={"file": upload})

    assert form.is_valid() is False
    assert form.errors["file"] == [
        "The selected file's name contains a hidden character that reverses text "
        "direction (U+202E) at character 6. Remove it and try again."
    ]
    assert refusals() == ["Refused hidden or mixed-script characters in file"]


def test_uploaded_file_name_reaches_the_service_without_its_direction_override(client, alice):
    """Django's multipart parser drops non-printable characters from file names before
    any form sees them, so a reversed name sent by a browser is stored harmless."""
    from cases.models import ExtractBatch

    force = factories.ForceFactory()
    client.force_login(alice)
    upload = SimpleUploadedFile("cases" + RLO + "vsc.csv", b"reference\nA1\n")

    client.post(reverse("cases:upload"), {"force": force.pk, "encoding": "auto", "file": upload})

    assert [RLO in name for name in ExtractBatch.objects.values_list("file_name", flat=True)] in (
        [],
        [False],
    )


def test_upload_larger_than_the_import_limit_is_refused_with_a_message(client, alice, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    force = factories.ForceFactory()
    client.force_login(alice)
    upload = SimpleUploadedFile("cases.csv", b"x" * (1024 * 1024 + 1))

    response = client.post(
        reverse("cases:upload"), {"force": force.pk, "encoding": "auto", "file": upload}
    )

    assert response.status_code == 200
    assert "The selected file must be smaller than 1 MB" in response.content.decode()


def test_check_single_script_refuses_latin_mixed_with_cyrillic():
    with pytest.raises(forms.ValidationError) as refused:
        check_single_script("\u0430lice", "Username")  # Cyrillic а, then Latin

    assert refused.value.messages == [
        "Username mixes letters from different alphabets (Cyrillic and Latin), so it could "
        "be mistaken for a different name. Use letters from one alphabet and try again."
    ]
    assert check_single_script("alice.o'neill-2", "Username") == "alice.o'neill-2"
    assert check_single_script("Алиса", "Username") == "Алиса"


def test_admin_add_user_form_refuses_a_mixed_script_username():
    form = SafeUserCreationForm(
        data={
            "username": "\u0430lice",
            "password1": "a-long-unusual-passphrase-9",
            "password2": "a-long-unusual-passphrase-9",
            "usable_password": "true",
        }
    )

    assert form.is_valid() is False
    assert form.errors["username"][0].startswith("Username mixes letters from different")
    assert len(refusals()) == 1


def test_admin_change_user_form_refuses_a_mixed_script_last_name(eve):
    form = SafeUserChangeForm(
        instance=eve,
        data={
            "username": "eve",
            "first_name": "Eve",
            "last_name": "Sm\u0456th",  # Cyrillic і
            "email": "eve@example.org",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
        },
    )

    assert form.is_valid() is False
    assert form.errors["last_name"][0].startswith("Last name mixes letters")


FORMS_MODULES = [
    "cases.forms",
    "cases.documents.forms",
    "panels.sampling.forms",
    "panels.rating.forms",
    "panels.meetings.forms",
    "reports.forms",
    "core.forms",
    "core.users_admin",
    "scrutiny.forms",
]


def _all_model_forms():
    found = []
    for name in FORMS_MODULES:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.ModelForm) and cls.__module__ == name:
                found.append(cls)
    return found


def test_every_model_form_names_its_fields_explicitly():
    loose = [
        cls.__qualname__
        for cls in _all_model_forms()
        if getattr(cls.Meta, "exclude", None)
        or getattr(cls.Meta, "fields", None) in (None, "__all__")
    ]

    assert loose == []


def test_every_text_form_in_the_apps_checks_for_hidden_characters():
    from core.text_safety import SafeTextMixin

    unchecked = []
    for name in [
        "cases.forms",
        "cases.documents.forms",
        "panels.sampling.forms",
        "panels.rating.forms",
        "panels.meetings.forms",
        "reports.forms",
    ]:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, forms.BaseForm)
                and cls.__module__ == name
                and not issubclass(cls, SafeTextMixin)
            ):
                unchecked.append(cls.__qualname__)

    assert unchecked == []


def test_script_and_javascript_links_in_section_text_are_neutralised_in_page_and_pdf(
    client, draft, olu
):
    services.section_save(
        report=draft,
        key=SectionKey.WHY,
        heading="Why <script>alert(2)</script>",
        body="<script>alert(1)</script>\n\n[click](javascript:alert(3)) "
        "<img src=x onerror=alert(4)>",
        by=olu,
        version=draft.version,
    )
    draft.refresh_from_db()
    client.force_login(olu)

    page = client.get(reverse("reports:report_preview", args=[draft.pk])).content.decode()
    pdf_html = pdf_document(draft, body_html(draft))

    for html in (page, pdf_html):
        assert "<script>alert" not in html
        assert "javascript:" not in html
        assert "onerror" not in html.replace("onerror=alert(4)&gt;", "")
        assert "&lt;script&gt;alert(1)" in html
