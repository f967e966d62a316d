"""Create a record kind from a data dictionary (CSV), or update the kind with that code
under the history-safe rules (docs/record-kinds.md). Nothing is written unless the whole
file is right and every change is allowed; the problems go to stderr, each naming its
line and column, and the exit code is 1."""

import getpass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cases.kinds.dictionary import MAX_BYTES
from cases.kinds.services import kind_import_dictionary
from core.roles import is_data_admin

LABELS = {"code": "Code", "name": "Name", "dictionary": "Dictionary"}


class Command(BaseCommand):
    help = "Create or update a record kind from its data dictionary (CSV)."

    def add_arguments(self, parser):
        parser.add_argument("code", help="The kind's code, e.g. stop-search.")
        parser.add_argument("name", help='The kind\'s name, e.g. "Stop and search".')
        parser.add_argument("file", type=Path, help="The dictionary, a CSV file.")
        parser.add_argument(
            "--date-label",
            default="",
            help='What the kind\'s date means, e.g. "Date of search" (new kinds only).',
        )
        parser.add_argument(
            "--facts-label", default="", help="What its facts are called (new kinds only)."
        )
        parser.add_argument(
            "--user",
            default="",
            help="Data admin recorded as making the change (default: recorded as the command "
            "line, with your login name).",
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"The file is larger than {MAX_BYTES // 1024} KB.")
        user, source = self._user(options["user"])
        try:
            done = kind_import_dictionary(
                code=options["code"],
                name=options["name"],
                data=path.read_bytes(),
                by=user,
                source=source,
                date_label=options["date_label"],
                facts_label=options["facts_label"],
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    where = "" if field == "dictionary" else f"{LABELS.get(field, field)}: "
                    self.stderr.write(f"  {where}{message}")
            raise CommandError(f"Nothing was written: {path.name} was refused.") from None
        kind = done.kind
        if done.created:
            count = kind.fields.count()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created the record kind {kind.code} ({kind.name}) with {count} fields."
                )
            )
        elif done.changes:
            for change in done.changes:
                self.stdout.write(f"  {change}")
            self.stdout.write(
                self.style.SUCCESS(
                    f"Updated the record kind {kind.code}: {len(done.changes)} change(s)."
                )
            )
        else:
            self.stdout.write(
                f"The record kind {kind.code} already matches {path.name}: nothing changed."
            )

    def _user(self, username: str):
        if not username:
            return None, f" (command line, {getpass.getuser()})"
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None or not is_data_admin(user):
            raise CommandError(f"{username} is not a data admin here.")
        return user, ""
