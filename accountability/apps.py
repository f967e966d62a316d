from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "accountability"
    verbose_name = "Commissioner's accountability scrutiny"

    def ready(self) -> None:
        # Registers the object permissions with django-rules.
        from panels.liaison.selectors import register_action_tracker

        from . import permissions  # noqa: F401
        from .selectors import action_status_url

        register_action_tracker(action_status_url)
