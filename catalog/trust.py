"""Run the consensus engine over the catalogue's claims and keep what it finds.

Every claim on a comparable row becomes an engine claim ``(source, film, row, value)``: a film's
title, year, certificate, runtime, director, setting, period, filming location and content
advisory, and each cast member's character. Editors' decisions take part as the claims of one
more source, "the editors", so a settled conflict moves the consensus and the trust of the sources
it proved right or wrong. The results are stored: a ``ConsensusValue`` per row, each source's
trust, and per source and film how its claims stand, with a flag when most of its story claims
(characters, setting, period) contradict the consensus, as when a page tells another film's plot.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db import transaction

from catalog import consensus
from catalog.bulk import insert_rows
from catalog.models import (
    Claim,
    ConsensusValue,
    Decision,
    Field,
    Generation,
    Source,
    SourceAgreement,
)
from catalog.normalise import fold

EDITORS = "editors"
# Which of the engine's value types (consensus.VALUE_TYPES) compares each field's values; keyed
# by plain strings, as claims and decisions give their field.
FIELD_TYPES: dict[str, str] = {
    Field.TITLE: "title",
    Field.YEAR: "year",
    Field.CERTIFICATE: "certificate",
    Field.RUNTIME: "duration",
    Field.DIRECTOR: "person",
    Field.SETTING: "text",
    Field.PERIOD: "text",
    Field.FILMING_LOCATION: "text",
    Field.CONTENT_ADVISORY: "text",
}
# Fields whose claims an editor has already put in comparable form (a setting of "Russia" in
# the 1950s is normalised to "soviet union"): the engine compares those forms.
EDITED_FORMS = {Field.SETTING, Field.PERIOD, Field.FILMING_LOCATION, Field.CONTENT_ADVISORY}
STORY_FIELDS = {Field.CAST, Field.SETTING, Field.PERIOD}
# A source is flagged on a film when at least this many of its story claims can be compared and
# more than half of them contradict the consensus.
OTHER_FILM_MINIMUM = 3


@dataclass(frozen=True)
class Said:
    """One claim as the engine sees it, with what the catalogue needs to store the finding."""

    source: str
    film: int
    field: str
    person: int | None
    value: str
    written: str

    @property
    def attribute(self) -> str:
        return f"cast:{self.person}" if self.person else self.field


@dataclass
class Summary:
    """What a recompute went through: for the command's report."""

    claims: int
    values: int
    sources: int
    flagged: int


def said_by_sources(film_ids: Iterable[int] | None = None) -> list[Said]:
    claims = Claim.objects.filter(field__in=[*FIELD_TYPES, Field.CAST])
    if film_ids is not None:
        claims = claims.filter(film__in=film_ids)
    rows = claims.values_list(
        "source_id", "film_id", "field", "value", "normalised", "person_id", "character"
    )
    said: list[Said] = []
    for source, film, field, value, normalised, person, character in rows.iterator(chunk_size=5000):
        if field == Field.CAST and not character:
            continue  # naming an actor without a character says nothing to compare
        cast_member = person if field == Field.CAST else None
        written = character if field == Field.CAST else value
        compared = compared_of(field, value, normalised, character)
        said.append(Said(str(source), film, field, cast_member, compared, written))
    return said


def said_by_editors(film_ids: Iterable[int] | None = None) -> list[Said]:
    """The newest decision on each row, as a claim of the editors."""
    decisions = Decision.objects.order_by("-decided_at", "-pk")
    if film_ids is not None:
        decisions = decisions.filter(film__in=film_ids)
    latest: dict[tuple[int, str, int | None], Said] = {}
    for film, field, person, value in decisions.values_list(
        "film_id", "field", "person_id", "value"
    ):
        if value and (field in FIELD_TYPES or field == Field.CAST):
            latest.setdefault(
                (film, field, person), Said(EDITORS, film, field, person, value, value)
            )
    return list(latest.values())


def run(said: list[Said]) -> consensus.Result:
    """The engine over `said`: each row compared by its field's value type (a character: a name)."""
    value_types = {s.attribute: FIELD_TYPES.get(s.field, "person") for s in said}
    return consensus.discover(
        ((s.source, str(s.film), s.attribute, s.value) for s in said), value_types=value_types
    )


@transaction.atomic
def recompute(film_ids: Iterable[int] | None = None) -> Summary:
    """Run the engine over every claim and store its findings for `film_ids` (None: all films).

    Trust is learnt from the whole catalogue, so the engine always sees every claim; only the
    stored values of the films asked for are rewritten, plus every source's trust.
    """
    said = said_by_sources() + said_by_editors()
    result = run(said)
    findings = result.values
    wanted = None if film_ids is None else set(film_ids)
    in_scope = [s for s in said if wanted is None or s.film in wanted]

    values = consensus_values(in_scope, findings)
    agreements = source_agreements(in_scope, findings)
    films = (
        ConsensusValue.objects.all()
        if wanted is None
        else ConsensusValue.objects.filter(film__in=wanted)
    )
    films.delete()
    insert_rows(ConsensusValue, CONSENSUS_COLUMNS, columns_of(values, CONSENSUS_COLUMNS))
    old = (
        SourceAgreement.objects.all()
        if wanted is None
        else SourceAgreement.objects.filter(film__in=wanted)
    )
    old.delete()
    insert_rows(SourceAgreement, AGREEMENT_COLUMNS, columns_of(agreements, AGREEMENT_COLUMNS))
    store_trust(result)
    Generation.bump()  # consensus and trust show on every film page
    return Summary(
        claims=len(said),
        values=len(values),
        sources=len(result.sources),
        flagged=sum(a.possibly_other_film for a in agreements),
    )


