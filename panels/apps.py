from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "panels"
    verbose_name = "Panels and meetings"

    def ready(self) -> None:
        from core.roles import register_role_source

        # Registers the object permissions with django-rules.
        from . import permissions

        register_role_source(permissions.panel_roles)
        register_role_source(permissions.liaison_roles)
