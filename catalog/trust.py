"""Run the consensus engine over the catalogue's claims, in two speeds, and keep what it finds.

Every claim on a comparable row becomes an engine claim ``(source, film, row, value)``: a film's
title, year, certificate, runtime, director, setting, period, filming location and content
advisory, and each cast member's character. Editors' decisions take part as the claims of one
more source, "the editors", so a settled conflict moves the consensus and the trust of the sources
it proved right or wrong.

- ``learn()`` learns every source's trust from the whole catalogue and rewrites what changed of
  every film's consensus: a background task (catalog.tasks) and ``manage.py recompute_consensus``.
- ``solve_films(ids)`` finds the consensus of a few films with what the last learning found
  held fixed (the trust, the map from scores to probabilities, the pairs of sources found
  copying): what a write does at once (catalog.derived), the same values a full solve with that
  learning gives those films.

The results (catalog.findings) are a ``ConsensusValue`` per row, each source's trust, and per
source and film how its claims stand, with a flag when most of its story claims (characters,
setting, period) contradict the consensus, as when a page tells another film's plot.
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from catalog import consensus, findings
from catalog.findings import EDITORS
from catalog.models import (
    Claim,
    ConsensusValue,
    Decision,
    Field,
    Film,
    Generation,
    Source,
    TrustRun,
)

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
    revalued: set[int] = dataclass_field(default_factory=set)
    """Films a consensus value of which the learning changed (a write's own solve: none)."""


def said_by_sources(film_ids: Iterable[int] | None = None) -> list[Said]:
    claims = Claim.objects.filter(field__in=[*FIELD_TYPES, Field.CAST]).order_by()
    if film_ids is not None:
        claims = claims.filter(film__in=film_ids)
    rows = claims.values_list(
        "source_id", "film_id", "field", "value", "normalised", "person_id", "character"
    )
    said: list[Said] = []
    for source, film, field, value, normalised, person, character in rows.iterator(chunk_size=5000):
        if field == Field.CAST:
            if not character:
                continue  # naming an actor without a character says nothing to compare
            said.append(Said(str(source), film, field, person, character, character))
        else:
            compared = normalised if field in EDITED_FORMS else value
            said.append(Said(str(source), film, field, None, compared, value))
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


@dataclass(frozen=True)
class Learning:
    """What the last learning found, for a write's own solve to weigh the claims as it did."""

    trust: dict[str, float]
    """Every source's trust, the editors' too, by the engine's source names."""
    calibration: consensus.Calibration | None = None
    copies: consensus.CopyEvidence | None = None


def run(said: list[Said], learning: Learning | None = None) -> consensus.Result:
    """The engine over `said`: each row compared by its field's value type (a character: a name).

    With a `learning`, its trust is held fixed (``consensus.discover``'s), its calibration maps
    the scores to probabilities and its copy evidence discounts copiers' votes, as the full
    solve that learnt them did."""
    value_types = {s.attribute: FIELD_TYPES.get(s.field, "person") for s in said}
    return consensus.discover(
        ((s.source, str(s.film), s.attribute, s.value) for s in said),
        value_types=value_types,
        trust=learning.trust if learning else None,
        calibration=learning.calibration if learning else None,
        copies=learning.copies if learning else None,
    )


def recompute(film_ids: Iterable[int] | None = None) -> Summary:
    """The consensus of `film_ids` with the trust held as last learnt; None: learn it anew."""
    return learn() if film_ids is None else solve_films(film_ids)


def learn(follow: Callable[[set[int]], object] | None = None) -> Summary:
    """Learn every source's trust from every claim and decision, and store what changed.

    Reading, solving and comparing with the stored rows are done outside any transaction; the
    writes are one short transaction that leaves alone the films written since they were read
    (their own solve, made with newer claims, stands until the next learning). `follow` is
    given, in that transaction, the films whose consensus values changed (their records follow
    them): a learning that fails halfway leaves nothing done, and its retry finds them again.
    """
    started = time.perf_counter()
    versions = dict(Film.objects.order_by().values_list("pk", "version"))
    said = said_by_sources() + said_by_editors()
    result = run(said)
    values, agreements = findings.rows(said, result.values)
    changes = findings.changes(values, agreements)
    with transaction.atomic():
        # An editor's save of a film whose values move commits before its version is read here
        # (PostgreSQL; SQLite's one writer waits anyway), and what it confirmed is seen.
        Film.objects.lock(sorted(changes.revalued))
        now = dict(Film.objects.order_by().values_list("pk", "version"))
        unwritten = {pk for pk, version in versions.items() if now.get(pk) == version}
        changes.store(unwritten)
        if follow is not None:
            follow(changes.revalued & unwritten)
        learnt_at = timezone.now()
        store_trust(result, learnt_at)
        editors = result.sources.get(EDITORS)
        TrustRun.objects.create(
            learnt_at=learnt_at,
            claims=len(said),
            sources=len(result.sources),
            values=len(values),
            seconds=round(time.perf_counter() - started, 2),
            editors_trust=editors.trust if editors else None,
            calibration=result.calibration.as_dict() if result.calibration else None,
            copies=result.copies.as_dict() if result.copies else None,
        )
        Generation.bump()  # trust and confidences show on every film page
    return Summary(
        claims=len(said),
        values=len(values),
        sources=len(result.sources),
        flagged=sum(row[-1] for row in agreements),
        revalued=changes.revalued & unwritten,
    )


def solve_films(film_ids: Iterable[int]) -> Summary:
    """The consensus of these films, each source's trust held as the last learning found it."""
    wanted = sorted(set(film_ids))
    said = said_by_sources(wanted) + said_by_editors(wanted)
    result = run(said, stored_learning())
    values, agreements = findings.rows(said, result.values)
    with transaction.atomic():
        findings.replace_films(wanted, values, agreements)
    return Summary(
        claims=len(said),
        values=len(values),
        sources=len(result.sources),
        flagged=sum(row[-1] for row in agreements),
    )


def stored_learning() -> Learning:
    """What the last learning found: every source's trust, the map from scores to probabilities
    and the copy evidence (those two None before any learning, or if what is stored cannot be
    read: the scores are then shown as they are, and no vote is discounted)."""
    trust = {
        str(pk): value
        for pk, value in Source.objects.values_list("pk", "trust")
        if value is not None
    }
    run = (
        TrustRun.objects.order_by("-learnt_at", "-pk")
        .values_list("editors_trust", "calibration", "copies")
        .first()
    )
    if run is None:
        return Learning(trust)
    editors, calibration, copies = run
    if editors is not None:
        trust[EDITORS] = editors
    return Learning(
        trust,
        _readable(consensus.Calibration.from_dict, calibration),
        _readable(consensus.CopyEvidence.from_dict, copies),
    )


def _readable[T](read: Callable[[object], T], stored: object) -> T | None:
    """``read(stored)``, or None where nothing is stored or it cannot be read."""
    if stored is None:
        return None
    try:
        return read(stored)
    except ValueError:
        return None


def compared_value(claim: Claim) -> str:
    """What the engine compares of a claim: its character, its edited form, or its value."""
    if claim.field == Field.CAST:
        return claim.character
    return claim.normalised if claim.field in EDITED_FORMS else claim.value


def supports(claim: Claim, value: ConsensusValue) -> bool:
    """Whether `claim` states the consensus `value` (in any spelling)."""
    value_type = consensus.VALUE_TYPES[FIELD_TYPES.get(value.field, "person")]
    return value_type.normalise(compared_value(claim)) == value.normalised


def store_trust(result: consensus.Result, learnt_at: datetime) -> None:
    """Every source's trust and agreement counts; none for a source with no claim compared."""
    scores = result.sources
    sources = list(Source.objects.only("pk"))
    for source in sources:
        score = scores.get(str(source.pk))
        source.trust = score.trust if score else None
        source.consensus_agreeing = score.agreeing if score else 0
        source.consensus_compared = score.claims if score else 0
        source.trust_learnt_at = learnt_at
    Source.objects.bulk_update(
        sources,
        ["trust", "consensus_agreeing", "consensus_compared", "trust_learnt_at"],
        batch_size=1000,
    )
