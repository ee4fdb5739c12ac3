"""Importing a dataset (catalog.datasets) as one source, in one transaction.

The dataset becomes one source (kind "dataset") whose text is the dataset as text, and each of
its rows becomes claims about one film, every claim quoting its row's line as it stands in that
text (with ``quote_start`` set), so the catalogue's invariant holds: every quote occurs verbatim
in its source. Rows are matched to films by catalog.matching, people by their folded names
(catalog.catalogue); catalog.records then fills in the record from the consensus. A row matching a
film the editors keep by hand joins it: its claims are attached, the record is not touched.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from catalog.bulk import insert_rows
from catalog.catalogue import Catalogue
from catalog.datasets.base import Dataset, Reading, Row
from catalog.matching import Outcome, natural_title
from catalog.models import (
    AUTOMATIC_FIELDS,
    PERSON_FIELDS,
    Claim,
    Field,
    Film,
    NameVariant,
    Person,
    PossibleDuplicate,
    Source,
)
from catalog.normalise import normalise
from catalog.normalise import title as normalise_title
from catalog.progress import Progress
from catalog.record_fields import max_length, within_bounds

# Rows whose claims are made and inserted together, between two updates of the progress line.
ROWS_PER_STEP = 1000
CLAIM_COLUMNS = [
    "source",
    "film",
    "field",
    "value",
    "normalised",
    "person",
    "quote",
    "quote_start",
]
FILM_COLUMNS = ["title", "slug", "year", "runtime", "certificate", "automatic_fields"]
TITLE_LENGTH = max_length(Film, "title")
SLUG_LENGTH = max_length(Film, "slug")
CERTIFICATE_LENGTH = max_length(Film, "certificate")
VARIANT_LENGTH = max_length(NameVariant, "name")
REASON_LENGTH = max_length(PossibleDuplicate, "reason")


@dataclass
class ImportSummary:
    dataset: str
    rows: int = 0
    films_created: int = 0
    films_matched: int = 0
    # Of the films matched, those the editors keep by hand: rows joined them as sources.
    films_joined: int = 0
    claims: int = 0
    people_created: int = 0
    possible_duplicates: int = 0
    skipped: int = 0
    seconds: float = 0.0
    already_loaded: bool = False


class NormalForms:
    """normalise() with a memory: years, genres and names repeat across rows."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], str] = {}

    def __call__(self, name: str, value: str) -> str:
        key = (name, value)
        found = self.seen.get(key)
        if found is None:
            if name == Field.TITLE:
                found = normalise_title(natural_title(value))
            else:
                found = normalise(name, value)
            self.seen[key] = found
        return found


def check_positions(reading: Reading) -> None:
    """Every row's line stands where its claims will say it does: the invariant, by rows."""
    text = reading.text
    for row in reading.rows:
        if text[row.start : row.start + len(row.line)] != row.line:
            raise ValueError(f"Row {row.key} is not at position {row.start} of the text.")


