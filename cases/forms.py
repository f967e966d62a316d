"""Forms for importing case extracts, rendered with the GOV.UK template pack."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import (
    Button,
    ConditionalQuestion,
    ConditionalRadios,
    Field,
    Fixed,
    Layout,
    Size,
)
from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.text_safety import SafeTextMixin, hidden_character_message

from .imports import ENCODINGS
from .imports.layout import layout_for
from .imports.storage import too_big_message
from .imports.upload_check import upload_problem
from .kind_data import OOCR_CODE
from .models import Force, RecordKind, RecordSection

ALLOWED_SUFFIXES = (".csv", ".xlsx")


class UploadForm(SafeTextMixin, forms.Form):
    force = forms.ModelChoiceField(
        queryset=Force.objects.all(),
        empty_label=gettext_lazy("Select a force"),
        label=gettext_lazy("Which force is this extract from?"),
        error_messages={
            "required": gettext_lazy("Select a force"),
            "invalid_choice": gettext_lazy("Select a force"),
        },
    )
    kind = forms.TypedChoiceField(
        label=gettext_lazy("Kind of record"),
        help_text=gettext_lazy("Its columns are read by this kind's fields."),
        required=False,  # a post without it is an out of court resolution's extract
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": gettext_lazy("Select a kind of record")},
    )
    section = forms.TypedChoiceField(
        label=gettext_lazy("Section (optional)"),
        help_text=gettext_lazy(
            "Only for an extract of one section's fields, such as one agency's part, "
            "for cases already imported. It changes that section and nothing else."
        ),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": gettext_lazy("Select a section of the kind of record")},
    )
    file = forms.FileField(
        label=gettext_lazy("Extract file"),
        help_text=gettext_lazy("A CSV file or an Excel workbook (.xlsx) with one row per case."),
        error_messages={
            "required": gettext_lazy("Choose a file to upload"),
            "empty": gettext_lazy("The selected file is empty"),
            "invalid": gettext_lazy("Choose a file to upload"),
        },
    )
    encoding = forms.ChoiceField(
        label=gettext_lazy("Character encoding"),
        help_text=gettext_lazy(
            "CSV files only. Choose Windows-1252 if accents or £ signs come out wrong."
        ),
        choices=[("auto", gettext_lazy("Work it out from the file (recommended)"))]
        + [(value, label) for value, label in ENCODINGS.items()],
        initial="auto",
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Select a character encoding")},
    )
    sheet_name = forms.CharField(
        label=gettext_lazy("Sheet name (optional)"),
        help_text=gettext_lazy("Excel workbooks only. Leave blank to use the first sheet."),
        required=False,
        max_length=100,
        error_messages={"max_length": gettext_lazy("Sheet name must be 100 characters or fewer")},
    )
    keep_extra = forms.MultipleChoiceField(
        label=gettext_lazy("Columns this service does not recognise"),
        help_text=(
            gettext_lazy(
                "Columns you keep are checked for personal data like every other column. "
                "Columns you do not keep are ignored."
            )
        ),
        choices=[("keep", gettext_lazy("Keep them in each case's extra data"))],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        forces = list(self.fields["force"].queryset[:2])
        if len(forces) == 1:
            # Only one force to choose from: it is chosen already.
            self.fields["force"].initial = forces[0].pk
        # Two queries, whatever the number of kinds: the kinds, then their sections.
        self.kinds = {kind.pk: kind for kind in RecordKind.objects.filter(is_active=True)}
        self.fields["kind"].choices = [(kind.pk, kind.name) for kind in self.kinds.values()]
        self.fields["kind"].initial = next(
            (kind.pk for kind in self.kinds.values() if kind.code == OOCR_CODE), None
        )
        self.sections = {
            section.pk: section
            for section in RecordSection.objects.filter(kind__in=list(self.kinds)).order_by(
                "kind__name", "position", "pk"
            )
        }
        groups: dict[str, list] = {}
        for section in self.sections.values():
            kind = self.kinds[section.kind_id]
            groups.setdefault(kind.name, []).append((section.pk, section.name))
        self.fields["section"].choices = [("", _("The whole record")), *groups.items()]
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.select("force"),
            Field.select("kind"),
            Field.select("section"),
            Field("file"),
            Field.radios("encoding", small=True),
            Field.text("sheet_name", field_width=Fixed.TWENTY),
            Field.checkboxes("keep_extra", small=True),
            Button("submit", _("Upload and check")),
        )

    def clean_kind(self) -> RecordKind:
        chosen = self.cleaned_data["kind"]
        if chosen is None:
            return RecordKind.objects.get(code=OOCR_CODE)
        return self.kinds[chosen]

    def clean_section(self) -> RecordSection | None:
        chosen = self.cleaned_data["section"]
        return None if chosen is None else self.sections[chosen]

    def clean_keep_extra(self) -> bool:
        return "keep" in self.cleaned_data["keep_extra"]

    def clean(self):
        cleaned = super().clean()
        kind, section = cleaned.get("kind"), cleaned.get("section")
        if kind is not None and section is not None and section.kind_id != kind.pk:
            self.add_error(
                "section",
                _("Select a section of %(kind)s, or “The whole record”") % {"kind": kind.name},
            )
        elif section is not None and cleaned.get("keep_extra"):
            self.add_error(
                "keep_extra",
                _(
                    "An extract of one section cannot keep columns this service does not "
                    "recognise: untick it, or import the whole record"
                ),
            )
        return cleaned

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(too_big_message().rstrip("."))
        hidden = hidden_character_message(upload.name, _("The selected file's name"))
        if hidden:
            # A name like "cases\u202excsl.csv" shows as something it is not.
            raise forms.ValidationError(hidden, code="hidden_character")
        if not upload.name.lower().endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError(_("The selected file must be a CSV or XLSX"))
        kind = self.cleaned_data.get("kind")
        known = set(layout_for(kind).lookup) if kind is not None else None
        problem = upload_problem(upload, file_name=upload.name, known=known)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class _SizedConditionalRadios(ConditionalRadios):
    """Radios revealing a follow-up question, with a medium legend like the other pages'.

    The reveal is shown to everyone until GOV.UK Frontend's script starts (govuk-init.js),
    so the question still works without JavaScript."""

    def render(self, form, context, *args, **kwargs):
        context.update({"legend_size": Size.for_legend(Size.MEDIUM)})
        return super().render(form, context, *args, **kwargs)


class FindingForm(SafeTextMixin, forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("What should happen to this cell?"),
        choices=[
            (
                "redact",
                gettext_lazy(
                    "Remove it: replace the personal data with a note of what was removed"
                ),
            ),
            ("accept", gettext_lazy("Keep it as it is")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Select whether to remove it or keep it")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Why can it be kept?"),
        help_text=gettext_lazy("For example: “a police station's public phone number”."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            _SizedConditionalRadios(
                "decision",
                str(self.fields["decision"].choices[0][1]),
                ConditionalQuestion(
                    str(self.fields["decision"].choices[1][1]), Field.textarea("reason")
                ),
            ),
            Button("submit", _("Save decision")),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "accept" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Enter why this cell can be kept as it is"))
        return cleaned
