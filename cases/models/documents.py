"""Documents attached to a case (a CPS letter, a witness care log): PDFs a data admin
uploads, checked and screened for personal data before anyone else may read them
(cases/documents/). The file is kept privately under a random name; the rows say what
it is, never what it says: a finding holds the page and the kind of data, not the value.
"""

from django.conf import settings
from django.db import models

from core.models import StatusHistory, choice_constraint

from ..enums import DocumentStatus, FindingStatus, PrivacyKind
from .records import Case


class CaseDocument(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200, help_text="What the document is, as readers see it.")
    status = models.CharField(
        max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.AWAITING_DECISIONS
    )
    stored_name = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Random name of the private copy; blank once the document is withdrawn.",
    )
    sha256 = models.CharField(max_length=64, editable=False)
    size = models.PositiveBigIntegerField(help_text="In bytes.", editable=False)
    page_count = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "uploaded_at", "pk"]
        constraints = [
            choice_constraint("casedocument", "status", DocumentStatus),
            # Readers are only ever offered a document whose file is kept.
            models.CheckConstraint(
                condition=~models.Q(status=DocumentStatus.SHOWN) | ~models.Q(stored_name=""),
                name="casedocument_shown_has_file",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CaseDocumentStatusChange(StatusHistory):
    document = models.ForeignKey(
        CaseDocument, on_delete=models.CASCADE, related_name="status_history"
    )


class DocumentFinding(models.Model):
    """Personal data spotted on a page of a document: where and what kind, never the value."""

    document = models.ForeignKey(CaseDocument, on_delete=models.CASCADE, related_name="findings")
    page_number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=PrivacyKind.choices)
    count = models.PositiveIntegerField(default=1, help_text="How many times on the page.")
    status = models.CharField(
        max_length=20, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    reason = models.TextField(blank=True, help_text="Why the page was accepted as it is.")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document", "page_number", "kind"]
        constraints = [
            choice_constraint("documentfinding", "kind", PrivacyKind),
            choice_constraint("documentfinding", "status", FindingStatus),
            models.UniqueConstraint(
                fields=["document", "page_number", "kind"],
                name="documentfinding_once_per_page_and_kind",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=FindingStatus.ACCEPTED) | ~models.Q(reason=""),
                name="documentfinding_accepted_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Page {self.page_number}: {self.get_kind_display()}"
