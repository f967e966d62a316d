"""The panel's findings per criterion: how often each was met where it applied.

Worked out from the panel's answers recorded with its decisions (a meeting's report), or
added up from the frozen figures of the meetings' published versions (a period report).
Never typed, never stored but in a published version's figures.

A criterion's denominator is the cases where it applied: every case the panel answered,
less those it marked not applicable. "Not recorded" applied (the file should have shown
it) and counts against it. Decisions recorded without answers are left out.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import charts
from core.bilingual import english_of
from panels.enums import Assessment
from panels.models import DecisionAssessment

from .enums import CriteriaDisplay
from .shares import percent

ANSWERS = list(Assessment.values)  # met, partly met, not met, not recorded, not applicable


def criterion_noun(framework) -> str:
    """What one criterion is called in a sentence: "Right" for a framework of rights (told
    from the heading's English, whatever the page's language)."""
    heading = english_of(framework, "criteria_heading").strip().lower()
    return _("Right") if heading.endswith("rights") else _("Criterion")


@dataclass
class CriterionFinding:
    position: int
    code: str
    label: str
    group: str
    counts: dict[str, int]
    noun: str = "Criterion"

    @property
    def cases(self) -> int:
        return sum(self.counts.values())

    @property
    def applied(self) -> int:
        return self.cases - self.counts.get(Assessment.NOT_APPLICABLE, 0)

    @property
    def met(self) -> int:
        return self.counts.get(Assessment.MET, 0)

    @property
    def percentage(self) -> int | None:
        return percent(self.met, self.applied)

    @property
    def subject(self) -> str:
        label = self.label
        if len(label) > 1 and label[1].islower():
            label = label[0].lower() + label[1:]
        return _("%(noun)s %(position)s (%(label)s)") % {
            "noun": self.noun,
            "position": self.position,
            "label": label,
        }

    @property
    def answers(self) -> list[tuple[str, str, int]]:
        """(value, label, how many) for every answer, in the framework's order."""
        return [(v, label, self.counts.get(v, 0)) for v, label in Assessment.choices]

    @property
    def sentence(self) -> str:
        """In the inspection's form: "… was met in 4 of 6 cases where it applied (67%)"."""
        if not self.cases:
            return _("%(subject)s: the panel recorded no answer.") % {"subject": self.subject}
        if not self.applied:
            return ngettext(
                "%(subject)s did not apply in the %(cases)d case the panel answered it for.",
                "%(subject)s did not apply in any of the %(cases)d cases the panel answered "
                "it for.",
                self.cases,
            ) % {"subject": self.subject, "cases": self.cases}
        return ngettext(
            "%(subject)s was met in %(met)d of %(applied)d case where it applied (%(pct)d%%).",
            "%(subject)s was met in %(met)d of %(applied)d cases where it applied (%(pct)d%%).",
            self.applied,
        ) % {
            "subject": self.subject,
            "met": self.met,
            "applied": self.applied,
            "pct": self.percentage,
        }

    def row(self) -> dict:
        """The finding as frozen in a published version's figures and its open data."""
        return {
            "position": self.position,
            "code": self.code,
            "criterion": self.label,
            "group": self.group,
            **{value: self.counts.get(value, 0) for value in ANSWERS},
            "cases": self.cases,
            "numerator": self.met,
            "denominator": self.applied,
            "percentage": self.percentage,
        }


@dataclass
class CriteriaGroup:
    heading: str  # blank for criteria outside any group
    findings: list[CriterionFinding]


@dataclass
class CriteriaFindings:
    heading: str
    findings: list[CriterionFinding]
    display: str
    chart: dict = field(default_factory=dict)
    available: int = 0  # the framework's criteria, shown or not

    @property
    def groups(self) -> list[CriteriaGroup]:
        groups: list[CriteriaGroup] = []
        for finding in self.findings:
            if not groups or groups[-1].heading != finding.group:
                groups.append(CriteriaGroup(finding.group, []))
            groups[-1].findings.append(finding)
        return groups

    @property
    def show_sentences(self) -> bool:
        return self.display in {CriteriaDisplay.BOTH, CriteriaDisplay.SENTENCES}

    @property
    def show_table(self) -> bool:
        return self.display in {CriteriaDisplay.BOTH, CriteriaDisplay.TABLE}

    def rows(self) -> list[dict]:
        return [f.row() for f in self.findings]


def _criteria(report) -> tuple[list, list]:
    """The framework's criteria, and those of them the report shows."""
    hidden = set(report.criteria_hidden.values_list("pk", flat=True))
    criteria = list(report.panel.framework.criteria.select_related("group").order_by("position"))
    return criteria, [c for c in criteria if c.pk not in hidden]


def _findings(report, criteria, shown, counts: dict[int, Counter]) -> CriteriaFindings:
    framework = report.panel.framework
    noun = criterion_noun(framework)
    findings = [
        CriterionFinding(
            position=c.position,
            code=c.code,
            label=c.label,
            group=c.group.label if c.group else "",
            counts=dict(counts.get(c.pk, Counter())),
            noun=noun,
        )
        for c in shown
    ]
    presented = CriteriaFindings(
        framework.criteria_heading, findings, report.criteria_display, available=len(criteria)
    )
    presented.chart = charts.answer_bars(findings) if findings else {}
    return presented


def meeting_criteria(report, decisions) -> CriteriaFindings:
    """A meeting's criteria the report shows, counted from the panel's recorded answers."""
    criteria, shown = _criteria(report)
    counts: dict[int, Counter] = {}
    answers = DecisionAssessment.objects.filter(decision__in=decisions).values_list(
        "criterion_id", "value"
    )
    for criterion_id, value in answers:
        counts.setdefault(criterion_id, Counter())[value] += 1
    return _findings(report, criteria, shown, counts)


def period_criteria(report, figures: list[dict]) -> CriteriaFindings:
    """A period's criteria the report shows, added up over the published meetings' frozen
    figures (a criterion a meeting's report left out adds nothing)."""
    criteria, shown = _criteria(report)
    by_code = {c.code: c.pk for c in shown}
    counts: dict[int, Counter] = {}
    for meeting in figures:
        for row in meeting.get("criteria", []):
            if row["code"] in by_code:
                tally = counts.setdefault(by_code[row["code"]], Counter())
                for value in ANSWERS:
                    tally[value] += row.get(value, 0)
    return _findings(report, criteria, shown, counts)
