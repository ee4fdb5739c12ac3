"""The record of imported films, filled in from the consensus of their sources.

After the importers (catalog.importing) have loaded their datasets, ``fill_records`` runs the
consensus engine over every claim (catalog.trust.learn) and sets, on every film that still
has automatic fields (``Film.automatic_fields``), only those fields:

- title, year, certificate and runtime: the consensus value, fitted to the field
  (catalog.record_fields.record_value: a title written in IMDb's style, "Godfather, The", gets
  its article back in front);
- directors: the consensus director, with the co-directors named beside them by the sources that
  name the consensus director;
- writers and cast: everyone the sources name (the engine compares single values; a film has
  several of these), the cast in the order the best-placed source bills it (catalog.billing);
- genres: the genres of the list (catalog.genres) the sources' words are filed under; a word the
  list does not take stays the source's claim, listed for the editors, and is not on the record.

Fields an editor has confirmed (by a decision, or by changing them in the film's form) are left
as the editor set them, and films the editors keep by hand (no automatic fields, such as the
seeds' *Red Hot*) are not touched. Then each imported film's counts of sources and conflicts
(catalog.counts), and the people whose names are one letter apart (catalog.possible_people),
listed for the editors. One transaction.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.db import transaction

from catalog.billing import Naming, billing_order
from catalog.bulk import chunks, delete_rows, insert_rows, update_rows, within
from catalog.consensus import VALUE_TYPES as ENGINE_TYPES
from catalog.counts import refresh_source_counts, store_counts
from catalog.genres import genres_for
from catalog.models import (
    AUTOMATIC_COLUMNS,
    Claim,
    ConsensusValue,
    Credit,
    Field,
    Film,
    Genre,
    Role,
    Source,
)
from catalog.possible_people import record_possible_people
from catalog.progress import Progress
from catalog.record_fields import max_length, record_value
from catalog.slugs import UniqueSlugs
from catalog.trust import learn

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


@dataclass
class RecordSummary:
    claims: int = 0
    films: int = 0
    credits: int = 0
    counted: int = 0
    possible_people: int = 0
    seconds_consensus: float = 0.0
    seconds: float = 0.0


def imported_films() -> list[int]:
    """Films with claims from a dataset source."""
    datasets = list(Source.objects.filter(kind=Source.Kind.DATASET).values_list("pk", flat=True))
    if not datasets:
        return []
    titles = Claim.objects.filter(source__in=datasets, field=Field.TITLE).order_by()
    return sorted(set(titles.values_list("film_id", flat=True)))


def needs_filling() -> bool:
    """An import stopped before its record was filled in: imported films still count no source."""
    return (
        Film.objects.filter(source_count=0).exclude(automatic_fields=[]).exists()
        and Source.objects.filter(kind=Source.Kind.DATASET).exists()
    )


def fill_records(progress: Progress | None = None) -> RecordSummary:
    """The consensus over every claim, then the automatic fields of every film from it, the
    imported films' counts, and the people one letter apart.

    Each step writes in short transactions of its own (the consensus, each part of 5,000 films,
    the counts), so that an editor's save on SQLite, which waits for the database's one writer,
    waits a second or two rather than the whole fill. A fill that stops halfway leaves films
    filled in or not, never half of one, and the imported films uncounted: the next
    `import_datasets` finds that (`needs_filling`) and fills them all in again.
    """
    progress = progress or Progress(quiet=True)
    began = time.monotonic()
    summary = RecordSummary()
    progress.say("Consensus over every claim…")
    result = learn()
    summary.claims = result.claims
    summary.seconds_consensus = time.monotonic() - began
    progress.say(
        f"Consensus: {result.claims:,} claims compared ({summary.seconds_consensus:.1f} s)"
    )

    automatic = dict(
        Film.objects.exclude(automatic_fields=[]).values_list("pk", "automatic_fields")
    )
    films = sorted(automatic)
    trust = dict(Source.objects.values_list("pk", "trust"))
    progress.start("Record", len(films))
    for done, part in enumerate(chunks(films, 5000)):
        with transaction.atomic():
            summary.credits += fill_part(part, automatic, trust)
        progress.update(min(len(films), (done + 1) * 5000))
    progress.done(" films: their record filled in from the consensus")
    summary.films = len(films)

    with transaction.atomic():
        summary.counted = store_counts(imported_films())
        refresh_source_counts()
        summary.possible_people = record_possible_people()
    summary.seconds = time.monotonic() - began
    return summary


def fill_part(
    films: list[int], automatic: dict[int, list[str]], trust: dict[int, float | None]
) -> int:
    """Fill in the automatic fields of some films; the number of credits made."""
    consensus: dict[int, dict[str, Agreed]] = defaultdict(dict)
    agreed_values = ConsensusValue.objects.filter(
        person__isnull=True, field__in=[*AUTOMATIC_COLUMNS, Field.DIRECTOR]
    )
    wanted = set(films)
    agreed_rows = within(agreed_values, "film", films).values_list(
        "film_id", "field", "value", "normalised"
    )
    for film, field, value, normalised in agreed_rows:
        if film in wanted:
            consensus[film][field] = Agreed(value, normalised)
    said = claims_of(films, [Field.DIRECTOR, Field.WRITER, Field.CAST, Field.GENRE])

    rows = within(Film.objects.all(), "pk", films).values_list("pk", *AUTOMATIC_COLUMNS)
    current = {pk: stored for pk, *stored in rows if pk in wanted}
    updates = []
    for pk, stored in current.items():
        record: list[object] = list(stored)
        for n, name in enumerate(AUTOMATIC_COLUMNS):
            if name in automatic[pk] and name in consensus[pk]:
                agreed = consensus[pk][name]
                record[n] = record_value(name, agreed.value, agreed.normalised)
        if record != stored:
            updates.append((*record, pk))
    update_rows(Film, AUTOMATIC_COLUMNS, updates)
    made = fill_credits(films, automatic, consensus, said, trust)
    fill_genres(films, automatic, said)
    return made


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
    said: dict[int, list[Stated]],
    trust: dict[int, float | None],
) -> int:
    """Replace the automatic roles' credits of the films with what the sources say."""
    new: list[tuple] = []
    replacing: set[tuple[int, str]] = set()
    for film in films:
        for field, role in ROLES.items():
            if field not in automatic[film]:
                continue
            replacing.add((film, role))
            if field == Field.DIRECTOR:
                people = directors(said[film], consensus[film].get(Field.DIRECTOR))
            elif field == Field.CAST:
                people = cast(said[film], trust)
            else:
                people = list(
                    dict.fromkeys(
                        c.person for c in said[film] if c.field == field and c.person is not None
                    )
                )
            new.extend((film, person, role, n) for n, person in enumerate(people, start=1))
    # The automatic credits are the importer's, made without history: replaced the same way.
    stale = [
        pk
        for pk, film, role in within(Credit.objects.order_by(), "film", films).values_list(
            "pk", "film_id", "role"
        )
        if (film, role) in replacing
    ]
    delete_rows(Credit, "id", stale)
    return insert_rows(Credit, ["film", "person", "role", "billing"], new)


def fill_genres(
    films: list[int], automatic: dict[int, list[str]], said: dict[int, list[Stated]]
) -> None:
    """The list's genres the sources' words are filed under, for the films whose genres are
    automatic; the list's genres they need and the catalogue lacks are made first."""
    wanted = [film for film in films if "genres" in automatic[film]]
    if not wanted:
        return
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
    delete_rows(through, "film", wanted)
    links = [(film, genres[name]) for film in wanted for name in filed[film]]
    insert_rows(through, ["film", "genre"], links)
