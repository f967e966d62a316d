from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "panels"
    verbose_name = "Panels and meetings"

    def ready(self) -> None:
        # Registers the object permissions with django-rules.
        from . import permissions  # noqa: F401
