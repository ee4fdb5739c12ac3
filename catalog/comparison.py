"""Compare what each source claims about a film with the editors' record, field by field."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum

from django.db.models import Count
from django.utils.text import Truncator

from catalog import consensus
from catalog.models import (
    Claim,
    ConsensusValue,
    Credit,
    Decision,
    Field,
    Film,
    Person,
    Review,
    Role,
    Source,
    SourceAgreement,
)
from catalog.normalise import fold, normalise
from catalog.trust import FIELD_TYPES


class Status(StrEnum):
    AGREES = "agrees"
    CONFLICTS = "conflicts"
    SILENT = "silent"
    NOT_COMPARED = "not-compared"


# The comparison table's rows, in reading order; cast, prose and opinions have their own sections.
ROW_FIELDS = [
    Field.TITLE,
    Field.YEAR,
    Field.CERTIFICATE,
    Field.RUNTIME,
    Field.GENRE,
    Field.DIRECTOR,
    Field.WRITER,
    Field.LANGUAGE,
    Field.COUNTRY,
    Field.SETTING,
    Field.PERIOD,
    Field.FILMING_LOCATION,
    Field.CONTENT_ADVISORY,
    Field.TAGLINE,
]
# The record keeps no language or country: the sources' values are shown as written, not compared.
UNRECORDED_FIELDS = [Field.LANGUAGE, Field.COUNTRY]
# The rows compared with the record.
TABLE_FIELDS = [name for name in ROW_FIELDS if name not in UNRECORDED_FIELDS]
PROSE_FIELDS = [Field.SYNOPSIS, Field.ENDING]
OPINION_FIELDS = [Field.VERDICT, Field.USER_RATING, Field.VOTES]
# A film has several of these, so a source naming two of them is not contradicting itself.
MULTI_VALUED = {
    Field.GENRE,
    Field.DIRECTOR,
    Field.WRITER,
    Field.CAST,
    Field.LANGUAGE,
    Field.COUNTRY,
}
BARE_MENTION = "*"


@dataclass
class Value:
    """One value as a source writes it, with every passage where it says so."""

    text: str
    claims: list[Claim]
    agrees: bool | None
    # Naming an actor without a character neither supports nor contradicts the credit.
    neutral: bool = False

    @property
    def claim(self) -> Claim:
        return self.claims[0]

    @property
    def more(self) -> list[Claim]:
        return self.claims[1:]


@dataclass
class Cell:
    """What one source says on one row, and how that stands against the record."""

    source: Source
    values: list[Value]
    status: Status
    multi_valued: bool = False

    @property
    def claims(self) -> list[Claim]:
        return [claim for value in self.values for claim in value.claims]

    @property
    def contradicts_itself(self) -> bool:
        return not self.multi_valued and len({v.agrees for v in self.values}) > 1

    @property
    def dissenting_values(self) -> list[Value]:
        return [value for value in self.values if value.agrees is False]


@dataclass
class Row:
    key: str
    label: str
    record: str
    cells: list[Cell]
    decision: Decision | None = None
    consensus: ConsensusValue | None = None
    # The record's value was filled in from the sources' consensus; no editor has confirmed it.
    automatic: bool = False
    # False for the fields the record keeps no value for (UNRECORDED_FIELDS).
    recorded: bool = True

    @property
    def differs_from_consensus(self) -> bool:
        """The record says something else than what the sources most likely mean."""
        if self.consensus is None or not self.record:
            return False
        value_type = consensus.VALUE_TYPES[FIELD_TYPES.get(self.consensus.field, "person")]
        return value_type.normalise(self.record) != self.consensus.normalised

    @property
    def has_conflict(self) -> bool:
        return any(cell.status == Status.CONFLICTS for cell in self.cells)

    @property
    def stating(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.status != Status.SILENT]

    @property
    def supporting(self) -> list[Cell]:
        return [
            cell
            for cell in self.cells
            if any(value.agrees and not value.neutral for value in cell.values)
        ]

    @property
    def dissenting(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.dissenting_values]

    @property
    def unresolved(self) -> bool:
        return self.has_conflict and self.decision is None

    def dissent(self, width: int = 60) -> str:
        """Which sources say otherwise than the record, and what: 'TV Guide says “1995”'."""
        return "; ".join(
            f"{cell.source.title} says "
            + ", ".join(
                f"“{Truncator(value.text).chars(width)}”" for value in cell.dissenting_values
            )
            for cell in self.dissenting
        )


@dataclass
class CastRow(Row):
    person: Person | None = None
    credit: Credit | None = None


@dataclass
class Comparison:
    film: Film
    sources: list[Source]
    rows: list[Row]
    cast: list[CastRow]
    prose: list[Row]
    reviews: list[tuple[Source, Review | None, list[Claim]]]
    credits: list[Credit]
    other_film: list[SourceAgreement] = dataclass_field(default_factory=list)

    @property
    def conflicts(self) -> list[Row]:
        return [row for row in self.rows if row.has_conflict]

    @property
    def cast_conflicts(self) -> list[CastRow]:
        return [row for row in self.cast if row.has_conflict]

    @property
    def all_conflicts(self) -> list[Row]:
        return self.conflicts + self.cast_conflicts

    def row(self, key: str) -> Row | None:
        return next((row for row in self.rows + self.cast if row.key == key), None)

    @property
    def starring(self) -> list[Person]:
        return [row.person for row in self.cast if row.credit]

    @property
    def cast_automatic(self) -> bool:
        return any(row.automatic for row in self.cast)

    @property
    def automatic_labels(self) -> list[str]:
        """The record's fields with an automatic value, the cast counted once."""
        labels = [row.label for row in self.rows if row.automatic]
        return [*labels, Field.CAST.label] if self.cast_automatic else labels


