"""A generated corpus for measuring the privacy screen.

Positives: sentences in the style of case summaries, each holding one piece of
personal data of a known kind, in the spellings officers actually use (spaced and
unspaced, upper and lower case, different phone and date formats). Negatives:
realistic case text with the things that look like personal data but are not —
legislation and section numbers, crime codes, offence dates and times, money,
ages, roads, collar numbers and crime references.
"""

import random
import string

from cases.enums import PrivacyKind

SURNAMES = ["Smith", "Jones", "Patel", "O'Neil", "Hughes-Taylor", "Nowak", "Okafor", "McLeod"]
STREETS = ["Acacia", "High", "Mill", "Church", "Station", "St John's", "Victoria", "Park View"]
SUFFIXES = ["Street", "Road", "Avenue", "Lane", "Close", "Drive", "Crescent", "Way", "Gardens"]
AREAS = ["B", "M", "LS", "NG", "BS", "SW", "EC", "CF", "S", "L", "DE", "NE", "OX", "W"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
MONTHS = ["January", "March", "May", "August", "October", "Dec", "Sept"]
DOMAINS = ["example.com", "mail.example.co.uk", "example.org"]
FRAMES = [
    "The victim said {x} had been mentioned during the call.",
    "Officers noted {x} in the statement.",
    "Details recorded: {x}.",
    "{x} was given to the officer at the scene.",
    "The offender later admitted contact ({x}) and apologised.",
]


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(count))


def ni_number(rng):
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    while first + second in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
        second = rng.choice("ABCEHJLMPRSWY")
    digits = _digits(rng, 6)
    suffix = rng.choice("ABCD")
    text = rng.choice(
        [
            f"{first}{second}{digits}{suffix}",
            f"{first}{second} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}",
        ]
    )
    return (text.lower() if rng.random() < 0.1 else text), "NI number {x}"


def pnc_id(rng):
    year = rng.choice([f"{rng.randint(0, 99):02d}", str(rng.randint(1975, 2024))])
    serial = _digits(rng, rng.choice([5, 6, 7]))
    return f"{year}/{serial}{rng.choice('ABCDEFGHJKLMNPQRTUVWXYZ')}", "PNC ID {x}"


def postcode(rng):
    area = rng.choice(AREAS)
    district = str(rng.randint(1, 20)) if len(area) == 2 else str(rng.randint(1, 9))
    inward = f"{rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    text = rng.choice([f"{area}{district} {inward}", f"{area}{district}{inward}"])
    if rng.random() < 0.1:
        text = text.lower()
    if rng.random() < 0.25:  # outward code only, with the words that make it a place
        outward = f"{area}{district}"
        return outward, rng.choice(
            ["the victim lives in {x}", "seen near {x} later", "from the {x} area", "postcode {x}"]
        )
    return text, rng.choice(FRAMES)


def email(rng):
    name = rng.choice(["j.smith", "kelly92", "a_patel", "sam.o-neil+test"])
    return f"{name}@{rng.choice(DOMAINS)}", rng.choice(FRAMES)


def phone(rng):
    text = rng.choice(
        [
            f"07{_digits(rng, 3)} {_digits(rng, 6)}",
            f"07{_digits(rng, 9)}",
            f"+44 7{_digits(rng, 3)} {_digits(rng, 6)}",
            f"020 {_digits(rng, 4)} {_digits(rng, 4)}",
            f"(01{_digits(rng, 3)}) {_digits(rng, 6)}",
            f"01{_digits(rng, 3)} {_digits(rng, 6)}",
            f"0161-{_digits(rng, 3)}-{_digits(rng, 4)}",
            f"07{_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 3)}",
            f"+44 (0){rng.choice('1237')}{_digits(rng, 3)} {_digits(rng, 6)}",
            f"0044 7{_digits(rng, 3)} {_digits(rng, 6)}",
        ]
    )
    return text, rng.choice(FRAMES + ["call back on {x}", "tel: {x}"])


def vehicle_reg(rng):
    letters = string.ascii_uppercase.replace("I", "").replace("Q", "")
    pick = lambda n: "".join(rng.choice(letters) for _ in range(n))  # noqa: E731
    text = rng.choice(
        [
            f"{pick(2)}{_digits(rng, 2)} {pick(3)}",
            f"{pick(2)}{_digits(rng, 2)}{pick(3)}",
            f"{pick(1)}{rng.randint(1, 999)} {pick(3)}",
            f"{pick(3)} {rng.randint(1, 999)}{pick(1)}",
            f"{pick(2).lower()}{_digits(rng, 2)} {pick(3).lower()}",
        ]
    )
    return text, rng.choice(["a silver car, {x}, was seen", "vehicle {x} stopped", "reg {x}"])


