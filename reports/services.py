"""Writes for findings reports: drafting, editing, approval, publication and withdrawal.

Each function is one transaction; the report row is locked while it changes, and an
edit made from a page opened before someone else's save is refused (core.stale.StaleEdit).
"""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accountability.models import ScrutinyMeeting
from core.audit import AuditEvent, record
from core.bilingual import english_of, welsh_of
from core.stale import lock_at_version
from panels.enums import MeetingStatus
from panels.models import Meeting

from . import disclosure, standing_text
from .accountability.services import notes_retitle
from .enums import DisclosureKind, ReportKind, ReportStatus, SectionKey
from .models import (
    DisclosureAcceptance,
    FindingsReport,
    PublishedVersion,
    ReportSection,
    ReportStatusChange,
    StandingText,
    ThemeBackground,
)
from .notifications import (
    report_approval_notify,
    report_published_notify,
    report_returned_notify,
)
from .permissions import approval_refusal
from .published_languages import other_languages
from .readiness import too_early
from .titles import meeting_titles, period_titles
from .welsh import check_welsh_complete, english, section_words, set_welsh, with_welsh_of
from .workflow import report_transition

S = ReportStatus
STANDING = [k for k in SectionKey.values if k != SectionKey.THEME_BACKGROUND]


def theme_key(theme: str) -> str:
    return re.sub(r"\s+", " ", theme).strip().lower()


def report_generate(*, meeting: Meeting, by) -> FindingsReport:
    """A draft for a closed meeting, starting from the panel's standing text."""
    if meeting.status != MeetingStatus.CLOSED:
        raise ValidationError(_("Close the meeting before writing its findings report."))
    panel = meeting.panel
    titles = meeting_titles(panel, meeting.date)
    already = _("This meeting already has a findings report.")
    with transaction.atomic(), english():  # the title's English words in its English column
        if FindingsReport.objects.filter(meeting=meeting).exists():
            raise ValidationError(already)
        report = FindingsReport(
            panel=panel,
            meeting=meeting,
            slug=f"{meeting.date:%Y-%m-%d}-{slugify(english_of(meeting, 'theme'))}"[:120],
            title=titles["title_en"],
            **titles,
            created_by=by,
            last_edited_by=by,
        )
        report.full_clean()
        try:
            report.save()
        except IntegrityError as error:  # two staff pressed "Create" together
            raise ValidationError(already) from error
        ReportSection.objects.bulk_create(_starting_sections(report, meeting))
        ReportStatusChange.objects.create(report=report, to_status=S.DRAFT, changed_by=by)
    return report


def report_generate_period(*, panel, start, end, by, name: str = "") -> FindingsReport:
    """A draft combining a panel's published meeting reports dated between two days;
    `name` is the period's, "Q1 2025/26" or "2025/26", when chosen by name."""
    from .selectors import published_meetings_between

    if start > end:
        raise ValidationError({"end": _("The end of the period must be after its start.")})
    if not published_meetings_between(panel=panel, start=start, end=end):
        raise ValidationError(
            _(
                "The panel has no published meeting reports in that period (%(start)s to "
                "%(end)s), so there is nothing to report. Choose another period."
            )
            % {"start": date_format(start, "j F Y"), "end": date_format(end, "j F Y")}
        )
    slug = f"{start:%Y-%m-%d}-to-{end:%Y-%m-%d}"
    titles = period_titles(panel, start, end, name)
    already = _("This panel already has a report for that period.")
    with transaction.atomic(), english():
        if FindingsReport.objects.filter(panel=panel, slug=slug).exists():
            raise ValidationError(already)
        report = FindingsReport(
            kind=ReportKind.PERIOD,
            panel=panel,
            period_start=start,
            period_end=end,
            slug=slug,
            title=titles["title_en"],
            **titles,
            created_by=by,
            last_edited_by=by,
        )
        report.full_clean()
        report.save()
        ReportSection.objects.bulk_create(_starting_sections(report, None))
        ReportStatusChange.objects.create(report=report, to_status=S.DRAFT, changed_by=by)
    return report


