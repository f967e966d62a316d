"""OPCC staff's pages for drafting, approving and publishing findings reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.audit import AuditEvent, record
from core.bilingual import WELSH, english_of, publishes_welsh, welsh_of
from core.form_pages import handle_form
from core.job_views import job_redirect
from core.jobs import JobStatus
from core.roles import is_opcc_staff
from core.stale import StaleEdit

from . import bullets, disclosure, selectors, services
from .enums import ReportStatus, SectionKey
from .forms import (
    AcceptForm,
    BulletForm,
    ConfirmForm,
    PeriodReportForm,
    SectionForm,
    TitleForm,
)
from .moves import CORRECTION_NOTE, MOVES, move_problems, report_moves
from .periods import named_periods
from .permissions import approval_refusal
from .presenters import history_phrase, present
from .published_languages import other_languages
from .publishing import body_html, pdf_document
from .reasons import category_bullets
from .tasks import report_publish_start

S = ReportStatus


def _staff_only(user) -> None:
    if not is_opcc_staff(user):
        raise PermissionDenied


@login_required
def report_list(request):
    _staff_only(request.user)
    context = {"page_title": _("Findings reports"), **selectors.report_list(user=request.user)}
    return render(request, "reports/report_list.html", context)


@login_required
@require_POST
def report_generate(request, meeting_pk: int):
    _staff_only(request.user)
    meeting = selectors.closed_meeting(pk=meeting_pk)
    try:
        report = services.report_generate(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:report_list")
    messages.success(request, _("Draft findings report created from the panel's decisions"))
    return redirect("reports:report_detail", pk=report.pk)


@login_required
def period_new(request):
    """A panel's report over a period (a year, say), from its published meetings."""
    _staff_only(request.user)
    return handle_form(
        request,
        PeriodReportForm(
            request.POST or None,
            panels=selectors.panels_with_reports(),
            periods=named_periods(timezone.localdate()),
        ),
        save=lambda form: services.report_generate_period(by=request.user, **form.cleaned_data),
        message=_("Draft period report created from the published meetings"),
        success=lambda report: reverse("reports:report_detail", args=[report.pk]),
        render=lambda form, status, stale: render(
            request,
            "reports/period_form.html",
            {"page_title": _("Write a period report"), "form": form},
            status=status,
        ),
    )


@login_required
def report_detail(request, pk: int):
    report = selectors.report_for_user(user=request.user, pk=pk)
    presented = present(report)
    findings = disclosure.check(report)
    context = {
        "page_title": report.title,
        "report": report,
        "r": presented,
        "moves": report_moves(report, request.user),
        "history": [
            (change, history_phrase(change)) for change in selectors.report_history(report=report)
        ],
        "versions": selectors.report_versions(report=report),
        "disclosure": findings,
        "open_findings": sum(1 for f in findings if f.acceptance is None),
        "editable": report.status == S.DRAFT,
        "approval_refusal": approval_refusal(request.user, report),
    }
    return render(request, "reports/report_detail.html", context)


@login_required
def report_preview(request, pk: int):
    report = selectors.report_for_user(user=request.user, pk=pk)
    context = {
        "page_title": _("Preview: %(title)s") % {"title": report.title},
        "report": report,
        "body": body_html(report),
    }
    return render(request, "reports/report_preview.html", context)


