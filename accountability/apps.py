from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "accountability"
    verbose_name = "Commissioner's accountability scrutiny"

    def ready(self) -> None:
        # Registers the object permissions with django-rules.
        from . import permissions  # noqa: F401
