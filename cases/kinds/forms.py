"""Forms for the data admins' record kind pages: a kind from a dictionary, and a new
dictionary for a kind."""

from crispy_forms_gds.layout import Field, Fixed, Fluid
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import post_form_helper, version_field
from core.text_safety import SafeTextMixin, hidden_character_message

from ..models import RecordKind
from .dictionary import MAX_BYTES


def _dictionary_field() -> forms.FileField:
    return forms.FileField(
        label=gettext_lazy("Dictionary (CSV)"),
        help_text=gettext_lazy(
            "A CSV file with the headings code, section, label, type, choices, "
            "required, filterable and help, and one line for each field."
        ),
        error_messages={
            "required": gettext_lazy("Choose a dictionary file to upload"),
            "empty": gettext_lazy("The selected file is empty"),
            "invalid": gettext_lazy("Choose a dictionary file to upload"),
        },
    )


def _clean_dictionary(upload) -> bytes:
    """The file's bytes, if it is a CSV of a dictionary's size; the service reads them."""
    if upload.size > MAX_BYTES:
        raise forms.ValidationError(
            _("The selected file is larger than %(size)s KB: a dictionary is far smaller")
            % {"size": MAX_BYTES // 1024}
        )
    hidden = hidden_character_message(upload.name, _("The selected file's name"))
    if hidden:
        raise forms.ValidationError(hidden, code="hidden_character")
    if not upload.name.lower().endswith(".csv"):
        raise forms.ValidationError(_("The selected file must be a CSV"))
    upload.seek(0)
    return upload.read()


WELSH_NAMES = ("name_cy", "date_label_cy", "facts_label_cy")


def _welsh_fields() -> dict[str, forms.CharField]:
    """The kind's own words in Welsh: optional, in Welsh (docs/record-kinds.md, "In Welsh")."""
    labels = {
        "name_cy": gettext_lazy("Name (Welsh)"),
        "date_label_cy": gettext_lazy("What its date means (Welsh)"),
        "facts_label_cy": gettext_lazy("What its facts are called (Welsh)"),
    }
    return {
        name: forms.CharField(
            label=label,
            required=False,
            max_length=RecordKind._meta.get_field(name).max_length,
            widget=forms.TextInput(attrs={"lang": "cy"}),
        )
        for name, label in labels.items()
    }


def welsh_words(form) -> dict[str, str]:
    """The Welsh words a kind form was sent, as the services take them: a box the form did
    not send is left out, so what the kind has is kept."""
    return {
        name.removesuffix("_cy"): form.cleaned_data[name]
        for name in WELSH_NAMES
        if name in form.data
    }


class KindCreateForm(SafeTextMixin, forms.Form):
    text_labels = {"name": "The kind's name"}
    name = forms.CharField(
        label=gettext_lazy("Name"),
        help_text=gettext_lazy("For example, Stop and search."),
        max_length=RecordKind._meta.get_field("name").max_length,
        error_messages={"required": gettext_lazy("Enter the kind's name")},
    )
    code = forms.SlugField(
        label=gettext_lazy("Code"),
        help_text=gettext_lazy(
            "Letters, numbers, hyphens and underscores, for example stop-search. It is "
            "used by the import command and cannot change."
        ),
        max_length=RecordKind._meta.get_field("code").max_length,
        error_messages={
            "required": gettext_lazy("Enter a code for the kind"),
            "invalid": gettext_lazy(
                "Enter a code using only letters, numbers, hyphens or underscores"
            ),
            "max_length": gettext_lazy("Enter a code of 40 characters or fewer"),
        },
    )
    date_label = forms.CharField(
        label=gettext_lazy("What its date means (optional)"),
        help_text=gettext_lazy(
            "The date a sampling window is drawn on, for example Date of search. "
            "Extracts give it under the heading Date."
        ),
        required=False,
        max_length=RecordKind._meta.get_field("date_label").max_length,
    )
    facts_label = forms.CharField(
        label=gettext_lazy("What its facts are called (optional)"),
        help_text=gettext_lazy(
            "For example, Circumstances. Extracts give them under the heading Facts."
        ),
        required=False,
        max_length=RecordKind._meta.get_field("facts_label").max_length,
    )
    dictionary = _dictionary_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(_welsh_fields())
        self.helper = post_form_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("name_cy", field_width=Fluid.TWO_THIRDS),
            Field.text("code", field_width=Fixed.TWENTY),
            Field.text("date_label", field_width=Fluid.TWO_THIRDS),
            Field.text("date_label_cy", field_width=Fluid.TWO_THIRDS),
            Field.text("facts_label", field_width=Fluid.TWO_THIRDS),
            Field.text("facts_label_cy", field_width=Fluid.TWO_THIRDS),
            Field("dictionary"),
            submit=_("Create the kind"),
        )

    def clean_dictionary(self) -> bytes:
        return _clean_dictionary(self.cleaned_data["dictionary"])


class KindUpdateForm(forms.Form):
    dictionary = _dictionary_field()
    version = version_field()

    def __init__(self, *args, version: int = 0, kind: RecordKind | None = None, **kwargs):
        initial = {"version": version}
        if kind is not None:
            initial |= {name: getattr(kind, name) or "" for name in WELSH_NAMES}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields.update(_welsh_fields())
        self.helper = post_form_helper(
            Field("dictionary"),
            *(Field.text(name, field_width=Fluid.TWO_THIRDS) for name in WELSH_NAMES),
            "version",
            submit=_("Check and update"),
        )

    def clean_dictionary(self) -> bytes:
        return _clean_dictionary(self.cleaned_data["dictionary"])

    def clean(self):
        data = super().clean()
        if "version" in self.errors:  # the hidden field has no place in the error summary
            self.add_error(None, list(self.errors.pop("version")))
        return data
