"""Dictionaries for the record kind tests, written as a data admin would write them."""

HEADINGS = "code,section,label,type,choices,required,filterable,help"

STOP_SEARCH = "\r\n".join(
    [
        HEADINGS,
        "searched_at,Police,Date and time of search,datetime,,yes,no,When the search began.",
        "power,Police,Power used,choice,s1=PACE section 1|s23=Misuse of Drugs Act s23|s60=CJPOA"
        " section 60,yes,yes,",
        'grounds,Police,Grounds,long_text,,no,no,"What the officer said, in their words."',
        "outcome,Police,Outcome,choice,nfa=No further action|arrest=Arrest,yes,yes,",
        "bwv,Police,Body-worn video recorded,yes_no,,no,yes,",
        "items_found,Police,Items found,multi_choice,drugs=Drugs|weapon=Weapon|other=Other,no,yes,",
        "age_band,Person,Age band,choice,u18=Under 18|18_24=18 to 24|25_plus=25 and over,no,yes,",
        "officers,Police,Officers present,integer,,no,yes,",
        "",
    ]
)


def lines(*rows: str, headings: str = HEADINGS) -> bytes:
    return "\r\n".join([headings, *rows, ""]).encode()


def replaced(text: str, old: str, new: str) -> bytes:
    assert old in text, old
    return text.replace(old, new).encode()
