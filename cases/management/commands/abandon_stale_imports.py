"""Abandon extract uploads left unconfirmed and delete their files; run it daily."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cases import services


class Command(BaseCommand):
    help = (
        "Abandon uploaded extracts nobody confirmed or abandoned within a number of days, "
        "deleting their files, and delete stray upload files that old."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.IMPORT_ABANDON_AFTER_DAYS,
            help="Age in days after which an open upload is abandoned "
            "(default: IMPORT_ABANDON_AFTER_DAYS, %(default)s).",
        )

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        abandoned, strays = services.abandon_stale_batches(days=days)
        self.stdout.write(
            f"Abandoned {abandoned} upload(s) older than {days} day(s); "
            f"deleted {strays} stray file(s)."
        )
