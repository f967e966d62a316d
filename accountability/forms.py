"""The accountability pages' forms, in the GOV.UK pattern (crispy-forms-gds). Each form
that changes a row carries the version it was opened at (core.stale)."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.documents.forms import DocumentUploadForm
from core.forms import STALE_FORM, post_form_helper, version_field
from core.text_safety import SafeTextMixin
from panels.enums import ActionStatus
from panels.sampling.forms import OptionalDateField

from .enums import AssuranceLevel
from .models import Topic

LONG_TEXT = 20_000


class _VersionAtTop:
    """A bad or missing version is said at the top: the hidden field has no place of its
    own in the error summary."""

    def clean(self):
        data = super().clean()
        for name in ("version", "seen"):
            if name in self.errors:
                self.add_error(None, list(self.errors.pop(name)))
        return data


def _date(label: str, required: str, help_text: str = "") -> DateInputField:
    field = DateInputField(
        label=label, help_text=help_text or gettext_lazy("For example, 24 9 2025")
    )
    field.error_messages["required"] = required
    field.error_messages["incomplete"] = required
    return field


def _text(label: str, required: str, *, rows: int = 5, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": required,
            "max_length": format_lazy(
                gettext_lazy("{label} must be {limit} characters or fewer"),
                label=label,
                limit=f"{LONG_TEXT:,}",
            ),
        },
    )


class TopicForm(SafeTextMixin, forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        help_text=gettext_lazy('For example, "Use of out of court resolutions and Outcome 16".'),
        max_length=200,
        error_messages={"required": gettext_lazy("Enter the topic's title")},
    )
    force = forms.ModelChoiceField(
        queryset=None,
        label=gettext_lazy("Force"),
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Select the force"),
            "invalid_choice": gettext_lazy("Select the force"),
        },
    )

    def __init__(self, *args, forces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["force"].queryset = forces
        self.helper = post_form_helper(
            Field.text("title", field_width=Fluid.FULL), "force", submit=_("Add the topic")
        )


class ScrutinyMeetingForm(_VersionAtTop, SafeTextMixin, forms.Form):
    text_labels = {"theme": gettext_lazy("Theme")}
    force = forms.ModelChoiceField(
        queryset=None,
        label=gettext_lazy("Force"),
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Select the force"),
            "invalid_choice": gettext_lazy("Select the force"),
        },
    )
    date = _date(gettext_lazy("Meeting date"), gettext_lazy("Enter the meeting date"))
    theme = forms.CharField(
        label=gettext_lazy("Theme (optional)"),
        help_text=gettext_lazy('For example, "Tackling offending and reoffending".'),
        max_length=200,
        required=False,
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Topics"),
        help_text=gettext_lazy("Select each topic the meeting covers."),
        error_messages={
            "required": gettext_lazy("Select at least one topic"),
            "invalid_choice": gettext_lazy("Select topics from the list"),
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


class QuestionForm(_VersionAtTop, SafeTextMixin, forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        label=gettext_lazy("Topic"),
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Select the topic"),
            "invalid_choice": gettext_lazy("Select the topic"),
        },
    )
    text = _text(gettext_lazy("Question"), gettext_lazy("Enter the question"))
    due_date = OptionalDateField(
        what="The due date",
        label=gettext_lazy("Answer due by (optional)"),
        help_text=gettext_lazy(
            "Leave it blank to use the date you give when you send the questions."
        ),
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


class RemoveDraftForm(_VersionAtTop, forms.Form):
    """Removing a draft question: a button, and the version the page was opened at."""

    version = version_field()

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, initial={"version": question.version}, **kwargs)
        self.helper = post_form_helper("version")
        self.helper.layout.append(Button.warning("submit", _("Remove the draft")))


class SendForm(SafeTextMixin, forms.Form):
    due_date = _date(
        gettext_lazy("Answers due by"),
        gettext_lazy("Enter the date the force's answers are due"),
        help_text=gettext_lazy("On or before the meeting, for example 10 9 2025."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("due_date", submit=_("Send the questions to the force"))


class _TextVersionForm(_VersionAtTop, SafeTextMixin, forms.Form):
    """One long text and the version of the row it changes (0 when there is none yet)."""

    label = required = submit = ""
    help = ""

    def __init__(self, *args, current=None, **kwargs):
        initial = {"version": current.version if current else 0}
        if current is not None:
            initial["text"] = current.text
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["text"] = _text(self.label, self.required, rows=10, help_text=self.help)
        self.fields["version"] = version_field()
        self.helper = post_form_helper(
            Field.textarea("text", label_size=Size.MEDIUM), "version", submit=self.submit
        )


class SummaryForm(_TextVersionForm):
    label = gettext_lazy("Summary of evidence")
    required = gettext_lazy("Enter the summary of evidence")
    submit = gettext_lazy("Save the summary")
    help = gettext_lazy(
        "This is published in the meeting's notes. Leave out names and case details."
    )


class AnswerForm(_TextVersionForm):
    label = gettext_lazy("The force's answer")
    required = gettext_lazy("Enter the force's answer")
    submit = gettext_lazy("Save the answer")
    help = gettext_lazy(
        "Leave out names and other personal data. Add evidence as PDFs after saving."
    )


class DecisionForm(_VersionAtTop, SafeTextMixin, forms.Form):
    level = forms.ChoiceField(
        label=gettext_lazy("Is the Commissioner assured?"),
        choices=[(value, gettext_lazy(label)) for value, label in AssuranceLevel.choices],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Select whether the Commissioner is assured"),
            "invalid_choice": gettext_lazy("Select whether the Commissioner is assured"),
        },
    )
    rationale = _text(
        gettext_lazy("Rationale"),
        gettext_lazy(
            "Enter the rationale for the decision: why the Commissioner is or is not assured"
        ),
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


class OtherAreaForm(_VersionAtTop, SafeTextMixin, forms.Form):
    heading = forms.CharField(
        label=gettext_lazy("What was discussed"),
        help_text=gettext_lazy('For example, "The implications of the Government policy FTR48".'),
        max_length=200,
        error_messages={"required": gettext_lazy("Enter what was discussed")},
    )
    text = forms.CharField(
        label=gettext_lazy("More detail (optional)"),
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


class ActionForm(_VersionAtTop, SafeTextMixin, forms.Form):
    description = _text(
        gettext_lazy("What needs to be done"), gettext_lazy("Enter what needs to be done"), rows=3
    )
    owner = forms.CharField(
        label=gettext_lazy("Owner"),
        help_text=gettext_lazy("Who is responsible, for example the force and the OPCC."),
        max_length=200,
        error_messages={"required": gettext_lazy("Enter who owns the action")},
    )
    due_date = OptionalDateField(what="The due date", label=gettext_lazy("Due by (optional)"))
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


class ActionTrackForm(_VersionAtTop, forms.Form):
    """An action's status and due date, the part of it tracked after its meeting."""

    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=ActionStatus.choices,
        error_messages={
            "required": gettext_lazy("Select the action's status"),
            "invalid_choice": gettext_lazy("Select the action's status"),
        },
    )
    due_date = OptionalDateField(what="The due date", label=gettext_lazy("Due by (optional)"))
    seen = forms.CharField(
        widget=forms.HiddenInput, required=False, error_messages={"required": STALE_FORM}
    )

    def __init__(self, *args, action, seen: str = "", **kwargs):
        initial = {"seen": seen, "status": action.status, "due_date": action.due_date}
        super().__init__(*args, initial=initial, **kwargs)
        self.helper = post_form_helper(
            Field.select("status"), "due_date", "seen", submit=_("Save the status")
        )


