"""Import a force's case extract from the command line, with the same checks as the
upload page. Exit code 0 when the file was imported (or, with --dry-run, would be),
1 with a summary of what is wrong otherwise."""

import getpass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from cases import services
from cases.enums import BatchStatus
from cases.imports import ENCODINGS, ExtractError, ExtractPass
from cases.imports.layout import section_named
from cases.kind_data import OOCR_CODE
from cases.models import Force, RecordKind
from core.roles import is_data_admin

SHOWN = 20


class Command(BaseCommand):
    help = "Check and import a case extract (CSV or XLSX) for one force."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The extract file.")
        parser.add_argument("--force", required=True, dest="force_code", help="Force code.")
        parser.add_argument(
            "--kind",
            default=OOCR_CODE,
            help=f"Code of the kind of record the file holds (default: {OOCR_CODE}).",
        )
        parser.add_argument(
            "--section",
            default="",
            help="Name of the one section the file fills, for cases already held.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")
        parser.add_argument("--sheet", default="", help="Workbook sheet (default: the first).")
        parser.add_argument(
            "--encoding", default="auto", choices=["auto", *ENCODINGS], help="CSV encoding."
        )
        parser.add_argument(
            "--keep-extra",
            action="store_true",
            help="Keep unknown columns in each case's extra data.",
        )
        parser.add_argument(
            "--redact-findings",
            action="store_true",
            help="Remove anything that looks like personal data instead of stopping for it.",
        )
        parser.add_argument(
            "--user",
            default="",
            help="Data admin recorded as importing the file (default: your login name).",
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        if path.stat().st_size > settings.IMPORT_MAX_BYTES:
            raise CommandError(
                f"The file is larger than {settings.IMPORT_MAX_BYTES // (1024 * 1024)} MB."
            )
        force = Force.objects.filter(code__iexact=options["force_code"]).first()
        if force is None:
            raise CommandError(f"There is no force with the code {options['force_code']}.")
        kind, section = self._kind(options["kind"], options["section"])
        try:
            import_options = services.import_options(
                force,
                path.name,
                options["encoding"],
                options["sheet"],
                options["keep_extra"],
                kind,
                section,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if options["dry_run"]:
            return self._dry_run(path, import_options, options)
        user = self._user(options["user"])
        try:
            batch = services.batch_import(
                force=force,
                user=user,
                path=path,
                file_name=path.name,
                encoding=options["encoding"],
                sheet_name=options["sheet"],
                keep_extra=options["keep_extra"],
                redact_findings=options["redact_findings"],
                kind=kind,
                section=section,
            )
        except ExtractError as error:
            raise CommandError(error.message) from None
        return self._outcome(batch)

    def _kind(self, code: str, section_name: str):
        kind = RecordKind.objects.filter(code__iexact=code).first()
        if kind is None:
            codes = ", ".join(RecordKind.objects.order_by("code").values_list("code", flat=True))
            raise CommandError(
                f"There is no kind of record with the code {code}. The kinds are: {codes}."
            )
        if not section_name.strip():
            return kind, None
        try:
            return kind, section_named(kind, section_name)
        except ExtractError as error:
            raise CommandError(error.message) from None

    def _user(self, username: str):
        username = username or getpass.getuser()
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None or not is_data_admin(user):
            raise CommandError(
                f"{username} is not a data admin here. Give --user with the username of the "
                "data admin who should be recorded as importing this file."
            )
        return user

    def _dry_run(self, path: Path, import_options, options) -> None:
        report = ExtractPass(path, import_options).check()
        self.stdout.write(
            f"{report.row_count:,} rows: {report.created:,} new, {report.changed:,} changed, "
            f"{report.unchanged:,} unchanged, {report.held_count:,} reviewed case(s) held."
        )
        self._list_problems(report.problems, report.problem_count)
        if report.findings:
            self.stdout.write(f"{len(report.findings):,} cell(s) look like personal data:")
            for finding in report.findings[:SHOWN]:
                self.stdout.write(f"  row {finding.row_number}, {finding.column}: {finding.kind}")
        if not report.ok or (report.findings and not options["redact_findings"]):
            raise CommandError("Dry run: the file would not be imported as it is.")
        self.stdout.write(self.style.SUCCESS("Dry run: the file would import. Nothing written."))

    def _outcome(self, batch) -> None:
        self.stdout.write(batch.summary)
        if batch.status == BatchStatus.COMMITTED:
            self.stdout.write(self.style.SUCCESS(f"Imported as batch {batch.pk}."))
            return
        if batch.status == BatchStatus.PREVIEWED:
            url = reverse("cases:batch_detail", args=[batch.pk])
            findings = batch.findings.all()
            for finding in findings[:SHOWN]:
                self.stdout.write(
                    f"  row {finding.row_number}, {finding.column}: {finding.get_kind_display()}"
                )
            raise CommandError(
                f"{findings.count():,} cell(s) look like personal data, so nothing was imported. "
                f"Decide about them at {url} and import from there, or run again with "
                "--redact-findings."
            )
        self._list_problems(batch.problems.all()[:SHOWN], batch.error_count)
        raise CommandError(f"Nothing was imported: {batch.error_count:,} problem(s) found.")

    def _list_problems(self, problems, count: int) -> None:
        for problem in list(problems)[:SHOWN]:
            where = f"row {problem.row_number}" if problem.row_number else "file"
            column = f", {problem.column}" if problem.column else ""
            self.stdout.write(f"  {where}{column}: {problem.message}")
        if count > SHOWN:
            self.stdout.write(f"  … and {count - SHOWN:,} more.")
