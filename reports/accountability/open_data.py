"""The accountability page's open data: each topic's assurance decisions, one row a decision,
described by a Frictionless Data Package of its own, built as the findings' package is
(reports/open_data/schema.py) and read, as the page is, from the published notes only."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse

from accountability.enums import AssuranceLevel

from ..open_data import tables
from ..open_data.schema import LICENCE, Column, Table
from .history import topic_histories
from .public import notes_versions

VERSION = "1.0.0"
NAME = "police-and-crime-commissioner-scrutiny"
CODES = ", ".join(level.value for level in AssuranceLevel)

DECISIONS = Table(
    name="assurance-decisions",
    title="The Commissioner's decisions on each topic",
    description=(
        "Each decision of the Police and Crime Commissioner on a topic of the force's "
        "performance, one row per topic and decision, oldest first."
    ),
    columns=[
        Column("topic", "string", "The topic, as the latest published notes name it.", True),
        Column("topic_id", "integer", "The topic's number, the same at every meeting.", True, 1),
        Column("decision_date", "date", "The date of the meeting that decided.", True),
        Column("assurance_level", "string", "The decision, in words.", required=True),
        Column("assurance_level_code", "string", f"The decision's code: {CODES}.", True),
        Column("force", "string", "The code of the police force scrutinised.", required=True),
        Column(
            "notes_url",
            "string",
            "Where the published notes of the meeting are; blank for a decision the notes "
            "name only as an earlier one.",
            format="uri",
        ),
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
        }
        for history in topic_histories(versions, withdrawn=withdrawn)
        for point in history.points
    ]


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
