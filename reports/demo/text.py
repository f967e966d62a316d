"""The words of the two published panel reports the demo rebuilds (an adult OoCR panel,
15 October 2025, and a Victims' Code panel, 17 September 2025), as each panel's standing
text, the meeting theme's background, the support services and the report-only passages.

The text is the published reports', with the area, force and board made Demoshire's. What
the service writes itself is left out here: the agencies members come from, the
categories, how the cases were chosen, the findings, the observations, where to find out
more and how to contact the office. So are the published words on how cases were
selected, which the record of each meeting's sample says instead.
"""

from ..enums import SectionKey, SupportPlacement

OOCR_PANEL, VCOP_PANEL = "adult-oocr", "victims-code"

_OOCR_WHY_BULLETS = (
    "- What the police do and the difference they make\n"
    "- The totality of policing (i.e. the parts of policing that the public may not usually "
    "see or come into contact with)\n"
    "- How the police work with others\n"
    "- The demands on the police\n"
    "- How their police force is performing\n"
    "- How public money is spent"
)

_VCOP_WHY_BULLETS = (
    "- Good practice\n"
    "- Any gaps in service\n"
    "- Lessons which we could learn\n"
    "- Where we can influence positive changes in policy and working practices\n"
    "- Opportunities for improved engagement across the criminal justice system\n"
    "- Demands on services and how services are performing\n"
    "- How public money is spent\n"
    "- Where feedback can be provided."
)