@english()  # the English words, whatever language the page is in
def _starting_sections(report, meeting) -> list[ReportSection]:
    kept = {t.key: t for t in StandingText.objects.filter(panel=report.panel)}
    sections = []
    for key in SectionKey.values:
        if key == SectionKey.THEME_BACKGROUND and meeting is None:
            heading, body = _("The period's themes"), ""
        elif key == SectionKey.THEME_BACKGROUND:
            theme = english_of(meeting, "theme")  # the key, whatever the page's language
            kept[key] = _kept_background(theme)
            heading, body = _theme_background(report.panel, theme, kept[key])
        elif key in kept:
            heading, body = kept[key].heading, kept[key].body
        else:
            heading, body = standing_text.default(report.panel, key)
        section = ReportSection(report=report, key=key, heading=heading, body=body)
        if key == SectionKey.THEME_BACKGROUND and meeting is not None and kept[key] is None:
            section.heading_cy = welsh_of(meeting, "theme")  # headed by the theme, in Welsh too
        sections.append(with_welsh_of(section, kept.get(key)))
    return sections


def _kept_background(theme: str) -> ThemeBackground | None:
    return ThemeBackground.objects.filter(theme_key=theme_key(theme)).first()


def _theme_background(panel, theme: str, kept: ThemeBackground | None) -> tuple[str, str]:
    if kept:
        return kept.heading, kept.body
    return standing_text.default(panel, SectionKey.THEME_BACKGROUND, theme=theme)


def _locked(report: FindingsReport, version: int | None) -> FindingsReport:
    if version is None:
        return FindingsReport.objects.select_for_update().get(pk=report.pk)
    return lock_at_version(FindingsReport.objects, pk=report.pk, seen=version)


def _editable(report: FindingsReport) -> None:
    if report.status != S.DRAFT:
        raise ValidationError(
            _("Only a draft can be changed. Return the report to draft to change it.")
        )


def _touched(report: FindingsReport, by) -> None:
    FindingsReport.objects.filter(pk=report.pk).update(
        version=report.version + 1, last_edited_by=by, last_edited_at=timezone.now()
    )
    report.version += 1
    report.last_edited_by = by


def section_save(
    *,
    report: FindingsReport,
    key: str,
    heading: str,
    body: str,
    by,
    version: int,
    keep: bool = False,
    **welsh: str,
) -> ReportSection:
    """Change one narrative section; `keep` also makes it the text future drafts start from."""
    if not heading.strip():
        raise ValidationError({"heading": _("Enter a heading for this section.")})
    with transaction.atomic(), english():
        locked = _locked(report, version)
        _editable(locked)
        section = locked.sections.get(key=key)
        section.heading, section.body = heading.strip(), body.strip()
        set_welsh(section, welsh)
        section.full_clean()
        section.save()
        if keep:
            _keep(locked, section, by)
        _touched(locked, by)
    report.version, report.last_edited_by = locked.version, by
    return section


def report_retitle(
    *, report: FindingsReport, title: str, by, version: int, title_cy: str | None = None
) -> FindingsReport:
    """Change a report's title, and its Welsh (None leaves the Welsh as it is)."""
    if not title.strip():
        raise ValidationError({"title": _("Enter a title for the report.")})
    with transaction.atomic(), english():
        locked = _locked(report, version)
        _editable(locked)
        locked.title = title.strip()
        if title_cy is not None:
            locked.title_cy = title_cy.strip()
        locked.full_clean()
        locked.save(update_fields=["title", "title_en", "title_cy"])
        _touched(locked, by)
    report.title_en, report.title_cy = locked.title_en, locked.title_cy
    report.version, report.last_edited_by = locked.version, by
    return locked


def _keep(report, section, by) -> None:
    if section.key == SectionKey.THEME_BACKGROUND:
        theme = english_of(report.meeting, "theme") if report.meeting else ""
        ThemeBackground.objects.update_or_create(
            theme_key=theme_key(theme),
            defaults={"theme": theme, **section_words(section), "updated_by": by},
        )
    else:
        StandingText.objects.update_or_create(
            panel=report.panel,
            key=section.key,
            defaults={**section_words(section), "updated_by": by},
        )


def _not_too_early(report: FindingsReport, doing: str) -> None:
    refusal = too_early(report, doing)
    if refusal:
        raise ValidationError(refusal)


def _no_selection_claim(report: FindingsReport) -> None:
    refusal = disclosure.selection_refusal(disclosure.check(report))
    if refusal:
        raise ValidationError(refusal)


def report_submit(*, report: FindingsReport, by) -> FindingsReport:
    """Ask for approval; anyone but the last editor can then approve, and each of them
    is emailed once this commits."""
    _no_selection_claim(report)
    check_welsh_complete(report)
    with transaction.atomic():
        # Held, so the meeting's record cannot be reopened while the notes go for approval.
        if report.scrutiny_meeting_id:
            notes_retitle(
                report,
                ScrutinyMeeting.objects.select_for_update().get(pk=report.scrutiny_meeting_id),
                by=by,
            )
        _not_too_early(report, _("sent for approval"))
        moved = report_transition(report=report, to=S.AWAITING_APPROVAL, by=by)
        report_approval_notify(report=moved, by=by)
    return moved


