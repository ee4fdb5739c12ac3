"""Slugs for new rows, unique with a number: in bulk for the importers and the record, without a
query each, and one at a time for an editor's new source, film or person, in one query."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.text import slugify


class UniqueSlugs:
    """Slugs already taken, and new ones made unique with a number."""

    def __init__(self, taken: Iterable[str], fallback: str) -> None:
        self.taken = set(taken)
        self.fallback = fallback

    def base(self, text: str, max_length: int) -> str:
        """The slug `text` gives before a number makes it unique."""
        # Room is kept for the "-n" that makes a slug unique.
        return slugify(text)[: max_length - 8].strip("-") or self.fallback

    def make(self, text: str, max_length: int) -> str:
        base = self.base(text, max_length)
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        return slug


def unique_slug(model: type[models.Model], text: str, fallback: str) -> str:
    """A slug for one new row of `model`, unique among those stored: the slugs it could clash
    with are read in one query."""
    field = model._meta.get_field("slug")
    assert isinstance(field, models.SlugField) and field.max_length is not None
    slugs = UniqueSlugs([], fallback)
    base = slugs.base(text, field.max_length)
    slugs.taken.update(
        model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    return slugs.make(text, field.max_length)
