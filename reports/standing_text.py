"""The text a panel's first draft starts from, before the panel keeps its own.

Written after the published reports of an OoCR panel and a Victims' Code panel, with
the organisation and force filled in. Staff edit it per report, and can keep their
version as the panel's standing text for the next draft.
"""

import re

from django.utils.functional import lazy
from django.utils.translation import gettext as _

from cases.kind_data import OOCR_CODE, STOP_SEARCH_CODE, USE_OF_FORCE_CODE
from core.organisation import contact_markdown, organisation
from panels.enums import FrameworkKind

from .enums import SectionKey

_OOCR = {
    SectionKey.INTRODUCTION: (
        "What are Out of Court Resolutions?",
        "An Out of Court Resolution (OoCR) is a way of dealing with a crime without it "
        "going to court. OoCRs are used for offences considered less harmful. For an OoCR "
        "to be considered, the offender has to admit what they have done, and the victim "
        "should always be asked for their views.\n\n"
        "There are different types of OoCR, for example a Community Resolution, a Simple "
        "Caution or a Conditional Caution, and the police may also consider a Deferred "
        "Caution or a Deferred Charge.",
    ),
    SectionKey.WHY: (
        "Why {organisation} oversees the scrutiny of OoCRs",
        "The public should be able to see how the police use their powers. Scrutiny of "
        "OoCRs reviews cases and working practices to recognise and promote good practice, "
        "identify areas for improvement and help {force} learn and improve.",
    ),
    SectionKey.HOW: (
        "How {organisation} scrutinises the use of OoCRs",
        "The panel is made up of specialists from organisations other than the police. It "
        "'dip-samples' cases that {force} resolved through an OoCR. It "
        "does not audit every case: the sample gives an exploratory snapshot of how the "
        "police are doing.\n\n"
        "Members consider the written information for each case and explore whether the "
        "OoCR issued at the time was the right decision.",
    ),
}

_VCOP = {
    SectionKey.INTRODUCTION: (
        "The Victims' Code of Practice",
        "The Victims' Code of Practice is a charter of rights that sets the minimum level of "
        "service victims can expect at every stage of the justice process. The Code, "
        "enshrined within 12 rights, sets out the services that organisations must provide "
        "to victims of crime.",
    ),
    SectionKey.WHY: (
        "Why {organisation} scrutinises the rights of victims",
        "Reviewing cases lets the criminal justice partnership identify good practice, gaps "
        "in service and lessons to learn, and influence positive changes in policy and "
        "working practices. Publishing the findings lets the public form their own view of "
        "the criminal justice system.",
    ),
    SectionKey.HOW: (
        "How {organisation} scrutinises compliance with the Victims' Code",
        "The panel 'dip-samples' criminal cases finalised through the criminal justice "
        "system, with personal information removed. Members discuss the "
        "12 victims' rights for each case to explore whether the rights were fulfilled and a "
        "good service was given to the victim.",
    ),
}

_STOP_SEARCH = {
    SectionKey.INTRODUCTION: (
        "What is stop and search?",
        "Stop and search lets the police search a person without arresting them, where an "
        "officer has reasonable grounds to suspect they are carrying drugs, a weapon, stolen "
        "property or something that could be used to commit a crime. A few powers, such as "
        "a section 60 authority, allow searches without grounds in a set area for a set "
        "time. Every search must be explained and recorded, and the person offered a copy "
        "of the record.",
    ),
    SectionKey.WHY: (
        "Why {organisation} scrutinises stop and search",
        "Stop and search is one of the most intrusive powers the police have, and how it is "
        "used affects public confidence, above all in communities that are searched more "
        "often. Community scrutiny lets the public see how {force} uses the power, "
        "recognise good practice and challenge what falls short.",
    ),
    SectionKey.HOW: (
        "How {organisation} scrutinises stop and search",
        "The panel is made up of members of the public. It reviews search records and "
        "body-worn video, with personal information removed, and asks whether each search "
        "was lawful, fair and carried out well: were the grounds reasonable, was the search "
        "explained, was the person treated with respect, and was the outcome proportionate?",
    ),
    SectionKey.SUPPORT_SERVICES: (
        "If you have been stopped and searched",
        "You are entitled to a copy of the search record. If you are unhappy with how you "
        "were treated, you can complain to {force} or to the Independent Office for Police "
        "Conduct.",
    ),
}