def person_key(person_id: int | None) -> str:
    return f"person:{person_id}"


def automatic_keys(film: Film) -> set[str]:
    """The keys of the rows whose record value is automatic (`Film.automatic_fields`)."""
    # Film.automatic_fields names the film's genres "genres", as the importers' columns do.
    return {Field.GENRE if name == "genres" else name for name in film.automatic_fields}


def comparable(claim: Claim) -> str:
    """What a claim is matched on: the person for credits, otherwise its normalised value."""
    if claim.field in (Field.DIRECTOR, Field.WRITER):
        return person_key(claim.person_id)
    return claim.normalised


def record_values(
    film: Film, genres: Iterable[str], people: Iterable[tuple[int, str]]
) -> dict[str, set[str]]:
    """The record's comparable values for each field of the table.

    `genres` are the film's genre names; `people` its credits as (person id, role).
    """
    values: dict[str, set[str]] = defaultdict(set)
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
    for genre in genres:
        values[Field.GENRE].add(normalise(Field.GENRE, genre))
    for person, role in people:
        if role in (Role.DIRECTOR, Role.WRITER):
            values[role].add(person_key(person))
    return values


def record_display(film: Film, name: Field, credits: list[Credit]) -> str:
    if name == Field.GENRE:
        return ", ".join(genre.name for genre in film.genres.all())
    if name in (Field.DIRECTOR, Field.WRITER):
        return ", ".join(c.person.name for c in credits if c.role == name)
    if name == Field.RUNTIME:
        return f"{film.runtime} min" if film.runtime else ""
    if name in UNRECORDED_FIELDS:
        return ""
    return str(getattr(film, name) or "")


def make_cell(
    source: Source,
    claims: list[Claim],
    accepted: set[str] | None,
    key: Callable[[Claim], str],
    label: Callable[[Claim], str],
    multi_valued: bool,
) -> Cell:
    """Group a source's claims by value; `accepted` None means the row is not compared."""
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(label(claim), []).append(claim)
    values = [
        Value(
            text,
            group,
            agrees=None if accepted is None else key(group[0]) in accepted,
            neutral=key(group[0]) == BARE_MENTION,
        )
        for text, group in grouped.items()
    ]
    if not values:
        status = Status.SILENT
    elif accepted is None:
        status = Status.NOT_COMPARED
    elif all(value.agrees for value in values):
        status = Status.AGREES
    else:
        status = Status.CONFLICTS
    return Cell(source, values, status, multi_valued)


