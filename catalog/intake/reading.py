"""A page as an editor gives it (pasted text, a saved file, an address), read the same way."""

from __future__ import annotations

from django.conf import settings

from catalog.extraction import Page, read_page
from catalog.fetching import Limits, fetch


def from_text(text: str) -> Page:
    """Text as copied from a browser: taken as it is, markup included, never parsed as HTML."""
    return read_page(text.replace("\r\n", "\n").encode(), "text/plain; charset=utf-8")


def from_file(name: str, data: bytes) -> Page:
    """A saved page: .txt is text, anything else (.html, .htm) HTML, the encoding detected."""
    kind = "text/plain" if name.lower().endswith(".txt") else "text/html"
    return read_page(data, kind)


def from_address(url: str) -> Page:
    """The page fetched from `url` within the site's limits (settings.PAGE_FETCH_*)."""
    fetched = fetch(url, limits())
    page = read_page(fetched.data, fetched.content_type, url=fetched.url)
    page.url = page.url or fetched.url
    return page


def limits() -> Limits:
    return Limits(
        timeout=settings.PAGE_FETCH_TIMEOUT,
        max_bytes=settings.PAGE_MAX_BYTES,
        max_redirects=settings.PAGE_FETCH_REDIRECTS,
        allow_private=settings.PAGE_FETCH_PRIVATE,
    )