def date_of_birth(rng):
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2008)
    text = rng.choice(
        [
            f"DOB {day:02d}/{month:02d}/{year}",
            f"D.O.B. {day}.{month}.{year}",
            f"born on {day} {rng.choice(MONTHS)} {year}",
            f"date of birth: {year}-{month:02d}-{day:02d}",
            f"(DOB: {day:02d}/{month:02d}/{year % 100:02d})",
            f"dob:{day}/{month}/{year}",
            f"born {day}th {rng.choice(MONTHS)} {year}",
            f"date of birth {day:02d} {month:02d} {year}",
        ]
    )
    return text, rng.choice(FRAMES)


def titled_name(rng):
    title = rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "Dr.", "MR", "Mr."])
    surname = rng.choice(SURNAMES)
    initials = rng.choice(["", "", "J ", "A. ", "K L "])
    name = f"{initials}{surname.upper() if title == 'MR' else surname}"
    return f"{title} {name}", rng.choice(FRAMES)


def street_address(rng):
    number = f"{rng.randint(1, 250)}{rng.choice(['', '', 'a', 'B'])}"
    street = rng.choice(STREETS)
    suffix = rng.choice(SUFFIXES)
    text = rng.choice(
        [
            f"{number} {street} {suffix}",
            f"Flat 2, {number} {street} {suffix}",
            f"{number}, {street} {suffix}",
            f"{number} {street.lower()} {suffix.lower()}",
            f"{number} {street} {ABBREVIATIONS.get(suffix, suffix)}",
        ]
    )
    return text, rng.choice(["went to {x} and knocked", "the address, {x}, was searched"])


ABBREVIATIONS = {"Street": "St", "Road": "Rd", "Avenue": "Ave", "Lane": "Ln", "Crescent": "Cres"}

GENERATORS = {
    PrivacyKind.NI_NUMBER: ni_number,
    PrivacyKind.PNC_ID: pnc_id,
    PrivacyKind.POSTCODE: postcode,
    PrivacyKind.EMAIL: email,
    PrivacyKind.PHONE: phone,
    PrivacyKind.VEHICLE_REG: vehicle_reg,
    PrivacyKind.DATE_OF_BIRTH: date_of_birth,
    PrivacyKind.TITLED_NAME: titled_name,
    PrivacyKind.STREET_ADDRESS: street_address,
}


def positives(kind: str, count: int, seed: int = 1) -> list[tuple[str, str]]:
    """(sentence, the personal data in it) for one kind."""
    rng = random.Random(f"{kind}-{seed}")
    out = []
    for _ in range(count):
        value, frame = GENERATORS[PrivacyKind(kind)](rng)
        out.append((frame.format(x=value), value))
    return out


NEGATIVE_PARTS = [
    "The offender was arrested under s.4 Public Order Act 1986",
    "charged under section 39 Criminal Justice Act 1988",
    "an S47 ABH was considered but the injury did not meet the threshold",
    "S18 GBH was ruled out by the CPS",
    "an offence under s.1 Malicious Communications Act 1988 (HO code 8N)",
    "HO code 105A, gravity score 2",
    "on {date} at {time}",
    "on {day} {month} {year} at about {hour}pm",
    "aged {age}, with no previous convictions",
    "a {age}-year-old man",
    "who stole {n} bottles of vodka worth £{money}",
    "paid £{money} in compensation",
    "on {n} occasions over {n} weeks",
    "travelling north on the M6 near junction {n}",
    "on the A38 towards the city centre",
    "PC {collar} and DC {collar} attended",
    "crime reference CR/{ref}/{yy}",
    "Occurrence {occ}",
    "log {n} of {date}",
    "Outcome 22 was offered through the Checkpoint scheme",
    "a Community Resolution with an apology letter",
    "the victim did not support a prosecution",
    "full and frank admissions in interview",
    "the victim's address and phone number were not recorded",
    "the victim was born and raised locally",
    "ASB warnings had been given in {year}",
    "Section 4A POA was also considered",
    "CCTV from the shop on the high street showed the theft",
    "the offender attended {n} sessions of the Drink Impact course",
    "seized 20g of cannabis",
    "the incident lasted {n} minutes",
    "a BMW X5 and a blue Ford Focus were involved",
    "Room {n} of the custody suite",
    "the offence took place at the victim's home",
    "reported by the school's safeguarding lead",
    "referred to the Youth Offending Team on {date}",
    "Sergeant authorised the outcome at {time}",
    "50% of the damage was repaired",
]


def negatives(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(f"negatives-{seed}")
    out = []
    for _ in range(count):
        parts = rng.sample(NEGATIVE_PARTS, 3)
        text = "; ".join(parts).format(
            date=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}",
            time=f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
            year=rng.randint(2015, 2025),
            hour=rng.randint(1, 11),
            age=rng.randint(10, 80),
            n=rng.randint(2, 40),
            money=rng.choice(["50", "250", "1,200", "35.99"]),
            collar=rng.randint(100, 9999),
            ref=_digits(rng, 6),
            yy=rng.randint(19, 25),
            occ=f"{rng.randint(20, 25)}{_digits(rng, 9)}",
        )
        out.append(text[0].upper() + text[1:] + ".")
    return out