_USE_OF_FORCE = {
    SectionKey.INTRODUCTION: (
        "What is police use of force?",
        "Police officers may use force when it is necessary, proportionate and reasonable: "
        "to protect themselves or others, to prevent a crime or to make an arrest. Force "
        "ranges from handcuffing to the use of a Taser or a firearm. Officers record every "
        "use of force, their reasons and any injury.",
    ),
    SectionKey.WHY: (
        "Why {organisation} scrutinises the use of force",
        "The public should be able to see how and why {force} uses force. Community "
        "scrutiny recognises good practice, asks about what falls short and helps the force "
        "learn and improve.",
    ),
    SectionKey.HOW: (
        "How {organisation} scrutinises the use of force",
        "The panel is made up of members of the public. It reviews use of force records and "
        "body-worn video, with personal information removed, and asks whether the force "
        "used was necessary, proportionate and reasonable, whether de-escalation was tried, "
        "and whether the person was cared for afterwards.",
    ),
    SectionKey.SUPPORT_SERVICES: (
        "If force was used against you",
        "If you are unhappy with how you were treated, you can complain to {force} or to the "
        "Independent Office for Police Conduct.",
    ),
}

# Frameworks of neither seeded kind read by the kind of record their panels review.
_BY_RECORD_KIND = {
    OOCR_CODE: _OOCR,
    STOP_SEARCH_CODE: _STOP_SEARCH,
    USE_OF_FORCE_CODE: _USE_OF_FORCE,
}

_COMMON = {
    SectionKey.THEME_BACKGROUND: ("{theme}", ""),
    SectionKey.FURTHER_INFORMATION: ("Further information", ""),
    SectionKey.SUPPORT_SERVICES: (
        "Support for victims and witnesses",
        "Information for victims and the support services available locally can be found "
        "on the Police and Crime Commissioner's website.",
    ),
    SectionKey.USING_FINDINGS: (
        "Using the panel's findings to make a difference",
        "The panel reports its findings to the agencies that took part and to the Police "
        "and Crime Commissioner. {force} may raise the findings with individual officers "
        "and may cascade learning from the panel throughout the organisation.",
    ),
    SectionKey.OTHER_FORMATS: (
        "If you need this information in another format",
        "If you need this report in a different language or format, such as large print or "
        "easy read, contact {office}{contact}.",
    ),
}


# How the cases were chosen is said once, by the service, from the record of the draw
# (or that staff chose them). Standing text that says it too can contradict it.
SELECTION_CLAIM = re.compile(
    r"\b(?:(?:selected|chosen|drawn|picked|sampled)\s+(?:at\s+random|randomly|by)"
    r"|at\s+random|randomly(?:\s+(?:selected|chosen|drawn|picked|sampled))?"
    r"|random(?:ised|ized)?\s+(?:sample|selection|draw)"
    r"|hand[-\s]?picked)\b",
    re.IGNORECASE,
)


def selection_claim(text: str) -> str | None:
    """The words in `text` that claim how cases were chosen, or None."""
    found = SELECTION_CLAIM.search(text or "")
    return found.group(0) if found else None


def selection_claim_error(text: str) -> str | None:
    claim = selection_claim(text)
    if claim is None:
        return None
    # Said in the page's language when shown: services write under English.
    return _claim_error(claim)


def _claim_error_now(claim: str) -> str:
    return _(
        "Remove “%(claim)s”: the report says how the cases were chosen, from the record "
        "of the sample draw, and other text must not say it differently"
    ) % {"claim": claim}


_claim_error = lazy(_claim_error_now, str)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _own(framework) -> dict:
    if framework.kind == FrameworkKind.VCOP:
        return _VCOP
    if framework.kind == FrameworkKind.OOCR:
        return _OOCR
    return _BY_RECORD_KIND.get(framework.record_kind.code, {})


def default(panel, key: str, **values: str) -> tuple[str, str]:
    """The built-in heading and body of a section for this panel's kind of framework, or
    of record when the framework is of neither seeded kind (stop and search …)."""
    own = _own(panel.framework)
    heading, body = own.get(key) or _COMMON.get(key) or (str(SectionKey(key).label), "")
    office = organisation()
    how = contact_markdown()
    fill = _Blank(
        organisation=panel.organisation,
        force=str(panel.force),
        office=office["in_sentence"],
        contact=f" {how}" if how else "",
        **values,
    )
    return heading.format_map(fill), body.format_map(fill)
