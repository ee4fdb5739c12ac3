"""The record of imported films, filled in from the consensus of their sources.

After the importers (catalog.importers) have loaded their datasets, ``fill_records`` runs the
consensus engine over every claim (catalog.trust.recompute) and sets, on every film that still
has automatic fields (``Film.automatic_fields``), only those fields:

- title, year, certificate and runtime: the consensus value (a title written in IMDb's style,
  "Godfather, The", gets its article back in front);
- directors: the consensus director, with the co-directors named beside them by the sources that
  name the consensus director;
- writers, cast and genres: everyone and everything the sources name (the engine compares single
  values; a film has several of these), the cast billed in the order the sources list it.

Fields an editor has confirmed (by a decision, or by changing them in the film's form) are left
as the editor set them, and films the editors keep by hand (no automatic fields, such as the
seeds' *Red Hot*) are not touched. Then each imported film's counts of sources and conflicts
(what catalog.comparison.refresh_counts stores, computed here in bulk from plain rows), and the
people whose names are one letter apart (catalog.matching.near_duplicate_names), listed for the
editors. One transaction.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.db import transaction

from catalog.bulk import delete_rows, insert_rows, update_rows
from catalog.comparison import (
    BARE_MENTION,
    TABLE_FIELDS,
    person_key,
    record_values,
    refresh_source_counts,
)
from catalog.consensus import VALUE_TYPES as ENGINE_TYPES
from catalog.importers import Progress, UniqueSlugs
from catalog.matching import natural_title, near_duplicate_names
from catalog.models import (
    AUTOMATIC_COLUMNS,
    Claim,
    ConsensusValue,
    Credit,
    Decision,
    Field,
    Film,
    Genre,
    NameVariant,
    Person,
    PossibleDuplicatePerson,
    Review,
    Role,
    Source,
)
from catalog.normalise import fold, normalise
from catalog.trust import recompute

# SQLite allows so many parameters in one query; "pk IN (...)" lists are cut to this size.
CHUNK = 900
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
ROLES = {Field.DIRECTOR: Role.DIRECTOR, Field.WRITER: Role.WRITER, Field.CAST: Role.CAST}


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


def within(queryset, field: str, ids: list[int]):
    """`queryset` narrowed to the range of the sorted `ids`; callers keep only those ids.

    A range is cheap to build and uses the film indexes; "IN" lists of thousands are not.
    """
    return queryset.filter(**{f"{field}__gte": ids[0], f"{field}__lte": ids[-1]})


def chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for first in range(0, len(items), size):
        yield items[first : first + size]


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
    result = recompute()
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
    values = ConsensusValue.objects.filter(
        person__isnull=True, field__in=[*AUTOMATIC_COLUMNS, Field.DIRECTOR]
    )
    wanted = set(films)
    rows = within(values, "film", films).values_list("film_id", "field", "value", "normalised")
    for film, field, value, normalised in rows:
        if film in wanted:
            consensus[film][field] = Agreed(value, normalised)
    said = claims_of(films, [Field.DIRECTOR, Field.WRITER, Field.CAST, Field.GENRE])

    rows = within(Film.objects.all(), "pk", films).values_list("pk", *AUTOMATIC_COLUMNS)
    current = {pk: values for pk, *values in rows if pk in wanted}
    updates = []
    for pk, values in current.items():
        record = list(values)
        for n, name in enumerate(AUTOMATIC_COLUMNS):
            if name in automatic[pk] and name in consensus[pk]:
                record[n] = record_value(name, consensus[pk][name])
        if record != values:
            updates.append((*record, pk))
    update_rows(Film, AUTOMATIC_COLUMNS, updates)
    made = fill_credits(films, automatic, consensus, said)
    fill_genres(films, automatic, said)
    return made


def record_value(name: str, value: Agreed):
    """What the record's field stores for a consensus value."""
    if name == Field.TITLE:
        return natural_title(value.value)[:300]
    if name in (Field.YEAR, Field.RUNTIME):
        try:
            number = int(float(value.normalised))
        except ValueError:
            return None
        if name == Field.YEAR:
            return number if 1870 <= number <= 2100 else None
        return number if 0 < number < 32768 else None
    return value.value.strip()[:20]


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
            name = value.strip()[:100]
            if name in names:
                name = f"{name} ({normalised})"[:100]
            names.add(name)
            new.append(Genre(name=name, slug=slugs.make(normalised, 100)))
        Genre.objects.bulk_create(new)
        genres.update(zip(spelled, (genre.pk for genre in new), strict=True))
    through = Film.genres.through
    delete_rows(through, "film", wanted)
    links = []
    for film in wanted:
        chosen = dict.fromkeys(
            genres[n] for f, _, _, n, _ in said[film] if f == Field.GENRE and n in genres
        )
        links.extend((film, genre) for genre in chosen)
    insert_rows(through, ["film", "genre"], links)


