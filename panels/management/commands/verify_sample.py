"""Re-run a meeting's recorded random draw and confirm it picks the same cases."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from panels import sampling
from panels.models import Meeting, SampleDraw


class Command(BaseCommand):
    help = (
        "Re-draws a meeting's sample from the recorded seed and pool, and checks the result "
        "against the recorded selection and the meeting's agenda. Prints 'verified' and exits "
        "0 when everything matches; lists the differences and exits 1 otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument("meeting", type=int, help="The meeting's id.")
        parser.add_argument(
            "--all", dest="every", action="store_true", help="Check replaced draws as well."
        )
        parser.add_argument(
            "--write-pool",
            type=Path,
            metavar="FILE",
            help="Also write the latest draw's eligible references to FILE, one per line.",
        )

    def handle(self, *args, meeting: int, every: bool, write_pool: Path | None, **options):
        draws = list(SampleDraw.objects.filter(meeting_id=meeting).order_by("-drawn_at", "-pk"))
        if not draws:
            name = "No meeting" if not Meeting.objects.filter(pk=meeting).exists() else "No draw"
            raise CommandError(f"{name} recorded for meeting {meeting}.")
        problems = []
        for draw in draws if every else draws[:1]:
            found = sampling.verify(draw)
            if draw is draws[0]:
                found += sampling.verify_agenda(draw)
            self._report(draw, found)
            problems += found
        if write_pool:
            self._write_pool(draws[0], write_pool)
        if problems:
            raise CommandError(f"not verified: {len(problems)} difference(s) found")
        self.stdout.write("verified")

    def _report(self, draw: SampleDraw, problems: list[str]) -> None:
        self.stdout.write(
            f"Draw {draw.pk} on {draw.drawn_at:%Y-%m-%d %H:%M}: {draw.sample_size} of "
            f"{draw.pool_size}, seed {draw.seed}, fingerprint {draw.pool_fingerprint}, "
            f"{draw.algorithm_version}"
        )
        for problem in problems:
            self.stderr.write(f"  {problem}")

    def _write_pool(self, draw: SampleDraw, path: Path) -> None:
        stored = draw.pool
        path.write_bytes(sampling.Pool.decompress(stored.references, stored.strata).text)
        self.stdout.write(f"Wrote {draw.pool_size} references to {path}")
