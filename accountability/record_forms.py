"""The forms for what a meeting records besides its questions: other areas discussed,
numbered actions and follow-ups, and reopening a closed record. The texts the published
notes show have a Welsh box beside the English (docs/adr/0017)."""

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from core.bilingual import KeepsUnsentWelsh, english_of, welsh_of
from core.forms import STALE_FORM, post_form_helper, version_field
from core.text_safety import SafeTextMixin
from panels.enums import ActionStatus
from panels.sampling.forms import OptionalDateField

from .form_fields import LONG_TEXT, VersionAtTop, date_field, text_field, welsh_text_field
from .models import Topic


class OtherAreaForm(KeepsUnsentWelsh, VersionAtTop, SafeTextMixin, forms.Form):
    heading = forms.CharField(
        label=_("What was discussed"),
        help_text=_('For example, "The implications of the Government policy FTR48".'),
        max_length=200,
        error_messages={"required": _("Enter what was discussed")},
    )
    text = forms.CharField(
        label=_("More detail (optional)"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    heading_cy = welsh_text_field(_("What was discussed (Welsh)"), rows=0, max_length=200)
    text_cy = welsh_text_field(_("More detail (Welsh, optional)"), rows=4)

    def __init__(self, *args, area=None, **kwargs):
        initial = {"version": area.version if area else 0}
        if area is not None:
            initial |= {name: english_of(area, name) for name in ("heading", "text")}
            initial |= {f"{name}_cy": welsh_of(area, name) for name in ("heading", "text")}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["version"] = version_field()
        self.helper = post_form_helper(
            Field.text("heading", field_width=Fluid.FULL),
            Field.text("heading_cy", field_width=Fluid.FULL),
            Field.textarea("text", label_size=Size.SMALL),
            Field.textarea("text_cy", label_size=Size.SMALL),
            "version",
            submit=_("Save"),
        )


class ActionForm(KeepsUnsentWelsh, VersionAtTop, SafeTextMixin, forms.Form):
    description = text_field(_("What needs to be done"), _("Enter what needs to be done"), rows=3)
    description_cy = welsh_text_field(_("What needs to be done (Welsh)"), rows=3)
    owner = forms.CharField(
        label=_("Owner"),
        help_text=_("Who is responsible, for example the force and the OPCC."),
        max_length=200,
        error_messages={"required": _("Enter who owns the action")},
    )
    owner_cy = welsh_text_field(_("Owner (Welsh)"), rows=0, max_length=200)
    due_date = OptionalDateField(what="The due date", label=_("Due by (optional)"))
    seen = forms.CharField(
        widget=forms.HiddenInput, required=False, error_messages={"required": STALE_FORM}
    )

    def __init__(self, *args, action=None, seen: str = "", **kwargs):
        initial = {"seen": seen}
        if action is not None:
            initial |= {
                "description": english_of(action, "description"),
                "description_cy": welsh_of(action, "description"),
                "owner": english_of(action, "owner"),
                "owner_cy": welsh_of(action, "owner"),
                "due_date": action.due_date,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.helper = post_form_helper(
            Field.textarea("description", label_size=Size.SMALL),
            Field.textarea("description_cy", label_size=Size.SMALL),
            Field.text("owner", field_width=Fluid.TWO_THIRDS),
            Field.text("owner_cy", field_width=Fluid.TWO_THIRDS),
            "due_date",
            "seen",
            submit=_("Save the action"),
        )


class ActionTrackForm(VersionAtTop, forms.Form):
    """An action's status and due date, the part of it tracked after its meeting."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActionStatus.choices,
        error_messages={
            "required": _("Select the action's status"),
            "invalid_choice": _("Select the action's status"),
        },
    )
    due_date = OptionalDateField(what="The due date", label=_("Due by (optional)"))
    seen = forms.CharField(
        widget=forms.HiddenInput, required=False, error_messages={"required": STALE_FORM}
    )

    def __init__(self, *args, action, seen: str = "", **kwargs):
        initial = {"seen": seen, "status": action.status, "due_date": action.due_date}
        super().__init__(*args, initial=initial, **kwargs)
        self.helper = post_form_helper(
            Field.select("status"), "due_date", "seen", submit=_("Save the status")
        )


class FollowUpForm(KeepsUnsentWelsh, VersionAtTop, SafeTextMixin, forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        label=_("Topic"),
        empty_label=None,
        error_messages={
            "required": _("Select the topic"),
            "invalid_choice": _("Select the topic"),
        },
    )
    text = text_field(
        _("What is to follow"),
        _("Enter what is to follow"),
        rows=3,
        help_text=_('For example, "A further performance update to the Commissioner".'),
    )
    text_cy = welsh_text_field(_("What is to follow (Welsh)"), rows=3)
    due_date = date_field(
        _("Due on"),
        _("Enter the date the follow-up is due"),
        _("For example, 24 3 2026"),
    )

    def __init__(self, *args, topics, follow_up=None, **kwargs):
        if follow_up is not None:
            kwargs["initial"] = {
                "topic": follow_up.topic_id,
                "text": english_of(follow_up, "text"),
                "text_cy": welsh_of(follow_up, "text"),
                "due_date": follow_up.due_date,
                "version": follow_up.version,
            }
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics
        names = ["topic", Field.textarea("text", label_size=Size.SMALL)]
        names += [Field.textarea("text_cy", label_size=Size.SMALL), "due_date"]
        if follow_up is not None:
            self.fields["version"] = version_field()
            names.append("version")
        submit = _("Save the follow-up") if follow_up is not None else _("Set the follow-up")
        self.helper = post_form_helper(*names, submit=submit)


class FollowUpRemoveForm(VersionAtTop, forms.Form):
    """Only the version the follow-up was seen at: removing what someone has just changed
    is refused, and the page shows it as it is now."""

    def __init__(self, *args, follow_up, **kwargs):
        super().__init__(*args, initial={"version": follow_up.version}, **kwargs)
        self.fields["version"] = version_field()
        self.helper = post_form_helper("version")
        self.helper.layout.append(Button.warning("submit", _("Remove the follow-up")))


class ReopenForm(SafeTextMixin, forms.Form):
    reason = text_field(
        _("Why is the record being reopened?"),
        _("Enter why the meeting's record is being reopened"),
        rows=3,
        help_text=_(
            "This is kept in the meeting's history. For example, “To take a name out "
            "of the summary of evidence on question 2”."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper(
            Field.textarea("reason", label_size=Size.SMALL), submit=_("Reopen the record")
        )
