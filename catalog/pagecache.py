"""Rendered pages, kept until something they show changes: never stale, only dropped.

Every reader sees the same page (the public pages hold nothing personal and no form to post), so
a rendered page is kept under a key that changes whenever its content may have:

- a film page under the film's version, raised by every save of the film, its credits and its
  claims, and the catalogue's generation (`Generation.value`), raised when sources, people,
  genres or the consensus change; editing one film keeps every other film's page;
- every other page (home, lists, search, people, sources, sitemaps) under its path, the query
  parameters the page reads (others, and empty ones, are dropped from the request before the
  page is rendered, so they neither miss the cache nor fill it) and `Generation.listings`, raised
  by every change to anything the pages show.

Pages hold no absolute URL made from the request's Host (catalog.site), so the key holds none.

Saves through the ORM raise the counters on commit (catalog.signals, catalog.derived); the
importers and the consensus, which write in bulk, raise them themselves (`Generation.bump`).
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import SimpleTemplateResponse
from redis.exceptions import RedisError

from catalog.models import (
    Film,
    Generation,
)

# A shared cache that is down or slow: the page is rendered without it.
CACHE_ERRORS = (RedisError,)

logger = logging.getLogger(__name__)

SECONDS = 600
HTML = "text/html; charset=utf-8"


def film_key(film: Film) -> str:
    shared, _listings = Generation.current()
    return f"film-page:{film.pk}:{film.version}:{shared}"


def listing_key(request: HttpRequest) -> str:
    """The page's key: its address, with the query digested so any key stays short and plain."""
    _shared, listings = Generation.current()
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:32]
    return f"page:{listings}:{request.path}:{query}"


def keep_parameters(request: HttpRequest, names: Iterable[str]) -> None:
    """Drop from the request the query parameters its page does not read, and the empty ones."""
    kept = [
        (name, value) for name in sorted(set(names)) for value in request.GET.getlist(name) if value
    ]
    request.GET = QueryDict(urlencode(kept))


def serve(
    request: HttpRequest,
    key: str,
    render: Callable[[], HttpResponse],
    content_type: str = HTML,
) -> HttpResponse:
    """The page kept under `key`, or `render()`'s, kept if it is a page every reader can see."""
    # A page with a message for this reader is theirs alone: not served from the cache, nor kept.
    if len(messages.get_messages(request)):
        return render()
    try:
        content = cache.get(key)
    except CACHE_ERRORS:
        logger.warning("The page cache did not answer; %s rendered without it", key, exc_info=True)
        return render()
    if content is not None:
        return HttpResponse(content, content_type=content_type)
    response = render()
    if response.status_code == 200:
        assert isinstance(response, SimpleTemplateResponse), "a page is kept as it renders"
        response.add_post_render_callback(lambda page: keep(key, page.content))
    return response


def keep(key: str, content: bytes) -> None:
    try:
        cache.set(key, content, SECONDS)
    except CACHE_ERRORS:
        logger.warning("The page cache did not answer; %s not kept", key, exc_info=True)


class CachedPageMixin:
    """For a view whose page depends only on its address and the catalogue.

    `query_parameters` are the parameters its page reads; by default its FilterSet's and, for a
    list, its page number.
    """

    query_parameters: Iterable[str] | None = None

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        def render() -> HttpResponse:
            # The get() of the view this is mixed into, which the type checker cannot see.
            return super(CachedPageMixin, self).get(request, *args, **kwargs)  # type: ignore[misc]

        keep_parameters(request, self.read_parameters())
        return serve(request, listing_key(request), render)

    def read_parameters(self) -> Iterable[str]:
        if self.query_parameters is not None:
            return self.query_parameters
        names = list(getattr(getattr(self, "filterset_class", None), "base_filters", {}))
        if getattr(self, "paginate_by", None):
            names.append(getattr(self, "page_kwarg", "page"))
        return names
