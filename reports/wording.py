"""The findings in words, the way published panel reports put them.

Each sentence has three parts so the template can set the count in bold, as the
published reports do: "The panel was of the view that **8 cases were inconsistent
with Policy** and their reasons for making this decision were:".
"""

from dataclasses import dataclass

_NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@dataclass(frozen=True)
class Sentence:
    before: str
    emphasis: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.emphasis}{self.after}"


def in_words(count: int) -> str:
    """Counts up to nine in words, as "In three cases" reads; larger ones in figures."""
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)


def cases(count: int, *, with_verb: bool = False) -> str:
    """ "no cases", or with the verb "1 case was", "8 cases were" (headlines use figures)."""
    noun = "case" if count == 1 else "cases"
    number = "no" if count == 0 else str(count)
    if not with_verb:
        return f"{number} {noun}"
    return f"{number} {noun} {'was' if count == 1 else 'were'}"


def in_n_cases(count: int, *, of: int = 0) -> str:
    """ "In three cases"; "In both cases" when the category has two and the bullet speaks
    for both, "In all three cases" when it speaks for every one of more."""
    if count == of == 2:
        return "In both cases"
    if count == of > 2:
        return f"In all {in_words(count)} cases"
    return f"In {in_words(count)} case{'' if count == 1 else 's'}"


# What follows "N cases were" for each category, and the lead-in to its reasons.
_OOCR_POLICY = "The panel was of the view that "
_OOCR = {
    "consistent": ("consistent with Policy", ". Their reasons for making this decision were:"),
    "consistent-with-observations": (
        "consistent with Policy but with observations",
        ". Their reasons for making this decision were:",
    ),
    "inconsistent": (
        "inconsistent with Policy",
        " and their reasons for making this decision were:",
    ),
    "appropriate": (
        "appropriate and consistent with local policy and national guidance",
        ". Their reasons for making this decision were:",
    ),
    "appropriate-with-observations": (
        "appropriate and consistent with local policy and national guidance, with observations",
        ". Their reasons for making this decision were:",
    ),
    "inappropriate": (
        "inappropriate and inconsistent with local policy and national guidance",
        " and their reasons for making this decision were:",
    ),
}
_VCOP_RIGHTS = " with the 12 Victims Rights"


def finding(category, count: int, *, has_reasons: bool) -> Sentence:
    """The headline sentence for one category's count."""
    code = category.code
    if code in _OOCR:
        phrase, lead = _OOCR[code]
        return Sentence(
            _OOCR_POLICY, f"{cases(count, with_verb=True)} {phrase}", _end(lead, has_reasons)
        )
    if code in {"no-conclusion", "no-decision"}:
        return _no_conclusion(category, count, has_reasons)
    if code == "fully-compliant":
        return Sentence(
            "The panel deemed that ",
            f"{cases(count, with_verb=True)} found to be overall compliant",
            _end(f"{_VCOP_RIGHTS} and included good practice such as:", has_reasons, _VCOP_RIGHTS),
        )
    if code in {"partially-compliant", "non-compliant"}:
        return Sentence(
            "The panel deemed ",
            f"{cases(count)} to be {category.label}",
            _end(
                f"{_VCOP_RIGHTS}. Observations included the following:", has_reasons, _VCOP_RIGHTS
            ),
        )
    return _generic(category, count, has_reasons)


def _no_conclusion(category, count: int, has_reasons: bool) -> Sentence:
    word = "decision" if category.code == "no-decision" else "conclusion"
    if count == 0:
        return Sentence("The panel reached a ", word, " on every case.")
    return Sentence(
        f"The panel failed to reach a {word} on ",
        cases(count),
        _end(". The reasons were:", has_reasons),
    )


def _generic(category, count: int, has_reasons: bool) -> Sentence:
    """Any other framework's category: "In 2 cases the panel's view was: Not applicable."."""
    return Sentence(
        "The panel placed ",
        f"{cases(count)} in the category “{category.label}”",
        _end(". Their reasons were:", has_reasons),
    )


def _end(lead: str, has_reasons: bool, without: str = "") -> str:
    return lead if has_reasons else f"{without}."


# How each kind of framework's published reports head the panel's observations: one list
# under one heading, in the order the panel recorded them. Other frameworks get a list
# for each kind of observation.
OBSERVATION_HEADINGS = {
    "oocr": "Observations from the panel",
    "vcop": "Good practice and learning from the panel",
}
OBSERVATION_KIND_HEADINGS = {
    "good_practice": "Good practice",
    "learning": "Learning",
    "general": "Observations from the panel",
}
