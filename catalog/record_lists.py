"""The record's lists — directors, writers, cast and genres — from the claims of a film's
sources (catalog.records fills in the automatic ones).

- directors: the consensus director, with the co-directors named beside them by the sources that
  name the consensus director;
- writers and cast: everyone the sources name (the engine compares single values; a film has
  several of these), the cast in the order the best-placed source bills it (catalog.billing),
  each actor with the character the sources' consensus gives them;
- genres: the genres of the list (catalog.genres) the sources' words are filed under; a word the
  list does not take stays the source's claim, listed for the editors, and is not on the record.

Only what differs is written: a role whose credits, or a film whose genres, are already what
the sources say is left alone.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from catalog.billing import Naming, billing_order
from catalog.bulk import delete_rows, insert_rows, within
from catalog.consensus import VALUE_TYPES as ENGINE_TYPES
from catalog.genres import genres_for
from catalog.models import Claim, Credit, Field, Film, Genre, Role
from catalog.record_fields import max_length
from catalog.slugs import UniqueSlugs

ROLES = {Field.DIRECTOR: Role.DIRECTOR, Field.WRITER: Role.WRITER, Field.CAST: Role.CAST}
GENRE_SLUG_LENGTH = max_length(Genre, "slug")


class Agreed(NamedTuple):
    """A consensus value: as the sources write it, and its normal form."""

    value: str
    normalised: str


class Stated(NamedTuple):
    """One claim on a field the record takes every value of."""

    field: str
    source: int
    person: int | None
    normalised: str
    value: str
    start: int
    pk: int


def claims_of(films: list[int], fields: list[str]) -> dict[int, list[Stated]]:
    """The films' claims on `fields`, by source."""
    said: dict[int, list[Stated]] = defaultdict(list)
    wanted = set(films)
    rows = (
        within(Claim.objects.filter(field__in=fields), "film", films)
        .order_by("film", "source", "pk")
        .values_list(
            "film_id", "field", "source_id", "person_id", "normalised", "value", "quote_start", "pk"
        )
    )
    for film, field, source, person, normalised, value, start, pk in rows:
        if film in wanted:
            said[film].append(Stated(field, source, person, normalised, value, start or 0, pk))
    return said


def directors(said: list[Stated], consensus: Agreed | None) -> list[int]:
    """The consensus director, and the co-directors named by the sources that name them."""
    if consensus is None:
        return []
    person_type = ENGINE_TYPES["person"]
    by_source: dict[int, list[Stated]] = defaultdict(list)
    for claim in said:
        if claim.field == Field.DIRECTOR:
            by_source[claim.source].append(claim)
    chosen: list[int] = []
    for named in by_source.values():
        if any(person_type.normalise(c.normalised) == consensus.normalised for c in named):
            chosen.extend(
                c.person for c in named if c.person is not None and c.person not in chosen
            )
    return chosen


def cast(said: list[Stated], trust: dict[int, float | None]) -> list[int]:
    """Everyone the sources cast, in the order the best-placed source bills them."""
    namings = (
        Naming(c.source, c.person, c.value, (c.start, c.pk))
        for c in said
        if c.field == Field.CAST and c.person is not None
    )
    return billing_order(namings, trust).people


def fill_credits(
    films: list[int],
    automatic: dict[int, list[str]],
    consensus: dict[int, dict[str, Agreed]],
    characters: dict[tuple[int, int], str],
    said: dict[int, list[Stated]],
    trust: dict[int, float | None],
) -> tuple[int, set[int]]:
    """The automatic roles' credits of the films become what the sources say; a role whose
    credits are already that is left alone. The credits made, and the films whose credits
    changed."""
    wanted: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for film in films:
        for field_name, role in ROLES.items():
            if field_name in automatic[film]:
                people = credited(field_name, said[film], consensus[film], trust)
                wanted[film, role] = [
                    (person, characters.get((film, person), "") if role == Role.CAST else "")
                    for person in people
                ]
    stored: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    stored_pks: dict[tuple[int, str], list[int]] = defaultdict(list)
    rows = within(Credit.objects.order_by("billing", "pk"), "film", films).values_list(
        "pk", "film_id", "role", "person_id", "character"
    )
    for pk, film, held, person, character in rows:
        if (film, held) in wanted:
            stored[film, held].append((person, character))
            stored_pks[film, held].append(pk)
    changed = [key for key, credits in wanted.items() if stored.get(key, []) != credits]
    # The automatic credits are the importer's, made without history: replaced the same way.
    delete_rows(Credit, "id", [pk for key in changed for pk in stored_pks[key]])
    new = [
        (film, person, role, character, n)
        for film, role in changed
        for n, (person, character) in enumerate(wanted[film, role], start=1)
    ]
    made = insert_rows(Credit, ["film", "person", "role", "character", "billing"], new)
    return made, {film for film, _ in changed}


def credited(
    field_name: str,
    said: list[Stated],
    consensus: dict[str, Agreed],
    trust: dict[int, float | None],
) -> list[int]:
    """Who the record credits in a role, from the claims on one film."""
    if field_name == Field.DIRECTOR:
        return directors(said, consensus.get(Field.DIRECTOR))
    if field_name == Field.CAST:
        return cast(said, trust)
    named = (c.person for c in said if c.field == field_name and c.person is not None)
    return list(dict.fromkeys(named))


def fill_genres(
    films: list[int], automatic: dict[int, list[str]], said: dict[int, list[Stated]]
) -> set[int]:
    """The list's genres the sources' words are filed under, for the films whose genres are
    automatic; the list's genres they need and the catalogue lacks are made first. The films
    whose genres changed."""
    wanted = [film for film in films if "genres" in automatic[film]]
    if not wanted:
        return set()
    filed = {
        film: dict.fromkeys(
            genre for c in said[film] if c.field == Field.GENRE for genre in genres_for(c.value)
        )
        for film in wanted
    }
    genres = dict(Genre.objects.values_list("name", "pk"))
    needed = sorted({genre for names in filed.values() for genre in names} - set(genres))
    if needed:
        slugs = UniqueSlugs(Genre.objects.values_list("slug", flat=True), "genre")
        new = [Genre(name=name, slug=slugs.make(name, GENRE_SLUG_LENGTH)) for name in needed]
        Genre.objects.bulk_create(new)
        genres.update((genre.name, genre.pk) for genre in new)
    through = Film.genres.through
    stored: dict[int, set[int]] = defaultdict(set)
    for film, genre in within(through.objects.all(), "film", wanted).values_list("film", "genre"):
        stored[film].add(genre)
    changed = [film for film in wanted if stored[film] != {genres[name] for name in filed[film]}]
    delete_rows(through, "film", changed)
    insert_rows(
        through, ["film", "genre"], [(f, genres[name]) for f in changed for name in filed[f]]
    )
    return set(changed)