def comparison_for(film: Film) -> Comparison:
    """The comparison of one film, fetched in a fixed number of queries."""
    return compare(
        film,
        film.claims.for_comparison(),
        film.credits.select_related("person"),
        film.reviews.with_source(),
        film.decisions.select_related("person", "editor"),
        film.consensus.select_related("person"),
        film.agreements.filter(possibly_other_film=True).with_source(),
    )


def compare(
    film: Film,
    claims: Iterable[Claim],
    credits: Iterable[Credit],
    reviews: Iterable[Review],
    decisions: Iterable[Decision] = (),
    consensus_values: Iterable[ConsensusValue] = (),
    other_film: Iterable[SourceAgreement] = (),
) -> Comparison:
    """Build the film page's comparison from already-fetched claims, credits and reviews.

    `decisions` newest first: the newest decision on a row is the one the row shows.
    """
    claims, credits, reviews = list(claims), list(credits), list(reviews)
    sources = sorted(
        {c.source for c in claims} | {r.source for r in reviews}, key=lambda s: (s.title, s.pk)
    )
    said: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        said[claim.field, claim.source_id].append(claim)
    record = record_values(
        film,
        (genre.name for genre in film.genres.all()),
        ((credit.person_id, credit.role) for credit in credits),
    )

    def value_text(claim: Claim) -> str:
        return claim.value

    rows = []
    for name in ROW_FIELDS:
        recorded = name not in UNRECORDED_FIELDS
        accepted = (record[name] or agreed_by_all(said, name, sources)) if recorded else None
        cells = [
            make_cell(s, said[name, s.pk], accepted, comparable, value_text, name in MULTI_VALUED)
            for s in sources
        ]
        row = Row(name, name.label, record_display(film, name, credits), cells, recorded=recorded)
        if row.record or row.stating:
            rows.append(row)

    prose = []
    for name in PROSE_FIELDS:
        cells = [
            make_cell(s, said[name, s.pk], None, comparable, value_text, False) for s in sources
        ]
        row = Row(name, name.label, str(getattr(film, name) or ""), cells)
        if row.record or row.stating:
            prose.append(row)

    review_by_source = {review.source_id: review for review in reviews}
    review_rows = [
        (s, review_by_source.get(s.pk), [c for f in OPINION_FIELDS for c in said[f, s.pk]])
        for s in sources
    ]
    cast = compare_cast(sources, said, credits)
    latest: dict[str, Decision] = {}
    for decision in decisions:
        latest.setdefault(decision.key, decision)
    by_key = {value.key: value for value in consensus_values}
    automatic = automatic_keys(film)
    for row in rows + cast:
        row.decision = latest.get(row.key)
        row.consensus = by_key.get(row.key)
        key = Field.CAST if isinstance(row, CastRow) else row.key
        row.automatic = bool(row.record) and key in automatic
    return Comparison(film, sources, rows, cast, prose, review_rows, credits, list(other_film))


def agreed_by_all(said, name: str, sources: list[Source]) -> set[str]:
    """With no record to compare with, a value is accepted only when every source gives it."""
    values = {comparable(c) for s in sources for c in said[name, s.pk]}
    return values if len(values) == 1 else set()


def character_text(claim: Claim) -> str:
    return claim.character or "named, no character"


