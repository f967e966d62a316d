"""Which offence categories a meeting's theme is about, to start the draw's filters from.

The match is made from data, not a list of ifs: the theme's words are compared with each
category's name and with the descriptions of its Home Office crime codes (reference data
that admins extend), so "Harassment" finds "Stalking and harassment" and "Shoplifting"
finds "Theft". A few themes name a policy area rather than an offence; `THEME_PHRASES`
says which offence words such a phrase stands for.
"""

import re
from collections.abc import Iterable, Mapping

from cases.models import CrimeCode

# Policy areas that name no offence themselves: the offence words they cover.
THEME_PHRASES: dict[str, tuple[str, ...]] = {
    "violence against women and girls": (
        "stalking",
        "harassment",
        "coercive",
        "violence",
        "assault",
        "sexual",
    ),
    "vawg": ("stalking", "harassment", "coercive", "violence", "assault", "sexual"),
    "domestic abuse": ("coercive", "harassment", "stalking", "violence", "assault"),
    "hate crime": ("racially", "religiously", "aggravated"),
    "antisocial behaviour": ("public", "damage"),
    "anti-social behaviour": ("public", "damage"),
}

# Words too common to say anything about an offence.
STOP_WORDS = frozenset(
    {
        *("a", "an", "and", "or", "of", "the", "in", "on", "for", "to", "by"),
        *("with", "without", "against", "other", "others", "related", "type", "types"),
        *("offence", "offences", "crime", "crimes", "case", "cases", "injury"),
        *("women", "girls", "men", "boys", "young", "people", "youth", "adult", "adults"),
    }
)


def _stem(word: str) -> str:
    """A crude stem, enough for plurals: "assaults" and "assault" meet."""
    for ending in ("ies", "es", "s"):
        if len(word) > 4 and word.endswith(ending):
            return word[: -len(ending)] + ("y" if ending == "ies" else "")
    return word


def words(text: str) -> set[str]:
    """The meaningful words of `text`, lower case and stemmed."""
    found = re.findall(r"[a-z]+", text.lower())
    return {_stem(w) for w in found if w not in STOP_WORDS and len(w) > 2}


def theme_words(theme: str) -> set[str]:
    """The theme's own words plus those of any policy phrase it contains."""
    lowered = " ".join(re.findall(r"[a-z-]+", theme.lower()))
    found = words(theme)
    for phrase, offence_words in THEME_PHRASES.items():
        if phrase in lowered:
            found |= {_stem(w) for w in offence_words}
    return found


def match_categories(theme: str, vocabulary: Mapping[str, Iterable[str]]) -> list[str]:
    """The categories of `vocabulary` (category name → texts describing it) the theme is
    about, in the vocabulary's order. No theme word, no match."""
    wanted = theme_words(theme)
    if not wanted:
        return []
    matched = []
    for category, texts in vocabulary.items():
        known = words(category)
        for text in texts:
            known |= words(text)
        if wanted & known:
            matched.append(category)
    return matched


def theme_offence_categories(*, theme: str, categories: list[str]) -> list[str]:
    """Of the offence categories offered, those the meeting's theme is about."""
    vocabulary: dict[str, list[str]] = {category: [] for category in categories}
    descriptions = CrimeCode.objects.filter(offence_category__in=categories).values_list(
        "offence_category", "description"
    )
    for category, description in descriptions:
        vocabulary[category].append(description)
    return match_categories(theme, vocabulary)
