"""What a page says about itself: its title, site, address and date, and schema.org Movie data.

These are proposals for the editor's source form and hints for the claim finder; a fact from
embedded data becomes a claim only where the page's visible text says it too (claims.py).
"""

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlparse

import lxml.html
from extruct.jsonld import JsonLdExtractor
from extruct.opengraph import OpenGraphExtractor
from extruct.w3cmicrodata import MicrodataExtractor


@dataclass(frozen=True)
class Fact:
    """One fact from a page's embedded data, named by claim field ("director", "Paul Haggis")."""

    field: str
    value: str
    character: str = ""


@dataclass
class Metadata:
    title: str = ""
    publisher: str = ""
    url: str = ""
    date: str = ""
    facts: list[Fact] = field(default_factory=list)


MOVIE_TYPES = {"movie", "film", "tvmovie"}
DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})")


def read_metadata(tree: lxml.html.HtmlElement, url: str | None) -> Metadata:
    items = list(embedded_items(tree, url))
    opengraph = open_graph(tree)
    meta = {
        (el.get("name") or el.get("property") or "").lower(): (el.get("content") or "").strip()
        for el in tree.iter("meta")
        if el.get("content")
    }
    title = " ".join((tree.findtext(".//title") or "").split())
    canonical = next(
        (el.get("href", "") for el in tree.iter("link") if "canonical" in (el.get("rel") or "")),
        "",
    )
    address = canonical or opengraph.get("og:url", "") or (url or "")
    if url and address:
        address = urljoin(url, address)
    return Metadata(
        title=title or opengraph.get("og:title", "") or meta.get("twitter:title", ""),
        publisher=publisher(opengraph, meta, items, address),
        url=address,
        date=page_date(tree, meta, items),
        facts=[fact for item in items if is_movie(item) for fact in movie_facts(item)],
    )


def embedded_items(tree: lxml.html.HtmlElement, url: str | None) -> Iterator[dict[str, Any]]:
    """Every JSON-LD and microdata item, nested @graph members included."""
    try:
        found = JsonLdExtractor().extract_items(tree, base_url=url)
    except (json.JSONDecodeError, ValueError, TypeError):
        # One broken JSON-LD block (pages ship them) must not lose the page.
        found = []
    with contextlib.suppress(ValueError, TypeError):
        found += [microdata_item(item) for item in MicrodataExtractor().extract_items(tree, url)]
    for item in found:
        yield from flatten(item)


def microdata_item(item: dict[str, Any]) -> dict[str, Any]:
    """extruct's microdata shape ({"type", "properties"}) as JSON-LD's ({"@type", ...})."""
    if not isinstance(item, dict) or "properties" not in item:
        return item
    properties = {key: microdata_item(value) for key, value in item["properties"].items()}
    properties = {
        key: [microdata_item(v) for v in value] if isinstance(value, list) else value
        for key, value in properties.items()
    }
    kinds = item.get("type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {"@type": [str(kind).rsplit("/", 1)[-1] for kind in kinds], **properties}


def flatten(item: Any) -> Iterator[dict[str, Any]]:
    if isinstance(item, list):
        for member in item:
            yield from flatten(member)
    elif isinstance(item, dict):
        yield item
        for key in ("@graph", "mainEntity", "itemReviewed", "about"):
            if key in item:
                yield from flatten(item[key])


def open_graph(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for block in OpenGraphExtractor().extract_items(tree):
        for key, value in block.get("properties", []):
            if value and value.strip():
                found.setdefault(key, value.strip())
    return found


def types(item: dict[str, Any]) -> set[str]:
    kinds = item.get("@type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(kind).rsplit("/", 1)[-1].lower() for kind in kinds}


def is_movie(item: dict[str, Any]) -> bool:
    return bool(types(item) & MOVIE_TYPES)


def publisher(
    opengraph: dict[str, str], meta: dict[str, str], items: list[dict[str, Any]], address: str
) -> str:
    """og:site_name, else the schema.org WebSite or publisher name, else the host."""
    if opengraph.get("og:site_name"):
        return opengraph["og:site_name"]
    for item in items:
        if "website" in types(item) and names(item.get("name")):
            return names(item.get("name"))[0]
        if names(item.get("publisher")):
            return names(item.get("publisher"))[0]
    if meta.get("application-name"):
        return meta["application-name"]
    host = urlparse(address).hostname or ""
    return host.removeprefix("www.")


def page_date(
    tree: lxml.html.HtmlElement, meta: dict[str, str], items: list[dict[str, Any]]
) -> str:
    """The page's own publication date as YYYY-MM-DD (a film's release date is not the page's)."""
    candidates = [
        meta.get(key, "")
        for key in ("article:published_time", "og:published_time", "date", "dc.date", "pubdate")
    ]
    candidates += [
        str(item.get(key, ""))
        for item in items
        if not is_movie(item)
        for key in ("datePublished", "dateCreated")
    ]
    candidates += [el.get("datetime", "") for el in tree.iter("time")]
    for candidate in candidates:
        if found := DATE.search(candidate):
            return found.group(1)
    return ""


def names(value: Any) -> list[str]:
    """The names in a schema.org value: a string, a Person/Organization, or a list of them."""
    if isinstance(value, list):
        return [name for member in value for name in names(member)]
    if isinstance(value, dict):
        return names(value.get("name"))
    if isinstance(value, str | int | float) and str(value).strip():
        return [" ".join(str(value).split())]
    return []


def movie_facts(item: dict[str, Any]) -> Iterator[Fact]:
    """A schema.org Movie's values, by claim field, as the data writes them."""
    for name in names(item.get("name")) + names(item.get("alternateName")):
        yield Fact("title", name)
    for key in ("datePublished", "dateCreated", "releasedEvent"):
        for value in names(item.get(key)):
            if year := re.search(r"\b(1[89]\d\d|20\d\d)\b", value):
                yield Fact("year", year.group(1))
    for value in names(item.get("contentRating")):
        yield Fact("certificate", value)
    for value in names(item.get("duration")):
        yield Fact("runtime", value)
    for value in names(item.get("genre")):
        yield Fact("genre", value)
    for key, claim_field in (("director", "director"), ("author", "writer"), ("creator", "writer")):
        for value in names(item.get(key)):
            yield Fact(claim_field, value)
    actors = item.get("actor") or item.get("actors") or []
    for actor in actors if isinstance(actors, list) else [actors]:
        yield from actor_facts(actor)
    rating = item.get("aggregateRating")
    if isinstance(rating, dict):
        for value in names(rating.get("ratingValue")):
            yield Fact("user_rating", value)
        for value in names(rating.get("ratingCount")) or names(rating.get("reviewCount")):
            yield Fact("votes", value)
    for value in names(item.get("description")):
        yield Fact("synopsis", value)
    for value in names(item.get("inLanguage")):
        yield Fact("language", value)
    for value in names(item.get("countryOfOrigin")):
        yield Fact("country", value)


def actor_facts(actor: Any) -> Iterator[Fact]:
    """A schema.org actor: a Person, a name, or a PerformanceRole with its characterName."""
    if isinstance(actor, dict) and "actor" in actor:
        characters = names(actor.get("characterName")) or [""]
        for name in names(actor.get("actor")):
            for character in characters:
                yield Fact("cast", name, character)
        return
    for name in names(actor):
        yield Fact("cast", name)
