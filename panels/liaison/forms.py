"""Forms for the force's response to an action, OPCC staff's review of it, and inviting
a force liaison."""

from crispy_forms_gds.layout import ConditionalQuestion, Field, Fixed, Fluid, Size
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cases.documents.forms import checked_pdf
from cases.forms import _SizedConditionalRadios as SizedConditionalRadios
from core.forms import post_form_helper, select, version_field
from core.text_safety import SafeTextMixin

from ..enums import ActionStatus


def welsh_response_field(help_text) -> forms.CharField:
    """The response in Welsh: optional where the force writes it; the Welsh pages publish it,
    and a report or notes published in Welsh need it (docs/welsh.md)."""
    return forms.CharField(
        label=_("The force's response in Welsh (optional)"),
        help_text=help_text,
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6, "lang": "cy"}),
        error_messages={
            "max_length": _("The response in Welsh must be 10,000 characters or fewer"),
        },
    )


class ResponseForm(SafeTextMixin, forms.Form):
    text = forms.CharField(
        label=_("The force's response"),
        help_text=_(
            "What the force has done or will do. It is published beside the action "
            "once OPCC staff approve it: leave out names and other personal data."
        ),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Enter the force's response"),
            "max_length": _("The response must be 10,000 characters or fewer"),
        },
    )
    text_cy = welsh_response_field(
        _(
            "If the force answers in Welsh too. Otherwise OPCC staff add the Welsh before "
            "they publish it in Welsh."
        )
    )
    proposed_status = forms.ChoiceField(
        label=_("What should the action's status be?"),
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the status the force proposes")},
    )
    evidence_title = forms.CharField(
        label=_("Evidence title (optional)"),
        help_text=_("What the evidence is, for example “Revised supervisor checklist”."),
        max_length=200,
        required=False,
        error_messages={"max_length": _("The title must be 200 characters or fewer")},
    )
    evidence = forms.FileField(
        label=_("Evidence (optional)"),
        required=False,
        error_messages={"empty": _("The selected file is empty"), "invalid": _("Choose a PDF")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limits = settings.DOCUMENT_LIMITS
        self.fields["evidence"].help_text = _(
            "A redacted PDF with its text, up to %(megabytes)s MB and %(pages)s pages. "
            "It is screened for personal data: redact it first."
        ) % {"megabytes": limits.max_bytes // (1024 * 1024), "pages": limits.max_pages}
        self.helper = post_form_helper(
            Field.textarea("text", label_size=Size.SMALL),
            Field.textarea("text_cy", label_size=Size.SMALL),
            Field.radios("proposed_status", legend_size=Size.SMALL, small=True),
            Field.text("evidence_title", field_width=Fixed.TWENTY),
            Field("evidence"),
            submit=_("Send the response"),
        )

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        return checked_pdf(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("evidence") and not cleaned.get("evidence_title", "").strip():
            self.add_error("evidence_title", _("Enter the evidence's title"))
        return cleaned


class ReviewForm(SafeTextMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Approve the response?"),
        choices=[
            ("approve", _("Approve it: it can be published beside the action")),
            ("return", _("Return it to the force")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether to approve or return the response")},
    )
    reason = forms.CharField(
        label=_("Why is it returned?"),
        help_text=_("The force's liaison reads this and answers again."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("The reason must be 2,000 characters or fewer")},
    )
    text_cy = welsh_response_field(
        _(
            "Published on the Welsh pages when the response is approved. A report or notes "
            "published in Welsh cannot go for approval without it."
        )
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, version: int = 0, welsh: str = "", **kwargs):
        super().__init__(*args, initial={"version": version, "text_cy": welsh}, **kwargs)
        self.fields["text_cy"].label = _("The response in Welsh")
        choices = self.fields["decision"].choices
        self.helper = post_form_helper(
            SizedConditionalRadios(
                "decision",
                ConditionalQuestion(
                    str(choices[0][1]), Field.textarea("text_cy", label_size=Size.SMALL)
                ),
                ConditionalQuestion(str(choices[1][1]), Field.textarea("reason")),
            ),
            "version",
            submit=_("Save the review"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Enter why the response is returned to the force"))
        return cleaned


class ResponseWelshForm(SafeTextMixin, forms.Form):
    """The Welsh of a response waiting for review or approved: its English stays as the
    force sent it."""

    text_cy = welsh_response_field(
        _("Published on the Welsh pages beside the action, as the force's response.")
    )

    def __init__(self, *args, version: int = 0, welsh: str = "", **kwargs):
        super().__init__(*args, initial={"version": version, "text_cy": welsh}, **kwargs)
        self.fields["text_cy"].label = _("The response in Welsh")
        self.fields["version"] = version_field()
        self.helper = post_form_helper(
            Field.textarea("text_cy", label_size=Size.SMALL), "version", submit=_("Save the Welsh")
        )


class WithdrawForm(SafeTextMixin, forms.Form):
    """Withdrawing the approval of a force's response, with the reason why."""

    reason = forms.CharField(
        label=_("Why is the approval withdrawn?"),
        help_text=_("The force's liaison reads this and sends a corrected response."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Enter why the approval is withdrawn"),
            "max_length": _("The reason must be 2,000 characters or fewer"),
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, version: int = 0, **kwargs):
        super().__init__(*args, initial={"version": version}, **kwargs)
        self.helper = post_form_helper(
            Field.textarea("reason"), "version", submit=_("Withdraw the approval")
        )


class LiaisonInviteForm(SafeTextMixin, forms.Form):
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
            "address, they are given the role with that account."
        ),
        max_length=254,
        error_messages={
            "required": _("Enter their email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
    )
    force = forms.ModelChoiceField(
        label=_("Force"),
        queryset=None,
        empty_label=_("Select the force"),
        error_messages={
            "required": _("Select the force they answer for"),
            "invalid_choice": _("Select the force they answer for"),
        },
    )

    def __init__(self, *args, forces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["force"].queryset = forces
        self.fields["email"].widget.attrs.update(autocomplete="off", spellcheck="false")
        self.helper = post_form_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            select("force"),
            submit=_("Send the invitation"),
        )


class EndForm(forms.Form):
    """Ending the role: a button, and the version the page was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, version: int = 0, **kwargs):
        super().__init__(*args, initial={"version": version}, **kwargs)
        self.helper = post_form_helper("version", submit=_("End the role"))
