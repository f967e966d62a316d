"""A published version's page and PDF in a language besides English, frozen with it.

A deployment that publishes in Welsh as well (PUBLISH_LANGUAGES) freezes, for every
version, the English page and PDF on the version itself and the Welsh ones here: the same
figures and the same decisions, said in the other language. A correction is a new version,
so it freezes both again; a withdrawal is the report's, so it takes both off the site."""

from django.db import models

from core.bilingual import publish_languages_setting
from core.models import ImmutableModel

ENGLISH = "en"


def publish_languages() -> tuple[str, ...]:
    """The languages a version is published in, English first; ("en",) unless set."""
    setting = publish_languages_setting()
    if isinstance(setting, str):  # "en,cy", as the environment gives it
        setting = setting.split(",")
    chosen = [code.strip() for code in setting if code.strip()]
    return (ENGLISH, *[code for code in chosen if code != ENGLISH])


def other_languages() -> tuple[str, ...]:
    return publish_languages()[1:]


def document_language(code: str) -> str:
    """The language a page or PDF declares (<html lang>, the PDF's /Lang)."""
    return "en-GB" if code == ENGLISH else code


class PublishedLanguage(ImmutableModel):
    """One version of a report in another language: its frozen HTML and tagged PDF."""

    version = models.ForeignKey(
        "reports.PublishedVersion", on_delete=models.PROTECT, related_name="languages"
    )
    language = models.CharField(max_length=8, help_text="A language code, e.g. cy.")
    title = models.CharField(max_length=300)
    # A correction's note in this language; the English one is the version's.
    change_note = models.TextField(blank=True)
    html_file = models.FileField(max_length=300)
    html_sha256 = models.CharField(max_length=64)
    pdf_file = models.FileField(max_length=300)
    pdf_sha256 = models.CharField(max_length=64)
    pdf_bytes = models.PositiveIntegerField()
    pdf_pages = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["version", "language"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="publishedlanguage_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language}, version {self.version.number})"

    @property
    def number(self) -> int:
        return self.version.number
