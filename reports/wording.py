"""The findings in words, the way published panel reports put them.

Each sentence has three parts so the template can set the count in bold, as the
published reports do: "The panel was of the view that **8 cases were inconsistent
with Policy** and their reasons for making this decision were:".

Every part is translated whole, with its count (Welsh has four plural forms), so the
same figures give the sentence in either language. A count of none reads "no cases":
the plural form's number is the count, and the figure shown is the word for none.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy, pgettext_lazy

# Masculine forms in Welsh, as "achos" (case) takes them.
_NUMBER_WORDS = [
    pgettext_lazy("number of cases", "no"),
    pgettext_lazy("number of cases", "one"),
    pgettext_lazy("number of cases", "two"),
    pgettext_lazy("number of cases", "three"),
    pgettext_lazy("number of cases", "four"),
    pgettext_lazy("number of cases", "five"),
    pgettext_lazy("number of cases", "six"),
    pgettext_lazy("number of cases", "seven"),
    pgettext_lazy("number of cases", "eight"),
    pgettext_lazy("number of cases", "nine"),
]


@dataclass(frozen=True)
class Sentence:
    before: str
    emphasis: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.emphasis}{self.after}"


def in_words(count: int) -> str:
    """Counts up to nine in words, as "In three cases" reads; larger ones in figures."""
    return str(_NUMBER_WORDS[count]) if 0 <= count < len(_NUMBER_WORDS) else str(count)


def _figure(count: int) -> str:
    """A count as a headline gives it: a figure, or the word for none."""
    return str(_NUMBER_WORDS[0]) if count == 0 else str(count)


def _counted(phrase, count: int, **values) -> str:
    """A phrase made with ngettext_lazy(…, "n"), for `count` cases."""
    return phrase % {"n": count, "count": _figure(count), "words": in_words(count), **values}


def cases(count: int, *, with_verb: bool = False) -> str:
    """ "no cases", or with the verb "1 case was", "8 cases were" (headlines use figures)."""
    if with_verb:
        return _counted(ngettext_lazy("%(count)s case was", "%(count)s cases were", "n"), count)
    return _counted(ngettext_lazy("%(count)s case", "%(count)s cases", "n"), count)


def in_n_cases(count: int, *, of: int = 0) -> str:
    """ "In three cases"; "In both cases" when the category has two and the bullet speaks
    for both, "In all three cases" when it speaks for every one of more."""
    if count == of == 2:
        return _("In both cases")
    if count == of > 2:
        return _counted(
            ngettext_lazy("In all %(words)s case", "In all %(words)s cases", "n"), count
        )
    return _counted(ngettext_lazy("In %(words)s case", "In %(words)s cases", "n"), count)


# What follows "The panel was of the view that" for each category, in bold, and whether
# its reasons are led in with "and their reasons…" rather than a new sentence.
_OOCR = {
    "consistent": (
        ngettext_lazy(
            "%(count)s case was consistent with Policy",
            "%(count)s cases were consistent with Policy",
            "n",
        ),
        False,
    ),
    "consistent-with-observations": (
        ngettext_lazy(
            "%(count)s case was consistent with Policy but with observations",
            "%(count)s cases were consistent with Policy but with observations",
            "n",
        ),
        False,
    ),
    "inconsistent": (
        ngettext_lazy(
            "%(count)s case was inconsistent with Policy",
            "%(count)s cases were inconsistent with Policy",
            "n",
        ),
        True,
    ),
    "appropriate": (
        ngettext_lazy(
            "%(count)s case was appropriate and consistent with local policy and national guidance",
            "%(count)s cases were appropriate and consistent with local policy and national "
            "guidance",
            "n",
        ),
        False,
    ),
    "appropriate-with-observations": (
        ngettext_lazy(
            "%(count)s case was appropriate and consistent with local policy and national "
            "guidance, with observations",
            "%(count)s cases were appropriate and consistent with local policy and national "
            "guidance, with observations",
            "n",
        ),
        False,
    ),
    "inappropriate": (
        ngettext_lazy(
            "%(count)s case was inappropriate and inconsistent with local policy and national "
            "guidance",
            "%(count)s cases were inappropriate and inconsistent with local policy and "
            "national guidance",
            "n",
        ),
        True,
    ),
}


def finding(category, count: int, *, has_reasons: bool) -> Sentence:
    """The headline sentence for one category's count."""
    code = category.code
    if code in _OOCR:
        phrase, joined = _OOCR[code]
        if not has_reasons:
            lead = "."
        elif joined:
            lead = " " + _("and their reasons for making this decision were:")
        else:
            lead = _(". Their reasons for making this decision were:")
        return Sentence(_("The panel was of the view that "), _counted(phrase, count), lead)
    if code in {"no-conclusion", "no-decision"}:
        return _no_conclusion(category, count, has_reasons)
    if code == "fully-compliant":
        return Sentence(
            _("The panel deemed that "),
            _counted(
                ngettext_lazy(
                    "%(count)s case was found to be overall compliant",
                    "%(count)s cases were found to be overall compliant",
                    "n",
                ),
                count,
            ),
            " "
            + (
                _("with the 12 Victims Rights and included good practice such as:")
                if has_reasons
                else _("with the 12 Victims Rights.")
            ),
        )
    if code in {"partially-compliant", "non-compliant"}:
        return Sentence(
            _("The panel deemed "),
            _counted(
                ngettext_lazy(
                    "%(count)s case to be %(label)s", "%(count)s cases to be %(label)s", "n"
                ),
                count,
                label=category.label,
            ),
            " "
            + (
                _("with the 12 Victims Rights. Observations included the following:")
                if has_reasons
                else _("with the 12 Victims Rights.")
            ),
        )
    return _generic(category, count, has_reasons)


def _no_conclusion(category, count: int, has_reasons: bool) -> Sentence:
    decision = category.code == "no-decision"
    if count == 0:
        if decision:
            return Sentence(_("The panel reached a "), _("decision"), _(" on every case."))
        return Sentence(_("The panel reached a "), _("conclusion"), _(" on every case."))
    before = (
        _("The panel failed to reach a decision on ")
        if decision
        else _("The panel failed to reach a conclusion on ")
    )
    return Sentence(before, cases(count), _(". The reasons were:") if has_reasons else ".")


def _generic(category, count: int, has_reasons: bool) -> Sentence:
    """Any other framework's category: "The panel placed 2 cases in the category “…”."."""
    return Sentence(
        _("The panel placed "),
        _counted(
            ngettext_lazy(
                "%(count)s case in the category “%(label)s”",
                "%(count)s cases in the category “%(label)s”",
                "n",
            ),
            count,
            label=category.label,
        ),
        _(". Their reasons were:") if has_reasons else ".",
    )


# How each kind of framework's published reports head the panel's observations: one list
# under one heading, in the order the panel recorded them. Other frameworks get a list
# for each kind of observation.
OBSERVATION_HEADINGS = {
    "oocr": gettext_lazy("Observations from the panel"),
    "vcop": gettext_lazy("Good practice and learning from the panel"),
}
OBSERVATION_KIND_HEADINGS = {
    "good_practice": gettext_lazy("Good practice"),
    "learning": gettext_lazy("Learning"),
    "general": gettext_lazy("Observations from the panel"),
}
