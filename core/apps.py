from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from .groups import ensure_role_groups

        # Permissions exist only after migrate, so the groups are refreshed then.
        post_migrate.connect(ensure_role_groups, sender=self)
