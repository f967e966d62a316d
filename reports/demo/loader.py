"""The demo's published reports: the two closed meetings, drafted, approved by a second
person and published through the services, so a newcomer's public site shows them.

Each is drafted, approved and published on days after its meeting, not on the day the
demo is loaded, so the public site never says a panel met after its report came out.
"""

import datetime

from django.db import transaction

from core.bilingual import english, publishing_in
from panels.demo.data import VCOP_SEPTEMBER_ACTIONS, VCOP_SEPTEMBER_OBSERVATIONS
from panels.demo.loader import on_day as _on
from panels.enums import MeetingStatus
from panels.models import Action, Meeting, Observation, Panel, Theme

from .. import bullets, disclosure, services
from ..models import FindingsReport, ForceFigure, StandingText, SupportService, ThemeBackground
from . import text, welsh_text

# (panel slug, category code, case positions or a theme slug, wording, lead with "In N
# cases"), in the published report's order: each bullet's count is worked out from the
# decisions it speaks for, so it follows the cases.
MERGES = [
    (
        "adult-oocr",
        "consistent-with-observations",
        [3],
        "the panel noted that not all reported crimes were recorded, specifically to a second "
        "victim when malicious communication had been sent.",
        True,
    ),
    (
        "adult-oocr",
        "consistent-with-observations",
        [4],
        "involving college students a Community Resolution was given for harassment with "
        "fear, and a verbal apology was provided as reparation. The panel felt a more "
        "meaningful intervention should have been considered, a verbal apology is an outcome "
        "the college could have facilitated. The officer did not consider Restorative Justice "
        "as a means of repairing harm amongst all parties involved.",
        True,
    ),
    (
        "adult-oocr",
        "inconsistent",
        [1, 2],
        "the panel found the offence reported was recorded incorrectly and should have been "
        "classified as stalking which would have increased the gravity score. The panel "
        "therefore found the disposal and outcomes inconsistent with policy and that advice "
        "from the CPS should have been sought.",
        True,
    ),
    (
        "adult-oocr",
        "inconsistent",
        [5],
        "the panel determined that not all crimes reported were recorded. It is essential that "
        "the recording of crimes is accurate, as this could have an impact in any future "
        "Disclosure and Barring checks.",
        True,
    ),
    (
        "adult-oocr",
        "inconsistent",
        [6],
        "the behaviour and stalking had been going on for 3 years, which has had a profound "
        "impact on the victim who had to give up his job. The classification of the offence "
        "recorded was incorrect and should have been stalking rather than harassment. There "
        "were numerous red flags recorded on police systems, with over 70 occurrences linked, "
        "although the panel could not determine whether these were linked to stalking or "
        "harassment. The gravity of the offence was such, that the panel felt this case should "
        "have gone to CPS for advice and a caution was inconsistent with policy.",
        True,
    ),
    (
        "adult-oocr",
        "inconsistent",
        "victim-views-not-sought",
        "the panel noted that the views of the victim were not sought when considering a disposal.",
        True,
    ),
    (
        "adult-oocr",
        "inconsistent",
        "authority-not-recorded",
        "no Superintendent authority was recorded.",
        True,
    ),
    (
        "adult-oocr",
        "inconsistent",
        [9],
        "a Community Resolution was issued for threats to a politician which should have been "
        "crimed under the Online Safety Act 2023 s.181. This case had aggravating factors with "
        "a threat to kill and can attract a custodial sentence. These offences are signed off "
        "through a regional CPS representative and have a high public interest. No remorse was "
        "shown by the perpetrator.",
        True,
    ),
    (
        "adult-oocr",
        "inconsistent",
        "no-clear-admission",
        "there was no clear admission from the perpetrator which is required for a caution and "
        "therefore not compliant with police policy.",
        True,
    ),
    (
        "victims-code",
        "fully-compliant",
        [1, 4],
        "Information about the trial process was fully explained and victims notified about "
        "key decisions throughout the criminal justice process.",
        False,
    ),
    (
        "victims-code",
        "fully-compliant",
        [3],
        "Special measures were explained and considered, with the option of pretrial visits.",
        False,
    ),
    (
        "victims-code",
        "fully-compliant",
        [2],
        "Referrals to support services were made promptly, regularly reviewed and refreshed to "
        "provide tailored and timely support.",
        False,
    ),
    (
        "victims-code",
        "partially-compliant",
        "victim-not-updated",
        "the panel could not be assured that the victim received all updates after key "
        "decisions had been made.",
        True,
    ),
    (
        "victims-code",
        "partially-compliant",
        "victim-leaflet-not-recorded",
        "it could not be determined if a victim's booklet was provided, which would provide "
        "the victim with relevant information covering some of the Codes of Practice.",
        True,
    ),
]


