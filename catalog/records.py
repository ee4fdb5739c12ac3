"""The record of imported films, filled in from the consensus of their sources.

After the importers (catalog.importing) have loaded their datasets, ``fill_records`` runs the
consensus engine over every claim (catalog.trust.learn) and sets, on every film that still
has automatic fields (``Film.automatic_fields``), only those fields:

- title, year, certificate and runtime: the consensus value, fitted to the field
  (catalog.record_fields.record_value: a title written in IMDb's style, "Godfather, The", gets
  its article back in front);
- directors, writers, cast and genres: from the claims of the film's sources
  (catalog.record_lists).

Fields an editor has confirmed (by a decision, or by changing them in the film's form) are left
as the editor set them, and films the editors keep by hand (no automatic fields, such as the
seeds' *Red Hot*) are not touched. An automatic field that no source gives a value any more (its
only source was deleted) is emptied, but for the title: a film keeps the name it had. Then each
imported film's counts of sources and conflicts (catalog.counts), and the people whose names are
one letter apart (catalog.possible_people), listed for the editors. One transaction.

The record then follows the consensus as it moves: every write calls ``refill`` for the films it
solved again (catalog.derived), and a learning of the sources' trust (``relearn``) for the films
whose consensus values it changed. Only what differs is written: credits and genres the
consensus still gives stay as they are, and a film whose record changed raises its version, so
that an editor's form opened before is refused rather than saved over the new values.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.db import transaction
from django.db.models import F, Q

from catalog.bulk import chunks, update_rows, within
from catalog.counts import refresh_source_counts, store_counts
from catalog.models import AUTOMATIC_COLUMNS, Claim, ConsensusValue, Credit, Field, Film, Source
from catalog.possible_people import record_possible_people
from catalog.progress import Progress
from catalog.record_fields import max_length, record_value
from catalog.record_lists import Agreed, claims_of, fill_credits, fill_genres
from catalog.trust import Summary, learn

CHARACTER_LENGTH = max_length(Credit, "character")
EMPTY = {
    name: None if Film._meta.get_field(name).null else "" for name in AUTOMATIC_COLUMNS
}  # an automatic field no claim gives a value any more


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
            summary.credits += fill_part(part, automatic, trust).credits
        progress.update(min(len(films), (done + 1) * 5000))
    progress.done(" films: their record filled in from the consensus")
    summary.films = len(films)

    with transaction.atomic():
        summary.counted = store_counts(imported_films())
        refresh_source_counts()
        summary.possible_people = record_possible_people()
    summary.seconds = time.monotonic() - began
    return summary


def refill(films: Iterable[int]) -> set[int]:
    """The automatic fields of `films` from their consensus as it now stands (a write's films,
    just solved again); the films whose record changed, their versions raised. In a
    transaction: the films' rows are locked before what editors confirmed is read."""
    wanted = set(films)
    if not wanted:
        return set()
    rows = within(Film.objects.exclude(automatic_fields=[]), "pk", sorted(wanted))
    rows = rows.select_for_update()
    automatic = {
        pk: names for pk, names in rows.values_list("pk", "automatic_fields") if pk in wanted
    }
    if not automatic:
        return set()
    changed = fill_part(sorted(automatic), automatic).films
    if changed:
        Film.objects.filter(pk__in=sorted(changed)).update(version=F("version") + 1)
    return changed


def relearn() -> Summary:
    """Learn every source's trust anew (the background task, ``recompute_consensus``); the
    records of the films whose consensus values moved follow in the learning's transaction (a
    film's search text needs nothing: it holds the words of every title its sources claim)."""

    def follow(films: set[int]) -> None:
        for part in chunks(sorted(films), 5000):
            refill(part)

    return learn(follow)


@dataclass
class Filled:
    """What filling in some films' records wrote."""

    credits: int = 0
    """Credits made."""
    films: set[int] = dataclass_field(default_factory=set)
    """Films whose record changed."""


def fill_part(
    films: list[int], automatic: dict[int, list[str]], trust: dict[int, float | None] | None = None
) -> Filled:
    """Fill in the automatic fields of some films (`trust`: the sources', for the cast's
    billing; None to read those of the sources that name it)."""
    consensus, characters = consensus_of(films)
    said = claims_of(films, [Field.DIRECTOR, Field.WRITER, Field.CAST, Field.GENRE])
    if trust is None:
        named = {c.source for claims in said.values() for c in claims}
        trust = dict(Source.objects.filter(pk__in=sorted(named)).values_list("pk", "trust"))
    wanted = set(films)

    rows = within(Film.objects.all(), "pk", films).values_list("pk", *AUTOMATIC_COLUMNS)
    current = {pk: stored for pk, *stored in rows if pk in wanted}
    updates = []
    for pk, stored in current.items():
        record: list[object] = list(stored)
        for n, name in enumerate(AUTOMATIC_COLUMNS):
            if name not in automatic[pk]:
                continue
            agreed = consensus[pk].get(name)
            if agreed is not None:
                record[n] = record_value(name, agreed.value, agreed.normalised)
            elif name != Field.TITLE:  # no source states it any more; a film keeps its name
                record[n] = EMPTY[name]
        if record != stored:
            updates.append((*record, pk))
    update_rows(Film, AUTOMATIC_COLUMNS, updates)
    made, credited = fill_credits(films, automatic, consensus, characters, said, trust)
    changed = {update[-1] for update in updates} | credited | fill_genres(films, automatic, said)
    return Filled(credits=made, films=changed)


def consensus_of(
    films: list[int],
) -> tuple[dict[int, dict[str, Agreed]], dict[tuple[int, int], str]]:
    """The films' consensus values of the fields the record takes one of, and each cast member's
    consensus character by (film, person)."""
    consensus: dict[int, dict[str, Agreed]] = defaultdict(dict)
    characters: dict[tuple[int, int], str] = {}
    values = ConsensusValue.objects.filter(
        Q(person__isnull=True, field__in=[*AUTOMATIC_COLUMNS, Field.DIRECTOR])
        | Q(person__isnull=False, field=Field.CAST)
    )
    wanted = set(films)
    rows = within(values, "film", films).values_list(
        "film_id", "field", "person_id", "value", "normalised"
    )
    for film, field_name, person, value, normalised in rows:
        if film not in wanted:
            continue
        if person is None:
            consensus[film][field_name] = Agreed(value, normalised)
        else:
            characters[film, person] = value[:CHARACTER_LENGTH]
    return consensus, characters
