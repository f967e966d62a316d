"""The accountability pages' forms, in the GOV.UK pattern (crispy-forms-gds). Each form
that changes a row carries the version it was opened at (core.stale). Their wording is
lazy: it is put into words, in the reader's language, when a page shows it. Each text the
published notes show has a Welsh box beside its English one (docs/adr/0017); a post
without it leaves the Welsh as it was (KeepsUnsentWelsh). The record's outcomes (other
areas, actions, follow-ups) are in record_forms."""

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from cases.documents.forms import DocumentUploadForm
from core.bilingual import KeepsUnsentWelsh, english_of, welsh_of
from core.forms import post_form_helper, version_field
from core.text_safety import SafeTextMixin
from panels.sampling.forms import OptionalDateField

from .enums import AssuranceLevel
from .form_fields import LONG_TEXT, VersionAtTop, date_field, text_field, welsh_text_field
from .models import Topic


class TopicForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        help_text=_('For example, "Use of out of court resolutions and Outcome 16".'),
        max_length=200,
        error_messages={"required": _("Enter the topic's title")},
    )
    title_cy = welsh_text_field(_("Title (Welsh)"), rows=0, max_length=200)
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
            Field.text("title", field_width=Fluid.FULL),
            Field.text("title_cy", field_width=Fluid.FULL),
            "force",
            submit=_("Add the topic"),
        )


class ScrutinyMeetingForm(KeepsUnsentWelsh, VersionAtTop, SafeTextMixin, forms.Form):
    text_labels = {"theme": _("Theme"), "theme_cy": _("Theme (Welsh)")}
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
    theme_cy = welsh_text_field(_("Theme (Welsh, optional)"), rows=0, max_length=200)
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
                "theme": english_of(meeting, "theme"),
                "theme_cy": welsh_of(meeting, "theme"),
                "topics": list(meeting.topics.all()),
                "version": meeting.version,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["force"].queryset = forces
        self.fields["topics"].queryset = topics
        names = ["force", "date", Field.text("theme", field_width=Fluid.TWO_THIRDS)]
        names.append(Field.text("theme_cy", field_width=Fluid.TWO_THIRDS))
        names.append(Field.checkboxes("topics", legend_size=Size.SMALL, small=True))
        if meeting is not None:
            del self.fields["force"]
            names.pop(0)
            self.fields["version"] = version_field()
            names.append("version")
        self.helper = post_form_helper(*names, submit=_("Save the meeting"))


class QuestionForm(KeepsUnsentWelsh, VersionAtTop, SafeTextMixin, forms.Form):
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
    text_cy = welsh_text_field(_("Question (Welsh)"))
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
                "text": english_of(question, "text"),
                "text_cy": welsh_of(question, "text"),
                "due_date": question.due_date,
                "version": question.version,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["topic"].queryset = topics
        names = ["topic", Field.textarea("text", label_size=Size.SMALL)]
        names += [Field.textarea("text_cy", label_size=Size.SMALL), "due_date"]
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


class _TextVersionForm(KeepsUnsentWelsh, VersionAtTop, SafeTextMixin, forms.Form):
    """One long text and the version of the row it changes (0 when there is none yet);
    with `welsh_label`, the Welsh of the text beside it."""

    label = required = submit = ""
    help = welsh_label = ""

    def __init__(self, *args, current=None, **kwargs):
        initial = {"version": current.version if current else 0}
        if current is not None:
            initial["text"] = english_of(current, "text") if self.welsh_label else current.text
        if current is not None and self.welsh_label:
            initial["text_cy"] = welsh_of(current, "text")
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["text"] = text_field(self.label, self.required, rows=10, help_text=self.help)
        names = [Field.textarea("text", label_size=Size.MEDIUM)]
        if self.welsh_label:
            self.fields["text_cy"] = welsh_text_field(self.welsh_label, rows=10)
            names.append(Field.textarea("text_cy", label_size=Size.MEDIUM))
        self.fields["version"] = version_field()
        self.helper = post_form_helper(*names, "version", submit=self.submit)


class SummaryForm(_TextVersionForm):
    label = _("Summary of evidence")
    required = _("Enter the summary of evidence")
    submit = _("Save the summary")
    help = _("This is published in the meeting's notes. Leave out names and case details.")
    welsh_label = _("Summary of evidence (Welsh)")


class AnswerForm(_TextVersionForm):
    label = _("The force's answer")
    required = _("Enter the force's answer")
    submit = _("Save the answer")
    help = _("Leave out names and other personal data. Add evidence as PDFs after saving.")


class DecisionForm(KeepsUnsentWelsh, VersionAtTop, SafeTextMixin, forms.Form):
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
    rationale_cy = welsh_text_field(_("Rationale (Welsh)"), rows=10)

    def __init__(self, *args, decision=None, **kwargs):
        initial = {"version": decision.version if decision else 0}
        if decision is not None:
            initial |= {
                "level": decision.level,
                "rationale": english_of(decision, "rationale"),
                "rationale_cy": welsh_of(decision, "rationale"),
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["version"] = version_field()
        self.helper = post_form_helper(
            Field.radios("level", legend_size=Size.MEDIUM),
            Field.textarea("rationale", label_size=Size.SMALL),
            Field.textarea("rationale_cy", label_size=Size.SMALL),
            "version",
            submit=_("Save the decision"),
        )


class EvidenceForm(DocumentUploadForm):
    """A PDF of evidence: the same checks as a case document's upload form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = _(
            "What the document is, for example “OoCR performance dashboard, June 2025”. "
            "Leave out names and other personal data."
        )


class WelshForm(VersionAtTop, SafeTextMixin, forms.Form):
    """The Welsh of a text whose English is final (a question sent to the force, a topic's
    title): the English is shown above the box, and only the Welsh changes."""

    def __init__(self, *args, name: str, label: str, row, rows: int = 5, **kwargs):
        welsh = f"{name}_cy"
        initial = {welsh: welsh_of(row, name), "version": row.version}
        super().__init__(*args, initial=initial, **kwargs)
        field = welsh_text_field(label, rows=rows, max_length=LONG_TEXT if rows else 200)
        self.fields[welsh] = field
        self.fields["version"] = version_field()
        box = Field.textarea(welsh, label_size=Size.SMALL) if rows else Field.text(welsh)
        self.helper = post_form_helper(box, "version", submit=_("Save the Welsh"))