# The day each panel's report came out. The published documents do not print it; these
# are the weeks after each meeting when the office put its findings on its website.
PUBLISHED_ON = {
    "adult-oocr": datetime.date(2025, 11, 12),
    "victims-code": datetime.date(2025, 10, 15),
}
WEEKS_AFTER = 4  # for any other closed demo meeting

# The languages each panel's report is published in: the Victims' Code report in Welsh
# too, with the Welsh of every public text (reports/demo/welsh_text.py); the others in
# English only, whatever the deployment publishes in.
PUBLISHED_IN = {"victims-code": ["en", "cy"]}
ENGLISH_ONLY = ["en"]


@transaction.atomic
def load_reports(users: dict) -> int:
    """Publish a report for each closed demo meeting that has none; returns how many."""
    published = 0
    _standing_text(users["olu"])
    _force_figures(users["olu"])
    for meeting in Meeting.objects.filter(status=MeetingStatus.CLOSED, report__isnull=True):
        languages = PUBLISHED_IN.get(meeting.panel.slug, ENGLISH_ONLY)
        with publishing_in(*languages):
            _publish(meeting, users, welsh="cy" in languages)
        published += 1
    return published


def _publish(meeting: Meeting, users: dict, *, welsh: bool) -> None:
    """Draft, check, approve and publish the meeting's report, on days after it."""
    day = PUBLISHED_ON.get(meeting.panel.slug) or meeting.date + datetime.timedelta(
        weeks=WEEKS_AFTER
    )
    with _on(day - datetime.timedelta(days=9), hour=10):
        report = services.report_generate(meeting=meeting, by=users["olu"])
        _sections(report, users["olu"])
        _merge(report, users["olu"])
        if welsh:
            _in_welsh(report, users["olu"])
        for finding in disclosure.check(report):
            services.disclosure_accept(
                report=report,
                fingerprint=finding.fingerprint,
                reason="Checked before publication: not personal data.",
                by=users["olu"],
            )
    with _on(day - datetime.timedelta(days=6), hour=15):
        services.report_submit(report=report, by=users["olu"])
    with _on(day - datetime.timedelta(days=2), hour=11):
        services.report_approve(report=report, by=users["nia"])
    with _on(day, hour=9):
        services.report_publish(report=report, by=users["olu"])


def _standing_text(by) -> None:
    """The published reports' words as their panels' standing text, the theme's background
    and the support services, unless the database already has its own."""
    panels = {p.slug: p for p in Panel.objects.filter(slug__in=text.STANDING)}
    for slug, sections in text.STANDING.items():
        if slug not in panels:
            continue
        for key, (heading, body) in sections.items():
            StandingText.objects.get_or_create(
                panel=panels[slug],
                key=key,
                defaults={"heading": heading, "body": body, "updated_by": by},
            )
    heading, body = text.THEME_BACKGROUND
    heading_cy, body_cy = welsh_text.THEME_BACKGROUND
    ThemeBackground.objects.get_or_create(
        theme_key=services.theme_key(text.THEME),
        defaults={
            "theme": text.THEME,
            "heading": heading,
            "body": body,
            "heading_cy": heading_cy,
            "body_cy": body_cy,
            "updated_by": by,
        },
    )
    for (
        name,
        description,
        phone,
        email,
        url,
        link,
        placement,
        theme,
        position,
        slugs,
    ) in text.SUPPORT_SERVICES:
        service, created = SupportService.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "phone": phone,
                "email": email,
                "url": url,
                "link_text": link,
                **_welsh_of_service(name),
                "placement": placement,
                "theme": theme,
                "position": position,
                "updated_by": by,
            },
        )
        if created:
            service.full_clean()
            service.panels.set([panels[slug] for slug in slugs if slug in panels])


