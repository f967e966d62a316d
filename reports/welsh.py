"""A report's public texts in English and Welsh (docs/adr/0017).

When reports are published in Welsh too (settings.PUBLISH_LANGUAGES holds "cy"), every
public text people wrote needs its Welsh version before the report goes for approval:
the report's title, the meeting's theme, the narrative sections, the reason bullets under
each category (a case's reasons as recorded included), the panel's standing text, the
public notes, the actions' wording and the force's responses, the support services it
lists and the force's figures it shows; for the Commissioner's notes, what OPCC staff
recorded of the meeting (reports/accountability/welsh.py). The approver reads the two
side by side, and the disclosure check reads the Welsh as it reads the English.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.bilingual import english, english_of, publishes_welsh

from . import markup
from .enums import ReportKind
from .models import FindingsReport
from .public_texts import PublicText, response_text, section_texts
from .public_texts import pair as _pair


def public_texts(report: FindingsReport, presented=None) -> list[PublicText]:
    """The texts people wrote that the published report shows, English beside Welsh."""
    if report.kind == ReportKind.NOTES:
        # The Commissioner's notes: their texts are written on the accountability pages.
        from .accountability.welsh import notes_public_texts

        with english():
            return notes_public_texts(report)
    if presented is None:
        from .presenters import present

        presented = present(report)
    with english():
        return [
            _pair(_("The report’s title"), report, "title", _title_url(report)),
            *_theme_texts(report),
            *section_texts(report),
            *_bullet_texts(report, presented),
            *_panel_texts(report),
            *_observation_texts(presented),
            *_action_texts(presented),
            *_support_texts(presented),
            *_figure_texts(presented),
        ]


def _title_url(report) -> str:
    return reverse("reports:report_title", args=[report.pk])


def _theme_texts(report):
    """A meeting's report shows its theme; its Welsh is written on the meeting's edit page."""
    if report.meeting_id:
        url = reverse("panels:meeting_edit", args=[report.meeting_id])
        yield _pair(_("The meeting’s theme"), report.meeting, "theme", url)


def _bullet_texts(report, presented):
    """Each published bullet: a merged or reworded one is written on its own page; a
    case's recorded reasons on the category's page, with that case chosen."""
    for finding in getattr(presented, "findings", []):
        if not finding.shown:
            continue
        for n, bullet in enumerate(finding.bullets, start=1):
            args = [report.pk, finding.category.pk]
            if bullet.source is not None:
                url = reverse("reports:bullet_edit", args=[*args, bullet.source.pk])
            else:
                url = f"{reverse('reports:reasons', args=args)}?case={bullet.decision_ids[0]}"
            where = _("%(category)s, reason %(n)s") % {
                "category": finding.category.short_label or finding.category.label,
                "n": n,
            }
            yield PublicText(where, bullet.english, bullet.welsh, f"{url}#id_text_cy")


def _panel_texts(report):
    panel = report.panel
    url = reverse("panels:panel_edit", args=[panel.slug])
    yield _pair(_("The panel’s name"), panel, "name", url)
    yield _pair(_("The organisation that runs the panel"), panel, "organisation", url)
    yield _pair(_("The panel’s public description"), panel, "public_description", url)


def _observation_texts(presented):
    for heading, observations in getattr(presented, "observations", []):
        for n, observation in enumerate(observations, start=1):
            url = reverse("panels:observation_edit", args=[observation.meeting_id, observation.pk])
            where = _("%(heading)s, item %(n)s") % {"heading": heading, "n": n}
            yield _pair(where, observation, "text", url)


def _action_texts(presented):
    actions = getattr(presented, "actions", None)
    if actions is None:
        actions = presented.actions_opened + presented.actions_closed
    for n, action in enumerate(actions, start=1):
        url = reverse("panels:action_edit", args=[action.pk])
        yield _pair(_("Action %(n)s") % {"n": n}, action, "description", url)
        yield _pair(_("Action %(n)s, owner") % {"n": n}, action, "owner", url)
        yield from response_text(_("Action %(n)s") % {"n": n}, action)


def _support_texts(presented):
    """The support services the report lists: their name, what they offer, their link's
    words (each written once, on the service's page)."""
    parts = (
        (None, "name"),
        (_("what it offers"), "description"),
        (_("its link's words"), "link_text"),
    )
    for services in getattr(presented, "support", {}).values():
        for service in services:
            url = reverse("reports:support_service_edit", args=[service.pk])
            where = _("Support service “%(name)s”") % {"name": english_of(service, "name")}
            for part, name in parts:
                said = f"{where}, {part}" if part else where
                yield _pair(said, service, name, url)


def _figure_texts(presented):
    """The force's figures the report shows: what was counted, and its source."""
    extras = getattr(presented, "extras", None)
    for n, line in enumerate(getattr(extras, "force_figures", []), start=1):
        if line.figure_id is None:
            continue
        url = reverse("reports:force_figure_edit", args=[line.figure_id])
        where = _("The force's figure %(n)s") % {"n": n}
        yield _pair(_("%(where)s, what was counted") % {"where": where}, line, "measure", url)
        yield _pair(_("%(where)s, source") % {"where": where}, line, "source", url)


def missing_welsh(report: FindingsReport, presented=None) -> list[PublicText]:
    """The public texts still without their Welsh, when reports are published in Welsh."""
    if not publishes_welsh():
        return []
    return [t for t in public_texts(report, presented) if t.lacks_welsh]


def missing_problems(report: FindingsReport) -> list[str]:
    """Each missing Welsh text, linked to where it is written, for the move page."""
    return [
        format_html(
            '{} <a class="govuk-link" href="{}">{}</a>',
            _("%(where)s has no Welsh version.") % {"where": text.location},
            text.fix_url,
            _("Add the Welsh"),
        )
        for text in missing_welsh(report)
    ]


def check_welsh_complete(report: FindingsReport) -> None:
    """Refuse to send a report for approval while a public text lacks its Welsh."""
    missing = missing_welsh(report)
    if missing:
        raise ValidationError(
            [
                _("%(where)s has no Welsh version. Add it before sending the report for approval.")
                % {"where": text.location}
                for text in missing
            ]
        )


def side_by_side(report: FindingsReport) -> list[PublicText]:
    """What the approver reads in both languages; nothing while only English is published."""
    if not publishes_welsh():
        return []
    return [t for t in public_texts(report) if t.english.strip() or t.welsh.strip()]


def welsh_words(report: FindingsReport, presented) -> list[tuple[str, str, str]]:
    """(where, words, fix url) of each Welsh text, for the disclosure check."""
    if not publishes_welsh():
        return []
    return [
        (_("%(where)s (Welsh)") % {"where": t.location}, markup.plain(t.welsh), t.fix_url)
        for t in public_texts(report, presented)
        if t.welsh.strip()
    ]


SECTION_WORDS = ("heading", "body", "heading_cy", "body_cy")


def section_words(section) -> dict[str, str]:
    """A section's heading and text in both languages (read under English)."""
    return {name: getattr(section, name) or "" for name in SECTION_WORDS}


def set_welsh(section, values: dict) -> None:
    """Give a section the Welsh heading and text the form sent, where it sent them."""
    for name in set(values) & {"heading_cy", "body_cy"}:
        setattr(section, name, (values[name] or "").strip())


def with_welsh_of(section, kept):
    """A new draft's section, with the Welsh of the panel's kept text it starts from."""
    if kept is not None:
        set_welsh(section, {"heading_cy": kept.heading_cy, "body_cy": kept.body_cy})
    return section
