from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "accountability"
    verbose_name = "Commissioner's accountability scrutiny"

    def ready(self) -> None:
        from panels.liaison.selectors import register_action_tracker

        # Registers the object permissions with django-rules.
        from . import permissions  # noqa: F401
        from .selectors import action_status_url

        # The force's action pages link OPCC staff here to track one of our actions.
        register_action_tracker(action_status_url)