# Sentences quoted from two published panel findings reports (an OoCR panel,
# 15 October 2025, and a Victims' Code panel, 17 September 2025): real case
# commentary in the domain's own words, none of it personal data.
PUBLISHED_NEGATIVES = [
    (
        "In 1 case the panel noted that not all reported crimes were recorded, specifically "
        "to a second victim when malicious communication had been sent."
    ),
    (
        "In 1 case involving college students a Community Resolution was given for harassment"
        " with fear, and a verbal apology was provided as reparation. The panel felt a more "
        "meaningful intervention should have been considered, a verbal apology is an outcome "
        "the college could have facilitated. The officer did not consider Restorative Justice"
        " as a means of repairing harm amongst all parties involved."
    ),
    (
        "In two cases the panel found the offence reported was recorded incorrectly and "
        "should have been classified as stalking which would have increased the gravity"
    ),
    (
        "In one case the panel determined that not all crimes reported were recorded. It is "
        "essential that the recording of crimes is accurate, as this could have an impact in "
        "any future Disclosure and Barring checks."
    ),
    (
        "In one case the behaviour and stalking had been going on for 3 years, which has had "
        "a profound impact on the victim who had to give up his job. The classification of "
        "the offence recorded was incorrect and should have been stalking rather than "
        "harassment. There were numerous red flags recorded on police systems, with over 70 "
        "occurrences linked, although the panel could not determine whether these were linked"
        " to stalking or harassment. The gravity of the offence was such, that the panel felt"
        " this case should have gone to CPS for advice and a caution was inconsistent with "
        "policy."
    ),
    (
        "In one case the panel noted that the views of the victim were not sought when "
        "considering a disposal."
    ),
    "In some cases, no Superintendent authority was recorded.",
    (
        "In one case a Community Resolution was issued for threats to a politician which "
        "should have been crimed under the Online Safety Act S.181. This case had aggravating"
        " factors with a threat to kill and can attract a custodial sentence. These offences "
        "are signed off through a regional CPS representative and have a high public "
        "interest. No remorse was shown by the perpetrator."
    ),
    (
        "In three cases there was no clear admission from the perpetrator which is required "
        "for a caution and therefore not compliant with police policy."
    ),
    (
        "The panel noted a high proportion of non-compliance due to OoCR's being used in "
        "cases of stalking, when the crime was incorrectly recorded as harassment with or "
        "without fear. The correct classification of the crime would have increased the "
        "gravity matrix score and therefore the outcome should have been to seek CPS advice."
    ),
    "In one case the views of the victim was not considered before an outcome given.",
    (
        "The panel discussed the use of Stalking Protection Orders in which prohibition "
        "requirements can be imposed on an offender. These Orders became available under the "
        "Stalking Protection Act 2019. Further information can be found by clicking on this "
        "link: [Home Office statutory guidance](#)."
    ),
    (
        "The panel noted that the Gravity Score was not included in some cases. (A gravity "
        "matrix is a tool used to help inform the police's decision making). The panel were "
        "assured that tools and guidance relating to completing the gravity matrix have been "
        "prepared and roll out of these will be recommended at the next force Investigative "
        "Quality Assurance Board."
    ),
    (
        "The panel were provided with information on the new staking clinic introduced in the"
        " force in July 2025 and designed to help the police response to stalking cases by "
        "providing specialist investigative support to officers."
    ),
    (
        "Information about the trial process were fully explained and victims notified about "
        "key decisions throughout the criminal justice process."
    ),
    (
        "In one case the panel could not be assured that the victim received all updates "
        "after key decisions had been made."
    ),
    (
        "In both cases it could not be determined if a victim's booklet was provided, which "
        "would provide the victim with relevant information covering some of the Codes of "
        "Practice."
    ),
    (
        "The panel noted the police have stalking champions in force who provide guidance and"
        " best practice to officers and staff for identifying and responding to cases of "
        "stalking."
    ),
    (
        "The panel were provided with information on the police staking clinic introduced in "
        "the force in July 2025 and designed to help the police response to stalking cases by"
        " providing specialist investigative support to officers, review complex and "
        "high-risk cases and facilitate access to support services for victims."
    ),
    (
        "The panel noted that the recording of whether a '[victims of crime' leaflet](#) had "
        "been given to victims are not always updated on the police NICHE system, and "
        "therefore could not be assured that all the victims rights under the Code of "
        "Practice had been fully complied with."
    ),
]

# Contact details as they appear in the same reports: real formats, which an
# extract must not carry in a case's text.
PUBLISHED_POSITIVES = [
    ("call the helpline on 0808 802 0300", "phone"),
    ("or telephone 01392 497700", "phone"),
    ("email the National Stalking Helpline team: advice@stalkinghelpline.org", "email"),
]
