"""A meeting's findings report as the template needs it: every count derived from decisions.

Nothing here is stored. Until a version is published the report is built afresh from
the panel's decisions each time it is shown, so a decision changed before publication
changes the counts and the "In three cases" of every bullet that speaks for it.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core import charts
from core.bilingual import english_of, shown
from panels.enums import Agency, FrameworkKind, ObservationKind
from panels.models import Action, Decision, Observation, OutcomeCategory, SampleDraw
from panels.queries import approved_responses

from . import figure_display, markup, periods, selectors, shares, wording
from .accountability.presenters import meeting_notes
from .criteria import CriteriaFindings, meeting_criteria, period_criteria
from .enums import ReportKind, ReportStatus
from .models import FindingsReport
from .reasons import Bullet, category_bullets
from .selectors import published_meetings_between
from .support.selectors import panel_support_services


@dataclass
class CategoryFinding:
    number: int
    category: OutcomeCategory
    count: int
    bullets: list[Bullet]
    shown: bool

    @property
    def sentence(self) -> wording.Sentence:
        return wording.finding(self.category, self.count, has_reasons=bool(self.bullets))


@dataclass
class Section:
    key: str
    heading: str
    body: str

    @property
    def html(self):
        return markup.render_marked(self.body)


def _sections(report: FindingsReport) -> dict[str, Section]:
    """The report's sections in the page's language (a draft read in Welsh marks what has
    no Welsh yet)."""
    return {
        s.key: Section(s.key, shown(s, "heading"), shown(s, "body")) for s in report.sections.all()
    }


@dataclass
class MeetingReport:
    report: FindingsReport
    findings: list[CategoryFinding]
    sections: dict[str, Section]
    draw: SampleDraw | None
    draw_count: int
    observations: list[tuple[str, list[Observation]]]
    actions: list[Action]
    agencies: list[str]
    attending_agencies: list[str]
    rights: list[str]
    themes: list[tuple[str, int]]
    chart: dict = field(default_factory=dict)
    criteria: CriteriaFindings | None = None  # the findings per criterion (reports/criteria.py)
    support: dict = field(default_factory=dict)  # placement → the panel's support services
    extras: object = None  # reports.figure_display.Extras: shares, a field's counts, context

    @property
    def meeting(self):
        return self.report.meeting

    @property
    def framework(self):
        return self.report.panel.framework

    @property
    def total(self) -> int:
        return sum(f.count for f in self.findings)

    @property
    def is_vcop(self) -> bool:
        return self.framework.kind == FrameworkKind.VCOP

    def section(self, key: str) -> Section | None:
        return self.sections.get(key)


def meeting_report(report: FindingsReport) -> MeetingReport:
    """Everything a meeting's findings report shows, in about a dozen queries."""
    meeting = report.meeting
    framework = report.panel.framework
    categories = list(framework.categories.order_by("position"))
    decisions = list(
        Decision.objects.filter(reviewed_case__meeting=meeting)
        .select_related("reviewed_case")
        .prefetch_related("themes")
        .order_by("reviewed_case__position")
    )
    bullets = list(
        report.bullets.select_related("theme").prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.only("pk"))
        )
    )
    draws = list(meeting.draws.order_by("-drawn_at"))
    findings = _findings(categories, decisions, bullets, show_empty=not _omits_empty(framework))
    counts = [(f.category, f.count) for f in findings]
    extras = figure_display.meeting_extras(report, counts)
    return MeetingReport(
        report=report,
        findings=findings,
        sections=_sections(report),
        draw=draws[0] if draws else None,
        draw_count=len(draws),
        observations=observation_groups(meeting, framework),
        actions=list(
            meeting.actions.prefetch_related(approved_responses()).order_by("due_date", "pk")
        ),
        agencies=_agencies(report.panel, voting=True),
        attending_agencies=_agencies(report.panel, voting=False),
        rights=_rights(framework),
        themes=_themes(decisions),
        chart=figure_display.with_shares(charts.category_bars(counts), extras.category_rows),
        criteria=meeting_criteria(report, decisions),
        support=panel_support_services(panel=report.panel, theme=english_of(meeting, "theme")),
        extras=extras,
    )


def _omits_empty(framework) -> bool:
    # Victims' Code panels publish only the categories cases fell into; OoCR panels
    # say "no cases were consistent with Policy" as well.
    return framework.kind == FrameworkKind.VCOP


def _findings(categories, decisions, bullets, *, show_empty: bool) -> list[CategoryFinding]:
    by_category: dict[int, list[Decision]] = defaultdict(list)
    for decision in decisions:
        by_category[decision.category_id].append(decision)
    findings = []
    for number, category in enumerate(categories, start=1):
        own = by_category.get(category.pk, [])
        made = [b for b in bullets if b.category_id == category.pk]
        findings.append(
            CategoryFinding(
                number=number,
                category=category,
                count=len(own),
                bullets=category_bullets(own, made),
                shown=show_empty or bool(own),
            )
        )
    return findings


def _themes(decisions) -> list[tuple[str, int]]:
    """How many cases the panel tagged with each theme, most first."""
    counts = Counter(t.name for d in decisions for t in d.themes.all())
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def observation_groups(meeting, framework) -> list[tuple[str, list[Observation]]]:
    """The public observations under their headings: one list for the kinds of framework
    whose published reports give one (wording.OBSERVATION_HEADINGS), else one a kind."""
    public = list(Observation.objects.filter(meeting=meeting, is_public=True).order_by("position"))
    heading = wording.OBSERVATION_HEADINGS.get(framework.kind)
    if heading:
        return [(heading, public)] if public else []
    groups = []
    for kind in (ObservationKind.GOOD_PRACTICE, ObservationKind.LEARNING, ObservationKind.GENERAL):
        own = [o for o in public if o.kind == kind]
        if own:
            groups.append((wording.OBSERVATION_KIND_HEADINGS[kind], own))
    return groups


