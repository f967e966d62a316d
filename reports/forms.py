"""Forms for OPCC staff's report pages."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.bilingual import KeepsUnsentWelsh, english
from core.forms import post_form_helper, version_field
from core.text_safety import SafeTextMixin
from panels.models import Theme

from .enums import CriteriaDisplay

MARKDOWN_HINT = gettext_lazy(
    "Plain text. Leave a blank line between paragraphs. Start a line with ## for a "
    "heading, - for a bullet or 1. for a numbered list; **two stars** for bold; "
    "[words](https://example.org) for a link."
)


class SectionForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    text_labels = {
        "heading": gettext_lazy("Section heading"),
        "body": gettext_lazy("Section text"),
        "heading_cy": gettext_lazy("Section heading (Welsh)"),
        "body_cy": gettext_lazy("Section text (Welsh)"),
    }
    version = version_field()
    heading = forms.CharField(
        label=gettext_lazy("Heading"),
        max_length=200,
        error_messages={"required": gettext_lazy("Enter a heading")},
    )
    body = forms.CharField(
        label=gettext_lazy("Text"),
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
        self.helper = post_form_helper(*fields, submit=_("Save"))

    @staticmethod
    def words(section) -> dict[str, str]:
        """The section's heading and text in English and in Welsh, as the form starts."""
        with english():
            return {
                n: getattr(section, n) or "" for n in ("heading", "body", "heading_cy", "body_cy")
            }


class TitleForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    text_labels = {
        "title": gettext_lazy("Title"),
        "title_cy": gettext_lazy("Title (Welsh)"),
    }
    version = version_field()
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=300,
        error_messages={"required": gettext_lazy("Enter a title for the report")},
    )
    # Generated in Welsh with the English; needed before approval when reports are
    # published in Welsh too (reports/welsh.py).
    title_cy = forms.CharField(
        label=gettext_lazy("Title (Welsh)"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"lang": "cy"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("version", "title", "title_cy", submit=_("Save"))


class BulletForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    text_labels = {
        "text": gettext_lazy("Reason bullet text"),
        "text_cy": gettext_lazy("Reason bullet text (Welsh)"),
    }
    version = version_field()
    decisions = forms.MultipleChoiceField(
        label=gettext_lazy("Which cases does this bullet speak for?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Also every case in this category tagged with the theme (optional)"),
        queryset=Theme.objects.filter(is_active=True),
        required=False,
        empty_label=gettext_lazy("No theme"),
    )
    text = forms.CharField(
        label=gettext_lazy("Published wording"),
        help_text=gettext_lazy(
            'Leave blank to publish the case\'s reasons as recorded. With "In N cases" '
            "on, write what follows it, for example: there was no clear admission from the "
            "perpetrator."
        ),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # The Welsh, needed before the report goes for approval when reports are published in
    # Welsh too (reports/welsh.py). One case's reasons as recorded get theirs from a bullet
    # for that case alone whose English is left as recorded.
    text_cy = forms.CharField(
        label=gettext_lazy("Published wording (Welsh)"),
        help_text=gettext_lazy(
            "The same words in Welsh. To give the Welsh of one case's reasons as recorded, "
            "select only that case, keep its reasons as they are above and write the Welsh here."
        ),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "cy"}),
    )
    lead_with_count = forms.BooleanField(
        label=gettext_lazy('Start with the number of cases ("In three cases …")'), required=False
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision_rows = {str(d.pk): d for d in decisions}
        self.fields["decisions"].choices = [
            (
                str(d.pk),
                _("Case %(position)s: %(reasons)s")
                % {
                    "position": d.reviewed_case.position,
                    "reasons": d.reasons or _("No reasons recorded"),
                },
            )
            for d in decisions
        ]
        self.helper = post_form_helper(
            "version",
            "decisions",
            "theme",
            "text",
            "text_cy",
            "lead_with_count",
            submit=_("Save bullet"),
        )

    def chosen_decisions(self):
        return [self.decision_rows[pk] for pk in self.cleaned_data["decisions"]]


class ConfirmForm(SafeTextMixin, forms.Form):
    """A move's confirmation: with a note, change note or public reason where it needs one."""

    note = forms.CharField(
        required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    # A correction's note in Welsh, when the report is published in Welsh too.
    note_cy = forms.CharField(
        required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 4, "lang": "cy"})
    )

    def __init__(
        self,
        *args,
        note_label: str | None,
        note_hint: str = "",
        submit: str,
        welsh_note: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if note_label is None:
            del self.fields["note"], self.fields["note_cy"]
            self.helper = post_form_helper(submit=submit)
            return
        self.fields["note"].label = note_label
        self.fields["note"].help_text = note_hint
        if welsh_note:
            self.fields["note_cy"].label = _("%(label)s (Welsh)") % {"label": note_label}
            self.helper = post_form_helper("note", "note_cy", submit=submit)
        else:
            del self.fields["note_cy"]
            self.helper = post_form_helper("note", submit=submit)


class AcceptForm(SafeTextMixin, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why can this be published?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Enter why this can be published")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("reason", submit=_("Accept"))


def _day(label, required, invalid) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": required, "invalid": invalid},
    )


class PeriodReportForm(SafeTextMixin, forms.Form):
    panel = forms.ModelChoiceField(
        label=gettext_lazy("Panel"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Select a panel"),
            "invalid_choice": gettext_lazy("Select a panel"),
        },
    )
    period = forms.ChoiceField(
        label=gettext_lazy("Period"),
        required=False,
        help_text=gettext_lazy("A financial year or quarter; or choose your own dates below."),
        error_messages={
            "invalid_choice": gettext_lazy("Select a period from the list, or your own dates")
        },
    )
    start = _day(
        gettext_lazy("From"),
        gettext_lazy("Enter the first day of the period"),
        gettext_lazy("Enter the first day as a real date"),
    )
    end = _day(
        gettext_lazy("To"),
        gettext_lazy("Enter the last day of the period"),
        gettext_lazy("Enter the last day as a real date"),
    )

    def __init__(self, *args, panels, periods, **kwargs):
        """`periods` are reports.periods.Period, offered by name."""
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = panels
        self.named = {p.key: p for p in periods}
        self.fields["period"].choices = [("", _("My own dates"))] + [
            (
                p.key,
                _("%(name)s (%(start)s to %(end)s)")
                % {"name": p.name, "start": f"{p.start:%-d %b %Y}", "end": f"{p.end:%-d %b %Y}"},
            )
            for p in periods
        ]
        self.fields["start"].required = self.fields["end"].required = False
        self.helper = post_form_helper(
            "panel", "period", "start", "end", submit=_("Write the period report")
        )

    def clean(self):
        data = super().clean()
        chosen = self.named.get(data.pop("period", ""))
        if chosen is not None:
            data.update(start=chosen.start, end=chosen.end, name=chosen.name)
            return data
        missing = {
            "start": _("Enter the first day of the period, or choose a period"),
            "end": _("Enter the last day of the period, or choose a period"),
        }
        for which, message in missing.items():
            if data.get(which) is None and which not in self.errors:
                self.add_error(which, message)
        return data


class ReportCriteriaForm(SafeTextMixin, forms.Form):
    version = version_field()
    shown = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy("Select criteria from the list")},
    )
    display = forms.ChoiceField(
        label=gettext_lazy("How does the report show them?"),
        choices=CriteriaDisplay.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Select how the findings per criterion are shown"),
            "invalid_choice": gettext_lazy("Select how the findings per criterion are shown"),
        },
    )

    def __init__(self, *args, criteria, heading: str, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["shown"]
        field.queryset = criteria
        field.label = _("Which of the %(heading)s does the report show?") % {
            "heading": heading.lower()
        }
        field.help_text = _("Untick any the report should leave out, here and in its open data.")
        field.label_from_instance = lambda c: f"{c.position}. {c.label}"
        self.helper = post_form_helper("version", "shown", "display", submit=_("Save"))
