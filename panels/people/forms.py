"""Forms for running panels and their people, rendered with the GOV.UK template pack."""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy

from core.bilingual import KeepsUnsentWelsh, english_of, welsh_of
from core.forms import post_form_helper, version_field
from core.text_safety import SafeTextMixin

from ..enums import AgeGroup, Agency, MembershipRole
from ..models import Framework, Panel
from .selectors import active_frameworks, forces
from .services import CHAIR_MUST_VOTE

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no_field(label: str, required_message: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


class _VersionErrorAtTop:
    """A bad or missing version is said at the top: the hidden field has no place of its
    own in the error summary."""

    def clean(self):
        data = super().clean()
        if "version" in self.errors:
            self.add_error(None, list(self.errors.pop("version")))
        return data


class PanelForm(KeepsUnsentWelsh, _VersionErrorAtTop, SafeTextMixin, forms.Form):
    text_labels = {
        "name": "Panel name",
        "public_description": "Public description",
        "public_description_cy": "Public description (Welsh)",
    }
    name = forms.CharField(
        label="Panel name",
        help_text="For example, Adult Out of Court Resolutions Scrutiny Panel.",
        max_length=Panel._meta.get_field("name").max_length,
        error_messages={"required": "Enter the panel's name"},
    )
    framework = forms.ModelChoiceField(
        queryset=Framework.objects.none(),
        label="Framework",
        help_text="The outcome categories and criteria the panel rates cases against.",
        empty_label="Select a framework",
        error_messages={
            "required": "Select the framework",
            "invalid_choice": "Select a framework from the list",
        },
    )
    force = forms.ModelChoiceField(
        queryset=forces(),
        label="Police force",
        empty_label="Select a force",
        error_messages={
            "required": "Select the police force",
            "invalid_choice": "Select a police force from the list",
        },
    )
    organisation = forms.CharField(
        label="Organisation",
        help_text="Who runs the panel, for example the Local Criminal Justice Board.",
        max_length=Panel._meta.get_field("organisation").max_length,
        error_messages={"required": "Enter the organisation that runs the panel"},
    )
    age_group = forms.ChoiceField(
        label="Does the panel look at adult or youth cases?",
        choices=AgeGroup.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select adult or youth",
            "invalid_choice": "Select adult or youth",
        },
    )
    public_description = forms.CharField(
        label="Public description (optional)",
        help_text="Standing text about the panel, printed in its published findings reports.",
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    public_description_cy = forms.CharField(
        label=gettext_lazy("Public description (Welsh)"),
        help_text=gettext_lazy("The same text in Welsh, for the Welsh version of reports."),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5, "lang": "cy"}),
    )
    is_active = yes_no_field(
        "Is the panel active?",
        "Select yes if the panel is active",
        "Meetings can only be planned for active panels.",
    )

    def __init__(self, *args, panel: Panel | None = None, **kwargs):
        initial = {"age_group": AgeGroup.ADULT, "is_active": "yes"}
        if panel is not None:
            initial = {
                "version": panel.version,
                "name": panel.name,
                "framework": panel.framework_id,
                "force": panel.force_id,
                "organisation": panel.organisation,
                "age_group": panel.age_group,
                "public_description": english_of(panel, "public_description"),
                "public_description_cy": welsh_of(panel, "public_description"),
                "is_active": _yes_no(panel.is_active),
            }
        super().__init__(*args, initial=initial, **kwargs)
        frameworks = active_frameworks()
        if panel is not None:
            # A panel keeps its framework even once that framework is retired.
            frameworks = Framework.objects.filter(is_active=True) | Framework.objects.filter(
                pk=panel.framework_id
            )
            self.fields["version"] = version_field()
        self.fields["framework"].queryset = frameworks.order_by("name")
        self.helper = post_form_helper(
            *(["version"] if panel is not None else []),
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.select("framework"),
            Field.select("force"),
            Field.text("organisation", field_width=Fluid.TWO_THIRDS),
            Field.radios("age_group", legend_size=Size.SMALL, inline=True),
            Field.textarea("public_description", label_size=Size.SMALL, rows=5),
            Field.textarea("public_description_cy", label_size=Size.SMALL, rows=5),
            Field.radios("is_active", legend_size=Size.SMALL, inline=True),
            submit="Save the panel" if panel is not None else "Create the panel",
        )

    def service_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


def _role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Role",
        choices=MembershipRole.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select chair or member",
            "invalid_choice": "Select chair or member",
        },
    )


def _agency_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Agency",
        help_text="The organisation they come from.",
        choices=[("", "Select an agency"), *Agency.choices],
        error_messages={
            "required": "Select the agency they come from",
            "invalid_choice": "Select an agency from the list",
        },
    )


def _voting_field() -> forms.TypedChoiceField:
    return yes_no_field(
        "Do they vote?",
        "Select yes if they rate cases and vote",
        "Non-voting attendees (for example, police) read the cases but do not rate them. "
        "A chair always votes.",
    )


class _ChairVotesMixin:
    def clean(self):
        data = super().clean()
        if data.get("role") == MembershipRole.CHAIR and data.get("is_voting") is False:
            self.add_error("is_voting", CHAIR_MUST_VOTE)
        return data


class InviteForm(_ChairVotesMixin, SafeTextMixin, forms.Form):
    single_script_fields = ("name",)
    name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages={"required": "Enter their full name"},
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We'll send the invitation here. If they already have an account with this "
        "address, they are added with that account.",
        max_length=254,
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    agency = _agency_field()
    role = _role_field()
    is_voting = _voting_field()

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args, initial={"role": MembershipRole.MEMBER, "is_voting": "yes"}, **kwargs
        )
        self.fields["email"].widget.attrs.update(autocomplete="off", spellcheck="false")
        self.helper = post_form_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.select("agency"),
            Field.radios("role", legend_size=Size.SMALL, inline=True),
            Field.radios("is_voting", legend_size=Size.SMALL, inline=True),
            submit="Send the invitation",
        )


class MembershipForm(_VersionErrorAtTop, _ChairVotesMixin, SafeTextMixin, forms.Form):
    version = version_field()
    agency = _agency_field()
    role = _role_field()
    is_voting = _voting_field()

    def __init__(self, *args, membership, **kwargs):
        initial = {
            "version": membership.version,
            "agency": membership.agency,
            "role": membership.role,
            "is_voting": _yes_no(membership.is_voting),
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.helper = post_form_helper(
            "version",
            Field.select("agency"),
            Field.radios("role", legend_size=Size.SMALL, inline=True),
            Field.radios("is_voting", legend_size=Size.SMALL, inline=True),
            submit="Save the membership",
        )

    def service_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class ConfirmForm(forms.Form):
    """A confirmation page's form: a button and nothing else."""

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper(submit=submit)


class InvitationPasswordForm(auth_forms.SetPasswordForm):
    """The invited person's first password, with the site's password rules."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Password"
        self.fields["new_password1"].error_messages["required"] = "Enter a password"
        self.fields["new_password2"].label = "Confirm password"
        self.fields["new_password2"].error_messages["required"] = "Enter the password again"
        self.helper = post_form_helper(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            submit="Set password",
        )
