"""Error pages that say what happened in plain words and leak nothing else.

A refusal (PermissionDenied → 403) is a normal event, not a fault: it is logged as
one line without a traceback and written to the audit trail. The 404 and 500 pages
are Django's defaults rendering templates/404.html and 500.html, which show no
exception text, path or stack.
"""

import logging

from django.db import DatabaseError
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from core.audit import AuditEvent, record

logger = logging.getLogger("scrutiny.refusals")


@requires_csrf_token
def permission_denied(request, exception=None):
    user = getattr(request, "user", None)
    who = f"user {user.pk}" if user is not None and user.is_authenticated else "anonymous"
    path = request.path[:200]
    logger.warning("Refused %s %s for %s", request.method, path, who)
    try:
        record(
            AuditEvent.REFUSED,
            None,
            request=request,
            object_repr=path,
            summary=f"Refused {request.method}",
        )
    except DatabaseError:
        logger.warning(
            "Refusal of %s %s not audited: the database refused the entry", request.method, path
        )
    response = render(request, "403.html", status=403)
    # Django would log "Forbidden (Permission denied)" with the traceback as well.
    response._has_been_logged = True
    return response
