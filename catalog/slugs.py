"""Slugs for the rows the importers and the record make in bulk, unique without a query each."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.text import slugify


class UniqueSlugs:
    """Slugs already taken, and new ones made unique with a number."""

    def __init__(self, taken: Iterable[str], fallback: str) -> None:
        self.taken = set(taken)
        self.fallback = fallback

    def make(self, text: str, max_length: int) -> str:
        # Room is kept for the "-n" that makes a slug unique.
        base = slugify(text)[: max_length - 8].strip("-") or self.fallback
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        return slug
