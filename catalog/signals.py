"""Signal receivers of the catalogue, connected when the app is ready (CatalogConfig.ready)."""

from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from catalog.models import Film, confirm_fields


@receiver(m2m_changed, sender=Film.genres.through)
def genres_confirmed(
    sender: type[models.Model],
    instance: models.Model,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    """Changing a film's genres (the admin form does) confirms them."""
    changed = action == "post_clear" or (action in ("post_add", "post_remove") and pk_set)
    if changed and not reverse:
        confirm_fields(instance.pk, ["genres"])
