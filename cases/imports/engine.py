"""One pass over an extract: read, check, screen, classify, and optionally write.

The same pass serves both doors. Checking (the preview, or --dry-run) reads the
whole file and writes nothing. Committing reads it again inside the caller's
transaction and streams every new or changed row to the writer; the caller
rolls back if the report is not clean, so a file is stored whole or not at all.

Memory stays flat however long the file: rows are read, checked and written one
at a time, and what is kept per row is the reference seen (to catch duplicates)
and the existing cases' fingerprints (to tell new, changed and unchanged apart).
"""

from pathlib import Path

from django.conf import settings

from cases import privacy
from cases.enums import FindingStatus
from cases.import_wording import Text
from cases.models import CrimeCode, OutcomeType
from core.bilingual import english_of

from . import staging, stored, writers_section
from .base import ExtractError
from .columns import FACT_FIELDS
from .headings import map_headers, words
from .layout import layout_for
from .readers import open_extract
from .report import Finding, Held, ImportOptions, Report
from .rows import CleanRow, ReferenceData, RowCleaner
from .writers import write_rows

MAX_HELD_DETAIL = 1000
REFERENCE_DATA_CHANGED = Text("reference_data_changed")
KIND_CHANGED = Text("kind_changed")


# (row number, column) → {kind: FindingStatus} as decided by the admin.
Decisions = dict[tuple[int, str], dict[str, str]]


