"""schema.org Movie data for a film page, so search engines read the record as a person does."""

from collections.abc import Callable
from typing import Any

from catalog.comparison import Comparison
from catalog.models import Credit, Role


def iso_duration(minutes: int) -> str:
    """95 -> "PT1H35M" (ISO 8601)."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def movie(comparison: Comparison, absolute: Callable[[str], str]) -> dict[str, Any]:
    """The record as a schema.org Movie, with each source's review and the first rating given."""
    film = comparison.film
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": film.title,
        "url": absolute(film.get_absolute_url()),
    }
    if film.year:
        data["datePublished"] = str(film.year)
    if film.certificate:
        data["contentRating"] = film.certificate
    if film.runtime:
        data["duration"] = iso_duration(film.runtime)
    if genres := [genre.name for genre in film.genres.all()]:
        data["genre"] = genres
    if film.synopsis:
        data["description"] = film.synopsis

    def person(credit: Credit) -> dict[str, str]:
        return {
            "@type": "Person",
            "name": credit.person.name,
            "url": absolute(credit.person.get_absolute_url()),
        }

    credits = comparison.credits
    if directors := [person(c) for c in credits if c.role == Role.DIRECTOR]:
        data["director"] = directors
    if writers := [person(c) for c in credits if c.role == Role.WRITER]:
        data["author"] = writers
    actors = [
        {"@type": "PerformanceRole", "actor": person(c), "characterName": c.character}
        if c.character
        else person(c)
        for c in credits
        if c.role == Role.CAST
    ]
    if actors:
        data["actor"] = actors

    reviews = []
    for source, review, _opinions in comparison.reviews:
        if review is None:
            continue
        entry: dict[str, Any] = {
            "@type": "Review",
            "author": {"@type": "Organization", "name": source.publisher or source.title},
            "reviewBody": review.excerpt,
            "url": absolute(source.get_absolute_url()),
        }
        if review.score is not None:
            entry["reviewRating"] = {
                "@type": "Rating",
                "ratingValue": float(review.score),
                "bestRating": review.score_out_of,
                "worstRating": 0,
            }
        reviews.append(entry)
        if review.score is not None and review.votes and "aggregateRating" not in data:
            data["aggregateRating"] = {
                "@type": "AggregateRating",
                "ratingValue": float(review.score),
                "bestRating": review.score_out_of,
                "worstRating": 0,
                "ratingCount": review.votes,
            }
    if reviews:
        data["review"] = reviews
    return data
