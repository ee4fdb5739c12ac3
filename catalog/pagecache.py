"""Rendered film pages, kept until the film, or anything shown on many film pages, changes.

A film page is the catalogue's heaviest (a film with a hundred credits renders a few thousand
template nodes). Its key holds the film's version, raised by every save of the film, its credits
and claims, and the catalogue's generation, raised when sources, people, genres or the consensus
change; so a cached page is never stale, only dropped.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from catalog.models import Film, Generation, Genre, NameVariant, Person, Source

SECONDS = 600


def key(film: Film) -> str:
    return f"film-page:{film.pk}:{film.version}:{Generation.current()}"


def get(page_key: str) -> bytes | None:
    return cache.get(page_key)


def put(page_key: str, content: bytes) -> None:
    cache.set(page_key, content, SECONDS)


def changed(**kwargs) -> None:
    """Something many film pages show has changed."""
    Generation.bump()


for model in (Source, Person, NameVariant, Genre):
    post_save.connect(changed, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
    post_delete.connect(changed, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")
