"""The record of imported films, filled in from the consensus of their sources.

After the importers (catalog.importing) have loaded their datasets, ``fill_records`` runs the
consensus engine over every claim (catalog.trust.learn) and sets, on every film that still
has automatic fields (``Film.automatic_fields``), only those fields:

- title, year, certificate and runtime: the consensus value, fitted to the field
  (catalog.record_fields.record_value: a title written in IMDb's style, "Godfather, The", gets
  its article back in front);
- directors: the consensus director, with the co-directors named beside them by the sources that
  name the consensus director;
- writers, cast and genres: everyone and everything the sources name (the engine compares single
  values; a film has several of these), the cast billed in the order the sources list it.

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

from catalog.bulk import chunks, delete_rows, insert_rows, update_rows, within
from catalog.consensus import VALUE_TYPES as ENGINE_TYPES
from catalog.counts import refresh_source_counts, store_counts
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
from catalog.normalise import normalise
from catalog.possible_people import record_possible_people
from catalog.progress import Progress
from catalog.record_fields import max_length, record_value
from catalog.slugs import UniqueSlugs
from catalog.trust import learn

ROLES = {Field.DIRECTOR: Role.DIRECTOR, Field.WRITER: Role.WRITER, Field.CAST: Role.CAST}
GENRE_LENGTH = max_length(Genre, "name")
GENRE_SLUG_LENGTH = max_length(Genre, "slug")


class Agreed(NamedTuple):
    """A consensus value: as the sources write it, and its normal form."""

    value: str
    normalised: str


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


@transaction.atomic
def fill_records(progress: Progress | None = None) -> RecordSummary:
    """The consensus over every claim, then the automatic fields of every film from it, the
    imported films' counts, and the people one letter apart; in one transaction."""
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
    progress.start("Record", len(films))
    for done, part in enumerate(chunks(films, 5000)):
        summary.credits += fill_part(part, automatic)
        progress.update(min(len(films), (done + 1) * 5000))
    progress.done(" films: their record filled in from the consensus")
    summary.films = len(films)

    counted = imported_films()
    summary.counted = store_counts(counted)
    refresh_source_counts()
    summary.possible_people = record_possible_people()
    summary.seconds = time.monotonic() - began
    return summary


def fill_part(films: list[int], automatic: dict[int, list[str]]) -> int:
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
    made = fill_credits(films, automatic, consensus, said)
    fill_genres(films, automatic, said)
    return made


def claims_of(films: list[int], fields: list[str]) -> dict[int, list[tuple]]:
    """(field, source, person, normalised, value) of the films' claims on `fields`, by source."""
    said: dict[int, list[tuple]] = defaultdict(list)
    wanted = set(films)
    rows = (
        within(Claim.objects.filter(field__in=fields), "film", films)
        .order_by("film", "source", "pk")
        .values_list("film_id", "field", "source_id", "person_id", "normalised", "value")
    )
    for film, *rest in rows:
        if film in wanted:
            said[film].append(tuple(rest))
    return said


def directors(said: list[tuple], consensus: Agreed | None) -> list[int]:
    """The consensus director, and the co-directors named by the sources that name them."""
    if consensus is None:
        return []
    person_type = ENGINE_TYPES["person"]
    by_source: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for field, source, person, normalised, _ in said:
        if field == Field.DIRECTOR:
            by_source[source].append((person, normalised))
    chosen: list[int] = []
    for named in by_source.values():
        if any(person_type.normalise(n) == consensus.normalised for _, n in named):
            chosen.extend(person for person, _ in named if person not in chosen)
    return chosen


def fill_credits(
    films: list[int],
    automatic: dict[int, list[str]],
    consensus: dict[int, dict[str, Agreed]],
    said: dict[int, list[tuple]],
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
            else:
                people = list(dict.fromkeys(p for f, _, p, _, _ in said[film] if f == field))
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
    films: list[int], automatic: dict[int, list[str]], said: dict[int, list[tuple]]
) -> None:
    """Every genre the sources give, for the films whose genres are automatic."""
    wanted = [film for film in films if "genres" in automatic[film]]
    if not wanted:
        return
    genres = {normalise(Field.GENRE, genre.name): genre.pk for genre in Genre.objects.all()}
    spelled: dict[str, str] = {}
    for film in wanted:
        for field, _, _, normalised, value in said[film]:
            if field == Field.GENRE and normalised and normalised not in genres:
                spelled.setdefault(normalised, value)
    if spelled:
        names = set(Genre.objects.values_list("name", flat=True))
        slugs = UniqueSlugs(Genre.objects.values_list("slug", flat=True), "genre")
        new = []
        for normalised, value in spelled.items():
            name = value.strip()[:GENRE_LENGTH]
            if name in names:
                name = f"{name} ({normalised})"[:GENRE_LENGTH]
            names.add(name)
            new.append(Genre(name=name, slug=slugs.make(normalised, GENRE_SLUG_LENGTH)))
        Genre.objects.bulk_create(new)
        genres.update(zip(spelled, (genre.pk for genre in new), strict=True))
    through = Film.genres.through
    delete_rows(through, "film", wanted)
    links: list[tuple[int, int]] = []
    for film in wanted:
        chosen = dict.fromkeys(
            genres[n] for f, _, _, n, _ in said[film] if f == Field.GENRE and n in genres
        )
        links.extend((film, genre) for genre in chosen)
    insert_rows(through, ["film", "genre"], links)