def import_dataset(
    dataset: Dataset,
    catalogue: Catalogue,
    *,
    path: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Load one dataset as one source, in one transaction; nothing if its source exists."""
    began = time.monotonic()
    summary = ImportSummary(dataset.name)
    if Source.objects.filter(slug=dataset.slug).exists():
        summary.already_loaded = True
        return summary
    progress = progress or Progress(quiet=True)
    reading = dataset.read(path or dataset.locate(), limit)
    check_positions(reading)
    summary.rows, summary.skipped = len(reading.rows), reading.skipped
    with transaction.atomic():
        source = Source.objects.create(
            title=dataset.title,
            slug=dataset.slug,
            kind=Source.Kind.DATASET,
            publisher=dataset.publisher,
            url=dataset.url,
            licence=dataset.licence,
            citation=dataset.citation,
            notes=source_notes(dataset, reading, limit),
            text=reading.text,
        )
        outcomes = catalogue.matcher.match([row.entry for row in reading.rows])
        films = place_films(reading.rows, outcomes, catalogue, summary)
        progress.start(dataset.label, len(reading.rows))
        spellings: set[tuple[int, str]] = set()
        normal = NormalForms()
        for first in range(0, len(reading.rows), ROWS_PER_STEP):
            rows = reading.rows[first : first + ROWS_PER_STEP]
            claims = make_claims(source, rows, films[first:], catalogue, normal, spellings, summary)
            summary.claims += insert_rows(Claim, CLAIM_COLUMNS, claims)
            progress.update(first + len(rows))
        add_variants(spellings, catalogue)
        summary.possible_duplicates = record_possible_duplicates(outcomes, films)
        summary.seconds = time.monotonic() - began
        progress.done(
            f" rows: {summary.claims:,} claims, {summary.films_created:,} new films, "
            f"{summary.films_matched:,} matched, {summary.films_joined:,} of them kept by hand "
            f"({summary.seconds:.1f} s)"
        )
    return summary


def source_notes(dataset: Dataset, reading: Reading, limit: int | None) -> str:
    notes = [dataset.notes]
    if reading.rendering:
        notes.append(reading.rendering)
    if limit and limit < reading.total:
        notes.append(f"Only the first {limit:,} of its {reading.total:,} rows were imported.")
    if reading.skipped:
        notes.append(f"{reading.skipped:,} rows without a title were not imported.")
    return " ".join(notes)


def place_films(
    rows: list[Row], outcomes: list[Outcome], catalogue: Catalogue, summary: ImportSummary
) -> list[int]:
    """Each row's film: the film it matches, or a new one (created here, in bulk)."""
    before = Film.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    new: dict[int, tuple] = {}
    for n, (row, outcome) in enumerate(zip(rows, outcomes, strict=True)):
        if outcome.film is None and outcome.same_as_row is None:
            entry = row.entry
            name = natural_title(entry.title)[:TITLE_LENGTH]
            new[n] = (
                name,
                catalogue.film_slugs.make(f"{name} {entry.year or ''}", SLUG_LENGTH),
                within_bounds(Field.YEAR, entry.year),
                within_bounds(Field.RUNTIME, entry.runtime),
                row.certificate[:CERTIFICATE_LENGTH],
                list(AUTOMATIC_FIELDS),
            )
    insert_rows(Film, FILM_COLUMNS, new.values())
    created = dict(Film.objects.filter(pk__gt=before).values_list("slug", "pk"))
    films: list[int] = []
    for n, outcome in enumerate(outcomes):
        if outcome.film is not None:
            films.append(outcome.film)
        elif outcome.same_as_row is not None:
            films.append(films[outcome.same_as_row])
        else:
            films.append(created[new[n][1]])
    summary.films_created = len(new)
    summary.films_matched = len(rows) - len(new)
    known = catalogue.matcher.films
    summary.films_joined = len({film for film in films if film in known and known[film].kept})
    for row, film in zip(rows, films, strict=True):
        catalogue.matcher.add(film, row.entry)
    return films


def make_claims(
    source: Source,
    rows: list[Row],
    films: list[int],
    catalogue: Catalogue,
    normal: NormalForms,
    spellings: set[tuple[int, str]],
    summary: ImportSummary,
) -> list[tuple]:
    """The claims of some rows (CLAIM_COLUMNS); the new people they name are created first."""
    new_people: dict[str, tuple[str, str]] = {}  # folded name -> (name, slug)
    for row in rows:
        for item in row.said:
            if item.field in PERSON_FIELDS:
                catalogue.person(item.value, new_people)
    if new_people:
        before = Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        insert_rows(Person, ["name", "slug"], new_people.values())
        created = dict(Person.objects.filter(pk__gt=before).values_list("slug", "pk"))
        for key, (name, slug) in new_people.items():
            pk = created[slug]
            catalogue.people[key] = pk
            catalogue.names[pk] = name
        summary.people_created += len(new_people)
    claims = []
    people = catalogue.people
    for row, film in zip(rows, films, strict=False):
        for item in row.said:
            person = None
            if item.field in PERSON_FIELDS:
                person = people[catalogue.key(item.value)]
                spellings.add((person, item.value))
            claims.append(
                (
                    source.pk,
                    film,
                    item.field,
                    item.value,
                    normal(item.field, item.value),
                    person,
                    row.line,
                    row.start,
                )
            )
    return claims


def add_variants(spellings: set[tuple[int, str]], catalogue: Catalogue) -> None:
    """Every spelling a source uses for a person, other than the name the record uses."""
    new = []
    for person, name in sorted(spellings):
        if name != catalogue.names.get(person) and (person, name) not in catalogue.variants:
            catalogue.variants.add((person, name))
            new.append((person, name[:VARIANT_LENGTH]))
    insert_rows(NameVariant, ["person", "name"], new)


def record_possible_duplicates(outcomes: list[Outcome], films: list[int]) -> int:
    """The matches left for the editors: each row's film beside the films it may be."""
    pairs: dict[tuple[int, int], tuple] = {}
    for outcome, film in zip(outcomes, films, strict=True):
        for possible in outcome.possible:
            pair = (possible.film, film)
            if possible.film != film and pair not in pairs:
                pairs[pair] = (*pair, round(possible.score, 3), possible.reason[:REASON_LENGTH])
    return insert_rows(PossibleDuplicate, ["film_a", "film_b", "score", "reason"], pairs.values())
