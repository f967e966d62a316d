"""A dictionary's Welsh (docs/record-kinds.md, "In Welsh"): four optional columns after the
eight, `section_cy,label_cy,help_cy,choices_cy`, the last written `code=Label|code=Label`
with the codes of the line's choices. A blank cell means no Welsh yet; the English is
read in its place (docs/adr/0017). A column left out of the file leaves what the kind has
in it as it is: the line's value is None."""

from django.utils.translation import gettext as _

from core.bilingual import welsh_of

WELSH_HEADINGS = ("section_cy", "label_cy", "help_cy", "choices_cy")


class WelshCells:
    """Reads one line's Welsh cells for a dictionary reader, reporting its problems there."""

    def __init__(self, reader):
        self.reader = reader
        self.labels: dict[str, int] = {}
        self.sections: dict[str, tuple[str, int]] = {}  # English section → its Welsh, line

    def read(self, line: int, raw: dict, section: str, choices) -> dict:
        label = raw.get("label_cy")
        self._label(line, label or "")
        section_cy = raw.get("section_cy")
        self._section(line, section, section_cy or "")
        given = raw.get("choices_cy")
        return {
            "section_cy": section_cy,
            "label_cy": label,
            "help_cy": raw.get("help_cy"),
            "choices_cy": None if given is None else self._choices(line, given, choices),
        }

    def _label(self, line: int, label: str) -> None:
        key = label.casefold()
        if not key:
            return
        if key in self.labels:
            self.reader.problem(
                line,
                "label_cy",
                _("The Welsh label “%(label)s” is also on line %(line)s.")
                % {"label": label, "line": self.labels[key]},
            )
        else:
            self.labels[key] = line

    def _section(self, line: int, section: str, welsh: str) -> None:
        if not welsh or not section:
            return
        named = next((s for s, (w, _line) in self.sections.items() if w == welsh), section)
        given = self.sections.setdefault(section, (welsh, line))
        if named != section:
            self.reader.problem(
                line,
                "section_cy",
                _("The section “%(other)s” is called “%(welsh)s” in Welsh already.")
                % {"other": named, "welsh": welsh},
            )
        elif given[0] != welsh:
            self.reader.problem(
                line,
                "section_cy",
                _(
                    "Line %(line)s gives the section “%(section)s” the Welsh “%(welsh)s”: "
                    "give a section one Welsh name."
                )
                % {"line": given[1], "section": section, "welsh": given[0]},
            )

    def _choices(self, line: int, value: str, choices) -> tuple[tuple[str, str], ...]:
        if not value:
            return ()
        codes = {code for code, _label in choices}
        if not codes:
            self.reader.problem(line, "choices_cy", _("Only a field with choices has their Welsh."))
            return ()
        welsh, seen, labels = [], set(), set()
        for number, item in enumerate(value.split("|"), start=1):
            code, equals, label = (part.strip() for part in item.partition("="))
            if not equals or not code or not label:
                self.reader.problem(
                    line,
                    "choices_cy",
                    _("Choice %(number)s (“%(item)s”) is not written code=Label.")
                    % {"number": number, "item": item.strip()},
                )
            elif code not in codes:
                self.reader.problem(
                    line,
                    "choices_cy",
                    _("%(code)s is not one of this field's choices (%(codes)s).")
                    % {"code": code, "codes": ", ".join(c for c, _label in choices)},
                )
            elif code in seen:
                self.reader.problem(
                    line,
                    "choices_cy",
                    _("The choice code %(code)s is used twice.") % {"code": code},
                )
            elif label.casefold() in labels:
                self.reader.problem(
                    line,
                    "choices_cy",
                    _("The choice label “%(label)s” is used twice.") % {"label": label},
                )
            else:
                seen.add(code)
                labels.add(label.casefold())
                welsh.append((code, label))
        return tuple(welsh)


def has_welsh(fields) -> bool:
    return any(any(welsh_cells(field)) for field in fields)


def welsh_cells(field) -> list[str]:
    """The field's Welsh cells, in WELSH_HEADINGS' order."""
    choices = "|".join(f"{c['code']}={c['label_cy']}" for c in field.choices if c.get("label_cy"))
    return [
        welsh_of(field.section, "name"),
        welsh_of(field, "label"),
        welsh_of(field, "help"),
        choices,
    ]
