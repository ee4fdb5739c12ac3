"""Compare what each source claims about a film with the editors' record, field by field."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from catalog.models import Claim, Credit, Field, Film, Person, Review, Role, Source
from catalog.normalise import fold, normalise


class Status(StrEnum):
    AGREES = "agrees"
    CONFLICTS = "conflicts"
    SILENT = "silent"
    NOT_COMPARED = "not-compared"


# The comparison table's rows, in reading order; cast, prose and opinions have their own sections.
TABLE_FIELDS = [
    Field.TITLE,
    Field.YEAR,
    Field.CERTIFICATE,
    Field.RUNTIME,
    Field.GENRE,
    Field.DIRECTOR,
    Field.WRITER,
    Field.SETTING,
    Field.PERIOD,
    Field.FILMING_LOCATION,
    Field.CONTENT_ADVISORY,
    Field.TAGLINE,
]
PROSE_FIELDS = [Field.SYNOPSIS, Field.ENDING]
MULTI_VALUED = {Field.GENRE, Field.DIRECTOR, Field.WRITER}


@dataclass
class Cell:
    """What one source says on one row, and how that stands against the record."""

    source: Source
    claims: list[Claim]
    status: Status

    @property
    def contradicts_itself(self) -> bool:
        return len({claim.normalised for claim in self.claims}) > 1


@dataclass
class Row:
    field: Field
    record: str
    cells: list[Cell]

    @property
    def label(self) -> str:
        return self.field.label

    @property
    def has_conflict(self) -> bool:
        return any(cell.status == Status.CONFLICTS for cell in self.cells)

    @property
    def supporting(self) -> list[Claim]:
        return [c for cell in self.cells if cell.status == Status.AGREES for c in cell.claims]

    @property
    def dissenting(self) -> list[Source]:
        return [cell.source for cell in self.cells if cell.status == Status.CONFLICTS]


@dataclass
class CastCell:
    source: Source
    claims: list[Claim]
    status: Status


@dataclass
class CastRow:
    person: Person
    credit: Credit | None
    cells: list[CastCell]

    @property
    def has_conflict(self) -> bool:
        return any(cell.status == Status.CONFLICTS for cell in self.cells)


@dataclass
class Comparison:
    film: Film
    sources: list[Source]
    rows: list[Row]
    cast: list[CastRow]
    prose: list[Row]
    reviews: list[tuple[Source, Review | None, list[Claim]]] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Row]:
        return [row for row in self.rows if row.has_conflict]

    @property
    def cast_conflicts(self) -> list[CastRow]:
        return [row for row in self.cast if row.has_conflict]


def record_values(film: Film, credits: Iterable[Credit]) -> dict[Field, set[str]]:
    """The record's comparable values for each field; people are compared by their key."""
    values: dict[Field, set[str]] = defaultdict(set)
    simple = {
        Field.TITLE: film.title,
        Field.YEAR: str(film.year or ""),
        Field.CERTIFICATE: film.certificate,
        Field.RUNTIME: str(film.runtime or ""),
        Field.SETTING: film.setting,
        Field.PERIOD: film.period,
        Field.FILMING_LOCATION: film.filming_location,
        Field.CONTENT_ADVISORY: film.content_advisory,
        Field.TAGLINE: film.tagline,
    }
    for name, value in simple.items():
        if value:
            values[name].add(normalise(name, value))
    for genre in film.genres.all():
        values[Field.GENRE].add(normalise(Field.GENRE, genre.name))
    for credit in credits:
        if credit.role in (Role.DIRECTOR, Role.WRITER):
            values[Field(credit.role)].add(person_key(credit.person_id))
    return values


def person_key(person_id: int | None) -> str:
    return f"person:{person_id}"


def comparable(claim: Claim) -> str:
    if claim.field in (Field.DIRECTOR, Field.WRITER):
        return person_key(claim.person_id)
    return claim.normalised


