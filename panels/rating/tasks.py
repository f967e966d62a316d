"""Rating reminders as a background task: the daily command may hand them to a worker
(`send_rating_reminders --in-background`), so a slow mail server holds up no one."""

import datetime

from django_tasks import task

from .reminders import rating_reminders_send


@task()
def send_rating_reminders(*, today: str) -> dict:
    """Sends the reminders due on `today` (an ISO date); safe to run twice, as each
    reminder sent is recorded and never sent again."""
    run = rating_reminders_send(today=datetime.date.fromisoformat(today))
    if run.failed:
        raise RuntimeError(f"{len(run.failed)} reminder(s) could not be sent; see the log")
    return {"sent": len(run.sent), "no_email": len(run.no_email)}
