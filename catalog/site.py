"""The site's own address (settings.SITE_URL): absolute URLs are made from it, never from the
request's Host header, which any client may set and a cached page would keep for every reader."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute(path: str) -> str:
    """'/films/red-hot-1993/' -> 'https://films.example.org/films/red-hot-1993/'."""
    return settings.SITE_URL + path


def scheme() -> str:
    return urlsplit(settings.SITE_URL).scheme


def domain() -> str:
    return urlsplit(settings.SITE_URL).netloc
