"""OMDb: the ``omdb`` table of ``movies.db`` in PyPI ``bokeh-sampledata`` (films from Wikidata,
CC0), rendered as tab-separated text."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from catalog.datasets.base import (
    Dataset,
    Reading,
    Row,
    Said,
    TextBuilder,
    entry_for,
    installed_package_dir,
    split_list,
    split_names,
)
from catalog.models import Field

LISTS = {
    "Genre": Field.GENRE,
    "Language": Field.LANGUAGE,
    "Country": Field.COUNTRY,
}
PEOPLE = {"Director": Field.DIRECTOR, "Writer": Field.WRITER, "Cast": Field.CAST}
SINGLE = {
    "Title": Field.TITLE,
    "Year": Field.YEAR,
    "Rating": Field.CERTIFICATE,
    "Runtime": Field.RUNTIME,
    "imdbRating": Field.USER_RATING,
    "imdbVotes": Field.VOTES,
}


def locate() -> Path:
    return installed_package_dir("bokeh_sampledata") / "_data" / "movies.db"


def render_cell(value: object) -> str:
    """A table cell as text: NULL as nothing, whole REALs without ".0", tabs and breaks escaped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if any(c in text for c in "\\\t\n\r"):
        text = (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


def read(path: Path, limit: int | None = None) -> Reading:
    """The omdb table as tab-separated text: a header, then one line per row in table order."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(omdb)")]
        if not columns:
            raise ValueError(f"{path} has no omdb table.")
        total = db.execute("SELECT count(*) FROM omdb").fetchone()[0]
        names = ", ".join(f'"{column}"' for column in columns)
        query = f"SELECT {names} FROM omdb ORDER BY rowid"
        records = db.execute(query + " LIMIT ?", (limit,)) if limit else db.execute(query)
        builder = TextBuilder()
        builder.add("\t".join(columns))
        rows = []
        for record in records:
            cells = dict(zip(columns, (render_cell(value) for value in record), strict=True))
            line = "\t".join(cells.values())
            start = builder.add(line)
            said = said_in(cells)
            key = cells.get("imdbID") or cells.get("ID", "")
            entry = entry_for("omdb", key, said, imdb_id=cells.get("imdbID", ""))
            if entry is not None:
                rows.append(Row(key, start, line, entry, said, cells.get("Rating", "")))
    return Reading(builder.text(), rows, total, skipped=(limit or total) - len(rows))


def said_in(cells: dict[str, str]) -> list[Said]:
    """The values a row's cells give, people and lists split."""
    said = [Said(name, cells[column]) for column, name in SINGLE.items() if cells.get(column)]
    for column, name in LISTS.items():
        said.extend(Said(name, value) for value in split_list(cells.get(column, "")))
    for column, name in PEOPLE.items():
        said.extend(Said(name, value) for value in split_names(cells.get(column, "")))
    return said


DATASET = Dataset(
    name="omdb",
    label="OMDb",
    slug="bokeh-sampledata-omdb",
    title="Films from Wikidata (Bokeh sample data, omdb table)",
    publisher="Bokeh (bokeh-sampledata 2026.1); data by Wikidata contributors",
    url="https://pypi.org/project/bokeh-sampledata/2026.1/",
    licence="CC0-1.0 (Wikidata structured data)",
    citation=(
        "Wikidata contributors, film data retrieved 2026-10-18, as the omdb table of "
        "movies.db in bokeh-sampledata 2026.1 (Bokeh Team, 2026), "
        "https://pypi.org/project/bokeh-sampledata/2026.1/."
    ),
    notes=(
        "17,472 films released 1940-2014, selected from Wikidata by the Bokeh team in the "
        "legacy OMDb schema (IMDb ratings and votes are empty in this release). The text "
        "is the omdb table of movies.db rendered as tab-separated values: a header of the "
        "table's columns, then one line per row in table order; NULL and empty are both "
        "written as nothing, whole numbers stored as REAL without '.0', and a tab, line "
        "break or backslash inside a value as \\t, \\n, \\\\. Each claim quotes its "
        "row's line."
    ),
    # Wikidata's "MPA film rating", the column "Rating".
    rating_system="MPAA",
    locate=locate,
    read=read,
)
