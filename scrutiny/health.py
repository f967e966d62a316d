"""GET /health/: whether this app server can do its work, for a load balancer.

200 only when the database, file storage and the task queue all answer; 503 otherwise, naming which
did not (never why: the reason goes to the log, not to whoever asks)."""

import logging
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)
HEALTH_PREFIX = "health"


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _storage() -> None:
    """Writes, reads back and deletes a small file: storage that only lists is not enough
    to take an upload."""
    name = default_storage.save(f"{HEALTH_PREFIX}/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as handle:
            if handle.read() != b"ok":
                raise OSError("storage returned other content than was written")
    finally:
        default_storage.delete(name)


def _task_queue() -> None:
    """The queue's table answers (workers take tasks from it; they run elsewhere)."""
    if "django_tasks_db" in settings.TASKS["default"]["BACKEND"]:
        DBTaskResult.objects.exists()


CHECKS = {"database": _database, "storage": _storage, "task_queue": _task_queue}


@require_safe
@never_cache
def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # noqa: BLE001 (any failure means unhealthy; it is logged in full)
            log.exception("Health check failed: %s", name)
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    healthy = all(value == "ok" for value in results.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": results}
    return JsonResponse(body, status=200 if healthy else 503)
