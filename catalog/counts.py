"""Each imported film's counts of sources and of conflicting rows, computed in bulk from plain rows.

What catalog.comparison.refresh_counts stores for a film from its comparison, found here for tens
of thousands of films at once without building one; the two agree (the importers' tests check).
"""

from __future__ import annotations

from collections import defaultdict

from catalog.bulk import chunks, update_rows, within
from catalog.comparison import (
    BARE_MENTION,
    TABLE_FIELDS,
    as_keys,
    genre_keys,
    person_key,
    record_values,
)
from catalog.models import Claim, Credit, Decision, Field, Film, Person, Review, Role
from catalog.normalise import fold, normalise

# The film's own columns the comparison reads of its record.
RECORD_COLUMNS = [
    "title",
    "year",
    "certificate",
    "runtime",
    "setting",
    "period",
    "filming_location",
    "content_advisory",
    "tagline",
]


def count_conflicts(
    film: Film,
    claims: list[tuple],
    genres: set[str],
    credits: list[tuple],
    decided: set[str],
    slugs: dict[int, str],
) -> tuple[int, int]:
    """(conflicting rows, of which unresolved), as catalog.comparison.compare finds them.

    `claims` are (field, normalised, person, character) rows; `credits` (person, role,
    character); `decided` the keys of the rows the editors settled.
    """
    record = record_values(film, genres, ((person, role) for person, role, _ in credits))
    # What each claim is matched on; a genre word by every genre of the list it is filed under.
    by_field: dict[str, set[str | tuple[str, ...]]] = defaultdict(set)
    cast: dict[int, set[str]] = defaultdict(set)
    for field, normalised, person, character in claims:
        if field in (Field.DIRECTOR, Field.WRITER):
            by_field[field].add(person_key(person))
        elif field == Field.CAST:
            cast[person].add(fold(character) if character else BARE_MENTION)
        elif field == Field.GENRE:
            by_field[field].add(genre_keys(normalised))
        else:
            by_field[field].add(normalised)
    conflicting: list[str] = []
    for name in TABLE_FIELDS:
        stated = by_field.get(name)
        if not stated:
            continue
        keys = {key for said in stated for key in as_keys(said)}
        accepted = record[name] or (set(as_keys(next(iter(stated)))) if len(stated) == 1 else set())
        if keys - accepted:
            conflicting.append(name)
    credited: dict[int, str] = {}
    for person, role, character in credits:
        if role == Role.CAST:
            credited[person] = character
    for person, keys in cast.items():
        accepted = {fold(credited[person]), BARE_MENTION} if person in credited else set()
        if keys - accepted:
            conflicting.append(slugs.get(person, ""))
    return len(conflicting), sum(key not in decided for key in conflicting)


def store_counts(films: list[int]) -> int:
    """Each film's number of sources and of conflicting rows (catalog.comparison's counts)."""
    for part in chunks(films, 5000):
        wanted = set(part)
        claims: dict[int, list[tuple]] = defaultdict(list)
        sources: dict[int, set[int]] = defaultdict(set)
        genres: dict[int, set[str]] = defaultdict(set)
        credits: dict[int, list[tuple]] = defaultdict(list)
        decided: dict[int, set[str]] = defaultdict(set)
        rows = within(Claim.objects.order_by(), "film", part).values_list(
            "film_id", "source_id", "field", "normalised", "person_id", "character"
        )
        for film, source, field, normalised, person, character in rows:
            if film in wanted:
                sources[film].add(source)
                claims[film].append((field, normalised, person, character))
        for film, source in within(Review.objects.order_by(), "film", part).values_list(
            "film_id", "source_id"
        ):
            sources[film].add(source)
        for film, name in within(Film.genres.through.objects.all(), "film", part).values_list(
            "film_id", "genre__name"
        ):
            genres[film].add(normalise(Field.GENRE, name))
        for film, person, role, character in within(
            Credit.objects.order_by(), "film", part
        ).values_list("film_id", "person_id", "role", "character"):
            credits[film].append((person, role, character))
        for film, field, slug in within(Decision.objects.order_by(), "film", part).values_list(
            "film_id", "field", "person__slug"
        ):
            decided[film].add(slug or field)
        slugs = conflicting_slugs(claims, credits)
        counts = []
        for record in within(Film.objects.order_by(), "pk", part).only(*RECORD_COLUMNS):
            pk = record.pk
            if pk in wanted:
                conflicts, unresolved = count_conflicts(
                    record, claims[pk], genres[pk], credits[pk], decided[pk], slugs
                )
                counts.append((len(sources[pk]), conflicts, unresolved, pk))
        update_rows(Film, ["source_count", "conflict_count", "unresolved_count"], counts)
    return len(films)


def conflicting_slugs(
    claims: dict[int, list[tuple]], credits: dict[int, list[tuple]]
) -> dict[int, str]:
    """The slugs of the cast members whose rows may conflict (a character, or no credit)."""
    credited = {
        (film, p) for film, rows in credits.items() for p, role, _ in rows if role == "cast"
    }
    suspects = sorted(
        {
            person
            for film, rows in claims.items()
            for field, _, person, character in rows
            if field == Field.CAST and (character or (film, person) not in credited)
        }
    )
    slugs: dict[int, str] = {}
    for part in chunks(suspects):
        slugs.update(Person.objects.filter(pk__in=part).values_list("pk", "slug"))
    return slugs
