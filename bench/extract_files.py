"""Made-up out-of-court resolution extracts for the import benchmark: the same rows for a
size on every run, with a phone number planted in one row in 500 for the privacy screen."""

import csv
import datetime
import random
from pathlib import Path

HEADERS = [
    "Crime Ref",
    "Offence",
    "HO Code",
    "Disposal",
    "Offence Date",
    "Reported Date",
    "Outcome Date",
    "Domestic Abuse",
    "Hate Crime",
    "Age Band",
    "Gravity Score",
    "Admission",
    "Victim's Views",
    "Authorising Rank",
    "Previous Offending",
    "Conditions",
    "Facts at Decision",
    "Later Information",
]
OFFENCES = [
    ("Harassment without violence", "8L"),
    ("Malicious communications", "8N"),
    ("Assault without injury", "105A"),
    ("Shoplifting", "46"),
    ("Criminal damage to a vehicle", "58C"),
    ("Possession of cannabis", "92E"),
    ("Public fear, alarm or distress", "9A"),
]
DISPOSALS = ["Community Resolution", "Simple Caution", "Outcome 22", "Conditional Caution", "PND"]
SENTENCES = [
    "The offender attended the victim's home following an argument about money.",
    "He shouted and swore and was seen by two neighbours.",
    "She left before officers arrived and was arrested {n} days later.",
    "In interview the offender made full and frank admissions.",
    "The victim did not support a prosecution and agreed to an apology letter.",
    "CCTV from the shop showed the theft of {n} items worth £{m}.",
    "The offence took place on {d} at about {t}.",
    "The gravity matrix gave a score of 2 and a Sergeant authorised the outcome.",
    "There was no injury; the victim was shaken but did not need treatment.",
    "Messages were sent on {n} occasions over {n} weeks on social media.",
    "The offender, aged {a}, had no previous convictions or cautions.",
    "Charged under s.4 Public Order Act 1986 was considered but not pursued.",
]


def rows(size: int):
    rng = random.Random(size)  # nosec B311 # made-up rows, the same for a size every run
    start = datetime.date(2023, 1, 1)
    bands = ["under_18", "18_24", "25_34", "35_49", "50_64"]
    for number in range(size):
        offence, code = rng.choice(OFFENCES)
        offence_date = start + datetime.timedelta(days=rng.randint(0, 600))
        facts = " ".join(rng.sample(SENTENCES, 5)).format(
            n=rng.randint(2, 9),
            m=rng.randint(10, 400),
            d=offence_date.strftime("%d/%m/%Y"),
            t=f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
            a=rng.randint(18, 70),
        )
        if number % 500 == 250:
            facts += " The victim's mobile was 07700 900123."
        yield [
            f"BENCH-{number:07d}",
            offence,
            code,
            rng.choice(DISPOSALS),
            offence_date.isoformat(),
            (offence_date + datetime.timedelta(days=1)).isoformat(),
            (offence_date + datetime.timedelta(days=rng.randint(5, 90))).isoformat(),
            rng.choice(["Y", "N", "N", "N"]),
            rng.choice(["Y", "N", "N", "N", "N"]),
            rng.choice(bands),
            str(rng.randint(1, 4)),
            rng.choice(["full", "partial", "none"]),
            rng.choice(["sought_recorded", "sought_declined", "not_sought"]),
            rng.choice(["sergeant", "inspector", "constable"]),
            rng.choice(["None recorded.", "One caution for theft in 2019.", ""]),
            rng.choice(
                ["Apology letter.", "Pay £50 compensation.", "Attend a victim awareness course."]
            ),
            facts,
            rng.choice(["", "", "", "Victim later said they were satisfied with the outcome."]),
        ]


def write_csv(path: Path, size: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows(size))


def write_xlsx(path: Path, size: int) -> None:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Cases")
    sheet.append(HEADERS)
    for row in rows(size):
        row[10] = int(row[10])
        for index in (4, 5, 6):
            row[index] = datetime.date.fromisoformat(row[index])
        sheet.append(row)
    workbook.save(path)
