"""Erase what has passed its retention period; run it daily (docs/operations.md)."""

from django.core.management.base import BaseCommand

from reports.retention import KEPT_INDEFINITELY, purge_expired


class Command(BaseCommand):
    help = (
        "Erase uploaded extract files, cases never sampled, ratings, the force's evidence "
        "files and audit entries older than their retention periods (RETENTION_*_DAYS), one "
        "transaction per kind, writing each erasure to the audit trail without the erased "
        "content."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be erased, change nothing.",
        )

    def handle(self, *args, dry_run: bool, **options):
        for outcome in purge_expired(dry_run=dry_run):
            self.stdout.write(str(outcome))
        self.stdout.write(f"Kept indefinitely: {KEPT_INDEFINITELY}.")
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