# panel slug → section key → (heading, body)
STANDING = {
    OOCR_PANEL: {
        SectionKey.INTRODUCTION: (
            "Scrutiny findings",
            "In certain circumstances the police can make a decision to resolve a matter "
            "without going to court. This tends to be for less harmful offences. They may "
            "include issuing of a caution, a letter of apology, or agreement for restorative "
            "justice. Nationally these types of resolutions are known as out of court "
            "resolutions (OoCRs). One of this panel's roles is to provide assurance to the "
            "Police and Crime Commissioner and Chief Constable that these matters are dealt "
            "with legally and appropriately.\n\n"
            "## What are Out of Court Resolutions?\n\n"
            "Previously called Out of Court Disposals these are now referred to as an Out of "
            "Court Resolution (OoCR). OoCR is a way of dealing with a crime without it having "
            "to go to court and these are often used in cases where an offence is considered "
            "to be less harmful. These crimes can still be very upsetting for victims, but "
            "they are crimes that are considered less harmful when compared to others. For an "
            "OoCR to be considered, an offender has to admit to what they have done (i.e. they "
            "admit they are guilty). The victim of the crime should also always be asked for "
            "their views, but they do not have to take part in the process if they don't want "
            "to.\n\n"
            "OoCRs will not normally be used for offences of violence which have led to "
            "serious injuries or sexual offences; and current persistent offenders (those that "
            "have been convicted or cautioned 3 or more times in the last 12 months).\n\n"
            "There are different types of OoCRs for example Community Resolution, Simple "
            "Caution and Conditional Caution. There may also be an option to consider a "
            "'Deferred Caution' or a 'Deferred Charge'. Deferred Caution and Deferred Charge "
            "are decisions taken by the Police, when an eligibility criteria is met, to "
            "suspend the caution or charge, pending successful completion of interventions and "
            "activity that an offender must complete over a four-month period.\n\n"
            "The conditions of the contract can include reparative, restorative, restrictive "
            "and rehabilitative conditions designed to access swift justice for victims for "
            "example speedy access to compensation whilst tackling the underlying reasons for "
            "offending. Noncompliance means the caution stands or the offender is sent to "
            "court.\n\n"
            "Restorative Justice can also be considered which is an informal process which can "
            "be used with an out of court disposal and brings the offender and victim together "
            "in order that victims can move on from the harm they have felt, and the offender "
            "can understand the harm that they have caused.",
        ),
        SectionKey.WHY: (
            "Why the Local Criminal Justice Board (LCJB) oversees the scrutiny of OoCRs",
            "It is important that the Police and Crime Commissioner (PCC) and the Chief "
            "Constable of the police help the public and other stakeholders to understand:\n\n"
            f"{_OOCR_WHY_BULLETS}\n\n"
            "Public Confidence is also about trust and having a police service that is open "
            "and transparent where policing at every level can be examined and scrutinised to "
            "help improve reassurance and the service to communities.\n\n"
            "By giving the public this information openly as part of good governance, they can "
            "form their own informed views about whether or not they have confidence in their "
            "police force.\n\n"
            "The LCJB work with partner agencies on behalf of the residents of Demoshire in "
            "helping to deliver a police force and criminal justice system that works well and "
            "meets the needs of its communities. To do this the LCJB scrutinises certain issues "
            "and activities including the use of OoCRs. The scrutiny of OoCRs is about "
            "reviewing cases and working practices, to recognise and promote good practice, "
            "identify any areas for improvement and support the police as an organisation to "
            "learn and improve.",
        ),
        SectionKey.HOW: (
            "How the LCJB scrutinises the use of OoCRs",
            "The LCJB has a dedicated OoCR scrutiny panel to review Adult cases, made up of "
            "specialists from a range of organisations. Subject Matter Experts (SMEs) will also "
            "be invited where it is felt this would add value and provide useful context to the "
            "discussions.\n\n"
            "The panel 'dip-samples' cases that have been resolved by Demoshire Police through "
            "the use of an OoCR. The panel does not audit the police's use of OoCRs but "
            "dip-samples 30-40 cases over a 12-month period which provides an exploratory "
            "'snapshot' of how the police are doing. The panel reviews the decision making for "
            "each individual case and will talk about the OoCR that was given and where "
            "appropriate the engagement with the relevant SME.\n\n"
            "The panel consider the written information available for each case and, using "
            "the expertise of members who are from agencies other than the police, explore in "
            "their view whether or not the OoCR that was issued at the time was the right "
            "decision.",
        ),
        SectionKey.USING_FINDINGS: (
            "Using the panel's findings to make a difference",
            "The panel will report their findings directly to the Police and Crime "
            "Commissioner as Chair of the Local Criminal Justice Board and the Chief Constable. "
            "Demoshire Police may choose to raise the panel's findings with individual police "
            "officers and may cascade learning from the panel throughout the organisation.",
        ),
        SectionKey.SUPPORT_SERVICES: ("Support for victims and witnesses", ""),
    },
    VCOP_PANEL: {
        SectionKey.INTRODUCTION: (
            "Scrutiny findings",
            "The new Victims' Code of Practice (VCoP), which came into force in April 2021 is "
            "a charter of rights that dictate the minimum level of service victims can expect "
            "at every stage of the justice process. The Code, enshrined within 12 rights, sets "
            "out the services that must be provided to victims of crime by organisations.",
        ),
        SectionKey.WHY: (
            "Why the Local Criminal Justice Board scrutinises the rights of victims",
            "It is the Police and Crime Commissioner's legal responsibility to hold the Chief "
            "Constable to account on behalf of the residents of Demoshire for delivering a "
            "police force that works well and meets the needs of its communities. To do this "
            "the LCJB 'scrutinises' certain issues and activities including the compliance of "
            "the Victims Code of Practice. The scrutiny of VCoP is about reviewing cases and "
            "working practices, to recognise and promote good practice, identify any areas for "
            "development and support the police as an organisation to learn and improve.\n\n"
            "By giving the public this information openly as part of good governance, they can "
            "form their own informed views about whether or not they have confidence in the "
            "criminal justice system.\n\n"
            "It is important that the Criminal Justice partnership continues to focus on the "
            "needs of victims and by reviewing cases we can identify:\n\n"
            f"{_VCOP_WHY_BULLETS}",
        ),
        SectionKey.HOW: (
            "How the Local Criminal Justice Board (LCJB) scrutinises the rights of victims and "
            "compliance to the Victims Code of Practice",
            "The LCJB has a scrutiny panel made up of representatives of the criminal justice "
            "agencies. The panel 'dip-samples' criminal cases that have been finalised through "
            "the criminal justice system. The panel scrutinises 6 - 8 cases at each meeting, "
            "and any personal information of individuals is removed.\n\n"
            "The panel review the cases at each panel meeting using anonymised data retrieved "
            "from each agency, which provides information on the progression of a case through "
            "to its conclusion. They can then identify the services offered to the victim and "
            "discuss the 12 victim rights in order to explore whether or not the rights have "
            "been fulfilled and a good service given to the victim in the case.",
        ),
        SectionKey.USING_FINDINGS: (
            "Using the panel's findings to make a difference",
            "The panel report their findings to the agencies who contributed to the panel and "
            "those who have statutory responsibilities as detailed within the Victims Code of "
            "Practice. Demoshire Local Criminal Justice Board review findings and agree themes "
            "for future panels.\n\n"
            "Panel findings may be raised with individual officers, staff and relevant "
            "departments across the Criminal Justice partnership and may also cascade learning "
            "from the panel throughout their respective agencies.",
        ),
        SectionKey.SUPPORT_SERVICES: ("Support for victims and witnesses", ""),
    },
}

