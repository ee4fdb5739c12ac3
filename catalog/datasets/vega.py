"""Vega movies: ``data/movies.json`` of npm ``vega-datasets``, its own text (one record a line)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings

from catalog.datasets.base import Dataset, Reading, Row, Said, TextBuilder, entry_for
from catalog.models import Field

FIELDS = {
    "Title": Field.TITLE,
    "Release Date": Field.YEAR,
    "MPAA Rating": Field.CERTIFICATE,
    "Running Time min": Field.RUNTIME,
    "Major Genre": Field.GENRE,
    "Director": Field.DIRECTOR,
    "IMDB Rating": Field.USER_RATING,
    "IMDB Votes": Field.VOTES,
}
CANONICAL_JSON = (
    "The file is not laid out one record a line, so this text is a canonical rendering of it: a "
    "JSON array with one record a line (json.dumps, keys in the file's order)."
)


def locate() -> Path:
    return Path(settings.BASE_DIR) / "node_modules" / "vega-datasets" / "data" / "movies.json"


def json_value(value: object) -> str:
    return "" if value is None else str(value)


def record_lines(text: str) -> list[tuple[int, str]] | None:
    """Each record's start and text, when the file is an array laid out one record a line."""
    found = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("{"):
            record = stripped.removesuffix(",")
            start = position + line.index("{")
            found.append((start, record))
        elif stripped not in ("[", "]", ""):
            return None
        position += len(line) + 1
    return found


def said_in(data: dict[str, Any]) -> list[Said]:
    """The values a record gives, its empty and null ones left out."""
    return [
        Said(name, json_value(data.get(key)))
        for key, name in FIELDS.items()
        if json_value(data.get(key))
    ]


def read(path: Path, limit: int | None = None) -> Reading:
    """movies.json's own text, one record a line (a canonical rendering if it is not)."""
    text = path.read_text(encoding="utf-8")
    records = json.loads(text)
    lines = record_lines(text)
    rendering = ""
    parsed: list[Any] = []
    if lines is None or len(lines) != len(records):
        lines, rendering = None, CANONICAL_JSON
    else:
        try:
            parsed = [json.loads(record) for _, record in lines]
        except json.JSONDecodeError:
            parsed = []
        if parsed != records:
            lines, rendering = None, CANONICAL_JSON
    total = len(records)
    chosen = records[:limit] if limit else records
    builder = TextBuilder()
    placed: list[tuple[int, str, dict[str, Any]]]
    if lines is not None and not limit:
        # The file as it stands: every record line is where its record's quote is.
        source_text = text
        placed = [
            (start, record, data) for (start, record), data in zip(lines, parsed, strict=True)
        ]
    else:
        builder.add("[")
        placed = []
        for n, data in enumerate(chosen):
            record = lines[n][1] if lines is not None else json.dumps(data, ensure_ascii=False)
            separator = "," if n < len(chosen) - 1 else ""
            placed.append((builder.add(record + separator), record, data))
        builder.add("]")
        source_text = builder.text()
    rows = []
    for n, (start, record, data) in enumerate(placed, start=1):
        said = said_in(data)
        key = str(n)
        entry = entry_for("vega", key, said)
        if entry is not None:
            rows.append(Row(key, start, record, entry, said, json_value(data.get("MPAA Rating"))))
    return Reading(source_text, rows, total, rendering, skipped=len(placed) - len(rows))


DATASET = Dataset(
    name="vega",
    label="Vega movies",
    slug="vega-datasets-movies",
    title="Films and their box-office performance (vega-datasets movies.json)",
    publisher="Vega (vega-datasets 3.2.1)",
    url="https://www.npmjs.com/package/vega-datasets/v/3.2.1",
    licence="BSD-3-Clause (vega-datasets)",
    citation=(
        "Vega contributors, vega-datasets 3.2.1, data/movies.json, "
        "https://www.npmjs.com/package/vega-datasets/v/3.2.1."
    ),
    notes=(
        "3,201 films with box-office figures, ratings and genres. Its authors say it "
        "contains known data quality issues and intentional errors (a teaching resource "
        "for data cleaning): exactly what the comparison of sources is for. The text is "
        "movies.json as it stands, one record a line; each claim quotes its record, "
        "without the line's indentation and separating comma. The year claimed is the "
        "release date's. Grosses, budget, distributor and Rotten Tomatoes rating are not "
        "claimed."
    ),
    # Its column "MPAA Rating".
    rating_system="MPAA",
    locate=locate,
    read=read,
)
