"""Fetching a page an editor names by its address, within limits.

Only ``http`` and ``https``; every address on the way (the first and each redirect) is resolved and
refused if it points at this server's own network (loopback, private, link-local, reserved), so an
editor's address cannot reach what only the server can see; a timeout on connecting and reading;
at most ``max_bytes`` read, counted as they arrive; only HTML and plain text. Every refusal is a
``FetchError`` whose message says what went wrong in words an editor understands.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from django.template.defaultfilters import filesizeformat

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "film-catalogue page intake (an editor's request)"


class FetchError(Exception):
    """A page could not be fetched; the message is meant for the editor."""


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after redirects
    data: bytes
    content_type: str  # the media type and its parameters, as the server sent them


@dataclass(frozen=True)
class Limits:
    timeout: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    # Tests fetch from a server they start on 127.0.0.1; nothing else should.
    allow_private: bool = False


def fetch(url: str, limits: Limits = Limits()) -> Fetched:
    """The page at ``url``, following redirects within the limits."""
    with requests.Session() as session:
        session.headers["User-Agent"] = USER_AGENT
        for _ in range(limits.max_redirects + 1):
            check_address(url, limits.allow_private)
            response = get(session, url, limits)
            with response:
                if response.is_redirect:
                    url = urljoin(url, response.headers["Location"])
                    continue
                return read(response, url, limits)
    raise FetchError(f"The page redirects more than {limits.max_redirects} times; not followed.")


def check_address(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(
            f"Only http and https addresses can be fetched, not “{parts.scheme or url}:”."
        )
    if not parts.hostname:
        raise FetchError(f"“{url}” has no host name.")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"No such host: {parts.hostname}.") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(
                f"{parts.hostname} is an address of the server's own network; not fetched."
            )


def get(session: requests.Session, url: str, limits: Limits) -> requests.Response:
    try:
        response = session.get(url, timeout=limits.timeout, stream=True, allow_redirects=False)
    except requests.Timeout as error:
        raise FetchError(f"The page took longer than {limits.timeout:g} s to answer.") from error
    except requests.RequestException as error:
        raise FetchError(f"The page could not be reached: {reason(error)}.") from error
    if response.status_code >= 400:
        response.close()
        raise FetchError(
            f"The server answered {response.status_code} {response.reason or ''}".rstrip() + "."
        )
    return response


def read(response: requests.Response, url: str, limits: Limits) -> Fetched:
    content_type = response.headers.get("Content-Type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type and media_type not in ACCEPTED_TYPES:
        raise FetchError(f"The address gives “{media_type}”, not a web page or a text.")
    declared = response.headers.get("Content-Length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(too_large(limits))
    data = bytearray()
    try:
        for chunk in response.iter_content(64 * 1024):
            data += chunk
            if len(data) > limits.max_bytes:
                raise FetchError(too_large(limits))
    except requests.Timeout as error:
        raise FetchError(f"The page took longer than {limits.timeout:g} s to send.") from error
    except requests.RequestException as error:
        raise FetchError(f"The page could not be read: {reason(error)}.") from error
    return Fetched(url=url, data=bytes(data), content_type=content_type)


def too_large(limits: Limits) -> str:
    return f"The page is larger than {filesizeformat(limits.max_bytes)}; not fetched."


def reason(error: requests.RequestException) -> str:
    if isinstance(error, requests.ConnectionError):
        return "the connection failed"
    return type(error).__name__
