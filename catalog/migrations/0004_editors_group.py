"""The "Editors" group, with exactly what editors need (catalog.roles.PERMISSIONS)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from catalog.roles import EDITORS, sync_editors_group


def create_editors(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can use them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    sync_editors_group(apps)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0003_editors_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
