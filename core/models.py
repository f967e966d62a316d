"""Shared building blocks for the apps' models."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible


@deconstructible(path="core.models.CodePointOrder")
class CodePointOrder(models.Func):
    """A text column compared byte by byte, which for UTF-8 is code-point order.

    That is the order Python sorts strings in, whatever collation the database
    was created with. PostgreSQL needs `COLLATE "C"` for it; SQLite compares
    text that way already (its BINARY collation), and has no collation "C".
    """

    arity = 1
    template = '%(expressions)s COLLATE "C"'

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(self.get_source_expressions()[0])


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError("History rows cannot be changed.")

    def delete(self):
        raise ValidationError("History rows cannot be deleted.")


class ImmutableModel(models.Model):
    """Rows written once and never edited or deleted, one at a time or in bulk."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("History rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("History rows cannot be deleted.")


class StatusHistory(ImmutableModel):
    """One row per status change: who moved what, from where to where, and when.

    Rows are written once by the workflow function and never edited, so the
    record of decisions stands even if the object later changes.
    """

    from_status = models.CharField(max_length=32, blank=True)
    to_status = models.CharField(max_length=32)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"


def choice_constraint(model_label: str, field: str, choices: type[models.TextChoices]):
    """A database check that `field` holds one of `choices`, so bad values cannot be stored."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": choices.values}),
        name=f"{model_label}_{field}_valid",
    )
