"""The form OPCC staff add and change a support service with."""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils.translation import gettext_lazy

from core.bilingual import KeepsUnsentWelsh, english_of, mark_welsh_fields, welsh_of
from core.forms import post_form_helper, version_field
from core.text_safety import SafeTextMixin

from ..enums import SupportPlacement
from ..forms import MARKDOWN_HINT
from .services import WELSH_FIELDS, SupportServiceInput

WELSH_HINT = gettext_lazy("Needed before a findings report is sent for approval in Welsh.")


def _welsh_box(max_length: int, widget=None) -> forms.CharField:
    return forms.CharField(required=False, max_length=max_length, widget=widget)


class SupportServiceForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    text_labels = {
        "description": gettext_lazy("What the service offers"),
        "description_cy": gettext_lazy("What the service offers (Welsh)"),
    }
    version = version_field()
    name = forms.CharField(
        label=gettext_lazy("Name of the service"),
        max_length=200,
        error_messages={"required": gettext_lazy("Enter the name of the service")},
    )
    name_cy = _welsh_box(200)
    description = forms.CharField(
        label=gettext_lazy("What the service offers"),
        help_text=MARKDOWN_HINT,
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    description_cy = _welsh_box(5000, forms.Textarea(attrs={"rows": 5}))
    phone = forms.CharField(
        label=gettext_lazy("Phone number (optional)"), max_length=40, required=False
    )
    email = forms.EmailField(
        label=gettext_lazy("Email address (optional)"),
        required=False,
        error_messages={
            "invalid": gettext_lazy(
                "Enter an email address in the correct format, like name@example.org"
            )
        },
    )
    url = forms.URLField(
        label=gettext_lazy("Website (optional)"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={
            "invalid": gettext_lazy("Enter a website address, like https://www.example.org/")
        },
    )
    link_text = forms.CharField(
        label=gettext_lazy("Words of the website link (optional)"),
        help_text=gettext_lazy(
            "For example, fill in a contact form. Leave blank for the service's name."
        ),
        max_length=100,
        required=False,
    )
    link_text_cy = _welsh_box(100)
    placement = forms.ChoiceField(
        label=gettext_lazy("Where reports list it"),
        choices=SupportPlacement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Select where reports list the service")},
    )
    theme = forms.CharField(
        label=gettext_lazy("Only for meetings on this theme (optional)"),
        help_text=gettext_lazy(
            "For example, Stalking or Harassment. Leave blank to list it in every report."
        ),
        max_length=200,
        required=False,
    )
    position = forms.IntegerField(
        label=gettext_lazy("Order in the list"),
        help_text=gettext_lazy("Services with lower numbers come first."),
        min_value=0,
        max_value=999,
        initial=0,
        error_messages={
            "required": gettext_lazy("Enter the order in the list, like 1"),
            "invalid": gettext_lazy("Enter the order in the list as a whole number, like 1"),
            "min_value": gettext_lazy("Enter an order of 0 or more"),
            "max_value": gettext_lazy("Enter an order of 999 or less"),
        },
    )
    panels = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Panels whose reports list it"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, panels, service=None, **kwargs):
        if service is not None:
            kwargs.setdefault(
                "initial",
                {
                    "version": service.version,
                    **{name: english_of(service, name) for name in WELSH_FIELDS},
                    **{f"{name}_cy": welsh_of(service, name) for name in WELSH_FIELDS},
                    **{
                        name: getattr(service, name)
                        for name in (
                            "phone",
                            "email",
                            "url",
                            "placement",
                            "theme",
                            "position",
                        )
                    },
                    "panels": [p.pk for p in service.panels.all()],
                },
            )
        else:
            kwargs.setdefault(
                "initial",
                {"version": 0, "position": 0, "placement": SupportPlacement.SUPPORT_SERVICES},
            )
        super().__init__(*args, **kwargs)
        self.fields["panels"].queryset = panels
        mark_welsh_fields(self, WELSH_FIELDS)
        for name in WELSH_FIELDS:
            self.fields[f"{name}_cy"].help_text = WELSH_HINT
        self.helper = post_form_helper(
            "version",
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("name_cy", field_width=Fluid.TWO_THIRDS),
            Field.textarea("description", label_size=Size.SMALL, rows=5),
            Field.textarea("description_cy", label_size=Size.SMALL, rows=5),
            Field.text("phone", field_width=Fluid.ONE_THIRD),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.text("url", field_width=Fluid.TWO_THIRDS),
            Field.text("link_text", field_width=Fluid.TWO_THIRDS),
            Field.text("link_text_cy", field_width=Fluid.TWO_THIRDS),
            Field.radios("placement", legend_size=Size.SMALL),
            Field.text("theme", field_width=Fluid.TWO_THIRDS),
            Field.text("position", field_width=Fluid.ONE_QUARTER),
            Field.checkboxes("panels", legend_size=Size.SMALL, small=True),
            submit=gettext_lazy("Save the support service"),
        )

    def service_input(self) -> SupportServiceInput:
        data = self.cleaned_data
        return SupportServiceInput(
            **{
                k: data[k] or ""
                for k in ("name", "description", "phone", "email", "url", "link_text", "theme")
            },
            placement=data["placement"],
            position=data["position"],
            panels=list(data["panels"]),
            # Only the Welsh boxes the form sent: the rest stays as it is.
            welsh={
                name: (data[f"{name}_cy"] or "").strip()
                for name in WELSH_FIELDS
                if f"{name}_cy" in data
            },
        )


class RemoveForm(forms.Form):
    version = version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("version", submit=gettext_lazy("Remove the support service"))
