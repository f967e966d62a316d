"""The reason bullets under a category, as a report shows them: staff's merged or
reworded bullets, then each other case's reasons as the panel recorded them.

A bullet has its English and its Welsh; a page in Welsh shows the Welsh, or the English,
marked as English, while the Welsh is not written (reports/welsh.py asks for it when
reports are published in Welsh too).
"""

from dataclasses import dataclass

from django.utils.translation import get_language

from core.bilingual import WELSH, english_of, welsh_of
from panels.models import Decision

from . import wording
from .models import ReasonBullet


@dataclass
class Bullet:
    english: str  # its words in English, and in Welsh ("" until written)
    count: int
    lead_with_count: bool
    reworded: bool
    decision_ids: list[int]
    source: ReasonBullet | None = None  # None: a case's reasons as the panel recorded them
    of: int = 0  # the cases in the bullet's category: "In both cases" when it is all two
    welsh: str = ""

    @property
    def in_english_only(self) -> bool:
        """Shown in English on a Welsh page: its Welsh is not written."""
        return get_language() == WELSH and not self.welsh

    @property
    def text(self) -> str:
        """Its words in the active language, or the English until the Welsh is written."""
        return self.welsh if get_language() == WELSH and self.welsh else self.english

    @property
    def lead(self) -> str:
        return wording.in_n_cases(self.count, of=self.of) if self.lead_with_count else ""

    @property
    def sentence(self) -> str:
        return f"{self.lead} {self.text}" if self.lead else self.text


def category_bullets(decisions: list[Decision], made: list[ReasonBullet]) -> list[Bullet]:
    """The bullets under one category: staff's merged or reworded ones, then every other
    case's reasons as recorded. A bullet counts only decisions still in its category."""
    in_category = {d.pk: d for d in decisions}
    covered: set[int] = set()
    result = []
    for bullet in made:
        ids = _bullet_decisions(bullet, decisions, in_category)
        covered.update(ids)
        if ids:
            result.append(_staff_bullet(bullet, ids, in_category))
    for decision in decisions:
        if decision.pk not in covered and decision.reasons.strip():
            result.append(
                Bullet(decision.reasons.strip(), 1, False, False, [decision.pk], source=None)
            )
    return result


def _bullet_decisions(bullet, decisions, in_category) -> list[int]:
    merged = {d.pk for d in bullet.decisions.all()} & set(in_category)
    if bullet.theme_id:
        merged |= {d.pk for d in decisions if any(t.pk == bullet.theme_id for t in d.themes.all())}
    return sorted(merged, key=lambda pk: in_category[pk].reviewed_case.position)


def _staff_bullet(bullet, ids, in_category) -> Bullet:
    recorded = [in_category[pk].reasons.strip() for pk in ids]
    text = english_of(bullet, "text").strip() or " ".join(recorded)
    reworded = len(ids) > 1 or bool(bullet.theme_id) or text != recorded[0]
    return Bullet(
        text,
        len(ids),
        bullet.lead_with_count,
        reworded,
        ids,
        source=bullet,
        of=len(in_category),
        welsh=welsh_of(bullet, "text").strip(),
    )