def cell_status(claims: list[Claim], record: set[str], others: set[str]) -> Status:
    """Agrees when every claim matches the record (or, with no record, all sources agree)."""
    if not claims:
        return Status.SILENT
    reference = record or others
    if all(comparable(claim) in reference for claim in claims) and (record or len(others) == 1):
        return Status.AGREES
    return Status.CONFLICTS


def record_display(film: Film, name: Field, credits: list[Credit]) -> str:
    if name == Field.GENRE:
        return ", ".join(genre.name for genre in film.genres.all())
    if name in (Field.DIRECTOR, Field.WRITER):
        return ", ".join(c.person.name for c in credits if c.role == name)
    if name == Field.RUNTIME:
        return f"{film.runtime} min" if film.runtime else ""
    return str(getattr(film, name) or "")


def compare(
    film: Film, claims: Iterable[Claim], credits: Iterable[Credit], reviews: Iterable[Review]
) -> Comparison:
    """Build the film page's comparison from already-fetched claims, credits and reviews."""
    claims, credits, reviews = list(claims), list(credits), list(reviews)
    sources = sorted(
        {c.source for c in claims} | {r.source for r in reviews}, key=lambda s: (s.title, s.pk)
    )
    by_field_source: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_field_source[claim.field, claim.source_id].append(claim)
    record = record_values(film, credits)

    rows = []
    for name in TABLE_FIELDS:
        said = {comparable(c) for s in sources for c in by_field_source[name, s.pk]}
        cells = [
            Cell(s, by_field_source[name, s.pk], cell_status(by_field_source[name, s.pk], record[name], said))
            for s in sources
        ]
        display = record_display(film, name, credits)
        if display or any(cell.claims for cell in cells):
            rows.append(Row(name, display, cells))

    prose = []
    for name in PROSE_FIELDS:
        cells = [
            Cell(s, by_field_source[name, s.pk], Status.NOT_COMPARED if by_field_source[name, s.pk] else Status.SILENT)
            for s in sources
        ]
        display = str(getattr(film, name) or "")
        if display or any(cell.claims for cell in cells):
            prose.append(Row(name, display, cells))

    review_by_source = {review.source_id: review for review in reviews}
    opinion_fields = (Field.VERDICT, Field.USER_RATING, Field.VOTES)
    review_rows = [
        (s, review_by_source.get(s.pk), [c for f in opinion_fields for c in by_field_source[f, s.pk]])
        for s in sources
    ]
    return Comparison(film, sources, rows, compare_cast(sources, claims, credits), prose, review_rows)


def compare_cast(sources: list[Source], claims: list[Claim], credits: list[Credit]) -> list[CastRow]:
    """A row per person, whichever spelling each source used; a column per source's characters."""
    cast_credits = {c.person_id: c for c in credits if c.role == Role.CAST}
    cast_claims = [c for c in claims if c.field == Field.CAST]
    people = {c.person_id: c.person for c in cast_credits.values()}
    people.update({c.person_id: c.person for c in cast_claims})
    by_person_source: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for claim in cast_claims:
        by_person_source[claim.person_id, claim.source_id].append(claim)

    def status(person_id: int, person_claims: list[Claim]) -> Status:
        if not person_claims:
            return Status.SILENT
        credit = cast_credits.get(person_id)
        if credit is None:
            return Status.CONFLICTS
        characters = {fold(c.character) for c in person_claims if c.character}
        return Status.AGREES if characters <= {fold(credit.character)} else Status.CONFLICTS

    def billing(person_id: int) -> tuple:
        credit = cast_credits.get(person_id)
        return (credit is None, credit.billing if credit else 0, people[person_id].name)

    return [
        CastRow(
            people[person_id],
            cast_credits.get(person_id),
            [
                CastCell(s, by_person_source[person_id, s.pk], status(person_id, by_person_source[person_id, s.pk]))
                for s in sources
            ],
        )
        for person_id in sorted(people, key=billing)
    ]
