"""The form choosing how a report shows its figures."""

from django import forms
from django.utils.translation import gettext_lazy

from core.forms import post_form_helper, version_field


class FiguresForm(forms.Form):
    version = version_field()
    show_percentages = forms.BooleanField(
        label=gettext_lazy(
            "Show each category's share of the cases decided, for example “8 of 10 cases (80%)”"
        ),
        required=False,
    )
    count_by = forms.ModelChoiceField(
        label=gettext_lazy("Count the decisions by a field of the record"),
        help_text=gettext_lazy(
            "A table and a chart of the cases in each category by the field's values, "
            "for example concerns by ethnicity."
        ),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Do not count by a field"),
        error_messages={"invalid_choice": gettext_lazy("Select a field from the list")},
    )
    force_figures = forms.ModelMultipleChoiceField(
        label=gettext_lazy("The force's own figures to show beside the findings"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy("Select figures from the list")},
    )

    def __init__(self, *args, fields, figures, lines, **kwargs):
        """`lines` maps a figure's pk to how it reads (its measure, period and number)."""
        super().__init__(*args, **kwargs)
        self.fields["count_by"].queryset = fields
        self.fields["force_figures"].queryset = figures
        self.fields["force_figures"].label_from_instance = lambda f: lines[f.pk]
        shown = ["version", "show_percentages", "count_by"]
        if lines:
            shown.append("force_figures")
        else:
            del self.fields["force_figures"]
        self.helper = post_form_helper(*shown, submit=gettext_lazy("Save"))
