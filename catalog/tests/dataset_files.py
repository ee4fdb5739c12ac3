"""What the importer tests share: tiny hand-made files in each dataset's own layout, and the
import of them."""

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from catalog.catalogue import Catalogue
from catalog.datasets import DATASETS
from catalog.importing import ImportSummary, import_dataset
from catalog.models import Film
from catalog.records import fill_records

OMDB_SCHEMA = (
    'CREATE TABLE "omdb" ("ID" INTEGER, "imdbID" TEXT, "Title" TEXT, "Year" INTEGER, '
    '"Rating" TEXT, "Runtime" REAL, "Genre" TEXT, "Released" TEXT, "Director" TEXT, '
    '"Writer" TEXT, "Cast" TEXT, "Metacritic" INTEGER, "imdbRating" REAL, "imdbVotes" INTEGER, '
    '"Language" TEXT, "Country" TEXT, "Awards" TEXT, "lastUpdated" TEXT, "Oscars" INTEGER)'
)
OMDB_ROWS = [
    # ID, imdbID, Title, Year, Rating, Runtime, Genre, Released, Director, Writer, Cast,
    # Metacritic, imdbRating, imdbVotes, Language, Country, Awards, lastUpdated, Oscars
    (1, "tt0120338", "Titanic", 1997, "PG-13", 194.0, "Drama, Romance", "1997-12-19",
     "James Cameron", "James Cameron", "Kate Winslet, Leonardo DiCaprio", 75, None, None,
     "English", "United States", "Won 11 Oscars.", "2026-10-18", 11),
    (2, "tt1675434", "The Intouchables", 2011, "R", 112.0, "Comedy, Drama", "2011-11-02",
     "Olivier Nakache, Éric Toledano", "Éric Toledano", "Omar Sy, François Cluzet", None, None,
     None, "French", "France", None, "2026-10-18", 0),
    (3, "tt0058461", "Ocean's 11", 1960, None, 127.0, "Crime", "1960-08-10", "Lewis Milestone",
     "", "Frank Sinatra, Sammy Davis, Jr., Dean Martin", None, None, None, "English",
     "United States", None, "2026-10-18", 0),
    (4, "tt0000004", "Holes", 2003, "PG", 117.0, "", "2003-04-18", "Andrew Davis", "",
     "Jon Voight, Sigourney Weaver", None, None, None, "English", "United States", None,
     "2026-10-18", 0),
]  # fmt: skip
GGPLOT_HEADER = (
    '"","title","year","length","budget","rating","votes","r1","r2","r3","r4","r5","r6","r7",'
    '"r8","r9","r10","mpaa","Action","Animation","Comedy","Drama","Documentary","Romance","Short"'
)
GGPLOT_LINES = [
    '"1","Titanic",1997,194,200000000,6.9,90195,4.5,4.5,4.5,4.5,4.5,14.5,14.5,24.5,14.5,14.5,'
    '"PG-13",0,0,0,1,0,1,0',
    '"2","Red Hot",1993,95,NA,4.5,71,4.5,4.5,4.5,4.5,14.5,4.5,4.5,24.5,14.5,14.5,"",0,0,0,1,0,0,0',
    '"3","Godfather, The",1972,175,6000000,9.1,122755,4.5,4.5,4.5,4.5,4.5,4.5,4.5,14.5,14.5,'
    '45.5,"",0,0,0,1,0,0,0',
]
VEGA_RECORDS = [
    {"Title": "Titanic", "US Gross": 600788188, "Release Date": "Dec 19 1998",
     "MPAA Rating": "PG-13", "Running Time min": 194, "Major Genre": "Thriller/Suspense",
     "Director": "James Cameron", "IMDB Rating": 7.4, "IMDB Votes": 240732},
    {"Title": "The Godfather", "Release Date": "Mar 15 1972", "MPAA Rating": None,
     "Running Time min": None, "Major Genre": "Drama", "Director": "Francis Ford Coppola",
     "IMDB Rating": 9.2, "IMDB Votes": 411088},
    {"Title": "Some Film", "Release Date": "Jan 01 2004", "Director": "John Voight",
     "IMDB Rating": None, "IMDB Votes": None},
    {"Title": "Untouchable", "Release Date": "May 25 2012", "Director": "Eric Toledano"},
    {"Title": "Red Hot", "Release Date": "Jun 01 1994"},
    {"Title": None, "Release Date": "Jan 01 2000"},
]  # fmt: skip


def dataset_files(tmp_path: Path) -> dict[str, Path]:
    """The three datasets' files, a few rows each in its own layout, in `tmp_path`."""
    omdb = tmp_path / "movies.db"
    with sqlite3.connect(omdb) as db:
        db.execute(OMDB_SCHEMA)
        db.executemany(f"INSERT INTO omdb VALUES ({', '.join('?' * 19)})", OMDB_ROWS)
    db.close()
    ggplot = tmp_path / "movies.csv"
    ggplot.write_text(GGPLOT_HEADER + "\n" + "\n".join(GGPLOT_LINES) + "\n", encoding="utf-8")
    vega = tmp_path / "movies.json"
    lines = ",\n".join("    " + json.dumps(record) for record in VEGA_RECORDS)
    vega.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    return {"omdb": omdb, "ggplot2movies": ggplot, "vega": vega}


def import_all(
    files: dict[str, Path], names: Iterable[str] = ("omdb", "ggplot2movies", "vega")
) -> list[ImportSummary]:
    catalogue = Catalogue.load()
    summaries = [import_dataset(DATASETS[name], catalogue, path=files[name]) for name in names]
    fill_records()
    return summaries


def film(title: str) -> Film:
    return Film.objects.get(title=title)
