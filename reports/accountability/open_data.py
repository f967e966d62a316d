"""The accountability page's open data: each topic's assurance decisions, one row a decision,
described by a Frictionless Data Package of its own, built as the findings' package is
(reports/open_data/schema.py) and read, as the page is, from the published notes only."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accountability.enums import AssuranceLevel

from ..open_data import tables
from ..open_data.schema import LICENCE, Column, Table
from .history import topic_histories
from .public import notes_versions

VERSION = "1.1.0"
NAME = "police-and-crime-commissioner-scrutiny"
CODES = ", ".join(level.value for level in AssuranceLevel)

DECISIONS = Table(
    name="assurance-decisions",
    title=_("The Commissioner's decisions on each topic"),
    description=_(
        "Each decision of the Police and Crime Commissioner on a topic of the force's "
        "performance, one row per topic and decision, oldest first."
    ),
    columns=[
        Column("topic", "string", _("The topic, as the latest published notes name it."), True),
        Column("topic_id", "integer", _("The topic's number, the same at every meeting."), True, 1),
        Column("decision_date", "date", _("The date of the meeting that decided."), True),
        Column("assurance_level", "string", _("The decision, in words."), required=True),
        Column(
            "assurance_level_code",
            "string",
            format_lazy(_("The decision's code: {codes}."), codes=CODES),
            True,
        ),
        Column("force", "string", _("The code of the police force scrutinised."), True),
        Column(
            "notes_url",
            "string",
            _(
                "Where the published notes of the meeting are; blank for a decision the notes "
                "name only as an earlier one."
            ),
            format="uri",
        ),
        Column(
            "topic_cy",
            "string",
            _(
                "The topic in Welsh, as the latest published notes name it; blank when those "
                "notes were published in English only."
            ),
        ),
        Column("assurance_level_cy", "string", _("The decision, in words, in Welsh.")),
    ],
    primary_key=["topic_id", "decision_date"],
)


def rows() -> list[dict]:
    versions, withdrawn = notes_versions()
    forces = {
        topic["topic_id"]: version.figures["force"]
        for version in versions
        for topic in version.figures["topics"]
    }
    return [
        {
            "topic": history.title,
            "topic_id": history.key,
            "decision_date": point.date.isoformat(),
            "assurance_level": point.label,
            "assurance_level_code": point.level,
            "force": forces[history.key],
            "notes_url": f"{settings.SITE_URL}{point.url}" if point.url else None,
            "topic_cy": history.title_cy or None,
            "assurance_level_cy": _welsh_level(point.level),
        }
        for history in topic_histories(versions, withdrawn=withdrawn)
        for point in history.points
    ]


def _welsh_level(level: str) -> str:
    with translation.override("cy"):
        return translation.gettext(AssuranceLevel(level).label)


def decisions(request, fmt: str):
    found = rows()
    names = DECISIONS.names
    if fmt == "json":
        body = json.dumps(
            {"rows": [{c: r[c] for c in names} for r in found]}, cls=DjangoJSONEncoder
        )
        return HttpResponse(body, content_type="application/json")
    if fmt != "csv":
        raise Http404
    body = tables.write_csv(names, found)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{DECISIONS.name}.csv"'
    return response


def datapackage(request):
    """The package, in English whatever the page's language, as the findings' is."""
    with translation.override("en"):
        return _datapackage()


def _datapackage():
    publisher = {"title": settings.ORGANISATION_NAME, "role": "publisher"}
    if settings.ORGANISATION_URL:
        publisher["path"] = settings.ORGANISATION_URL
    described = {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "The Police and Crime Commissioner's scrutiny of the force",
        "description": (
            "The Commissioner's decisions (assured, partly assured, not assured) on each "
            "topic of the force's performance, from the frozen figures of each published "
            "set of scrutiny meeting notes. Withdrawn notes are left out."
        ),
        "version": VERSION,
        "homepage": f"{settings.SITE_URL}{reverse('public:accountability')}",
        "licenses": [LICENCE],
        "contributors": [publisher],
        "keywords": ["scrutiny", "police", "accountability", "assurance"],
        "resources": [DECISIONS.resource()],
    }
    return JsonResponse(described, json_dumps_params={"indent": 2})
