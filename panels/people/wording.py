"""Refusals of the people services that name the panel, worded whole so each can be
translated as a whole."""

from django.utils.translation import gettext_lazy

CHAIR_NEEDED = {
    "change": gettext_lazy(
        "%(panel)s has a meeting open for rating or in discussion, and this is its only chair. "
        "Make someone else chair first, then change this membership."
    ),
    "pause": gettext_lazy(
        "%(panel)s has a meeting open for rating or in discussion, and this is its only chair. "
        "Make someone else chair first, then pause this membership."
    ),
    "end": gettext_lazy(
        "%(panel)s has a meeting open for rating or in discussion, and this is its only chair. "
        "Make someone else chair first, then end this membership."
    ),
}
