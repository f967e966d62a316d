"""The open data's one description: every column of every file, and the Frictionless Data
Package built from it.

The files' columns, the JSON's keys, the public page listing them and `datapackage.json`
are all read from `TABLES`, so they cannot drift apart. Every deployment publishes the
same names, columns and types; only the publisher and the addresses differ.

Version policy (docs/open-data.md): within a major version a column is never removed,
renamed or given another type or meaning; a minor version may add a column at the end of
a file or a new file; anything else is a new major version.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

VERSION = "1.2.0"
NAME = "scrutiny-panel-findings"
LICENCE = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, date
    description: str | Promise  # read in the page's language; the package's is English
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    format: str = ""

    def descriptor(self) -> dict:
        described = {"name": self.name, "type": self.type, "description": str(self.description)}
        if self.format:
            described["format"] = self.format
        constraints = {"required": True} if self.required else {}
        for key in ("minimum", "maximum"):
            if getattr(self, key) is not None:
                constraints[key] = getattr(self, key)
        if constraints:
            described["constraints"] = constraints
        return described


@dataclass(frozen=True)
class Table:
    name: str  # the resource's name, and its files' names
    title: str | Promise
    description: str | Promise
    columns: list[Column]
    primary_key: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def schema(self) -> dict:
        return {
            "fields": [c.descriptor() for c in self.columns],
            "primaryKey": self.primary_key,
            "missingValues": [""],
        }

    def resource(self) -> dict:
        return {
            "name": self.name,
            "path": f"{self.name}.csv",
            "profile": "tabular-data-resource",
            "title": str(self.title),
            "description": str(self.description),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": self.schema(),
        }


def _count(name: str, description) -> Column:
    return Column(name, "integer", description, required=True, minimum=0)


# The columns that say which published report a row comes from, in both files.
ABOUT_FIRST = [
    Column("panel", "string", _("The panel's name."), required=True),
    Column("meeting_date", "date", _("The date the panel met."), required=True),
    Column("theme", "string", _("The meeting's theme; blank if it had none.")),
    Column("framework", "string", _("The framework the panel rates cases against."), required=True),
]
# Added in 1.2.0, after every column 1.1.0 had.
THEME_CY = Column(
    "theme_cy",
    "string",
    _(
        "The meeting's theme in Welsh; blank if it had none, or for a report published in "
        "English only or before the theme had its Welsh."
    ),
)
ABOUT_LAST = [
    Column(
        "version", "integer", _("The published version the figures come from."), True, minimum=1
    ),
    Column("report_url", "string", _("Where the published report is."), True, format="uri"),
    Column(
        "force",
        "string",
        _(
            "The code of the police force whose cases the panel looked at; blank for versions "
            "published before it was recorded."
        ),
    ),
    Column(
        "framework_code",
        "string",
        _(
            "The framework's code, the same in every deployment that uses it; blank for "
            "versions published before it was recorded."
        ),
    ),
    Column("period_start", "date", _("The first day the figures cover."), required=True),
    Column("period_end", "date", _("The last day the figures cover."), required=True),
]

CATEGORIES = Table(
    name="findings-by-category",
    title=_("Cases per category"),
    description=_(
        "How many cases the panel placed in each of its framework's categories, one row "
        "per published meeting report and category, zeros included."
    ),
    columns=[
        *ABOUT_FIRST,
        Column(
            "position",
            "integer",
            _("The category's number in the framework, 1 first."),
            required=True,
            minimum=1,
        ),
        Column("category", "string", _("The framework's wording of the category."), True),
        _count("cases", _("How many cases the panel placed in the category.")),
        *ABOUT_LAST,
        Column(
            "category_code",
            "string",
            _(
                "The category's code in the framework; blank for versions published before "
                "it was recorded."
            ),
        ),
        _count("cases_decided", _("How many cases the panel decided at the meeting, in all.")),
        Column(
            "percentage",
            "integer",
            _(
                "The category's share of cases_decided, as a whole percentage, halves rounded "
                "up; blank when no case was decided."
            ),
            minimum=0,
            maximum=100,
        ),
        Column(
            "category_cy",
            "string",
            _(
                "The framework's wording of the category in Welsh; blank for a report "
                "published in English only."
            ),
        ),
        THEME_CY,
    ],
    primary_key=["report_url", "position"],
)

CRITERIA = Table(
    name="findings-by-criterion",
    title=_("The panel's answers on each criterion"),
    description=_(
        "How often each criterion of the framework (each right, for a Victims' Code panel) "
        "was met where it applied, one row per published meeting report and criterion the "
        "report shows."
    ),
    columns=[
        *ABOUT_FIRST,
        Column(
            "position",
            "integer",
            _("The criterion's number in the framework, 1 first."),
            required=True,
            minimum=1,
        ),
        Column("criterion_code", "string", _("The criterion's code in the framework."), True),
        Column("criterion", "string", _("The framework's wording of the criterion."), True),
        Column("criterion_group", "string", _("The heading it sits under, if any.")),
        _count("met", _("The cases where the panel found it met.")),
        _count("partly_met", _("The cases where the panel found it partly met.")),
        _count("not_met", _("The cases where the panel found it not met.")),
        _count("not_recorded", _("The cases where the file did not record it.")),
        _count("not_applicable", _("The cases it did not apply to.")),
        _count("cases", _("The cases the panel answered it for: the five counts added up.")),
        _count("numerator", _("The cases where it was met (met; partly met is not met).")),
        _count("denominator", _("The cases where it applied: cases less not_applicable.")),
        Column(
            "percentage",
            "integer",
            _(
                "The numerator as a share of the denominator, as a whole percentage, halves "
                "rounded up; blank when it applied in no case."
            ),
            minimum=0,
            maximum=100,
        ),
        *ABOUT_LAST,
        Column(
            "criterion_cy",
            "string",
            _(
                "The framework's wording of the criterion in Welsh; blank for a report "
                "published in English only."
            ),
        ),
        Column(
            "criterion_group_cy",
            "string",
            _(
                "The heading it sits under, in Welsh; blank if it has none or for a report "
                "published in English only."
            ),
        ),
        THEME_CY,
    ],
    primary_key=["report_url", "position"],
)

TABLES = {table.name: table for table in (CATEGORIES, CRITERIA)}


def datapackage(*, homepage: str, publisher: str, publisher_url: str) -> dict:
    """The Data Package describing the files beside it (paths are relative to it), in
    English whatever the page's language: one package for every deployment."""
    with translation.override("en"):
        return _package(homepage, publisher, publisher_url)


def _package(homepage: str, publisher: str, publisher_url: str) -> dict:
    contributor = {"title": publisher, "role": "publisher"}
    if publisher_url:
        contributor["path"] = publisher_url
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "Scrutiny panel findings",
        "description": (
            "The published findings of scrutiny panels: how many cases fell into each "
            "category, and how often each criterion was met where it applied, from the "
            "frozen figures of each published meeting report. Withdrawn reports are left "
            "out; a corrected report gives its latest version. No case reference, case "
            "detail or name is included."
        ),
        "version": VERSION,
        "homepage": homepage,
        "licenses": [LICENCE],
        "contributors": [contributor],
        "keywords": ["scrutiny", "police", "out of court resolutions", "victims' code"],
        "resources": [table.resource() for table in TABLES.values()],
    }