@login_required
def report_preview_pdf(request, pk: int):
    from .rendering import render_pdf

    report = selectors.report_for_user(user=request.user, pk=pk)
    pdf = render_pdf(pdf_document(report, body_html(report)))
    record(AuditEvent.DOWNLOADED, report, request=request, summary="Draft report as PDF")
    response = HttpResponse(pdf.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="draft-{report.slug}.pdf"'
    return response


@login_required
def section_edit(request, pk: int, key: str):
    report = selectors.report_for_user(user=request.user, pk=pk)
    section = selectors.section(report=report, key=key)
    if key != SectionKey.THEME_BACKGROUND and not report.is_notes:
        keep_label = _("Use this text in this panel's future reports")
    elif report.meeting is not None:
        # The template pack prints labels unescaped; the theme is text.
        keep_label = format_html(
            _("Keep this text for future meetings on “{}”"), report.meeting.theme
        )
    else:
        # A period report has no theme to keep text for; notes have no panel's reports.
        keep_label = None
    initial = {"version": report.version, **SectionForm.words(section)}
    form = SectionForm(request.POST or None, initial=initial, keep_label=keep_label)

    def show(form, status, stale):
        context = {
            "page_title": _("Change “%(heading)s”") % {"heading": section.heading},
            "report": report,
            "form": form,
            "editable": report.status == S.DRAFT,
        }
        return render(request, "reports/section_form.html", context, status=status)

    return handle_form(
        request,
        form,
        save=lambda form: services.section_save(
            report=report, key=key, by=request.user, **form.cleaned_data
        ),
        message=lambda saved: _("“%(heading)s” saved") % {"heading": form.cleaned_data["heading"]},
        success=reverse("reports:report_detail", kwargs={"pk": report.pk}),
        render=show,
        rebind=lambda data: SectionForm(data, keep_label=keep_label),
        what="report",
    )


@login_required
def report_title(request, pk: int):
    """The report's title, in English and in Welsh."""
    report = selectors.panel_report_for_user(user=request.user, pk=pk)
    initial = {
        "version": report.version,
        "title": english_of(report, "title"),
        "title_cy": welsh_of(report, "title"),
    }

    def show(form, status, stale):
        context = {
            "page_title": _("Change the report’s title"),
            "report": report,
            "form": form,
            "editable": report.status == S.DRAFT,
        }
        return render(request, "reports/section_form.html", context, status=status)

    return handle_form(
        request,
        TitleForm(request.POST or None, initial=initial),
        save=lambda form: services.report_retitle(
            report=report, by=request.user, **form.cleaned_data
        ),
        message=_("Title saved"),
        success=reverse("reports:report_detail", kwargs={"pk": report.pk}),
        render=show,
        rebind=lambda data: TitleForm(data),
        what="report",
    )


@login_required
def reasons(request, pk: int, category_pk: int, bullet_pk: int | None = None):
    """A category's reasons: merge several cases' into one bullet, or reword one case's."""
    report = selectors.panel_report_for_user(user=request.user, pk=pk)
    category, decisions = selectors.category_decisions(report=report, category_pk=category_pk)
    bullet = selectors.report_bullet(report=report, pk=bullet_pk) if bullet_pk else None
    initial = {"version": report.version, "lead_with_count": True}
    if bullet:
        initial.update(
            decisions=[str(d.pk) for d in bullet.decisions.all()],
            theme=bullet.theme,
            text=english_of(bullet, "text"),
            text_cy=welsh_of(bullet, "text"),
            lead_with_count=bullet.lead_with_count,
        )
    elif case := next((d for d in decisions if str(d.pk) == request.GET.get("case")), None):
        # From "Add the Welsh" beside one case's recorded reasons: that case, as recorded.
        initial.update(decisions=[str(case.pk)], text=case.reasons, lead_with_count=False)

    def show(form, status, stale):
        made = [
            b for b in report.bullets.prefetch_related("decisions") if b.category_id == category.pk
        ]
        context = {
            "page_title": _("Reasons: %(category)s") % {"category": category.short_label},
            "report": report,
            "category": category,
            "decisions": decisions,
            "bullets": category_bullets(decisions, made),
            "bullet": bullet,
            "form": form,
            "editable": report.status == S.DRAFT,
            "welsh": publishes_welsh(),
        }
        return render(request, "reports/reasons.html", context, status=status)

    return handle_form(
        request,
        BulletForm(request.POST or None, initial=initial, decisions=decisions),
        save=lambda form: bullets.bullet_save(
            report=report,
            category=category,
            decisions=form.chosen_decisions(),
            text=form.cleaned_data["text"],
            theme=form.cleaned_data["theme"],
            lead_with_count=form.cleaned_data["lead_with_count"],
            text_cy=form.cleaned_data.get("text_cy"),
            version=form.cleaned_data["version"],
            by=request.user,
            bullet=bullet,
        ),
        message=_("Bullet saved"),
        success=reverse("reports:reasons", kwargs={"pk": report.pk, "category_pk": category.pk}),
        render=show,
        rebind=lambda data: BulletForm(data, initial=initial, decisions=decisions),
        what="report",
    )


@login_required
@require_POST
def bullet_remove(request, pk: int, category_pk: int, bullet_pk: int):
    report = selectors.panel_report_for_user(user=request.user, pk=pk)
    bullet = selectors.report_bullet(report=report, pk=bullet_pk)
    try:
        version = int(request.POST.get("version", ""))
        bullets.bullet_delete(report=report, bullet=bullet, by=request.user, version=version)
    except (ValueError, StaleEdit):
        messages.error(request, _("This page was out of date. Check the bullets and try again."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Bullet removed: the cases' recorded reasons show again"))
    return redirect("reports:reasons", pk=report.pk, category_pk=category_pk)


@login_required
def report_move(request, pk: int, move: str):
    report = selectors.report_for_user(user=request.user, pk=pk)
    if move not in MOVES:
        raise Http404
    to, label, consequence, note_label, note_hint = MOVES[move]
    correction = move == "publish" and report.current_version_id
    if correction:
        note_label, note_hint = CORRECTION_NOTE
    data = request.POST if request.method == "POST" else None
    form = ConfirmForm(
        data,
        note_label=note_label,
        note_hint=note_hint,
        submit=label,
        welsh_note=bool(correction) and WELSH in other_languages(),
    )
    problems = move_problems(request.user, report, move)
    context = {
        "page_title": _("%(move)s: %(title)s") % {"move": label, "title": report.title},
        "report": report,
        "consequence": consequence,
        "problems": problems,
    }

    def success(job):
        if job is not None and job.status != JobStatus.DONE:
            return job_redirect(job)  # publishing, under way (or why it failed)
        messages.success(
            request, _("The report is now %(status)s") % {"status": ReportStatus(to).label.lower()}
        )
        return reverse("reports:report_detail", args=[report.pk])

    return handle_form(
        request,
        form,
        save=lambda form: _do_move(
            move,
            report,
            request.user,
            form.cleaned_data.get("note", ""),
            form.cleaned_data.get("note_cy", ""),
        ),
        success=success,
        render=lambda form, status, stale: render(
            request, "reports/report_move.html", {**context, "form": form}, status=status
        ),
    )


def _do_move(move: str, report, user, note: str, note_cy: str = ""):
    """Make the move; publishing gives the background job doing it."""
    if move == "submit":
        services.report_submit(report=report, by=user)
    elif move == "approve":
        services.report_approve(report=report, by=user)
    elif move == "return":
        services.report_return(report=report, by=user, note=note)
    elif move == "publish":
        try:
            return report_publish_start(
                report=report, by=user, change_note=note, change_note_cy=note_cy
            )
        except ValidationError as error:
            raise _on_note_fields(error) from error
    elif move == "correct":
        services.report_correct(report=report, by=user)
    else:
        services.report_withdraw(report=report, by=user, reason=note)
    return None


def _on_note_fields(error: ValidationError) -> ValidationError:
    """The service's errors on the change notes, named as the move form's note boxes."""
    if not hasattr(error, "error_dict"):
        return error
    names = {"change_note": "note", "change_note_cy": "note_cy"}
    return ValidationError({names.get(k, k): v for k, v in error.error_dict.items()})


@login_required
def disclosure_accept(request, pk: int, fingerprint: str):
    report = selectors.report_for_user(user=request.user, pk=pk)
    finding = next((f for f in disclosure.check(report) if f.fingerprint == fingerprint), None)
    if finding is None:
        raise Http404
    context = {"page_title": _("Accept a disclosure finding"), "report": report, "finding": finding}
    return handle_form(
        request,
        AcceptForm(request.POST or None),
        save=lambda form: services.disclosure_accept(
            report=report,
            fingerprint=fingerprint,
            reason=form.cleaned_data["reason"],
            by=request.user,
        ),
        message=_("Finding accepted with your reason"),
        success=reverse("reports:report_detail", args=[report.pk]),
        render=lambda form, status, stale: render(
            request, "reports/disclosure_accept.html", {**context, "form": form}, status=status
        ),
    )
