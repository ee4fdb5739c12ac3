"""The counts lists sort on: each film's sources and conflicting rows, each source's claims and
films; computed from plain rows, for one film or tens of thousands at once.

A conflicting row is one the film page shows as such: catalog.comparison's rule (`accepted_values`,
`accepted_characters`, `conflicts`) applied to the rows' comparable values, without building the
comparison itself (the tests check the two agree). Queries go by batches of films, so one film's
count takes the same few queries whatever its credits or claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, F, QuerySet

from catalog.bulk import chunks, update_rows, within
from catalog.comparison import (
    BARE_MENTION,
    TABLE_FIELDS,
    accepted_characters,
    accepted_values,
    as_keys,
    conflicts,
    genre_keys,
    person_key,
    record_values,
)
from catalog.models import Claim, Credit, Decision, Field, Film, Person, Review, Role, Source
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
    """(conflicting rows, of which unresolved), as the film page's comparison shows them.

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
        values = {as_keys(said) for said in stated}
        keys = {key for said in values for key in said}
        if conflicts(keys, accepted_values(record[name], values)):
            conflicting.append(name)
    credited: dict[int, str] = {}
    for person, role, character in credits:
        if role == Role.CAST:
            credited[person] = character
    for person, keys in cast.items():
        if conflicts(keys, accepted_characters(credited.get(person))):
            conflicting.append(slugs.get(person, ""))
    return len(conflicting), sum(key not in decided for key in conflicting)


def refresh_counts(films: QuerySet[Film]) -> None:
    """Store the counts of `films`: a queryset's, for callers that hold one."""
    store_counts(list(films.values_list("pk", flat=True)))


def store_counts(films: Iterable[int]) -> int:
    """Store each film's number of sources and of conflicting rows; the number of films."""
    films = sorted(set(films))
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


def count_moved_claim(source: int, before: int | None, after: int | None) -> None:
    """A source's counts once one of its claims came to film `after` (`before` None), left film
    `before` (`after` None) or moved between the two: without counting all its claims again, as
    `refresh_source_counts` does (a dataset makes 180,000)."""
    if before == after:
        return
    claims = Claim.objects.filter(source=source)
    films = 0
    if after is not None and claims.filter(film=after).count() == 1:
        films += 1  # the claim is the source's first on that film
    if before is not None and not claims.filter(film=before).exists():
        films -= 1  # it was the source's last on that film
    changed = int(after is not None) - int(before is not None)
    Source.objects.filter(pk=source).update(
        claim_count=F("claim_count") + changed, film_count=F("film_count") + films
    )


def refresh_source_counts(sources: QuerySet[Source] | None = None) -> None:
    """Store the number of claims and of films of each of `sources` (None: every source)."""
    chosen = list((sources if sources is not None else Source.objects.all()).only("pk"))
    if not chosen:
        return
    counts = {
        row["source"]: (row["claims"], row["films"])
        for row in Claim.objects.filter(source__in=chosen)
        .values("source")
        .annotate(claims=Count("id"), films=Count("film", distinct=True))
        .order_by()
    }
    for source in chosen:
        source.claim_count, source.film_count = counts.get(source.pk, (0, 0))
    Source.objects.bulk_update(chosen, ["claim_count", "film_count"])
