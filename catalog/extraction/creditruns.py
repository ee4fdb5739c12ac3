"""Credits run together on one line without colons, each label straight before its value.

"Regie Clark Johnson Cast Michael Douglas, Kiefer Sutherland & Kim Basinger Speelduur 108
minuten Jaar 2006"; "Skådespelare Rolf Lassgård, Lia Boysen m fl, Regi John O Olsson, Drama";
"Scénář Z. Svěrák. Kamera V. Smutný. Režie J. Svěrák".
"""

import re
from collections.abc import Container, Iterator

from catalog.extraction.labelvalues import field_values
from catalog.extraction.lexicon import GENRES
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, lines
from catalog.extraction.vocabulary import LABELS, OTHER_LABELS
from catalog.normalise import fold

# A capitalised label of one word, or two with the second in lower case ("Dále hrají"), after
# the line's start, a space, a comma or a point, before a capital or a digit.
RUN_LABEL = re.compile(
    r"(?:^|(?<=[\s,.;]))(?P<label>[A-ZÀ-Þ][\w'\u2019-]*(?: [a-zà-ÿ][\w'\u2019-]*)?)"
    r"[ \t]+(?=[A-ZÀ-Þ0-9])"
)
# The fields such a run credits; a title or a plot never stands in one.
RUN_FIELDS = ("director", "writer", "cast", "runtime", "year")
LONGEST_VALUE = 120


def credit_runs(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The credits of a line that opens on such a label, or has one after a sentence's point,
    and holds two or more of them; each value runs to the next label."""
    for line in lines(text):
        labels = run_labels(line)
        if len(labels) < 2 or sum(1 for _start, _end, field in labels if field) < 2:
            continue
        ends = [start for start, _end, _field in labels[1:]] + [line.start + len(line.text)]
        values = [
            (text[end:stop], end) for (_start, end, _field), stop in zip(labels, ends, strict=True)
        ]
        if any(len(value.strip()) > LONGEST_VALUE for value, _at in values):
            continue  # a value as long as a sentence: prose, not a run of credits
        for (start, _end, claim_field), (value, at) in zip(labels, values, strict=True):
            if claim_field:
                yield from run_value(text, claim_field, Span(value, at), start, names)


def run_labels(line: Span) -> list[tuple[int, int, str]]:
    """(label start, value start, field) of the run's labels, "" for a crew's ("Kamera"); the
    first at the line's start or after a sentence's point."""
    found: list[tuple[int, int, str]] = []
    for match in RUN_LABEL.finditer(line.text):
        label = fold(match.group("label"))
        if label not in LABELS and label not in OTHER_LABELS:
            continue
        claim_field = LABELS.get(label, "")
        if claim_field and claim_field not in RUN_FIELDS:
            continue
        before = line.text[: match.start()].rstrip()
        if not found and before and not before.endswith((".", ";")):
            continue
        found.append((line.start + match.start(), line.start + match.end(), claim_field))
    return found


def run_value(
    text: str, claim_field: str, value: Span, label_start: int, names: Container[str]
) -> Iterator[Proposal]:
    """The label's value, without the point or comma that parts it from the next label; a
    genre closing the run ("Regi John O Olsson, Drama") is the film's genre, not a name."""
    raw = value.text.rstrip(" \t,.;")
    cells = raw.split(", ")
    while len(cells) > 1 and fold(cells[-1]) in GENRES:
        genre = cells.pop()
        at = value.start + raw.rindex(genre)
        yield proposal("genre", genre, text, label_start, at + len(genre), "label")
    kept = ", ".join(cells)
    yield from field_values(text, claim_field, Span(kept, value.start), label_start, names)
