"""Rendered pages, kept until something they show changes: never stale, only dropped.

Every reader sees the same page (the public pages hold nothing personal and no form to post), so
a rendered page is kept under a key that changes whenever its content may have:

- a film page under the film's version, raised by every save of the film, its credits and its
  claims, and the catalogue's generation (`Generation.value`), raised when sources, people,
  genres or the consensus change; editing one film keeps every other film's page;
- every other page (home, lists, search, people, sources) under its address and
  `Generation.listings`, raised by every change to anything the pages show.

Saves through the ORM raise the counters on commit (catalog.signals, catalog.derived); the
importers and the consensus, which write in bulk, raise them themselves (`Generation.bump`).
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse

from catalog.models import (
    Film,
    Generation,
)

SECONDS = 600


def film_key(film: Film) -> str:
    shared, _listings = Generation.current()
    return f"film-page:{film.pk}:{film.version}:{shared}"


def listing_key(request: HttpRequest) -> str:
    _shared, listings = Generation.current()
    return f"page:{listings}:{request.get_full_path()}"


def serve(request: HttpRequest, key: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The page kept under `key`, or `render()`'s, kept if it is a page every reader can see."""
    # A page with a message for this reader is theirs alone: not served from the cache, nor kept.
    if len(messages.get_messages(request)):
        return render()
    if (content := cache.get(key)) is not None:
        return HttpResponse(content)
    response = render()
    if response.status_code == 200:
        assert isinstance(response, SimpleTemplateResponse), "a page is kept as it renders"
        response.add_post_render_callback(lambda page: cache.set(key, page.content, SECONDS))
    return response


class CachedPageMixin:
    """For a view whose page depends only on its address and the catalogue."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        def render() -> HttpResponse:
            # The get() of the view this is mixed into, which the type checker cannot see.
            return super(CachedPageMixin, self).get(request, *args, **kwargs)  # type: ignore[misc]

        return serve(request, listing_key(request), render)
