from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

        from . import audit, auth_events, language, organisation  # noqa: F401 (registers its check)
        from .groups import ensure_role_groups

        audit.track_own_fields_only()
        # Permissions exist only after migrate, so the groups are refreshed then.
        post_migrate.connect(ensure_role_groups, sender=self)
        user_logged_in.connect(auth_events.signed_in, dispatch_uid="core.signed_in")
        user_logged_in.connect(language.signed_in, dispatch_uid="core.language_signed_in")
        user_login_failed.connect(auth_events.sign_in_failed, dispatch_uid="core.sign_in_failed")
        user_logged_out.connect(auth_events.signed_out, dispatch_uid="core.signed_out")