def compare_cast(
    sources: list[Source], said: dict[tuple[str, int], list[Claim]], credits: list[Credit]
) -> list[CastRow]:
    """A row per person, whichever spelling each source used; a column per source's characters."""
    cast_credits = {c.person_id: c for c in credits if c.role == Role.CAST}
    people = {c.person_id: c.person for c in cast_credits.values()}
    by_person: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for source in sources:
        for claim in said[Field.CAST, source.pk]:
            people[claim.person_id] = claim.person
            by_person[claim.person_id, source.pk].append(claim)

    def billing(person_id: int) -> tuple:
        credit = cast_credits.get(person_id)
        return (credit is None, credit.billing if credit else 0, people[person_id].name)

    def character_key(claim: Claim) -> str:
        # Naming the person without a character supports the credit without contradicting it.
        return fold(claim.character) if claim.character else BARE_MENTION

    rows = []
    for person_id in sorted(people, key=billing):
        credit = cast_credits.get(person_id)
        accepted = {fold(credit.character), BARE_MENTION} if credit else set()
        cells = [
            make_cell(s, by_person[person_id, s.pk], accepted, character_key, character_text, False)
            for s in sources
        ]
        record = (credit.character or "(no character)") if credit else ""
        person = people[person_id]
        rows.append(CastRow(person.slug, person.name, record, cells, person=person, credit=credit))
    return rows


def compare_films(films: Iterable[Film]) -> dict[int, Comparison]:
    """Comparisons for many films at once, in a fixed number of queries."""
    films = {film.pk: film for film in films}
    claims: dict[int, list[Claim]] = defaultdict(list)
    credits: dict[int, list[Credit]] = defaultdict(list)
    reviews: dict[int, list[Review]] = defaultdict(list)
    decisions: dict[int, list[Decision]] = defaultdict(list)
    for claim in Claim.objects.filter(film__in=films).for_comparison():
        claims[claim.film_id].append(claim)
    for credit in Credit.objects.filter(film__in=films).select_related("person"):
        credits[credit.film_id].append(credit)
    for review in Review.objects.filter(film__in=films).with_source():
        reviews[review.film_id].append(review)
    for decision in Decision.objects.filter(film__in=films).select_related("person", "editor"):
        decisions[decision.film_id].append(decision)
    return {
        pk: compare(film, claims[pk], credits[pk], reviews[pk], decisions[pk])
        for pk, film in films.items()
    }


def refresh_counts(films) -> None:
    """Store each film's number of sources and of conflicting rows, for lists to sort on."""
    films = list(films.prefetch_related("genres"))
    comparisons = compare_films(films)
    for film in films:
        comparison = comparisons[film.pk]
        film.source_count = len(comparison.sources)
        film.conflict_count = len(comparison.all_conflicts)
        film.unresolved_count = sum(row.unresolved for row in comparison.all_conflicts)
    Film.objects.bulk_update(
        films, ["source_count", "conflict_count", "unresolved_count"], batch_size=500
    )


def refresh_source_counts(sources=None) -> None:
    """Store the number of claims and of films of each of `sources` (None: every source)."""
    sources = list((sources if sources is not None else Source.objects.all()).only("pk"))
    counts = {
        row["source"]: row
        for row in Claim.objects.filter(source__in=sources)
        .values("source")
        .annotate(claims=Count("id"), films=Count("film", distinct=True))
    }
    for source in sources:
        source.claim_count = counts.get(source.pk, {}).get("claims", 0)
        source.film_count = counts.get(source.pk, {}).get("films", 0)
    Source.objects.bulk_update(sources, ["claim_count", "film_count"])


class Standing(StrEnum):
    AGREES = "agrees"
    CONFLICTS = "conflicts"
    UNIQUE = "unique"
    NEUTRAL = "neutral"


def claim_standings(comparison: Comparison) -> dict[int, Standing]:
    """How each claim stands: agrees with the record, conflicts, or is the only word on its row."""
    standings = {}
    for row in comparison.rows + comparison.cast + comparison.prose:
        alone = len(row.stating) == 1
        for cell in row.cells:
            for value in cell.values:
                if value.agrees is False:
                    standing = Standing.CONFLICTS
                elif alone:
                    standing = Standing.UNIQUE
                elif value.agrees and not value.neutral:
                    standing = Standing.AGREES
                else:
                    standing = Standing.NEUTRAL
                standings.update((claim.pk, standing) for claim in value.claims)
    return standings