def _welsh_of_service(name: str) -> dict:
    """A demo support service's Welsh words, by its English name."""
    words = welsh_text.SUPPORT_SERVICES.get(name, (None, "", ""))
    return dict(zip(("name_cy", "description_cy", "link_text_cy"), words, strict=True))


# The force's own figure that its page on out of court resolutions gives, for reports to
# show beside a sample of ten (Reports → The force's own figures).
FORCE_FIGURES = [
    (
        datetime.date(2023, 1, 1),
        datetime.date(2023, 12, 31),
        "Community resolutions issued",
        2452,
        "2.65",
        "The force's page on the scrutiny of out of court resolutions (share of all outcomes)",
    ),
]


def _force_figures(by) -> None:
    """The demo panels' force's own figures, unless it already has them."""
    force = Panel.objects.filter(slug="adult-oocr").values_list("force", flat=True).first()
    if force is None:
        return
    for start, end, measure, number, percentage, source in FORCE_FIGURES:
        ForceFigure.objects.get_or_create(
            force_id=force,
            period_start=start,
            period_end=end,
            measure=measure,
            defaults={
                "number": number,
                "percentage": percentage,
                "source": source,
                "measure_cy": welsh_text.FORCE_FIGURES[measure][0],
                "source_cy": welsh_text.FORCE_FIGURES[measure][1],
                "updated_by": by,
            },
        )


def _sections(report: FindingsReport, by) -> None:
    for key, (heading, body) in text.REPORT_SECTIONS.get(report.panel.slug, {}).items():
        services.section_save(
            report=report, key=key, heading=heading, body=body, by=by, version=report.version
        )


def _merge(report: FindingsReport, by) -> None:
    for panel, code, cases, words, lead in MERGES:
        if report.panel.slug != panel:
            continue
        category = report.panel.framework.categories.get(code=code)
        decided = category.decisions.filter(reviewed_case__meeting=report.meeting)
        theme = None
        if isinstance(cases, str):
            theme, decisions = Theme.objects.get(slug=cases), []
        else:
            decisions = list(decided.filter(reviewed_case__position__in=cases))
        bullets.bullet_save(
            report=report,
            category=category,
            decisions=decisions,
            text=words,
            theme=theme,
            lead_with_count=lead,
            version=report.version,
            by=by,
        )


def _in_welsh(report: FindingsReport, by) -> None:
    """The Welsh of every public text of the report: its title, its sections, its reason
    bullets, the panel's public description, the meeting's notes and its actions."""
    with english():
        sections = list(report.sections.order_by("pk"))
    for section in sections:
        heading, body = welsh_text.SECTIONS[section.key]
        services.section_save(
            report=report,
            key=section.key,
            heading=section.heading_en,
            body=section.body_en or "",
            heading_cy=heading,
            body_cy=body,
            by=by,
            version=report.version,
        )
    services.report_retitle(
        report=report,
        title=report.title_en,
        title_cy=welsh_text.TITLE,
        by=by,
        version=report.version,
    )
    for bullet in report.bullets.all():
        bullets.bullet_save(
            report=report,
            category=bullet.category,
            decisions=list(bullet.decisions.all()),
            text=bullet.text_en,
            text_cy=welsh_text.BULLETS[bullet.text_en],
            theme=bullet.theme,
            lead_with_count=bullet.lead_with_count,
            bullet=bullet,
            by=by,
            version=report.version,
        )
    report.panel.public_description_cy = welsh_text.PUBLIC_DESCRIPTION
    report.panel.save(update_fields=["public_description_cy"])
    notes = [note[1] for note in VCOP_SEPTEMBER_OBSERVATIONS]
    for english_text, welsh in zip(notes, welsh_text.OBSERVATIONS, strict=True):
        Observation.objects.filter(meeting=report.meeting, text_en=english_text).update(
            text_cy=welsh
        )
    actions = [action[0] for action in VCOP_SEPTEMBER_ACTIONS]
    owners = welsh_text.ACTION_OWNERS
    for english_text, welsh, owner in zip(actions, welsh_text.ACTIONS, owners, strict=True):
        Action.objects.filter(meeting=report.meeting, description_en=english_text).update(
            description_cy=welsh, owner_cy=owner
        )
