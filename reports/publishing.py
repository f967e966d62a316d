"""Freezing a report: render it once, store the HTML and the PDF, keep their hashes.

The public site serves these stored files; it never renders a published report again,
so what was approved and published is exactly what the public reads and downloads.
"""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.bilingual import WELSH, english, english_of, welsh_of
from core.organisation import organisation

from . import figures as figures_module
from .enums import ReportKind
from .models import FindingsReport, PublishedVersion
from .presenters import present
from .published_languages import ENGLISH, PublishedLanguage, other_languages
from .rendering import render_pdf


def template_for(report: FindingsReport) -> str:
    if report.kind == ReportKind.NOTES:
        return "reports/accountability/notes.html"
    if report.kind == ReportKind.PERIOD:
        return "reports/period_report.html"
    return "reports/report.html"


def body_html(report: FindingsReport, presented=None, *, published_on=None) -> str:
    """The report's article: the same markup for the web page and the PDF."""
    presented = presented or present(report)
    context = {
        "r": presented,
        "report": report,
        "published_on": published_on,
        "organisation": organisation(),
    }
    return render_to_string(template_for(report), context)


def pdf_document(report: FindingsReport, body: str) -> str:
    author = report.panel.organisation if report.panel_id else organisation()["name"]
    return render_to_string(
        "reports/report_pdf.html", {"report": report, "body": body, "author": author}
    )


def freeze(
    *, report: FindingsReport, by, change_note: str, notes: dict | None = None
) -> PublishedVersion:
    """The version in English, and in each other language the deployment publishes in:
    every language rendered from the same decisions, at the same moment. `notes` holds a
    correction's note in each other language, by its code."""
    now = timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        presented = present(report)
        html = body_html(report, presented, published_on=now).encode()
        pdf = render_pdf(pdf_document(report, html.decode()))
        figures = figures_module.figures_of(presented)
    others = other_languages()
    if others:
        figures["languages"] = [ENGLISH, *others]
    version = PublishedVersion(
        report=report,
        number=report.versions.count() + 1,
        published_by=by,
        approved_by=_approver(report),
        change_note=change_note,
        title=english_of(report, "title"),
        **_about(report),
        period_start=report.period_start,
        period_end=report.period_end,
        html_sha256=sha256(html),
        pdf_sha256=sha256(pdf.content),
        pdf_bytes=len(pdf.content),
        pdf_pages=pdf.pages,
        figures=figures,
    )
    version.html_file.name = store(version.file_path("report.html"), html)
    version.pdf_file.name = store(version.file_path("report.pdf"), pdf.content)
    rendered = [_render_in(report, code, now) for code in others]
    for code, (_html, _pdf, theirs, _title) in zip(others, rendered, strict=True):
        figures_module.add_labels(figures, theirs, code)
    version.full_clean()
    version.save()
    for code, (html_in, pdf_in, _figures, title_in) in zip(others, rendered, strict=True):
        words = {
            # The title written in the language, else the one its page gave (the notes'
            # title is drawn from the meeting's words in each language), else the English.
            "title": getattr(report, f"title_{code}", None) or title_in or version.title,
            "change_note": (notes or {}).get(code, ""),
        }
        _save_language(version, code, html_in, pdf_in, words)
    return version


def _render_in(report: FindingsReport, code: str, now) -> tuple:
    """The report's page, PDF and figures in another language (its <html lang> and so the
    PDF's /Lang follow the language)."""
    with translation.override(code):
        presented = present(report)
        html = body_html(report, presented, published_on=now).encode()
        pdf = render_pdf(pdf_document(report, html.decode()))
        return html, pdf, figures_module.figures_of(presented), getattr(presented, "title", "")


def _save_language(version: PublishedVersion, code: str, html: bytes, pdf, words: dict) -> None:
    """`words`: the version's title and change note in the language."""
    row = PublishedLanguage(
        version=version,
        language=code,
        **words,
        html_sha256=sha256(html),
        pdf_sha256=sha256(pdf.content),
        pdf_bytes=len(pdf.content),
        pdf_pages=pdf.pages,
    )
    row.html_file.name = store(version.file_path(f"report.{code}.html"), html)
    row.pdf_file.name = store(version.file_path(f"report.{code}.pdf"), pdf.content)
    row.full_clean()
    row.save()


NOTES_FRAMEWORK = "The Police and Crime Commissioner's scrutiny of the force"


@english()  # the version's own words are the English, whatever language publishes it
def _about(report: FindingsReport) -> dict:
    """The version's theme, framework, meeting date and year, whichever kind it is."""
    if report.kind == ReportKind.NOTES:
        meeting = report.scrutiny_meeting
        framework = NOTES_FRAMEWORK
    else:
        meeting = report.meeting
        framework = report.panel.framework.name
    return {
        "theme": english_of(meeting, "theme") if meeting else "",
        # Frozen only where the version is published in Welsh: its Welsh page shows it.
        "theme_cy": welsh_of(meeting, "theme") if meeting and WELSH in other_languages() else "",
        "framework_name": framework,
        "meeting_date": meeting.date if meeting else None,
        "year": (meeting.date if meeting else report.period_end).year,
    }


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def store(path: str, content: bytes) -> str:
    """Save through Django's storage API; returns the name the storage chose."""
    return default_storage.save(path, ContentFile(content))


def _approver(report: FindingsReport):
    approval = report.status_history.filter(to_status="approved").order_by("-changed_at").first()
    return approval.changed_by