class _Pass:
    """What every pass shares: classify rows against the stored cases, screen them or
    apply the admin's decisions, hand them to the writer, and describe held changes."""

    def __init__(
        self,
        options: ImportOptions,
        *,
        decisions: Decisions | None = None,
        redact_all: bool = False,
        progress=None,
    ):
        """`progress(rows_read, estimated_total=None, force=False)`, if given, hears how
        far a check or an import has got (a background job's progress bar)."""
        self.options = options
        self.progress = progress
        self.decisions = decisions or {}
        self.redact_all = redact_all
        self.decided_rows = {row_number for row_number, _ in self.decisions}
        self.stage_writer: staging.StageWriter | None = None
        self.report = Report()
        self.layout = layout_for(options.kind, options.section)
        self.sections: set[int] = set()  # the kind's sections the file carries
        self.user_id = None
        # What a message calls a column: the file's own heading once the file is read.
        self.labels = {**self.layout.headers}

    def _write(self, rows, batch_id: int) -> None:
        force_id = self.options.force.pk
        if self.layout.section is not None:
            created = 0
            changed = writers_section.write(
                rows, force_id=force_id, batch_id=batch_id, layout=self.layout, user_id=self.user_id
            )
        else:
            created, changed = write_rows(
                rows,
                force_id=force_id,
                batch_id=batch_id,
                keep_extra=self.options.keep_extra,
                layout=self.layout,
                sections=self.sections,
            )
        if self.report.ok and not self.report.unresolved:
            self.report.created, self.report.changed = created, changed

    def _existing(self) -> stored.Existing:
        """The force's cases. Read before any row is written: COPY then holds the connection."""
        return stored.existing(self.options.force.pk, self.layout)

    def _classified(self, rows, existing: stored.Existing, *, screen: bool):
        """Yield (row, is_new) for each row to store. `rows` gives (row number, clean row,
        whether it was screened already); unscreened rows are screened if `screen`."""
        report = self.report
        fingerprints, protected = existing.fingerprints, existing.protected
        section = self.layout.section is not None
        stage = self.stage_writer
        for number, clean, screened in rows:
            reference = clean.reference
            known = fingerprints.get(reference)
            if known is None and (section or reference in existing.others):
                self._not_held(number, reference, existing)
                continue
            if existing.outcome_dates and not self._dates_agree(number, clean, existing):
                continue
            if known == clean.content_hash or reference in protected:
                if stage is not None:
                    stage.add(number, clean, screened=False)
                if known == clean.content_hash:
                    report.unchanged += 1
                else:
                    self._hold(number, clean)
                continue
            is_new = known is None and reference not in fingerprints
            if is_new:
                report.created += 1
            else:
                report.changed += 1
            if stage is not None:  # staged as read: decisions apply when it is committed
                stage.add(number, clean, screened=True)
            if screen or not screened:
                if clean.texts and not self._screen(number, clean):
                    continue
            elif number in self.decided_rows:
                self._apply_decisions(number, clean)
            if report.ok:
                yield clean, is_new

    def _not_held(self, row_number: int, reference: str, existing: stored.Existing) -> None:
        label = self.labels["reference"]
        other = existing.others.get(reference)
        if other is not None:
            message = Text("other_kind", {"column": label, "kind": other})
        else:
            section = english_of(self.layout.section, "name")
            message = Text("not_held", {"column": label, "section": section})
        self.report.add_problem(row_number, label, message)

    def _dates_agree(self, row_number: int, clean: CleanRow, existing: stored.Existing) -> bool:
        """A section's offence date may not fall after the case's outcome date as held."""
        offence = clean.values[OFFENCE_DATE]
        outcome = existing.outcome_dates.get(clean.reference)
        if offence is None or outcome is None or offence <= outcome:
            return True
        label = self.labels["offence_date"]
        heading = words(self.layout.headers["outcome_date"])
        self.report.add_problem(
            row_number, label, Text("after_outcome", {"column": label, "heading": heading})
        )
        return False

    def _hold(self, row_number: int, clean: CleanRow) -> None:
        report = self.report
        report.held_count += 1
        if len(report.held) < MAX_HELD_DETAIL:
            report.held.append(Held(row_number, clean.reference, clean.values))

    def _screen(self, row_number: int, clean: CleanRow) -> bool:
        """Record the row's findings and redact what the admin chose to; False holds it back."""
        texts = clean.texts
        hits = privacy.scan_cells([text for _, text, _ in texts])
        if not hits:
            return True
        report = self.report
        redact: dict[int, set[str]] = {}
        resolved = True
        for index, kind in hits:
            label = texts[index][0]
            report.findings.append(Finding(row_number, label, kind))
            if len(report.findings) > settings.IMPORT_MAX_FINDINGS:
                raise ExtractError(
                    Text("too_many_findings", {"n": settings.IMPORT_MAX_FINDINGS}), row_number
                )
            decision = self.decisions.get((row_number, label), {}).get(kind)
            if self.redact_all or decision == FindingStatus.REDACTED:
                redact.setdefault(index, set()).add(kind)
            elif decision != FindingStatus.ACCEPTED:
                resolved = False
        if not resolved:
            report.unresolved += 1
            return False
        for index, kinds in redact.items():
            self._redact(clean, index, kinds)
        return True

    def _apply_decisions(self, row_number: int, clean: CleanRow) -> None:
        for index, (label, _, _) in enumerate(clean.texts):
            chosen = self.decisions.get((row_number, label), {})
            kinds = {kind for kind, status in chosen.items() if status == FindingStatus.REDACTED}
            if kinds:
                self._redact(clean, index, kinds)

    def _redact(self, clean: CleanRow, index: int, kinds: set[str]) -> None:
        _, text, where = clean.texts[index]
        if isinstance(where, int):
            clean.values[where] = privacy.redact(text, kinds)
        else:
            clean.extra[where] = privacy.redact(text, kinds)
        self.report.redacted_cells += 1

    def _describe_held(self) -> None:
        """Name the fields that differ for each held case (names only: values may be personal).

        A reviewed case that matches the file field for field (it predates fingerprints)
        counts as unchanged instead.
        """
        report = self.report
        force_id = self.options.force.pk
        differ = stored.describe_held(force_id, self.layout, self.sections, report.held)
        same = len(report.held) - len(differ)
        report.held = differ
        report.held_count -= same
        report.unchanged += same


OFFENCE_DATE = FACT_FIELDS.index("offence_date")


