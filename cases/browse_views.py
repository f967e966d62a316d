"""Pages for data admins to browse cases and extract batches without the Django admin.

Filters are read from the address (GET), so a filtered list can be bookmarked, shared
and linked to from the home page.
"""

import dataclasses

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout
from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import AuditEvent, record
from core.pagination import paginate
from core.roles import data_admin_required
from core.sorting import SortColumn, sorting

from . import browse_selectors as selectors
from .browse_kind_filters import (
    SHOWN_FIELDS,
    check_ranges,
    kind_cells,
    kind_filter_form_fields,
    kind_filter_layout,
    kind_filters,
)
from .documents import selectors as documents
from .documents.forms import DocumentUploadForm
from .enums import BatchStatus, CaseStatus
from .kinds.presenters import kind_record

PAGE_SIZE = 50
# Counting stops here: past it the list says "more than" and asks for narrower filters.
COUNT_LIMIT = 10_000
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d %B %Y", "%d %b %Y"]
# The case list's sortable columns (the orders themselves are the selector's CASE_ORDERS).
CASE_SORT_COLUMNS = [
    SortColumn(
        "reference",
        gettext_lazy("Reference"),
        gettext_lazy("A to Z within each force"),
        gettext_lazy("Z to A within each force"),
    ),
    SortColumn(
        "outcome_date",
        gettext_lazy("Outcome date"),
        gettext_lazy("oldest first"),
        gettext_lazy("newest first"),
        "descending",
    ),
    SortColumn(
        "offence_category",
        gettext_lazy("Offence category"),
        gettext_lazy("A to Z"),
        gettext_lazy("Z to A"),
    ),
]


def _translated(choices) -> list[tuple[str, str]]:
    """An enum's choices with their labels translated as the page is shown."""
    return [(value, gettext_lazy(label)) for value, label in choices]


def _date_field(label: str, invalid: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("For example, 2025-03-01 or 1/3/2025"),
        # crispy-forms-gds drops the GOV.UK input class from a date widget in error.
        widget=forms.TextInput,
        error_messages={"invalid": invalid},
    )


def _get_helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "get"
    helper.form_class = "app-filter"
    helper.attrs = {"novalidate": ""}
    # A button without a name, so the address holds only the filters.
    button = HTML(
        '<button type="submit" class="govuk-button govuk-button--secondary" '
        f'data-module="govuk-button">{submit}</button>'
    )
    helper.layout = Layout(*fields, button)
    return helper


class CaseFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of record"),
        help_text=gettext_lazy("Choose a kind and show the cases to filter by its own fields too."),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Select a kind of record from the list")},
    )
    force = forms.ModelChoiceField(
        label=gettext_lazy("Force"),
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("Any force"),
        error_messages={"invalid_choice": gettext_lazy("Select a force from the list")},
    )
    outcome_type = forms.ModelChoiceField(
        label=gettext_lazy("Outcome type"),
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("Any outcome"),
        error_messages={"invalid_choice": gettext_lazy("Select an outcome type from the list")},
    )
    offence_category = forms.ChoiceField(
        label=gettext_lazy("Offence category"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Select an offence category from the list")},
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *_translated(CaseStatus.choices)],
        error_messages={"invalid_choice": gettext_lazy("Select a status from the list")},
    )
    batch = forms.IntegerField(
        label=gettext_lazy("Extract batch number"),
        required=False,
        min_value=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": gettext_lazy(
                "Enter the extract batch number as a whole number, for example 12"
            ),
            "min_value": gettext_lazy(
                "Enter the extract batch number as a whole number, for example 12"
            ),
        },
    )
    q = forms.CharField(
        label=gettext_lazy("Reference starts with"), required=False, max_length=60, strip=True
    )
    # The order chosen from the table's headers, kept when the filters change; the
    # selector ignores a value it does not offer.
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = list(selectors.kind_choices())
        self.fields["kind"].choices = [("", _("Any kind")), *((k.code, k.name) for k in kinds)]
        self.fields["force"].queryset = selectors.force_choices()
        self.fields["outcome_type"].queryset = selectors.outcome_type_choices()
        categories = selectors.offence_categories()
        self.fields["offence_category"].choices = [
            ("", _("Any category")),
            *((c, c) for c in categories),
        ]
        # "from" and "to" are the names in the address, which Python cannot declare.
        self.fields["from"] = _date_field(
            _("Outcome date from"),
            _("Enter the ‘from’ date as a real date, for example 2025-03-01"),
        )
        self.fields["to"] = _date_field(
            _("Outcome date to"), _("Enter the ‘to’ date as a real date, for example 2025-03-01")
        )
        # The chosen kind's own fields, asked once the kind is in the address.
        chosen = self.data.get("kind") if self.is_bound else None
        self.kind = next((k for k in kinds if k.code == chosen), None)
        self.kind_fields = selectors.kind_filter_fields(self.kind) if self.kind else []
        self.fields.update(kind_filter_form_fields(self.kind_fields))
        order = ["force", "outcome_type", "offence_category", "status", "batch", "from", "to"]
        self.order_fields(["kind", *order, "q"])
        self.helper = _get_helper(
            "kind",
            *kind_filter_layout(self.kind_fields),
            *order[:4],
            *(Field.text(name, field_width=10) for name in [*order[4:], "q"]),
            "sort",
            submit=_("Show cases"),
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", _("The ‘to’ date must be the same as or after the ‘from’ date"))
        check_ranges(self, self.kind_fields)
        return data

    def filters(self) -> dict:
        """The selector's filters from the cleaned answers, the kind's fields among them."""
        return {
            **self.cleaned_data,
            "kind": self.kind,
            **kind_filters(self.cleaned_data, self.kind_fields),
        }


class BatchFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *_translated(BatchStatus.choices)],
        error_messages={"invalid_choice": gettext_lazy("Select a status from the list")},
    )
    findings = forms.MultipleChoiceField(
        label=gettext_lazy("Privacy findings"),
        required=False,
        choices=[("open", gettext_lazy("Only batches with privacy findings to decide"))],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy("Select the box or leave it clear")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _get_helper(
            "status", Field.checkboxes("findings", legend_size="s"), submit=_("Show batches")
        )


def _bound(request, form_class):
    """The filter form, bound only when a filter is in the address (not just a page)."""
    names = {*form_class.base_fields, "from", "to"}
    return request.GET if any(request.GET.get(name) for name in names) else None


def _sort_columns(kind) -> list[SortColumn]:
    """The sortable columns, the date named as the chosen kind names it."""
    if kind is None:
        return CASE_SORT_COLUMNS
    named = {"outcome_date": kind.date_label}
    return [
        dataclasses.replace(column, label=named.get(column.key, column.label))
        for column in CASE_SORT_COLUMNS
    ]


@data_admin_required
def case_list(request):
    form = CaseFilterForm(_bound(request, CaseFilterForm))
    valid = not form.is_bound or form.is_valid()
    filters = form.filters() if form.is_bound and valid else {}
    order = sorting(request, _sort_columns(form.kind), default=selectors.DEFAULT_CASE_ORDER)
    cases = selectors.case_list(user=request.user, filters=filters, sort=order.sort)
    if not valid:
        cases = cases.none()
    context = {
        **paginate(request, cases, per_page=PAGE_SIZE, count_limit=COUNT_LIMIT),
        "form": form,
        "sorting": order,
        "count_limit": COUNT_LIMIT,
        "page_title": _("Cases"),
    }
    # A kind without outcome types shows its own first fields instead of theirs.
    kind = form.kind
    if kind is not None and valid and not any(field.column for field in form.kind_fields):
        context["kind"] = kind
        context["kind_columns"] = [field.label for field in form.kind_fields[:SHOWN_FIELDS]]
        context["kind_rows"] = kind_cells(list(context["page"].object_list), form.kind_fields)
    return render(request, "cases/browse/case_list.html", context)


@data_admin_required
def case_detail(request, pk: int):
    case = selectors.case_for_user(user=request.user, pk=pk)
    # The facts are case papers: reading them is recorded, as it is in the admin.
    record(AuditEvent.VIEWED, case, request=request, summary="Case page")
    context = {
        "case": case,
        "record": kind_record(case),
        "history": selectors.case_history(case=case),
        "documents": documents.case_documents(case=case),
        "document_form": DocumentUploadForm(action=reverse("cases:document_upload", args=[pk])),
        "page_title": _("Case %(reference)s") % {"reference": case.reference},
    }
    return render(request, "cases/browse/case_detail.html", context)


@data_admin_required
def batch_list(request):
    form = BatchFilterForm(_bound(request, BatchFilterForm))
    valid = not form.is_bound or form.is_valid()
    filters = form.cleaned_data if form.is_bound and valid else {}
    if "open" in filters.get("findings", []):
        filters = {**filters, "findings": "open"}
    batches = selectors.batch_list(user=request.user, filters=filters)
    if not valid:
        batches = batches.none()
    context = {
        **paginate(request, batches, per_page=PAGE_SIZE),
        "form": form,
        "page_title": _("Extract batches"),
    }
    return render(request, "cases/browse/batch_list.html", context)
