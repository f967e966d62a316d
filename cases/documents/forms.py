"""Forms for attaching a document to a case and deciding what its screen found."""

from crispy_forms_gds.layout import ConditionalQuestion, Field, Fixed
from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import post_form_helper
from core.text_safety import SafeTextMixin, hidden_character_message

from ..forms import _SizedConditionalRadios
from .storage import too_big_message

NOT_A_PDF = gettext_lazy("The selected file must be a PDF")


def checked_pdf(upload):
    """An uploaded document as the form takes it, or the error a person can act on: too
    large, a name with hidden characters, or not a PDF. Its content is checked later."""
    if upload.size > settings.DOCUMENT_LIMITS.max_bytes:
        raise forms.ValidationError(too_big_message())
    hidden = hidden_character_message(upload.name, _("The selected file's name"))
    if hidden:
        raise forms.ValidationError(hidden, code="hidden_character")
    if not upload.name.lower().endswith(".pdf"):
        raise forms.ValidationError(NOT_A_PDF)
    return upload


class DocumentUploadForm(SafeTextMixin, forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        help_text=gettext_lazy(
            "What the document is, as readers will see it, for example “CPS decision "
            "letter” or “Witness care log”. Leave out names and other personal data."
        ),
        max_length=200,
        error_messages={
            "required": gettext_lazy("Enter the document's title"),
            "max_length": gettext_lazy("The title must be 200 characters or fewer"),
        },
    )
    file = forms.FileField(
        label=gettext_lazy("PDF file"),
        error_messages={
            "required": gettext_lazy("Choose a PDF to upload"),
            "empty": gettext_lazy("The selected file is empty"),
            "invalid": gettext_lazy("Choose a PDF to upload"),
        },
    )

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        megabytes = settings.DOCUMENT_LIMITS.max_bytes // (1024 * 1024)
        self.fields["file"].help_text = _(
            "A PDF with its text, up to %(megabytes)s MB and %(pages)s "
            "pages. Scans without text cannot be screened for personal data, so are refused."
        ) % {"megabytes": megabytes, "pages": settings.DOCUMENT_LIMITS.max_pages}
        self.helper = post_form_helper(
            Field.text("title", field_width=Fixed.TWENTY),
            Field("file"),
            submit=_("Upload and check"),
        )
        if action:
            self.helper.form_action = action

    def clean_file(self):
        return checked_pdf(self.cleaned_data["file"])


class DocumentFindingForm(SafeTextMixin, forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("What should happen to this page?"),
        choices=[
            (
                "redact",
                gettext_lazy("Withdraw the document: I will upload a version with this removed"),
            ),
            ("accept", gettext_lazy("Keep it as it is")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Select whether to withdraw the document or keep the page")
        },
    )
    reason = forms.CharField(
        label=gettext_lazy("Why can it be kept?"),
        help_text=gettext_lazy("For example: “the court's public phone number”."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"max_length": gettext_lazy("The reason must be 1,000 characters or fewer")},
    )
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, seen: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen"].initial = seen
        choices = self.fields["decision"].choices
        self.helper = post_form_helper(
            _SizedConditionalRadios(
                "decision",
                str(choices[0][1]),
                ConditionalQuestion(str(choices[1][1]), Field.textarea("reason")),
            ),
            "seen",
            submit=_("Save decision"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "accept" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Enter why this page can be kept as it is"))
        return cleaned
