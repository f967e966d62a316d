"""Writes for a report's reason bullets: several cases' reasons merged into one bullet, or
one case's reworded, for publication only (the decisions stay as the panel recorded them).

A bullet's Welsh (`text_cy`) is written beside its English. A case's reasons as recorded
get their Welsh the same way: a bullet for that one case whose English is left as
recorded (or blank) and whose Welsh is given.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.bilingual import english
from panels.models import Decision, OutcomeCategory, Theme

from .models import FindingsReport, ReasonBullet
from .services import _editable, _locked, _touched


def bullet_save(
    *,
    report: FindingsReport,
    category: OutcomeCategory,
    decisions: list[Decision],
    text: str,
    by,
    version: int,
    theme: Theme | None = None,
    lead_with_count: bool = True,
    bullet: ReasonBullet | None = None,
    text_cy: str | None = None,
) -> ReasonBullet:
    """Merge cases' reasons into one bullet, or reword one case's, for publication only;
    `text_cy` is its Welsh (None leaves the Welsh as it is)."""
    _check_bullet(report, category, decisions, text, theme)
    with transaction.atomic(), english():
        locked = _locked(report, version)
        _editable(locked)
        bullet = bullet or ReasonBullet(report=locked, category=category)
        bullet.text, bullet.theme, bullet.lead_with_count = text.strip(), theme, lead_with_count
        if text_cy is not None:
            bullet.text_cy = text_cy.strip()
        if bullet.pk is None:
            bullet.position = locked.bullets.filter(category=category).count()
        bullet.full_clean()
        bullet.save()
        bullet.decisions.set(decisions)
        _touched(locked, by)
    report.version, report.last_edited_by = locked.version, by
    return bullet


def _check_bullet(report, category, decisions, text, theme) -> None:
    meeting_decisions = Decision.objects.filter(reviewed_case__meeting=report.meeting_id)
    if category.framework_id != report.panel.framework_id:
        raise ValidationError({"category": _("Select a category of this panel's framework.")})
    if any(d.category_id != category.pk for d in decisions) or len(decisions) != (
        meeting_decisions.filter(pk__in=[d.pk for d in decisions], category=category).count()
    ):
        raise ValidationError({"decisions": _("Select cases the panel placed in this category.")})
    if not decisions and theme is None:
        raise ValidationError({"decisions": _("Select the cases this bullet speaks for.")})
    if (len(decisions) > 1 or theme is not None) and not text.strip():
        raise ValidationError({"text": _("Enter the wording for the merged reasons.")})


def bullet_delete(*, report: FindingsReport, bullet: ReasonBullet, by, version: int) -> None:
    """Undo a merge or a rewording: the cases' recorded reasons show again."""
    with transaction.atomic():
        locked = _locked(report, version)
        _editable(locked)
        bullet.delete()
        _touched(locked, by)
    report.version, report.last_edited_by = locked.version, by
