"""Forms for OPCC staff's report pages."""

from django import forms
from django.utils.translation import gettext_lazy

from core.bilingual import KeepsUnsentWelsh, english
from core.forms import post_form_helper, version_field
from core.text_safety import SafeTextMixin
from panels.models import Theme

from .enums import CriteriaDisplay

MARKDOWN_HINT = (
    "Plain text. Leave a blank line between paragraphs. Start a line with ## for a "
    "heading, - for a bullet or 1. for a numbered list; **two stars** for bold; "
    "[words](https://example.org) for a link."
)


class SectionForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    text_labels = {
        "heading": "Section heading",
        "body": "Section text",
        "heading_cy": gettext_lazy("Section heading (Welsh)"),
        "body_cy": gettext_lazy("Section text (Welsh)"),
    }
    version = version_field()
    heading = forms.CharField(
        label="Heading", max_length=200, error_messages={"required": "Enter a heading"}
    )
    body = forms.CharField(
        label="Text",
        help_text=MARKDOWN_HINT,
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    # The Welsh version, needed before the report goes for approval when reports are
    # published in Welsh too (reports/welsh.py).
    heading_cy = forms.CharField(
        label=gettext_lazy("Heading (Welsh)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"lang": "cy"}),
    )
    body_cy = forms.CharField(
        label=gettext_lazy("Text (Welsh)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12, "lang": "cy"}),
    )
    keep = forms.BooleanField(required=False)

    def __init__(self, *args, keep_label: str | None, **kwargs):
        """`keep_label` None: the text cannot be kept for future reports (no box)."""
        super().__init__(*args, **kwargs)
        fields = ["version", "heading", "body", "heading_cy", "body_cy"]
        if keep_label is None:
            del self.fields["keep"]
        else:
            self.fields["keep"].label = keep_label
            fields.append("keep")
        self.helper = post_form_helper(*fields, submit="Save")

    @staticmethod
    def words(section) -> dict[str, str]:
        """The section's heading and text in English and in Welsh, as the form starts."""
        with english():
            return {
                n: getattr(section, n) or "" for n in ("heading", "body", "heading_cy", "body_cy")
            }


class BulletForm(SafeTextMixin, forms.Form):
    text_labels = {"text": "Reason bullet text"}
    version = version_field()
    decisions = forms.MultipleChoiceField(
        label="Which cases does this bullet speak for?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    theme = forms.ModelChoiceField(
        label="Also every case in this category tagged with the theme (optional)",
        queryset=Theme.objects.filter(is_active=True),
        required=False,
        empty_label="No theme",
    )
    text = forms.CharField(
        label="Published wording",
        help_text='Leave blank to publish the case\'s reasons as recorded. With "In N cases" '
        "on, write what follows it, for example: there was no clear admission from the "
        "perpetrator.",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lead_with_count = forms.BooleanField(
        label='Start with the number of cases ("In three cases …")', required=False
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision_rows = {str(d.pk): d for d in decisions}
        self.fields["decisions"].choices = [
            (str(d.pk), f"Case {d.reviewed_case.position}: {d.reasons or 'No reasons recorded'}")
            for d in decisions
        ]
        self.helper = post_form_helper(
            "version", "decisions", "theme", "text", "lead_with_count", submit="Save bullet"
        )

    def chosen_decisions(self):
        return [self.decision_rows[pk] for pk in self.cleaned_data["decisions"]]


class ConfirmForm(SafeTextMixin, forms.Form):
    """A move's confirmation: with a note, change note or public reason where it needs one."""

    note = forms.CharField(
        required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, note_label: str | None, note_hint: str = "", submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        if note_label is None:
            del self.fields["note"]
            self.helper = post_form_helper(submit=submit)
        else:
            self.fields["note"].label = note_label
            self.fields["note"].help_text = note_hint
            self.helper = post_form_helper("note", submit=submit)


class AcceptForm(SafeTextMixin, forms.Form):
    reason = forms.CharField(
        label="Why can this be published?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why this can be published"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("reason", submit="Accept")


def _day(label: str, which: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": f"Enter the {which} day of the period",
            "invalid": f"Enter the {which} day as a real date",
        },
    )


class PeriodReportForm(SafeTextMixin, forms.Form):
    panel = forms.ModelChoiceField(
        label="Panel",
        queryset=None,
        empty_label=None,
        error_messages={"required": "Select a panel", "invalid_choice": "Select a panel"},
    )
    period = forms.ChoiceField(
        label="Period",
        required=False,
        help_text="A financial year or quarter; or choose your own dates below.",
        error_messages={"invalid_choice": "Select a period from the list, or your own dates"},
    )
    start = _day("From", "first")
    end = _day("To", "last")

    def __init__(self, *args, panels, periods, **kwargs):
        """`periods` are reports.periods.Period, offered by name."""
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = panels
        self.named = {p.key: p for p in periods}
        self.fields["period"].choices = [("", "My own dates")] + [
            (p.key, f"{p.name} ({p.start:%-d %b %Y} to {p.end:%-d %b %Y})") for p in periods
        ]
        self.fields["start"].required = self.fields["end"].required = False
        self.helper = post_form_helper(
            "panel", "period", "start", "end", submit="Write the period report"
        )

    def clean(self):
        data = super().clean()
        chosen = self.named.get(data.pop("period", ""))
        if chosen is not None:
            data.update(start=chosen.start, end=chosen.end, name=chosen.name)
            return data
        for which, word in (("start", "first"), ("end", "last")):
            if data.get(which) is None and which not in self.errors:
                self.add_error(which, f"Enter the {word} day of the period, or choose a period")
        return data


class ReportCriteriaForm(SafeTextMixin, forms.Form):
    version = version_field()
    shown = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select criteria from the list"},
    )
    display = forms.ChoiceField(
        label="How does the report show them?",
        choices=CriteriaDisplay.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how the findings per criterion are shown",
            "invalid_choice": "Select how the findings per criterion are shown",
        },
    )

    def __init__(self, *args, criteria, heading: str, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["shown"]
        field.queryset = criteria
        field.label = f"Which of the {heading.lower()} does the report show?"
        field.help_text = "Untick any the report should leave out, here and in its open data."
        field.label_from_instance = lambda c: f"{c.position}. {c.label}"
        self.helper = post_form_helper("version", "shown", "display", submit="Save")