# --- Counts ----------------------------------------------------------------------------------


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
    by_field: dict[str, set[str]] = defaultdict(set)
    cast: dict[int, set[str]] = defaultdict(set)
    for field, normalised, person, character in claims:
        if field in (Field.DIRECTOR, Field.WRITER):
            by_field[field].add(person_key(person))
        elif field == Field.CAST:
            cast[person].add(fold(character) if character else BARE_MENTION)
        else:
            by_field[field].add(normalised)
    conflicting: list[str] = []
    for name in TABLE_FIELDS:
        stated = by_field.get(name)
        if not stated:
            continue
        accepted = record[name] or (stated if len(stated) == 1 else set())
        if stated - accepted:
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
        for film, name in within(Film.genres.through.objects, "film", part).values_list(
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
        for film in within(Film.objects.order_by(), "pk", part).only(*RECORD_COLUMNS):
            pk = film.pk
            if pk in wanted:
                conflicts, unresolved = count_conflicts(
                    film, claims[pk], genres[pk], credits[pk], decided[pk], slugs
                )
                counts.append((len(sources[pk]), conflicts, unresolved, pk))
        update_rows(Film, ["source_count", "conflict_count", "unresolved_count"], counts)
    return len(films)


def conflicting_slugs(claims: dict[int, list[tuple]], credits: dict[int, list[tuple]]) -> dict:
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


# --- People one letter apart -----------------------------------------------------------------


def record_possible_people() -> int:
    """List people whose names (any spelling) are one letter apart, if not listed already."""
    by_name: dict[str, set[int]] = defaultdict(set)
    spelled: dict[tuple[int, str], str] = {}
    for pk, name in Person.objects.values_list("pk", "name"):
        key = fold(name)
        by_name[key].add(pk)
        spelled.setdefault((pk, key), name)
    for pk, name in NameVariant.objects.values_list("person_id", "name"):
        key = fold(name)
        by_name[key].add(pk)
        spelled.setdefault((pk, key), name)
    listed = {
        frozenset(pair)
        for pair in PossibleDuplicatePerson.objects.values_list("person_a", "person_b")
    }
    pairs: dict[frozenset, tuple[int, int, str, str]] = {}
    for a, b in sorted(near_duplicate_names(by_name)):
        for pa in sorted(by_name[a]):
            for pb in sorted(by_name[b]):
                pair = frozenset((pa, pb))
                if pa != pb and pair not in listed and pair not in pairs:
                    pairs[pair] = (pa, pb, spelled[pa, a], spelled[pb, b])
    if not pairs:
        return 0
    named = naming(sorted({p for pair in pairs for p in pair}))
    new = []
    for pa, pb, name_a, name_b in pairs.values():
        reason = f"“{name_a}” and “{name_b}” are one letter apart"
        by_one_source = named.get(pa, set()) & named.get(pb, set())
        films = {film for film, _ in named.get(pa, ())} & {film for film, _ in named.get(pb, ())}
        if by_one_source:
            # One source naming both on one film means two people (Joan and John Cusack).
            score = 0.2
            reason += "; one source names both on the same film"
        elif films:
            score = 0.9
            reason += f"; sources name one or the other on {len(films)} same film(s)"
        else:
            score = 0.5
        new.append((pa, pb, score, reason[:300]))
    return insert_rows(PossibleDuplicatePerson, ["person_a", "person_b", "score", "reason"], new)


def naming(people: list[int]) -> dict[int, set[tuple[int, int]]]:
    """Where the sources name each person: the (film, source) of their claims."""
    named: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for part in chunks(people):
        claims = Claim.objects.filter(person__in=part).order_by()
        for person, film, source in claims.values_list("person_id", "film_id", "source_id"):
            named[person].add((film, source))
    return named
