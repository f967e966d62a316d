"""The audit trail for data admins: browse, filter, open one entry, export as CSV."""

import csv
import datetime

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .audit import AuditEvent, record
from .audit_selectors import audit_entries, audit_entry_get, audit_kinds
from .models import AuditEntry
from .pagination import paginate
from .roles import data_admin_required
from .spreadsheets import neutralise

PAGE_SIZE = 50
# An export is for an investigation, not a copy of the whole trail.
EXPORT_MAX_ROWS = 100_000
CSV_HEADINGS = [
    "Time (UTC)",
    "Event",
    "User",
    "Address",
    "Type",
    "Object id",
    "Object",
    "Summary",
    "Changes",
]


class AuditFilterForm(forms.Form):
    event = forms.ChoiceField(
        label=gettext_lazy("Event"),
        required=False,
        choices=[("", gettext_lazy("Any event")), *AuditEvent.choices],
    )
    user = forms.CharField(
        label=gettext_lazy("User name"),
        required=False,
        max_length=150,
        help_text=gettext_lazy("The exact user name."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Type of record"), required=False)
    object_id = forms.CharField(label=gettext_lazy("Record id"), required=False, max_length=40)
    since = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        help_text=gettext_lazy("For example, 2026-11-30"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        help_text=gettext_lazy("Up to and including this day"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any type")), *kinds]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "The ‘To’ date must be the same as or after the ‘From’ date")
        return data


def _entries(form: AuditFilterForm):
    """The entries the filters pick: all of them until a filter is chosen."""
    if not form.is_bound:
        return audit_entries(None)
    if not form.is_valid():
        return audit_entries(None).none()
    return audit_entries(form.cleaned_data)


def _form(request) -> AuditFilterForm:
    # Filters are read from the address, so a filtered list can be bookmarked and shared.
    bound = request.GET if any(request.GET.get(k) for k in AuditFilterForm.base_fields) else None
    return AuditFilterForm(bound, kinds=audit_kinds())


def changes_of(entry: AuditEntry) -> list[tuple[str, str, str]]:
    """(field, before, after) for a created, changed or deleted row."""
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    rows = []
    for field, values in changes.items():
        if isinstance(values, list | tuple) and len(values) == 2:
            before, after = values
        elif isinstance(values, dict):  # many-to-many: {"type", "operation", "objects"}
            before, after = (
                values.get("operation", ""),
                ", ".join(map(str, values.get("objects", []))),
            )
        else:
            before, after = "", values
        rows.append((field, _text(before), _text(after)))
    return rows


def _text(value) -> str:
    if value is None or value == "None":
        return "—"
    return str(value)


@data_admin_required
def audit_list(request):
    form = _form(request)
    entries = _entries(form)
    context = {
        **paginate(request, entries, per_page=PAGE_SIZE),
        "form": form,
        "errors": [
            (form[name].id_for_label, message)
            for name, messages in form.errors.items()
            for message in messages
        ],
        "export_max": EXPORT_MAX_ROWS,
        "page_title": _("Audit trail"),
    }
    return render(request, "core/audit_list.html", context)


@data_admin_required
def audit_entry(request, pk: int):
    entry = audit_entry_get(pk)
    context = {
        "entry": entry,
        "changes": changes_of(entry),
        "page_title": _("Audit entry %(number)s") % {"number": entry.pk},
    }
    return render(request, "core/audit_entry.html", context)


@data_admin_required
def audit_export(request):
    form = _form(request)
    entries = _entries(form)
    rows = list(entries[:EXPORT_MAX_ROWS])
    filters = {k: v for k, v in request.GET.items() if v and k != "page"}
    record(
        AuditEvent.EXPORTED,
        None,
        request=request,
        model=AuditEntry,
        object_repr="Audit trail",
        summary=f"{len(rows):,} entries as CSV",
        data={"filters": filters} if filters else None,
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-trail-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADINGS)
    for entry in rows:
        changes = "; ".join(f"{f}: {b} → {a}" for f, b, a in changes_of(entry))
        row = [
            entry.timestamp.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S"),
            entry.get_event_display(),
            entry.actor.username if entry.actor else "",
            entry.remote_addr or "",
            entry.content_type.model,
            entry.object_pk,
            entry.object_repr,
            entry.summary,
            changes,
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return response
