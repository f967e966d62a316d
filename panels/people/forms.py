"""Forms for running panels and their people, rendered with the GOV.UK template pack."""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from core.bilingual import KeepsUnsentWelsh, by_words, english_of, welsh_of
from core.forms import post_form_helper, version_field
from core.text_safety import SafeTextMixin

from ..enums import AgeGroup, Agency, MembershipRole
from ..models import Framework, Panel
from .selectors import active_frameworks, forces
from .services import CHAIR_MUST_VOTE

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


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
        "name": _("Panel name"),
        "name_cy": _("Panel name (Welsh)"),
        "organisation_cy": _("Organisation (Welsh)"),
        "public_description": _("Public description"),
        "public_description_cy": _("Public description (Welsh)"),
    }
    name = forms.CharField(
        label=_("Panel name"),
        help_text=_("For example, Adult Out of Court Resolutions Scrutiny Panel."),
        max_length=Panel._meta.get_field("name").max_length,
        error_messages={"required": _("Enter the panel's name")},
    )
    name_cy = forms.CharField(
        label=_("Panel name (Welsh)"),
        help_text=_("Needed before a findings report is sent for approval in Welsh."),
        required=False,
        max_length=Panel._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"lang": "cy"}),
    )
    framework = forms.ModelChoiceField(
        queryset=Framework.objects.none(),
        label=_("Framework"),
        help_text=_("The outcome categories and criteria the panel rates cases against."),
        empty_label=_("Select a framework"),
        error_messages={
            "required": _("Select the framework"),
            "invalid_choice": _("Select a framework from the list"),
        },
    )
    force = forms.ModelChoiceField(
        queryset=forces(),
        label=_("Police force"),
        empty_label=_("Select a force"),
        error_messages={
            "required": _("Select the police force"),
            "invalid_choice": _("Select a police force from the list"),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        help_text=_("Who runs the panel, for example the Local Criminal Justice Board."),
        max_length=Panel._meta.get_field("organisation").max_length,
        error_messages={"required": _("Enter the organisation that runs the panel")},
    )
    organisation_cy = forms.CharField(
        label=_("Organisation (Welsh)"),
        help_text=_("Needed before a findings report is sent for approval in Welsh."),
        required=False,
        max_length=Panel._meta.get_field("organisation").max_length,
        widget=forms.TextInput(attrs={"lang": "cy"}),
    )
    age_group = forms.ChoiceField(
        label=_("Does the panel look at adult or youth cases?"),
        choices=AgeGroup.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select adult or youth"),
            "invalid_choice": _("Select adult or youth"),
        },
    )
    public_description = forms.CharField(
        label=_("Public description (optional)"),
        help_text=_("Standing text about the panel, printed in its published findings reports."),
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
        _("Is the panel active?"),
        _("Select yes if the panel is active"),
        _("Meetings can only be planned for active panels."),
    )

    def __init__(self, *args, panel: Panel | None = None, **kwargs):
        initial = {"age_group": AgeGroup.ADULT, "is_active": "yes"}
        if panel is not None:
            initial = {
                "version": panel.version,
                "name": english_of(panel, "name"),
                "name_cy": welsh_of(panel, "name"),
                "framework": panel.framework_id,
                "force": panel.force_id,
                "organisation": english_of(panel, "organisation"),
                "organisation_cy": welsh_of(panel, "organisation"),
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
        self.fields["framework"].queryset = frameworks.order_by(by_words("name"))
        self.helper = post_form_helper(
            *(["version"] if panel is not None else []),
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("name_cy", field_width=Fluid.TWO_THIRDS),
            Field.select("framework"),
            Field.select("force"),
            Field.text("organisation", field_width=Fluid.TWO_THIRDS),
            Field.text("organisation_cy", field_width=Fluid.TWO_THIRDS),
            Field.radios("age_group", legend_size=Size.SMALL, inline=True),
            Field.textarea("public_description", label_size=Size.SMALL, rows=5),
            Field.textarea("public_description_cy", label_size=Size.SMALL, rows=5),
            Field.radios("is_active", legend_size=Size.SMALL, inline=True),
            submit=_("Save the panel") if panel is not None else _("Create the panel"),
        )

    def service_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


def _role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select chair or member"),
            "invalid_choice": _("Select chair or member"),
        },
    )


def _agency_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Agency"),
        help_text=_("The organisation they come from."),
        choices=[("", _("Select an agency")), *Agency.choices],
        error_messages={
            "required": _("Select the agency they come from"),
            "invalid_choice": _("Select an agency from the list"),
        },
    )


def _voting_field() -> forms.TypedChoiceField:
    return yes_no_field(
        _("Do they vote?"),
        _("Select yes if they rate cases and vote"),
        _(
            "Non-voting attendees (for example, police) read the cases but do not rate them. "
            "A chair always votes."
        ),
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
        label=_("Full name"),
        max_length=150,
        error_messages={"required": _("Enter their full name")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_(
            "We'll send the invitation here. If they already have an account with this "
            "address, they are added with that account."
        ),
        max_length=254,
        error_messages={
            "required": _("Enter their email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
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
            submit=_("Send the invitation"),
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
            submit=_("Save the membership"),
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
        self.fields["new_password1"].label = _("Password")
        self.fields["new_password1"].error_messages["required"] = _("Enter a password")
        self.fields["new_password2"].label = _("Confirm password")
        self.fields["new_password2"].error_messages["required"] = _("Enter the password again")
        self.helper = post_form_helper(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            submit=_("Set password"),
        )
