"""The text a panel's first draft starts from, before the panel keeps its own.

Written after the published reports of an OoCR panel and a Victims' Code panel, with
the organisation and force filled in. Staff edit it per report, and can keep their
version as the panel's standing text for the next draft.
"""

import re

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
_SELECTION_CLAIM = re.compile(
    r"\b(?:(?:selected|chosen|drawn|picked|sampled|taken)\s+(?:at\s+random|randomly|by)"
    r"|at\s+random|randomly(?:\s+(?:selected|chosen|drawn|picked|sampled))?"
    r"|random(?:ised|ized)?\s+(?:sample|selection|draw)"
    r"|hand[-\s]?picked)\b",
    re.IGNORECASE,
)


def selection_claim(text: str) -> str | None:
    """The words in `text` that claim how cases were chosen, or None."""
    found = _SELECTION_CLAIM.search(text or "")
    return found.group(0) if found else None


def selection_claim_error(text: str) -> str | None:
    claim = selection_claim(text)
    if claim is None:
        return None
    return (
        f"Remove “{claim}”: the report says how the cases were chosen, from the record "
        "of the sample draw, and other text must not say it differently"
    )


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def default(panel, key: str, **values: str) -> tuple[str, str]:
    """The built-in heading and body of a section for this panel's kind of framework."""
    own = _VCOP if panel.framework.kind == FrameworkKind.VCOP else _OOCR
    heading, body = own.get(key) or _COMMON.get(key) or (SectionKey(key).label, "")
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