# The stored rows' columns, written by catalog.bulk (COPY on PostgreSQL) rather than the ORM.
CONSENSUS_COLUMNS = ["film_id", "field", "person_id", "value", "normalised", "confidence"]
AGREEMENT_COLUMNS = [
    "source_id",
    "film_id",
    "agreeing",
    "compared",
    "story_contradicting",
    "story_compared",
    "possibly_other_film",
]


def columns_of(rows: Sequence[object], columns: list[str]) -> Iterable[list[object]]:
    """Each row's `columns`, in order: the rows of a plain-row insert."""
    return ([getattr(row, column) for column in columns] for row in rows)


def compared_value(claim: Claim) -> str:
    """What the engine compares of a claim: its character, its edited form, or its value."""
    return compared_of(claim.field, claim.value, claim.normalised, claim.character)


def compared_of(field: str, value: str, normalised: str, character: str) -> str:
    """What the engine compares of a claim given as its columns."""
    if field == Field.CAST:
        return character
    return normalised if field in EDITED_FORMS else value


def supports(claim: Claim, value: ConsensusValue) -> bool:
    """Whether `claim` states the consensus `value` (in any spelling)."""
    value_type = consensus.VALUE_TYPES[FIELD_TYPES.get(value.field, "person")]
    return value_type.normalise(compared_value(claim)) == value.normalised


def agrees(said: Said, finding: consensus.Finding) -> bool:
    """Whether `said` states the engine's `finding` (in any spelling)."""
    return consensus.VALUE_TYPES[finding.value_type].normalise(said.value) == finding.normalised


Findings = Mapping[tuple[str, str], consensus.Finding]
"""The engine's finding on each ``(film, attribute)``: ``Result.values``."""


def consensus_values(said: list[Said], findings: Findings) -> list[ConsensusValue]:
    """A row per (film, field, person), shown in the words most of its sources use."""
    spellings: dict[tuple[int, str, int | None, str], Counter[str]] = defaultdict(Counter)
    for s in said:
        finding = findings[(str(s.film), s.attribute)]
        if agrees(s, finding):
            spellings[s.film, s.field, s.person, s.attribute][s.written] += 1
    values = []
    for (film, field, person, attribute), counts in spellings.items():
        finding = findings[(str(film), attribute)]
        # The spelling most sources use; among equals, the shortest that reads as the consensus
        # ("the 1950s" rather than "1959" for a period normalised to "1950s").
        written = min(
            counts.items(),
            key=lambda item: (
                -item[1],
                finding.normalised not in fold(item[0]),
                len(item[0]),
                item[0],
            ),
        )[0]
        values.append(
            ConsensusValue(
                film_id=film,
                field=field,
                person_id=person,
                value=written,
                normalised=finding.normalised,
                confidence=min(1.0, max(0.0, finding.confidence)),
            )
        )
    return values


def source_agreements(said: list[Said], findings: Findings) -> list[SourceAgreement]:
    """Per source and film: claims agreeing with the consensus, and the story claims that don't."""
    counts: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for s in said:
        if s.source == EDITORS:
            continue
        finding = findings[(str(s.film), s.attribute)]
        tally = counts[s.source, s.film]
        tally[0] += agrees(s, finding)
        tally[1] += 1
        if s.field in STORY_FIELDS:
            tally[2] += not agrees(s, finding)
            tally[3] += 1
    return [
        SourceAgreement(
            source_id=int(source),
            film_id=film,
            agreeing=agreeing,
            compared=compared,
            story_contradicting=contradicting,
            story_compared=story,
            possibly_other_film=story >= OTHER_FILM_MINIMUM and contradicting * 2 > story,
        )
        for (source, film), (agreeing, compared, contradicting, story) in counts.items()
    ]


def store_trust(result: consensus.Result) -> None:
    """Every source's trust and agreement counts; none for a source with no claim compared."""
    scores = result.sources
    sources = list(Source.objects.only("pk"))
    for source in sources:
        score = scores.get(str(source.pk))
        source.trust = score.trust if score else None
        source.consensus_agreeing = score.agreeing if score else 0
        source.consensus_compared = score.claims if score else 0
    Source.objects.bulk_update(
        sources, ["trust", "consensus_agreeing", "consensus_compared"], batch_size=1000
    )