class FollowUpForm(_VersionAtTop, SafeTextMixin, forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        label=gettext_lazy("Topic"),
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Select the topic"),
            "invalid_choice": gettext_lazy("Select the topic"),
        },
    )
    text = _text(
        gettext_lazy("What is to follow"),
        gettext_lazy("Enter what is to follow"),
        rows=3,
        help_text=gettext_lazy('For example, "A further performance update to the Commissioner".'),
    )
    due_date = _date(
        gettext_lazy("Due on"),
        gettext_lazy("Enter the date the follow-up is due"),
        gettext_lazy("For example, 24 3 2026"),
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


class FollowUpRemoveForm(_VersionAtTop, forms.Form):
    """Only the version the follow-up was seen at: removing what someone has just changed
    is refused, and the page shows it as it is now."""

    def __init__(self, *args, follow_up, **kwargs):
        super().__init__(*args, initial={"version": follow_up.version}, **kwargs)
        self.fields["version"] = version_field()
        self.helper = post_form_helper("version")
        self.helper.layout.append(Button.warning("submit", _("Remove the follow-up")))


class ReopenForm(SafeTextMixin, forms.Form):
    reason = _text(
        gettext_lazy("Why is the record being reopened?"),
        gettext_lazy("Enter why the meeting's record is being reopened"),
        rows=3,
        help_text=gettext_lazy(
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