THEME = "Stalking or Harassment"
THEME_BACKGROUND = (
    "Stalking and harassment",
    "Stalking and harassment is when someone repeatedly behaves in a way that makes you feel "
    "scared, distressed or threatened. If this unwanted behaviour happens two times or more, "
    "it may be a crime. Both stalking and harassment are offences under the "
    "[Protection from Harassment Act 1997](https://www.legislation.gov.uk/ukpga/1997/40).\n\n"
    "## Stalking\n\n"
    "Stalking is a pattern of fixated and obsessive behaviour which is repeated, persistent, "
    "intrusive and causes fear of violence or alarm and distress in the victim.\n\n"
    "Stalking may include:\n\n"
    "- following someone\n"
    "- sending unwanted gifts\n"
    "- making unwanted communications with someone\n"
    "- damaging property\n"
    "- going uninvited to their home\n"
    "- hanging around somewhere they know the person often visits\n"
    "- watching or spying on someone\n"
    "- identity theft (signing-up to services, buying things in someone's name)\n\n"
    "Stalking often has a huge emotional impact on those it affects. It can lead to feelings "
    "of depression, anxiety and even post-traumatic stress disorder. It can be a "
    "psychological as well as a physical crime.\n\n"
    "## Harassment\n\n"
    "Harassment is behaviour linked to a specific issue and may include:\n\n"
    "- sending abusive text messages or images\n"
    "- posting abusive messages on social media\n"
    "- neighbour disputes that involve abusive behaviour or damage to property\n"
    "- repeated antisocial behaviour\n"
    "- making unwanted or offensive phone calls\n\n"
    "It is harassment if unwanted behaviour has happened two times or more and made you feel "
    "distressed or threatened.\n\n"
    "## Statistics\n\n"
    "In the year ending March 2025, an estimated 1.5 million people experienced stalking and "
    "4.2 million experienced harassment in England and Wales, based on the Crime Survey for "
    "England and Wales and police-recorded data. There can be a significant gap between the "
    "number of people who experience stalking and harassment and the number of offences "
    "recorded by the police.\n\n"
    "- 678,746 stalking & harassment offences recorded by the police in the year ending "
    "September 2023\n"
    "- 129,076 stalking offences recorded by the police in the year ending March 2024\n"
    "- 1 in 7 people aged 16 years and over have been a victim of stalking\n"
    "- 1 in 5 women and around 1 in 11 men has been a victim of stalking\n"
    "- 1 in 10 people aged 16 years and over have experienced harassment\n"
    "- 13% of women and 7% of men having experienced some form of harassment.\n\n"
    "Since their introduction in 2019, Stalking Protection Orders have been used to allow "
    "early police intervention. From February 2021 to December 2021, 434 applications for "
    "Orders were made and 232 were issued, according to [the latest data from His Majesty's "
    "Courts and Tribunals Service](https://www.gov.uk/government/organisations/"
    "hm-courts-and-tribunals-service).\n\n"
    "- [Office for National Statistics - Stalking](https://www.ons.gov.uk/"
    "peoplepopulationandcommunity/crimeandjustice)\n"
    "- [Office for National Statistics - Harassment](https://www.ons.gov.uk/"
    "peoplepopulationandcommunity/crimeandjustice)",
)

# The further information both reports give on this theme, before its support services.
FURTHER_INFORMATION = (
    "Further information",
    "## The impact of stalking and harassment\n\n"
    "Unwanted, repeated attention can have a serious impact on the victims' physical or "
    "mental health, as well as day-to-day life. Some people who have been stalked or "
    "harassed have had to make changes to their daily lives; some have changed jobs or moved "
    "house.\n\n"
    "It's important that victims get the support they need.\n\n"
    "## Support services for stalking and harassment",
)

# Passages of one meeting's report, written into its draft, not kept for the next.
REPORT_SECTIONS = {
    OOCR_PANEL: {SectionKey.FURTHER_INFORMATION: FURTHER_INFORMATION},
    VCOP_PANEL: {
        SectionKey.FURTHER_INFORMATION: FURTHER_INFORMATION,
        SectionKey.USING_FINDINGS: (
            "Using the panel's findings to make a difference",
            "The panel highlighted the challenges when dealing with victims who are under 18, "
            "ensuring they have their rights under VCoP and their voices are heard. The panel "
            "discussed which agency is best placed to engage with the victims and at which "
            "point in the process. The panel asked if a bespoke piece of work could be "
            "undertaken to avoid duplication of services and to reduce any re-traumatising "
            "for the victim.\n\n" + STANDING[VCOP_PANEL][SectionKey.USING_FINDINGS][1],
        ),
    },
}

# (name, description, phone, email, website, link words, placement, theme, position, panels)
SUPPORT_SERVICES = [
    (
        "The National Stalking Helpline",
        "The [National Stalking Helpline](https://www.suzylamplugh.org/pages/"
        "national-stalking-helpline) provides confidential, free advice and support.",
        "0808 802 0300",
        "advice@stalkinghelpline.org",
        "https://www.suzylamplugh.org/forms/national-stalking-helpline-contact-form",
        "fill in a contact form",
        SupportPlacement.FURTHER_INFORMATION,
        THEME,
        1,
        [OOCR_PANEL, VCOP_PANEL],
    ),
    (
        "Criminal Justice and You",
        "[Criminal Justice and You](https://www.cjsyou.co.uk/) is a new product which aims to "
        "transform the experience of victims and witnesses in the criminal justice system and "
        "is a multimedia resource developed by victims for victims, it brings all aspects of "
        "the criminal justice system into one place, helping to demystify every step of the "
        "process.",
        "",
        "",
        "https://www.cjsyou.co.uk/",
        "",
        SupportPlacement.SUPPORT_SERVICES,
        "",
        2,
        [OOCR_PANEL, VCOP_PANEL],
    ),
    (
        "Victim Care Demoshire",
        "Information for victims and the support services which are available locally can be "
        "found on the Police and Crime Commissioner's website.",
        "",
        "",
        "https://www.example.org/victim-care/",
        "go to Victim Care Demoshire",
        SupportPlacement.SUPPORT_SERVICES,
        "",
        3,
        [VCOP_PANEL],
    ),
]
