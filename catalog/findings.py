"""What the consensus engine finds, as the catalogue stores it: a consensus row per film row and
how each source's claims about a film stand, written where they changed.

Rows are plain tuples in the columns' order (``CONSENSUS_COLUMNS``, ``AGREEMENT_COLUMNS``): a full
learning builds a quarter of a million of them, and a model instance each would be most of its
time. Confidences are stored to four places, more than any page shows (two): a re-learning that
moves every source's trust by a hair then rewrites only the rows whose stored values change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

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


class Agreement:
    """Whether a claim states the engine's finding, each distinct value normalised once."""

    def __init__(self, found: Findings) -> None:
        self.found = found
        self.normal: dict[tuple[str, str], str] = {}

    def finding(self, said: Said) -> consensus.Finding:
        return self.found[(str(said.film), said.attribute)]

    def agrees(self, said: Said, finding: consensus.Finding) -> bool:
        key = (finding.value_type, said.value)
        normal = self.normal.get(key)
        if normal is None:
            normal = self.normal[key] = consensus.VALUE_TYPES[finding.value_type].normalise(
                said.value
            )
        return normal == finding.normalised


def consensus_rows(said: Sequence[Said], found: Findings) -> list[Row]:
    """A row per (film, field, person), shown in the words most of its sources use."""
    agreement = Agreement(found)
    spellings: dict[tuple[int, str, int | None, str], Counter[str]] = defaultdict(Counter)
    for s in said:
        if agreement.agrees(s, agreement.finding(s)):
            spellings[s.film, s.field, s.person, s.attribute][s.written] += 1
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
                    finding.normalised not in fold(item[0]),
                    len(item[0]),
                    item[0],
                ),
            )[0]
        confidence = round(min(1.0, max(0.0, finding.confidence)), PLACES)
        rows.append((film, field, person, written, finding.normalised, confidence))
    return rows


def agreement_rows(said: Sequence[Said], found: Findings) -> list[Row]:
    """Per source and film: claims agreeing with the consensus, and the story claims that don't."""
    agreement = Agreement(found)
    counts: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for s in said:
        if s.source == EDITORS:
            continue
        agrees = agreement.agrees(s, agreement.finding(s))
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


def store_changes(values: list[Row], agreements: list[Row], films: Collection[int]) -> None:
    """Rewrite, of `films`, only the stored rows that differ from the new ones."""
    _store(ConsensusValue, CONSENSUS_COLUMNS, 3, values, films)
    _store(SourceAgreement, AGREEMENT_COLUMNS, 2, agreements, films)


def _store(
    model: type[ConsensusValue] | type[SourceAgreement],
    columns: list[str],
    key_size: int,
    rows: list[Row],
    films: Collection[int],
) -> None:
    """Delete the stored rows of `films` that are not among `rows`, insert those missing."""
    film_at = columns.index("film_id")
    new = {row[:key_size]: row for row in rows if row[film_at] in films}
    stale = []
    for pk, *stored in model.objects.order_by().values_list("pk", *columns).iterator(10000):
        row = tuple(stored)
        if row[film_at] not in films:
            continue
        if new.get(row[:key_size]) == row:
            del new[row[:key_size]]
        else:
            stale.append(pk)
    delete_rows(model, "id", stale)
    insert_rows(model, columns, new.values())
