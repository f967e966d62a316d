"""Print a record kind's data dictionary as CSV, in the format import_record_kind reads."""

from django.core.management.base import BaseCommand, CommandError

from cases.kinds.dictionary_out import dictionary_text
from cases.kinds.selectors import kind_fields
from cases.models import RecordKind


class Command(BaseCommand):
    help = "Print a record kind's data dictionary as CSV."

    def add_arguments(self, parser):
        parser.add_argument("code", help="The kind's code, e.g. oocr.")

    def handle(self, *args, **options):
        kind = RecordKind.objects.filter(code=options["code"]).first()
        if kind is None:
            codes = ", ".join(RecordKind.objects.values_list("code", flat=True))
            raise CommandError(
                f"There is no record kind {options['code']}. The kinds are: {codes}."
            )
        self.stdout.write(dictionary_text(kind_fields(kind)), ending="")
