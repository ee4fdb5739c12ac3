from typing import Any

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db.models.signals import post_migrate


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Catalogue"

    def ready(self) -> None:
        # After auth's own receiver has made the permissions the group needs.
        post_migrate.connect(keep_editors_group, sender=self)
        from catalog import signals

        signals.connect()


def keep_editors_group(sender: AppConfig, apps: Apps = global_apps, **kwargs: Any) -> None:
    """After every migrate (and flush), the Editors group exists with its permissions."""
    from catalog.roles import sync_editors_group

    sync_editors_group(apps)