def _agencies(panel, *, voting: bool) -> list[str]:
    """The organisations members come from, never their names."""
    codes = panel.memberships.filter(is_active=True, is_voting=voting).values_list(
        "agency", flat=True
    )
    labels = dict(Agency.choices)
    return sorted({labels[code] for code in codes})


def _rights(framework) -> list[str]:
    if framework.kind != FrameworkKind.VCOP:
        return []
    return list(framework.criteria.order_by("position").values_list("label", flat=True))


@dataclass
class PeriodMeeting:
    """One published meeting in a period report, from its frozen figures."""

    date: object
    theme: str
    counts: list[int]
    title: str
    url_args: tuple[str, str]
    theme_cy: str = ""  # frozen with the version when it was published in Welsh

    @property
    def theme_en(self) -> str:
        return self.theme  # for the `said` filter: the frozen English

    @property
    def meeting(self):
        return self  # the shape core.charts.stacked_bars reads: row.meeting.date


@dataclass
class PeriodReport:
    report: FindingsReport
    categories: list[OutcomeCategory]
    meetings: list[PeriodMeeting]
    sections: dict[str, Section]
    themes: list[tuple[str, int, int]]  # name, meetings, cases
    actions_opened: list[Action]
    actions_closed: list[Action]
    chart: dict = field(default_factory=dict)
    criteria: CriteriaFindings | None = None  # rolled up over the meetings (reports/criteria.py)
    actions_overdue: list[Action] = field(default_factory=list)
    before: object = None  # reports.periods.Before: the previous period of equal length
    changes: list = field(default_factory=list)  # reports.shares.Change per category
    extras: object = None  # reports.figure_display.Extras

    @property
    def framework(self):
        return self.report.panel.framework

    @property
    def totals(self) -> list[int]:
        return [sum(m.counts[i] for m in self.meetings) for i in range(len(self.categories))]

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def most(self) -> int:
        return max([sum(m.counts) for m in self.meetings] + [1])

    @property
    def category_totals(self) -> list[tuple[OutcomeCategory, int]]:
        return list(zip(self.categories, self.totals, strict=True))

    @property
    def comparison_rows(self) -> list[tuple]:
        """(this period's row, the period before's words, the change) per category."""
        before = [shares.of_cases(n, self.before.total) for n in self.before.totals]
        return list(zip(self.extras.category_rows, before, self.changes, strict=True))


def period_report(report: FindingsReport) -> PeriodReport:
    """A panel's published meetings between two dates, from their frozen figures."""
    categories = list(report.panel.framework.categories.order_by("position"))
    versions = published_meetings_between(
        panel=report.panel, start=report.period_start, end=report.period_end
    )
    meetings = [
        PeriodMeeting(
            date=v.meeting_date,
            theme=v.theme,
            theme_cy=v.theme_cy,
            counts=_counts(v.figures, len(categories)),
            title=v.title,
            url_args=(v.report.panel.slug, v.report.slug),
        )
        for v in versions
    ]
    presented = PeriodReport(
        report=report,
        categories=categories,
        meetings=meetings,
        sections=_sections(report),
        themes=_recurring([v.figures.get("themes", []) for v in versions]),
        actions_opened=selectors.period_actions(report, closed=False),
        actions_closed=selectors.period_actions(report, closed=True),
        criteria=period_criteria(report, [v.figures for v in versions]),
    )
    presented.chart = charts.stacked_bars(presented) if meetings else {}
    _compare(presented, [v.report.meeting_id for v in versions])
    return presented


def _compare(presented: PeriodReport, meeting_ids: list[int]) -> None:
    """Shares over the period, the period before's, the change, and overdue actions."""
    report = presented.report
    presented.before = periods.before(report, len(presented.categories), _counts)
    presented.changes = periods.changes(presented.totals, presented.before)
    presented.actions_overdue = selectors.period_actions_overdue(report)
    presented.extras = figure_display.period_extras(report, presented.category_totals, meeting_ids)


def _counts(figures: dict, size: int) -> list[int]:
    counts = [0] * size
    for row in figures["categories"]:
        if 0 < row["position"] <= size:
            counts[row["position"] - 1] = row["cases"]
    return counts


def _recurring(per_meeting: list[list[dict]]) -> list[tuple[str, int, int]]:
    """Themes the panel tagged in more than one meeting: (name, meetings, cases)."""
    meetings, cases = Counter(), Counter()
    for themes in per_meeting:
        for row in themes:
            meetings[row["theme"]] += 1
            cases[row["theme"]] += row["cases"]
    recurring = [(name, n, cases[name]) for name, n in meetings.items() if n > 1]
    return sorted(recurring, key=lambda t: (-t[1], -t[2], t[0]))


def present(report: FindingsReport):
    """The report as its template needs it, whichever kind it is."""
    if report.kind == ReportKind.NOTES:
        return meeting_notes(report)
    return period_report(report) if report.kind == ReportKind.PERIOD else meeting_report(report)


def history_phrase(change) -> str:
    """What a status change did, in words: "sent it for approval", "approved it"."""
    if change.to_status == ReportStatus.DRAFT:
        if not change.from_status:
            return _("started the draft")
        if change.from_status in {ReportStatus.PUBLISHED, ReportStatus.WITHDRAWN}:
            return _("started a correction")
        return _("returned it to draft")
    return {
        ReportStatus.AWAITING_APPROVAL: _("sent it for approval"),
        ReportStatus.APPROVED: _("approved it"),
        ReportStatus.PUBLISHED: _("published it"),
        ReportStatus.WITHDRAWN: _("withdrew it"),
    }.get(change.to_status, _("changed its status"))
