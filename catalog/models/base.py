"""What the model modules share: the remembered address of a page."""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse


def address(view: str, slug: str) -> str:
    """The address of a film's, person's or source's page, remembered: a film page links to
    hundreds of people, and reversing each address anew is much of its rendering time."""
    return _address(view, slug, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=20_000)
def _address(view: str, slug: str, prefix: str, urlconf: str | None) -> str:
    return reverse(view, args=[slug])
