"""What the consensus engine finds, as the catalogue stores it: a consensus row per film row and
how each source's claims about a film stand, written where they changed.

Rows are plain tuples in the columns' order (``CONSENSUS_COLUMNS``, ``AGREEMENT_COLUMNS``): a full
learning builds a quarter of a million of them, and a model instance each would be most of its
time. Confidences are stored to four places, more than any page shows (two): a re-learning that
moves every source's trust by a hair then rewrites only the rows whose stored values change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING

from django.db.models import Model

from catalog import consensus
from catalog.bulk import batches, delete_rows, insert_rows
from catalog.models import ConsensusValue, Field, SourceAgreement
from catalog.normalise import fold

if TYPE_CHECKING:
    from catalog.trust import Said

# The editors' decisions take part as the claims of one more source, not a `Source` of its own.
EDITORS = "editors"
STORY_FIELDS = {Field.CAST, Field.SETTING, Field.PERIOD}
# A source is flagged on a film when at least this many of its story claims can be compared and
# more than half of them contradict the consensus.
OTHER_FILM_MINIMUM = 3
PLACES = 4

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
Findings = Mapping[tuple[str, str], consensus.Finding]
"""The engine's finding on each ``(film, attribute)``: ``Result.values``."""
Row = tuple


def rows(said: Sequence[Said], found: Findings) -> tuple[list[Row], list[Row]]:
    """The consensus rows and the agreement rows of what the engine `found` on `said`."""
    agreeing = agreements_of(said, found)
    return consensus_rows(said, found, agreeing), agreement_rows(said, agreeing)


def agreements_of(said: Sequence[Said], found: Findings) -> list[bool]:
    """Whether each claim states the engine's finding (in any spelling), each distinct value
    normalised once."""
    normal: dict[tuple[str, str], str] = {}
    agreeing = []
    for s in said:
        finding = found[(str(s.film), s.attribute)]
        key = (finding.value_type, s.value)
        form = normal.get(key)
        if form is None:
            form = normal[key] = consensus.VALUE_TYPES[finding.value_type].normalise(s.value)
        agreeing.append(form == finding.normalised)
    return agreeing


def consensus_rows(said: Sequence[Said], found: Findings, agreeing: list[bool]) -> list[Row]:
    """A row per (film, field, person), shown in the words most of its sources use."""
    spellings: dict[tuple[int, str, int | None, str], dict[str, int]] = {}
    for s, agrees in zip(said, agreeing, strict=True):
        if agrees:
            counts = spellings.setdefault((s.film, s.field, s.person, s.attribute), {})
            counts[s.written] = counts.get(s.written, 0) + 1
    folded: dict[str, str] = {}

    def fold_once(text: str) -> str:
        if (form := folded.get(text)) is None:
            form = folded[text] = fold(text)
        return form

    rows = []
    for (film, field, person, attribute), counts in spellings.items():
        finding = found[(str(film), attribute)]
        if len(counts) == 1:
            written = next(iter(counts))
        else:
            # The spelling most sources use; among equals, the shortest that reads as the
            # consensus ("the 1950s" rather than "1959" for a period normalised to "1950s").
            written = min(
                counts.items(),
                key=lambda item: (
                    -item[1],
                    finding.normalised not in fold_once(item[0]),
                    len(item[0]),
                    item[0],
                ),
            )[0]
        confidence = round(min(1.0, max(0.0, finding.confidence)), PLACES)
        rows.append((film, field, person, written, finding.normalised, confidence))
    return rows


def agreement_rows(said: Sequence[Said], agreeing: list[bool]) -> list[Row]:
    """Per source and film: claims agreeing with the consensus, and the story claims that don't."""
    counts: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for s, agrees in zip(said, agreeing, strict=True):
        if s.source == EDITORS:
            continue
        tally = counts[s.source, s.film]
        tally[0] += agrees
        tally[1] += 1
        if s.field in STORY_FIELDS:
            tally[2] += not agrees
            tally[3] += 1
    return [
        (
            int(source),
            film,
            agreeing,
            compared,
            contradicting,
            story,
            story >= OTHER_FILM_MINIMUM and contradicting * 2 > story,
        )
        for (source, film), (agreeing, compared, contradicting, story) in counts.items()
    ]


def replace_films(films: Collection[int], values: list[Row], agreements: list[Row]) -> None:
    """The stored rows of `films` become `values` and `agreements`: a write's few films."""
    for part in batches(sorted(films), 500):
        ConsensusValue.objects.filter(film__in=part).delete()
        SourceAgreement.objects.filter(film__in=part).delete()
    insert_rows(ConsensusValue, CONSENSUS_COLUMNS, values)
    insert_rows(SourceAgreement, AGREEMENT_COLUMNS, agreements)


@dataclass
class Changes:
    """What a learning changes of the stored rows, found outside its write: by model, the stored
    rows to delete as (pk, film) and the rows to insert."""

    stale: dict[type[Model], list[tuple[int, int]]] = dataclass_field(default_factory=dict)
    new: dict[type[Model], list[Row]] = dataclass_field(default_factory=dict)
    revalued: set[int] = dataclass_field(default_factory=set)
    """Films a consensus value of which changes, not only its confidence (their records follow)."""

    def store(self, films: Collection[int]) -> None:
        """Write the changes of `films` only (the others were written since they were read)."""
        for model, columns in (
            (ConsensusValue, CONSENSUS_COLUMNS),
            (SourceAgreement, AGREEMENT_COLUMNS),
        ):
            film_at = columns.index("film_id")
            delete_rows(model, "id", [pk for pk, film in self.stale[model] if film in films])
            insert_rows(model, columns, (row for row in self.new[model] if row[film_at] in films))


def changes(values: list[Row], agreements: list[Row]) -> Changes:
    """How the stored rows differ from `values` and `agreements`."""
    found = Changes()
    for model, columns, key_size, rows in (
        (ConsensusValue, CONSENSUS_COLUMNS, 3, values),
        (SourceAgreement, AGREEMENT_COLUMNS, 2, agreements),
    ):
        film_at = columns.index("film_id")
        new = {row[:key_size]: row for row in rows}
        stale = []
        was: dict[tuple, tuple] = {}
        for pk, *stored in model.objects.order_by().values_list("pk", *columns).iterator(10000):
            row = tuple(stored)
            if new.get(row[:key_size]) == row:
                del new[row[:key_size]]
            else:
                stale.append((pk, row[film_at]))
                was[row[:key_size]] = row[key_size:-1]
        found.stale[model], found.new[model] = stale, list(new.values())
        if model is ConsensusValue:
            found.revalued = {key[film_at] for key in was if key not in new} | {
                row[film_at] for key, row in new.items() if was.get(key) != row[key_size:-1]
            }
    return found
