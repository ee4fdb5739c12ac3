"""The Editors group: exactly the permissions editors need, kept in step with the models."""

from django.apps.registry import Apps

EDITORS = "Editors"
# model -> what editors may do with it; sources are never deleted, only corrected, and
# decisions are kept as they were made.
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
    "filmredirect": ["view"],
    "possibleduplicate": ["view", "change"],
    "possibleduplicateperson": ["view", "change"],
}


def sync_editors_group(apps: Apps) -> None:
    """Create the group if missing and give it exactly PERMISSIONS."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [
        f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions
    ]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="catalog", codename__in=codenames)
    )
