"""The "Editors" group, with exactly what editors need: change the record, claims and sources."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
# model -> actions editors may take on it; sources are never deleted, only corrected.
PERMISSIONS = {
    "film": ["view", "add", "change", "delete"],
    "credit": ["view", "add", "change", "delete"],
    "claim": ["view", "add", "change", "delete"],
    "review": ["view", "add", "change", "delete"],
    "person": ["view", "add", "change", "delete"],
    "namevariant": ["view", "add", "change", "delete"],
    "genre": ["view", "add", "change"],
    "source": ["view", "add", "change"],
    "decision": ["view", "add"],
    "personredirect": ["view"],
}


def create_editors(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can use them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="catalog", codename__in=codenames)
    )


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0003_editors_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
