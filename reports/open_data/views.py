"""The open data on the public site: the files, and the Data Package describing them.

No sign-in, nothing but frozen published figures (`tables`). A file's body is the same for
every visitor, so it is kept in the cache under the public list's stamp: a publication,
correction, withdrawal or panel change makes a new stamp, and so a new body. Browsers and
proxies may keep it for PUBLIC_CACHE_SECONDS (core/headers.py).
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse

from .. import selectors
from . import schema, tables

CACHE_SECONDS = 300
FORMATS = {"csv", "json"}


def datapackage(request):
    """`datapackage.json`: the same for every deployment but for who publishes it."""
    described = schema.datapackage(
        homepage=f"{settings.SITE_URL}{reverse('public:data_dictionary')}",
        publisher=settings.ORGANISATION_NAME,
        publisher_url=settings.ORGANISATION_URL,
    )
    return JsonResponse(described, json_dumps_params={"indent": 2})


def table(request, name: str, fmt: str):
    """One of the package's files, as CSV or JSON."""
    return _table(name, fmt, filename=f"{name}.csv")


def all_data(request, fmt: str):
    """The categories file at its first address, /findings/published-findings.csv."""
    return _table(schema.CATEGORIES.name, fmt, filename="published-findings.csv")


def _table(name: str, fmt: str, *, filename: str):
    if name not in schema.TABLES or fmt not in FORMATS:
        raise Http404
    body = _body(name, fmt)
    if fmt == "json":
        return HttpResponse(body, content_type="application/json")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _body(name: str, fmt: str) -> str:
    stamp = (selectors.public_list_stamp(), name, fmt, schema.VERSION, settings.SITE_URL)
    key = "open-data:" + hashlib.sha256(repr(stamp).encode()).hexdigest()
    body = cache.get(key)
    if body is None:
        found = tables.rows(name)
        if fmt == "csv":
            body = tables.as_csv(name, found)
        else:
            body = json.dumps(tables.as_json(name, found), cls=DjangoJSONEncoder)
        cache.set(key, body, CACHE_SECONDS)
    return body
