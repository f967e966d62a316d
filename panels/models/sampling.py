from django.conf import settings
from django.db import models

from ..sample_filters import describe_filters
from .meetings import Meeting


class SampleDraw(models.Model):
    """The record that lets anyone re-run a random draw and get the same cases."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="draws")
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)
    seed = models.CharField(max_length=64)
    algorithm_version = models.CharField(max_length=20)
    filters = models.JSONField(default=dict)
    strata = models.JSONField(default=dict, blank=True)
    pool_size = models.PositiveIntegerField()
    pool_fingerprint = models.CharField(max_length=64)
    sample_size = models.PositiveIntegerField()
    selected_references = models.JSONField(default=list)

    class Meta:
        ordering = ["-drawn_at"]

    def __str__(self) -> str:
        return f"Draw of {self.sample_size} from {self.pool_size} for {self.meeting}"

    @property
    def criteria_in_words(self) -> list[str]:
        """The recorded filters as sentences the public can read."""
        return describe_filters(self.filters)

    @property
    def scored_every_case(self) -> bool:
        """Drawn with the first method, which scored every case and took the smallest
        scores (docs/adr/0004-dip-sampling.md); later draws pick positions."""
        return self.algorithm_version == "bottomk-sha256-v1"


class SampleDrawPool(models.Model):
    """Every reference that could have been drawn, kept so the draw can be re-run later.

    Kept apart from SampleDraw so pages that show a draw never load a pool that
    may run to megabytes. Both fields hold zlib-compressed UTF-8 text, one line
    per case; the SHA-256 of the uncompressed references is the draw's fingerprint.
    """

    draw = models.OneToOneField(
        SampleDraw, on_delete=models.PROTECT, primary_key=True, related_name="pool"
    )
    references = models.BinaryField(help_text="Sorted references, one per line.")
    strata = models.BinaryField(
        blank=True, default=b"", help_text="Each reference's group, line for line, if stratified."
    )

    def __str__(self) -> str:
        return f"Pool of {self.draw}"