class ExtractPass(_Pass):
    """A pass over the uploaded file itself."""

    def __init__(self, path: Path, options: ImportOptions, *, stage: Path | None = None, **kw):
        """With `stage`, a check also writes every valid row to that private file, so the
        confirm step (a StagedPass) need not read and check the original again."""
        super().__init__(options, **kw)
        self.path = Path(path)
        self.stage = stage

    def check(self) -> Report:
        return self._run(writer=None)

    def commit(self, *, batch_id: int, user_id: int | None = None) -> Report:
        """Write the file's new and changed cases. Call inside a transaction, and roll it
        back unless the report is ok and has no unresolved findings."""
        self.user_id = user_id
        return self._run(writer=lambda rows: self._write(rows, batch_id))

    def _run(self, writer) -> Report:
        report = self.report
        try:
            with open_extract(
                self.path,
                file_name=self.options.file_name,
                encoding=self.options.encoding,
                sheet_name=self.options.sheet_name,
            ) as reader:
                report.file_format = reader.format
                if self.progress is not None:
                    self.progress(0, reader.estimated_rows(), force=True)
                rows = self._checked_rows(reader)
                if rows is None:
                    return report
                if writer is None:
                    for _ in rows:
                        pass
                else:
                    writer(rows)
                report.encoding = reader.encoding
        except ExtractError as error:
            report.add_problem(error.row_number, "", error.message)
            return report
        finally:
            if self.stage_writer is not None:
                self.stage_writer.close()
        if report.held:
            self._describe_held()
        if self.progress is not None:
            self.progress(report.row_count, report.row_count, force=True)
        return report

    def _checked_rows(self, reader):
        header_map = map_headers(reader.headers, self.layout)
        report = self.report
        report.unknown_columns = [header for _, header in header_map.unknown]
        report.missing_columns = header_map.missing_optional
        if header_map.problems:
            for message in header_map.problems:
                report.add_problem(getattr(reader, "header_row", 1), "", message)
            return None
        self.sections = header_map.sections
        cleaner = RowCleaner(
            header_map,
            ReferenceData.load(),
            self.layout,
            date1904=reader.date1904,
            keep_extra=self.options.keep_extra,
        )
        self.labels = cleaner.labels
        if self.stage is not None:
            self.stage_writer = staging.StageWriter(self.stage, cleaner, header_map.sections)
        return self._classified(self._clean_rows(reader, cleaner), self._existing(), screen=True)

    def _clean_rows(self, reader, cleaner: RowCleaner):
        """Yield (row number, clean row, False) for each valid row; record the problems."""
        report = self.report
        seen: dict[str, int] = {}
        max_rows = settings.IMPORT_MAX_ROWS
        progress = self.progress or (lambda done: None)
        for row in reader.rows():
            cells = row.cells
            if _blank(cells):
                continue
            report.row_count += 1
            progress(report.row_count)
            if report.row_count > max_rows:
                raise ExtractError(Text("too_many_rows", {"n": max_rows}), row.number)
            if row.problem:
                report.add_problem(row.number, "", row.problem)
            clean, problems = cleaner.clean(cells)
            for column, message in problems:
                report.add_problem(row.number, column, message)
            if clean is None or row.problem:
                continue
            reference = clean.reference
            first = seen.get(reference)
            if first is not None:
                label = cleaner.labels["reference"]
                message = Text("duplicate_reference", {"column": label, "first": first})
                report.add_problem(row.number, label, message)
                continue
            seen[reference] = row.number
            yield row.number, clean, False


class StagedPass(_Pass):
    """The confirm step: rows staged by the check, already valid and screened (the
    staged file's SHA-256 proves it is the one the check wrote). Only rows that were
    unchanged at the check and have changed since are screened now; decisions about
    findings are applied as the rows are written."""

    def __init__(self, path: Path, options: ImportOptions, **kw):
        super().__init__(options, **kw)
        self.path = Path(path)

    def commit(self, *, batch_id: int, user_id: int | None = None) -> Report:
        # Every query runs before the rows start: COPY then holds the connection.
        self.user_id = user_id
        header = staging.read_header(self.path)
        if header.get("slots", list(FACT_FIELDS)) != self.layout.signature():
            self.report.add_problem(None, "", KIND_CHANGED)
            return self.report
        self.sections = set(header.get("sections", self.layout.all_sections()))
        crime_codes = set(CrimeCode.objects.values_list("pk", flat=True))
        outcome_types = set(OutcomeType.objects.filter(is_active=True).values_list("pk", flat=True))
        rows = self._counted(
            staging.read(self.path, keep_extra=self.options.keep_extra), crime_codes, outcome_types
        )
        self._write(self._classified(rows, self._existing(), screen=False), batch_id)
        if self.report.held:
            self._describe_held()
        return self.report

    def _counted(self, rows, crime_codes: set[int], outcome_types: set[int]):
        """Count the rows, and refuse any whose reference data has gone since the check."""
        crime, outcome = FACT_FIELDS.index("crime_code"), FACT_FIELDS.index("outcome_type")
        progress = self.progress or (lambda done: None)
        for item in rows:
            self.report.row_count += 1
            progress(self.report.row_count)
            values = item[1].values
            if (values[outcome] is not None and values[outcome] not in outcome_types) or (
                values[crime] is not None and values[crime] not in crime_codes
            ):
                self.report.add_problem(item[0], "", REFERENCE_DATA_CHANGED)
                continue
            yield item


def _blank(cells: list) -> bool:
    return all(cell is None or cell == "" for cell in cells)