def report_approve(*, report: FindingsReport, by) -> FindingsReport:
    with transaction.atomic():
        locked = _locked(report, None)
        refusal = approval_refusal(by, locked)
        if refusal:
            raise ValidationError(refusal)
        _not_too_early(locked, _("approved"))
        _no_selection_claim(locked)
        return report_transition(report=locked, to=S.APPROVED, by=by)


def report_return(*, report: FindingsReport, by, note: str) -> FindingsReport:
    """Send an awaiting or approved report back to draft, saying what needs changing."""
    if not note.strip():
        raise ValidationError({"note": _("Enter what needs to change.")})
    with transaction.atomic():
        moved = report_transition(report=report, to=S.DRAFT, by=by, note=note.strip())
        report_returned_notify(report=moved, by=by, reason=note.strip())
    return moved


def report_correct(*, report: FindingsReport, by) -> FindingsReport:
    """Start a correction: a new draft; the published version stays up until replaced."""
    return report_transition(report=report, to=S.DRAFT, by=by, note="Correction started.")


def report_withdraw(*, report: FindingsReport, by, reason: str) -> FindingsReport:
    """Take a published report off the public site, saying why in public."""
    if not reason.strip():
        raise ValidationError({"reason": _("Enter why the report is being withdrawn.")})
    with transaction.atomic():
        locked = report_transition(report=report, to=S.WITHDRAWN, by=by, note=reason.strip())
        FindingsReport.objects.filter(pk=locked.pk).update(withdrawn_reason=reason.strip())
    report.withdrawn_reason = reason.strip()
    return locked


def disclosure_accept(*, report: FindingsReport, fingerprint: str, reason: str, by) -> None:
    """Record that a disclosure finding is safe to publish, and why."""
    if not reason.strip():
        raise ValidationError({"reason": _("Enter why this can be published.")})
    finding = next((f for f in disclosure.check(report) if f.fingerprint == fingerprint), None)
    if finding is None:
        raise ValidationError(_("That finding is no longer in the report."))
    if finding.kind == DisclosureKind.SELECTION_CLAIM:
        raise ValidationError(disclosure.selection_refusal([finding]))
    DisclosureAcceptance.objects.update_or_create(
        report=report,
        fingerprint=fingerprint,
        defaults={
            "kind": finding.kind,
            "location": finding.location,
            "reason": reason.strip(),
            "accepted_by": by,
        },
    )


def report_publish(
    *, report: FindingsReport, by, change_note: str = "", change_note_cy: str = ""
) -> PublishedVersion:
    """Freeze the approved report: its HTML, PDF and figures, stored with their SHA-256.
    A correction's note is given in each language the report is published in."""
    from .publishing import freeze  # rendering pulls in WeasyPrint, only needed here

    with transaction.atomic():
        locked = _locked(report, None)
        check_publishable(locked, change_note, change_note_cy)
        notes = {"cy": change_note_cy.strip()}
        version = freeze(report=locked, by=by, change_note=change_note.strip(), notes=notes)
        report_transition(report=locked, to=S.PUBLISHED, by=by, note=change_note.strip())
        FindingsReport.objects.filter(pk=locked.pk).update(
            current_version=version, withdrawn_reason=""
        )
        record(
            AuditEvent.PUBLISHED,
            locked,
            actor=by,
            summary=f"Version {version.number} published",
            data={"version": version.number, "pdf_sha256": version.pdf_sha256},
        )
        report_published_notify(report=locked, by=by, version=version.number)
    report.status, report.current_version = S.PUBLISHED, version
    return version


def check_publishable(report: FindingsReport, change_note: str, change_note_cy: str = "") -> None:
    if report.status != S.APPROVED:
        raise ValidationError(_("Only an approved report can be published."))
    _not_too_early(report, _("published"))
    open_findings = [f for f in disclosure.check(report) if f.acceptance is None]
    if open_findings:
        raise ValidationError(
            ngettext(
                "The disclosure check found %(count)d thing to fix or accept before publishing.",
                "The disclosure check found %(count)d things to fix or accept before publishing.",
                len(open_findings),
            )
            % {"count": len(open_findings)}
        )
    if not report.current_version_id:
        return
    missing = {}
    if not change_note.strip():
        missing["change_note"] = _("Enter what this correction changes.")
    if "cy" in other_languages() and not change_note_cy.strip():
        missing["change_note_cy"] = _("Enter what this correction changes, in Welsh.")
    if missing:
        raise ValidationError(missing)
