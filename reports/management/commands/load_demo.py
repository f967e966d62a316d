from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from panels.demo import data
from panels.demo.loader import load_demo
from reports.demo import load_reports, load_scrutiny


class Command(BaseCommand):
    help = (
        "Load the demo panels, meetings, cases, published reports and one account per role. "
        "Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load even though DEBUG is off (throwaway databases only: the demo "
            "password is published).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "The demo creates accounts with a published password. Run it with DEBUG=1, "
                "or pass --allow-without-debug on a throwaway database."
            )
        result = load_demo()
        published = load_reports(result["users"])
        notes = load_scrutiny(result["users"])
        created = result["meetings_created"]
        self.stdout.write(
            f"Demo loaded: {len(created)} meeting(s) created."
            if created
            else "Demo already loaded: nothing changed."
        )
        if published:
            self.stdout.write(f"Findings reports published: {published}.")
        if notes:
            self.stdout.write(f"Notes of the Commissioner's scrutiny meetings published: {notes}.")
        self.stdout.write("")
        self.stdout.write(f"Demo sign-ins (password for every account: {data.DEMO_PASSWORD})")
        for username, _first, _last, _role, about in data.USERS:
            self.stdout.write(f"  {username:<8} {about}")
