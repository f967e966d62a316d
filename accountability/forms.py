"""The accountability pages' forms, in the GOV.UK pattern (crispy-forms-gds). Each form
that changes a row carries the version it was opened at (core.stale). Their wording is
lazy: it is put into words, in the reader's language, when a page shows it."""

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from cases.documents.forms import DocumentUploadForm
from core.forms import STALE_FORM, post_form_helper, version_field
from core.text_safety import SafeTextMixin
from panels.enums import ActionStatus
from panels.sampling.forms import OptionalDateField

from .enums import AssuranceLevel
from .form_fields import LONG_TEXT, VersionAtTop, date_field, text_field
from .models import Topic


class TopicForm(SafeTextMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        help_text=_('For example, "Use of out of court resolutions and Outcome 16".'),
        max_length=200,
        error_messages={"required": _("Enter the topic's title")},
    )
    force = forms.ModelChoiceField(
        queryset=None,
        label=_("Force"),
        empty_label=None,
        error_messages={
            "required": _("Select the force"),
            "invalid_choice": _("Select the force"),
        },
    )

    def __init__(self, *args, forces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["force"].queryset = forces
        self.helper = post_form_helper(
            Field.text("title", field_width=Fluid.FULL), "force", submit=_("Add the topic")
        )


class ScrutinyMeetingForm(VersionAtTop, SafeTextMixin, forms.Form):
    text_labels = {"theme": _("Theme")}
    force = forms.ModelChoiceField(
        queryset=None,
        label=_("Force"),
        empty_label=None,
        error_messages={
            "required": _("Select the force"),
            "invalid_choice": _("Select the force"),
        },
    )
    date = date_field(_("Meeting date"), _("Enter the meeting date"))
    theme = forms.CharField(
        label=_("Theme (optional)"),
        help_text=_('For example, "Tackling offending and reoffending".'),
        max_length=200,
        required=False,
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics"),
        help_text=_("Select each topic the meeting covers."),
        error_messages={
            "required": _("Select at least one topic"),
            "invalid_choice": _("Select topics from the list"),
        },
    )

    def __init__(self, *args, forces, topics, meeting=None, **kwargs):
        initial = None
        if meeting is not None:
            initial = {
                "date": meeting.date,
                "theme": meeting.theme,
                "topics": list(meeting.topics.all()),
                "version": meeting.version,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["force"].queryset = forces
        self.fields["topics"].queryset = topics
        names = ["force", "date", Field.text("theme", field_width=Fluid.TWO_THIRDS)]
        names.append(Field.checkboxes("topics", legend_size=Size.SMALL, small=True))
        if meeting is not None:
            del self.fields["force"]
            names.pop(0)
            self.fields["version"] = version_field()
            names.append("version")
        self.helper = post_form_helper(*names, submit=_("Save the meeting"))


class QuestionForm(VersionAtTop, SafeTextMixin, forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        label=_("Topic"),
        empty_label=None,
        error_messages={
            "required": _("Select the topic"),
            "invalid_choice": _("Select the topic"),
        },
    )
    text = text_field(_("Question"), _("Enter the question"))
    due_date = OptionalDateField(
        what="The due date",
        label=_("Answer due by (optional)"),
        help_text=_("Leave it blank to use the date you give when you send the questions."),
    )

    def __init__(self, *args, topics, question=None, **kwargs):
        initial = None
        if question is not None:
            initial = {
                "topic": question.topic,
                "text": question.text,
                "due_date": question.due_date,
                "version": question.version,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["topic"].queryset = topics
        names = ["topic", Field.textarea("text", label_size=Size.SMALL), "due_date"]
        if question is not None:
            self.fields["version"] = version_field()
            names.append("version")
        self.helper = post_form_helper(*names, submit=_("Save the question"))


class RemoveDraftForm(VersionAtTop, forms.Form):
    """Removing a draft question: a button, and the version the page was opened at."""

    version = version_field()

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, initial={"version": question.version}, **kwargs)
        self.helper = post_form_helper("version")
        self.helper.layout.append(Button.warning("submit", _("Remove the draft")))


class SendForm(SafeTextMixin, forms.Form):
    due_date = date_field(
        _("Answers due by"),
        _("Enter the date the force's answers are due"),
        help_text=_("On or before the meeting, for example 10 9 2025."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("due_date", submit=_("Send the questions to the force"))


class _TextVersionForm(VersionAtTop, SafeTextMixin, forms.Form):
    """One long text and the version of the row it changes (0 when there is none yet)."""

    label = required = submit = ""
    help = ""

    def __init__(self, *args, current=None, **kwargs):
        initial = {"version": current.version if current else 0}
        if current is not None:
            initial["text"] = current.text
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["text"] = text_field(self.label, self.required, rows=10, help_text=self.help)
        self.fields["version"] = version_field()
        self.helper = post_form_helper(
            Field.textarea("text", label_size=Size.MEDIUM), "version", submit=self.submit
        )


class SummaryForm(_TextVersionForm):
    label = _("Summary of evidence")
    required = _("Enter the summary of evidence")
    submit = _("Save the summary")
    help = _("This is published in the meeting's notes. Leave out names and case details.")


class AnswerForm(_TextVersionForm):
    label = _("The force's answer")
    required = _("Enter the force's answer")
    submit = _("Save the answer")
    help = _("Leave out names and other personal data. Add evidence as PDFs after saving.")


class DecisionForm(VersionAtTop, SafeTextMixin, forms.Form):
    level = forms.ChoiceField(
        label=_("Is the Commissioner assured?"),
        choices=[(value, _(label)) for value, label in AssuranceLevel.choices],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether the Commissioner is assured"),
            "invalid_choice": _("Select whether the Commissioner is assured"),
        },
    )
    rationale = text_field(
        _("Rationale"),
        _("Enter the rationale for the decision: why the Commissioner is or is not assured"),
        rows=10,
    )

    def __init__(self, *args, decision=None, **kwargs):
        initial = {"version": decision.version if decision else 0}
        if decision is not None:
            initial |= {"level": decision.level, "rationale": decision.rationale}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["version"] = version_field()
        self.helper = post_form_helper(
            Field.radios("level", legend_size=Size.MEDIUM),
            Field.textarea("rationale", label_size=Size.SMALL),
            "version",
            submit=_("Save the decision"),
        )


class OtherAreaForm(VersionAtTop, SafeTextMixin, forms.Form):
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

    def __init__(self, *args, area=None, **kwargs):
        initial = {"version": area.version if area else 0}
        if area is not None:
            initial |= {"heading": area.heading, "text": area.text}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["version"] = version_field()
        self.helper = post_form_helper(
            Field.text("heading", field_width=Fluid.FULL),
            Field.textarea("text", label_size=Size.SMALL),
            "version",
            submit=_("Save"),
        )


class ActionForm(VersionAtTop, SafeTextMixin, forms.Form):
    description = text_field(_("What needs to be done"), _("Enter what needs to be done"), rows=3)
    owner = forms.CharField(
        label=_("Owner"),
        help_text=_("Who is responsible, for example the force and the OPCC."),
        max_length=200,
        error_messages={"required": _("Enter who owns the action")},
    )
    due_date = OptionalDateField(what="The due date", label=_("Due by (optional)"))
    seen = forms.CharField(
        widget=forms.HiddenInput, required=False, error_messages={"required": STALE_FORM}
    )

    def __init__(self, *args, action=None, seen: str = "", **kwargs):
        initial = {"seen": seen}
        if action is not None:
            initial |= {
                "description": action.description,
                "owner": action.owner,
                "due_date": action.due_date,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.helper = post_form_helper(
            Field.textarea("description", label_size=Size.SMALL),
            Field.text("owner", field_width=Fluid.TWO_THIRDS),
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


class FollowUpForm(VersionAtTop, SafeTextMixin, forms.Form):
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
    due_date = date_field(
        _("Due on"),
        _("Enter the date the follow-up is due"),
        _("For example, 24 3 2026"),
    )

    def __init__(self, *args, topics, follow_up=None, **kwargs):
        if follow_up is not None:
            kwargs["initial"] = {
                "topic": follow_up.topic_id,
                "text": follow_up.text,
                "due_date": follow_up.due_date,
                "version": follow_up.version,
            }
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics
        names = ["topic", Field.textarea("text", label_size=Size.SMALL), "due_date"]
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


class EvidenceForm(DocumentUploadForm):
    """A PDF of evidence: the same checks as a case document's upload form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = _(
            "What the document is, for example “OoCR performance dashboard, June 2025”. "
            "Leave out names and other personal data."
        )
