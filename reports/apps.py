from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Findings reports"

    def ready(self) -> None:
        # A closed scrutiny meeting's record is not reopened under notes waiting for
        # approval (accountability cannot import this app, so it is told).
        from accountability.workflow import register_reopen_refusal

        from .accountability.services import reopen_refusal

        register_reopen_refusal(reopen_refusal)
