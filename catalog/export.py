"""A film's record and every claim behind it, as plain data for the JSON export."""

from collections.abc import Callable, Iterable
from typing import Any

from catalog.models import Claim, Credit, Film


def film_export(
    film: Film, claims: Iterable[Claim], credits: Iterable[Credit], absolute: Callable[[str], str]
) -> dict[str, Any]:
    sources: dict[str, dict[str, Any]] = {}
    claim_rows = []
    for claim in claims:
        source = claim.source
        sources.setdefault(
            source.slug,
            {
                "slug": source.slug,
                "title": source.title,
                "kind": source.kind,
                "publisher": source.publisher,
                "address": source.url or None,
                "retrieved_on": source.retrieved_on.isoformat() if source.retrieved_on else None,
                "licence": source.licence or None,
                "page": absolute(source.get_absolute_url()),
            },
        )
        claim_rows.append(
            {
                "id": claim.pk,
                "source": source.slug,
                "field": claim.field,
                "value": claim.value,
                "normalised": claim.normalised,
                "person": claim.person.slug if claim.person else None,
                "character": claim.character or None,
                "quote": claim.quote,
                "quote_start": claim.quote_start,
                "note": claim.note or None,
                "passage": absolute(claim.get_absolute_url()),
            }
        )
    return {
        "record": {
            "title": film.title,
            "slug": film.slug,
            "url": absolute(film.get_absolute_url()),
            "year": film.year,
            "certificate": film.certificate or None,
            "runtime_minutes": film.runtime,
            "genres": [genre.name for genre in film.genres.all()],
            "setting": film.setting or None,
            "period": film.period or None,
            "filming_location": film.filming_location or None,
            "content_advisory": film.content_advisory or None,
            "tagline": film.tagline or None,
            "synopsis": film.synopsis or None,
            "ending": film.ending or None,
            "credits": [
                {
                    "person": credit.person.name,
                    "person_slug": credit.person.slug,
                    "role": credit.role,
                    "character": credit.character or None,
                    "billing": credit.billing,
                }
                for credit in credits
            ],
        },
        "sources": list(sources.values()),
        "claims": claim_rows,
    }
