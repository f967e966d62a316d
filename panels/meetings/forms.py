"""Forms for running a meeting: planning it, the reveal, decisions, attendance and follow-up."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import HTML, Field, Fluid, Size
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from cases.kinds.presenters import case_title
from core.bilingual import KeepsUnsentWelsh, english_of, welsh_of
from core.forms import post_form_helper, select
from core.text_safety import SafeTextMixin

from ..enums import ActionStatus, AttendanceKind, ObservationKind
from ..models import Meeting, Panel, Theme
from ..sampling.forms import OptionalDateField


class MeetingForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    text_labels = {
        "theme": _("Meeting theme"),
        "theme_cy": _("Meeting theme (Welsh)"),
        "location": _("Meeting location"),
    }
    panel = forms.ModelChoiceField(
        queryset=Panel.objects.none(),
        label=_("Panel"),
        empty_label=None,
        error_messages={"required": _("Select the panel"), "invalid_choice": _("Select the panel")},
    )
    date = DateInputField(label=_("Meeting date"), help_text=_("For example, 9 12 2026"))
    theme = forms.CharField(
        label=_("Theme"),
        help_text=_('What the panel looks at this time, for example "Stalking or harassment".'),
        max_length=200,
        error_messages={"required": _("Enter the meeting's theme")},
    )
    theme_cy = forms.CharField(
        label=_("Theme (Welsh)"),
        help_text=_("Needed before a findings report is sent for approval in Welsh."),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"lang": "cy"}),
    )
    rating_deadline = OptionalDateField(
        what=_("The rating deadline"),
        label=_("Rating deadline (optional)"),
        help_text=_("Members rate their cases by this date, which is on or before the meeting."),
    )
    location = forms.CharField(
        label=_("Where (optional)"),
        help_text=_('A place, or "Online".'),
        max_length=200,
        required=False,
    )

    def __init__(self, *args, panels, editing: Meeting | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = panels
        self.fields["date"].error_messages["required"] = _("Enter the meeting date")
        self.fields["date"].error_messages["incomplete"] = _("Enter the meeting date")
        names = ["panel", "date", "theme", "theme_cy", "rating_deadline", "location"]
        if editing is not None:
            del self.fields["panel"]
            names.remove("panel")
            # Members rating: the deadline, the place and the theme's Welsh may still change;
            # once the discussion has started, the theme's Welsh alone (the report needs it).
            fixed = {"planned": (), "rating_open": ("date", "theme")}.get(
                editing.status, ("date", "theme", "rating_deadline", "location")
            )
            for name in fixed:
                del self.fields[name]
                names.remove(name)
        elif panels.count() == 1:
            self.fields["panel"].initial = panels.first()
        self.helper = post_form_helper(
            *[
                Field.text(name, field_width=Fluid.TWO_THIRDS)
                if name in {"theme", "theme_cy", "location"}
                else name
                for name in names
            ],
            submit=_("Save the meeting"),
        )


class MeetingMoveForm(SafeTextMixin, forms.Form):
    """The confirmation before a status change; the reveal may hide members' names."""

    anonymous = forms.BooleanField(
        label=_("Show members' ratings without their names (as Member A, B, C)"),
        help_text=_("This can reduce deference to seniority. The choice is recorded."),
        required=False,
    )

    early_start = forms.BooleanField(
        label=_("Start the discussion before the meeting's date"),
        error_messages={
            "required": _("Confirm that the discussion starts before the meeting's date")
        },
    )
    early_reason = forms.CharField(
        label=_("Why the discussion starts early"),
        help_text=_("This is kept in the meeting's history."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter why the discussion starts before the meeting's date")},
    )

    def __init__(self, *args, reveal: bool, label: str, early: bool = False, **kwargs):
        """`early`: OPCC staff starting the discussion before the meeting's date confirm it
        with a reason."""
        super().__init__(*args, **kwargs)
        names = []
        if reveal:
            names.append("anonymous")
        else:
            del self.fields["anonymous"]
        if reveal and early:
            names += ["early_start", Field.textarea("early_reason", label_size=Size.SMALL)]
        else:
            del self.fields["early_start"], self.fields["early_reason"]
        self.helper = post_form_helper(*names, submit=label)


class AttendanceForm(SafeTextMixin, forms.Form):
    observers = forms.CharField(
        label=_("Observers (optional)"),
        help_text=(
            _(
                "One per line: name, then a comma and their organisation, for example "
                '"Sam Lee, HM Inspectorate of Constabulary".'
            )
        ),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, memberships, attendance, **kwargs):
        super().__init__(*args, **kwargs)
        recorded = {a.membership_id: a.kind for a in attendance if a.membership_id}
        self.memberships = list(memberships)
        names = []
        for membership in self.memberships:
            name = f"member-{membership.pk}"
            names.append(name)
            self.fields[name] = forms.ChoiceField(
                # The GOV.UK template pack prints labels unescaped: a name is text.
                label=format_html(
                    "{}", membership.user.get_full_name() or membership.user.username
                ),
                help_text=membership.get_agency_display(),
                choices=[
                    (AttendanceKind.PRESENT, _("Present")),
                    (AttendanceKind.APOLOGIES, _("Apologies")),
                    ("", _("Not recorded")),
                ],
                widget=forms.RadioSelect,
                required=False,
                initial=recorded.get(membership.pk, ""),
            )
        self.fields["observers"].initial = "\n".join(
            f"{a.name}, {a.organisation}" if a.organisation else a.name
            for a in attendance
            if a.membership_id is None
        )
        self.helper = post_form_helper(
            *[Field.radios(n, legend_size=Size.SMALL, inline=True) for n in names],
            Field.textarea("observers", label_size=Size.SMALL),
            submit=_("Save attendance"),
        )

    def kinds(self) -> dict[int, str]:
        return {
            m.pk: self.cleaned_data[f"member-{m.pk}"]
            for m in self.memberships
            if self.cleaned_data.get(f"member-{m.pk}")
        }

    def observer_list(self) -> list[tuple[str, str]]:
        rows = []
        for line in self.cleaned_data["observers"].splitlines():
            name, _comma, organisation = line.partition(",")
            if name.strip():
                rows.append((name.strip()[:200], organisation.strip()[:200]))
        return rows


class ObservationForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of note is it?"),
        choices=ObservationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what kind of note it is")},
    )
    text = forms.CharField(
        label=_("The note"),
        help_text=_("Written as it could be read in the published findings."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter the note")},
    )
    text_cy = forms.CharField(
        label=gettext_lazy("The note (Welsh)"),
        help_text=gettext_lazy("Needed before a findings report is sent for approval in Welsh."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "cy"}),
    )
    is_public = forms.ChoiceField(
        label=_("Who may read it?"),
        choices=[("yes", _("Include it in the published findings")), ("no", _("Internal only"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who may read it")},
    )
    reviewed_case = forms.ChoiceField(label=_("About a case (optional)"), required=False)
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Themes (optional)"),
    )

    def __init__(self, *args, meeting: Meeting, observation=None, **kwargs):
        if observation is not None:
            kwargs["initial"] = {
                "kind": observation.kind,
                "text": english_of(observation, "text"),
                "text_cy": welsh_of(observation, "text"),
                "is_public": "yes" if observation.is_public else "no",
                "reviewed_case": str(observation.reviewed_case.position)
                if observation.reviewed_case
                else "",
                "themes": [t.pk for t in observation.themes.all()],
            }
        super().__init__(*args, **kwargs)
        self.cases = {
            str(rc.position): rc for rc in meeting.reviewed_cases.select_related("case__kind")
        }
        self.fields["reviewed_case"].choices = [("", _("Not about one case"))] + [
            (
                key,
                _("Case %(position)s: %(title)s") % {"position": key, "title": case_title(rc.case)},
            )
            for key, rc in self.cases.items()
        ]
        self.fields["themes"].queryset = meeting.panel.framework.themes.filter(is_active=True)
        self.helper = post_form_helper(
            Field.radios("kind", legend_size=Size.SMALL),
            Field.textarea("text", label_size=Size.SMALL),
            Field.textarea("text_cy", label_size=Size.SMALL),
            Field.radios("is_public", legend_size=Size.SMALL),
            select("reviewed_case", label_size=Size.SMALL),
            Field.checkboxes("themes", legend_size=Size.SMALL, small=True),
            submit=_("Save the note"),
        )

    def observation_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "text": data["text"],
            "text_cy": data.get("text_cy"),
            "is_public": data["is_public"] == "yes",
            "themes": list(data["themes"]),
            "reviewed_case": self.cases.get(data["reviewed_case"]),
        }


def response_on_record() -> str:
    """The force's response on record, shown above the status: a template, its wording in
    the page's language."""
    return (
        '{% if form.response_on_record %}<h2 class="govuk-heading-s">'
        + str(_("The response on record"))
        + "{% if form.responded_at %} ({{ form.responded_at|date:'j F Y' }}){% endif %}</h2>"
        '<p class="govuk-body app-response-on-record">{{ form.response_on_record|linebreaksbr }}'
        '</p><p class="govuk-body">'
        + str(
            _(
                "The force answers in the service and OPCC staff approve its "
                "response on the action's page, so it is not changed here."
            )
        )
        + "</p>{% endif %}"
    )


class ActionForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    description = forms.CharField(
        label=_("What needs to be done"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter what needs to be done")},
    )
    description_cy = forms.CharField(
        label=gettext_lazy("What needs to be done (Welsh)"),
        help_text=gettext_lazy("Needed before a findings report is sent for approval in Welsh."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "cy"}),
    )
    owner = forms.CharField(
        label=_("Owner"),
        help_text=_("The agency or person responsible, for example the force's OoCR lead."),
        max_length=200,
        error_messages={"required": _("Enter who owns the action")},
    )
    owner_cy = forms.CharField(
        label=gettext_lazy("Owner (Welsh)"),
        help_text=gettext_lazy("Needed before a findings report is sent for approval in Welsh."),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"lang": "cy"}),
    )
    addressed_to_force = forms.BooleanField(
        label=_("Addressed to the force"),
        help_text=_("The force's liaison is told of it and answers it in the service."),
        required=False,
    )
    due_date = OptionalDateField(what=_("The due date"), label=_("Due by (optional)"))
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    # No field for the force's response: the force answers in the service and OPCC staff
    # approve it (docs/force-liaison.md). A response on record is shown, not changed.
    follow_up_date = OptionalDateField(
        what=_("The follow-up date"),
        label=_("Follow up on (optional)"),
        help_text=_('When the panel expects a further update, for example "in six months".'),
    )
    # The action as the form was opened (empty for a new one): a save over someone else's
    # change since, such as an approved response, is refused (the 409 page).
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, action=None, seen: str = "", **kwargs):
        initial = {"seen": seen}
        if action is not None:
            initial |= {
                name: getattr(action, name)
                for name in (
                    "description_en",
                    "description_cy",
                    "owner_en",
                    "owner_cy",
                    "due_date",
                    "status",
                    "follow_up_date",
                )
            }
            initial["description"] = initial.pop("description_en") or ""
            initial["description_cy"] = initial["description_cy"] or ""
            initial["owner"] = initial.pop("owner_en") or ""
            initial["owner_cy"] = initial["owner_cy"] or ""
            initial["addressed_to_force"] = action.force_id is not None
        super().__init__(*args, initial=initial, **kwargs)
        self.response_on_record = action.force_response if action is not None else ""
        self.responded_at = action.responded_at if action is not None else None
        self.helper = post_form_helper(
            Field.textarea("description", label_size=Size.SMALL),
            Field.textarea("description_cy", label_size=Size.SMALL),
            Field.text("owner", field_width=Fluid.TWO_THIRDS),
            Field.text("owner_cy", field_width=Fluid.TWO_THIRDS),
            Field.checkbox("addressed_to_force", small=True),
            "due_date",
            Field.select("status"),
            HTML(response_on_record()),
            "follow_up_date",
            "seen",
            submit=_("Save the action"),
        )


class PeriodForm(SafeTextMixin, forms.Form):
    """The period a panel's figures cover, from the address (?start=…&end=…)."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start of the period must be before its end"))
        return data
