"""A GOV.UK tag as the panels' presenters hand it to templates: its words and colour."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tag:
    text: str
    colour: str  # the GOV.UK tag's colour class, "govuk-tag--blue" …
