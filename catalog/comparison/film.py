"""A film's comparison, built from its claims, credits, reviews, decisions and consensus."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst, get_text_list

from catalog.comparison.cast import billing_note, cast_billing, compare_cast
from catalog.comparison.rows import (
    CastRow,
    Row,
    accepted_values,
    as_keys,
    in_words,
    make_cell,
)
from catalog.comparison.vocabulary import genre_keys, note_words
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
from catalog.normalise import normalise

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

# What each source claims on each field: (field, source id) -> claims.
Said = dict[tuple[str, int], list[Claim]]


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
    # Under the cast, when the sources' billing orders it rather than the editors'.
    cast_order: str = ""

    @property
    def conflicts(self) -> list[Row]:
        return [row for row in self.rows if row.has_conflict]

    @property
    def cast_conflicts(self) -> list[CastRow]:
        return [row for row in self.cast if row.has_conflict]

    @property
    def all_conflicts(self) -> list[Row]:
        return self.conflicts + self.cast_conflicts

    @property
    def description(self) -> str:
        """The page's description for search results and link previews."""
        n = len(self.sources)
        if n == 1:
            return f"{self.film}: what its one source claims, beside the editors' record."
        return (
            f"{self.film}: what {n:,} sources claim, where they agree and conflict, "
            "and the editors' record."
        )

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

    @property
    def automatic_note(self) -> SafeString:
        """'Three of the record's fields (year, genre and cast) are automatic: ...'."""
        labels = self.automatic_labels
        return format_html(
            "{} of the record's fields ({}) {} automatic: filled in from the consensus of the "
            "sources, not yet confirmed by an editor.",
            capfirst(in_words(len(labels))),
            get_text_list([label.lower() for label in labels], "and"),
            "is" if len(labels) == 1 else "are",
        )

    @property
    def agreement(self) -> str:
        """Where no source disagrees: that its one source, or all of them, agree."""
        if len(self.sources) == 1:
            return "Its one source agrees with the record on every field it states."
        return "The sources agree with the record on every field they state."

    @property
    def caption(self) -> SafeString:
        """The field table's caption, with what "automatic" means where a value is."""
        sentences = [
            format_html("What each source says about {}, beside the record.", self.film.title),
            "Each value links to its passage.",
            # Marked safe, as the sentences below: fixed words, their apostrophe shown as written.
            mark_safe(
                "A consensus's confidence is the chance that its value is right, learnt from how "
                "often each source agrees with the others."
            ),
        ]
        if self.automatic_labels:
            sentences.append(
                "A record value marked automatic was filled in from the consensus of the sources "
                "and is not yet confirmed by an editor."
            )
        return sentences_html(sentences)

    @property
    def cast_caption(self) -> SafeString:
        """The cast table's caption: whose order it is in, and whether it is automatic."""
        sentences = ["The character each source gives each person, however it spells the name."]
        if self.cast_order:
            sentences.append(self.cast_order)
        if self.cast_automatic:
            sentences.append(
                mark_safe(
                    "The record's cast is automatic: filled in from the consensus of the sources, "
                    "not yet confirmed by an editor."
                )
            )
        return sentences_html(sentences)


def sentences_html(sentences: list[str]) -> SafeString:
    """Sentences joined by a space, each escaped unless it is marked safe."""
    return format_html_join(" ", "{}", ((sentence,) for sentence in sentences))


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


def compared_as(claim: Claim) -> str | tuple[str, ...]:
    """What a claim on the field table is matched on: a genre word by the list's genres it is
    filed under, any other claim as `comparable` says."""
    if claim.field == Field.GENRE:
        return genre_keys(claim.normalised)
    return comparable(claim)


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
    said: Said = defaultdict(list)
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
        stated = {as_keys(compared_as(c)) for s in sources for c in said[name, s.pk]}
        accepted = accepted_values(record[name], stated) if recorded else None
        cells = [
            make_cell(s, said[name, s.pk], accepted, compared_as, value_text, name in MULTI_VALUED)
            for s in sources
        ]
        row = Row(name, name.label, record_display(film, name, credits), cells, recorded=recorded)
        if row.record or row.stating:
            note_words(row)
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
    billing = cast_billing(sources, said)
    cast = compare_cast(sources, said, credits, billing)
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
    # An automatic cast was billed from the sources (catalog.records); an editors' cast as they
    # billed it, their ties and the people they left out as the sources bill them.
    editors_billing = Field.CAST not in automatic and any(
        c.role == Role.CAST and c.billing for c in credits
    )
    cast_order = "" if editors_billing else billing_note(sources, billing)
    return Comparison(
        film, sources, rows, cast, prose, review_rows, credits, list(other_film), cast_order
    )


def agreed_by_all(said: Said, name: str, sources: list[Source]) -> set[str]:
    """With no record to compare with, a value is accepted only when every source gives it."""
    return accepted_values(
        set(), {as_keys(compared_as(c)) for s in sources for c in said[name, s.pk]}
    )


def compare_films(films: Iterable[Film]) -> dict[int, Comparison]:
    """Comparisons for many films at once, in a fixed number of queries."""
    by_pk = {film.pk: film for film in films}
    claims: dict[int, list[Claim]] = defaultdict(list)
    credits: dict[int, list[Credit]] = defaultdict(list)
    reviews: dict[int, list[Review]] = defaultdict(list)
    decisions: dict[int, list[Decision]] = defaultdict(list)
    for claim in Claim.objects.filter(film__in=by_pk).for_comparison():
        claims[claim.film_id].append(claim)
    for credit in Credit.objects.filter(film__in=by_pk).select_related("person"):
        credits[credit.film_id].append(credit)
    for review in Review.objects.filter(film__in=by_pk).with_source():
        reviews[review.film_id].append(review)
    for decision in Decision.objects.filter(film__in=by_pk).select_related("person", "editor"):
        decisions[decision.film_id].append(decision)
    return {
        pk: compare(film, claims[pk], credits[pk], reviews[pk], decisions[pk])
        for pk, film in by_pk.items()
    }
