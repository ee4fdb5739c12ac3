"""Draw the hand-checked matching sample from the full datasets, and cut the test's extracts.

    python -m catalog.tests.data.sampling draw      # the drawn pairs and rows, to check by hand
    python -m catalog.tests.data.sampling extracts  # rewrite the extracts for film_matches.csv

Run from the repository's root with the dataset packages installed; README.md beside this file
says how the sample was drawn and checked. Not a test: it reads the full datasets.
"""

from __future__ import annotations

import csv
import difflib
import json
import os
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from catalog.matching import Entry, FilmMatcher, match_datasets, title_key
from catalog.normalise import fold

DATA = Path(__file__).resolve().parent
FIXTURES = DATA.parents[2] / "fixtures"
SAMPLE = DATA / "film_matches.csv"
FIRST_SAMPLE = "first sample"
SEED = 20260301
ORDER = ["omdb", "ggplot2movies", "vega"]
# How many of each are drawn: pairs the matcher merges, pairs it lists for the editors, rows of
# each dataset whose counterparts are looked for by hand, and pairs it never weighs.
MERGED = 40
POSSIBLE = 40
ROWS = {"omdb": 25, "ggplot2movies": 25, "vega": 30}
SAME_KEY_FAR = 20
NEAR_TITLE = 20
# Rows shown beside a drawn row: titles this alike (difflib on the title keys), years this far.
ALIKE = 0.75
YEARS = 3
# Alike titles drawn: keys this alike, years this far at most.
NEAR = 0.9
NEAR_YEARS = 1

Row = tuple[str, str]  # (dataset, key)
Pair = tuple[Row, Row]  # in the importers' order


@dataclass(frozen=True)
class Line:
    """A dataset's row: its line as the dataset writes it, what it says, what the matcher reads."""

    line: str
    said: tuple[tuple[str, str], ...]
    entry: Entry

    @property
    def row(self) -> Row:
        return self.entry.dataset, self.entry.key

    def describe(self) -> str:
        """The row's values that tell films apart, on one line."""
        values: dict[str, list[str]] = defaultdict(list)
        for name, value in self.said:
            values[name].append(value)
        shown = ["runtime", "director", "certificate", "genre", "votes", "user_rating"]
        details = " | ".join(f"{name} {', '.join(values[name])}" for name in shown if values[name])
        cast = f" | cast {', '.join(values['cast'][:4])}" if values["cast"] else ""
        place = ", ".join(values["country"] + values["language"])
        entry = self.entry
        return f"{entry.dataset}:{entry.key} {entry.title!r} ({entry.year}) {details}{cast} {place}"


def read_all() -> dict[str, list[Line]]:
    """Every row of the three datasets, in the importers' order."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "sampling")
    import django

    django.setup()
    from catalog.datasets import DATASETS

    found = {}
    for name in ORDER:
        dataset = DATASETS[name]
        reading = dataset.read(dataset.locate(), None)
        found[name] = [
            Line(row.line, tuple((str(s.field), s.value) for s in row.said), row.entry)
            for row in reading.rows
        ]
    return found


@dataclass
class Run:
    """The matcher over the full data: each row's film, and the films each row may be."""

    films: dict[Row, int]
    possible: dict[Row, list[int]]


def run_matcher(lines: dict[str, list[Line]]) -> Run:
    """What the importers do, the possible duplicates kept (catalog.matching.match_datasets)."""
    matcher = FilmMatcher()
    run = Run({}, {})
    made = 0
    for name in ORDER:
        entries = [line.entry for line in lines[name]]
        placed: list[int] = []
        for entry, outcome in zip(entries, matcher.match(entries), strict=True):
            if outcome.film is not None:
                placed.append(outcome.film)
            elif outcome.same_as_row is not None:
                placed.append(placed[outcome.same_as_row])
            else:
                made += 1
                placed.append(made)
            if outcome.possible:
                run.possible[name, entry.key] = [item.film for item in outcome.possible]
        for entry, film in zip(entries, placed, strict=True):
            matcher.add(film, entry)
            run.films[name, entry.key] = film
    return run


def pair(a: Line, b: Line) -> Pair:
    first, second = sorted([a, b], key=lambda line: ORDER.index(line.entry.dataset))
    return first.row, second.row


def sample_rows() -> list[dict[str, str]]:
    with open(SAMPLE, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def first_sample() -> set[Pair]:
    """The pairs picked by hand before the draw, which the draw leaves out."""
    return {
        ((row["dataset_a"], row["key_a"]), (row["dataset_b"], row["key_b"]))
        for row in sample_rows()
        if row["drawn"] == FIRST_SAMPLE
    }


def draw(lines: dict[str, list[Line]], run: Run) -> Iterator[tuple[str, list[Pair] | list[Line]]]:
    """Each stratum of the sample, drawn by a generator of its own seeded from SEED."""
    every = {line.row: line for name in ORDER for line in lines[name]}
    picked = first_sample()
    by_film: dict[int, list[Line]] = defaultdict(list)
    for row, film in run.films.items():
        by_film[film].append(every[row])
    by_key: dict[str, list[Line]] = defaultdict(list)
    for line in every.values():
        by_key[title_key(line.entry.title)].append(line)

    def drawn(seed: str, pairs: Iterable[Pair], count: int) -> list[Pair]:
        return random.Random(f"{SEED}-{seed}").sample(sorted(set(pairs) - picked), count)

    yield "merged", drawn("merged", across(by_film.values()), MERGED)
    listed = (
        pair(every[row], other)
        for row, films in run.possible.items()
        for film in films
        for other in by_film[film]
        if other.entry.dataset != row[0]
    )
    yield "possible", drawn("possible", listed, POSSIBLE)
    for name, count in ROWS.items():
        yield f"row of {name}", random.Random(f"{SEED}-rows-{name}").sample(lines[name], count)
    far = (
        (a, b) for a, b in across(by_key.values()) if 2 <= years_apart(every[a], every[b]) <= YEARS
    )
    yield "same title, years apart", drawn("far", far, SAME_KEY_FAR)
    yield "alike titles", drawn("near", near_titles(by_key), NEAR_TITLE)


def years_apart(a: Line, b: Line) -> int:
    """How many years apart two rows are; a large number when one has no year."""
    if a.entry.year is None or b.entry.year is None:
        return sys.maxsize
    return abs(a.entry.year - b.entry.year)


def across(groups: Iterable[list[Line]]) -> Iterator[Pair]:
    """Every two rows of different datasets within a group."""
    for rows in groups:
        for a in rows:
            for b in rows:
                if ORDER.index(a.entry.dataset) < ORDER.index(b.entry.dataset):
                    yield a.row, b.row


def near_titles(by_key: dict[str, list[Line]]) -> Iterator[Pair]:
    """Rows of two datasets a year apart at most whose title keys differ but are alike."""
    by_word: dict[str, set[str]] = defaultdict(set)
    for key in by_key:
        for word in set(key.split()):
            by_word[word].add(key)
    for key, rows in by_key.items():
        # An alike key shares the key's rarest word, unless it is a common one.
        words = sorted(set(key.split()), key=lambda word: (len(by_word[word]), word))
        if not words or len(by_word[words[0]]) > 500:
            continue
        for other in by_word[words[0]]:
            if other <= key or difflib.SequenceMatcher(None, key, other).ratio() < NEAR:
                continue
            for a in rows:
                for b in by_key[other]:
                    if a.entry.dataset != b.entry.dataset and years_apart(a, b) <= NEAR_YEARS:
                        yield pair(a, b)


def counterparts(line: Line, lines: dict[str, list[Line]]) -> list[tuple[float, Line]]:
    """Rows of the other datasets worth a look, most alike titles first: titles alike or one's
    words all in the other's, or the same director, years close."""
    key = title_key(line.entry.title)
    words = set(key.split())
    directors = {fold(name) for name in line.entry.directors}
    alike = difflib.SequenceMatcher(None, "", key)
    found = []
    for name in ORDER:
        if name == line.entry.dataset:
            continue
        for other in lines[name]:
            if YEARS < years_apart(line, other) < sys.maxsize:
                continue
            other_key = title_key(other.entry.title)
            alike.set_seq1(other_key)
            ratio = alike.ratio() if alike.quick_ratio() >= ALIKE else 0.0
            other_words = set(other_key.split())
            within = min(len(words), len(other_words)) >= 2 and (
                words <= other_words or other_words <= words
            )
            same_director = directors & {fold(person) for person in other.entry.directors}
            if ratio >= ALIKE or within or same_director:
                found.append((ratio, other))
    return sorted(found, key=lambda item: -item[0])


def show_draw() -> None:
    lines = read_all()
    run = run_matcher(lines)
    every = {line.row: line for name in ORDER for line in lines[name]}
    for stratum, drawn in draw(lines, run):
        print(f"== {stratum}")
        for item in drawn:
            if isinstance(item, Line):
                film = run.films[item.row]
                print(item.describe())
                for ratio, other in counterparts(item, lines):
                    merged = " (merged)" if run.films[other.row] == film else ""
                    print(f"   {ratio:.2f} {other.describe()}{merged}")
            else:
                a, b = item
                print(f"{every[a].describe()}\n{every[b].describe()}")


def fixture_titles() -> list[str]:
    """The titles of the seeds' films, kept by hand: test_joining imports their rows too."""
    titles = []
    for path in sorted(FIXTURES.glob("*.json")):
        records = json.loads(path.read_text(encoding="utf-8"))
        titles += [r["fields"]["title"] for r in records if r["model"] == "catalog.film"]
    return titles


def extract(lines: dict[str, list[Line]]) -> dict[str, list[Line]]:
    """The rows the sample's rows, and the fixtures' films, can meet: every row sharing a title
    key with one of them, and so on through the films that several keys lead to (rows of one
    IMDb id)."""
    wanted = set()
    for row in sample_rows():
        wanted |= {(row["dataset_a"], row["key_a"]), (row["dataset_b"], row["key_b"])}
    by_key: dict[str, list[Line]] = defaultdict(list)
    by_imdb: dict[str, list[Line]] = defaultdict(list)
    for name in ORDER:
        for line in lines[name]:
            by_key[title_key(line.entry.title)].append(line)
            if line.entry.imdb_id:
                by_imdb[line.entry.imdb_id].append(line)
    every = {line.row: line for name in ORDER for line in lines[name]}
    keys: set[str] = set()
    todo = [every[row] for row in wanted]
    todo += [line for name in fixture_titles() for line in by_key[title_key(name)]]
    while todo:
        line = todo.pop()
        key = title_key(line.entry.title)
        if key not in keys:
            keys.add(key)
            todo.extend(by_key[key])
            todo.extend(by_imdb[line.entry.imdb_id] if line.entry.imdb_id else [])
    return {
        name: [line for line in lines[name] if title_key(line.entry.title) in keys]
        for name in ORDER
    }


def write_extracts() -> None:
    lines = read_all()
    chosen = extract(lines)
    from catalog.datasets import DATASETS

    headers = {}
    for name in ["omdb", "ggplot2movies"]:
        dataset = DATASETS[name]
        headers[name] = dataset.read(dataset.locate(), 1).text.split("\n")[0]
    write("omdb_extract.tsv", headers["omdb"], [line.line for line in chosen["omdb"]])
    write(
        "ggplot2movies_extract.csv",
        headers["ggplot2movies"],
        [line.line for line in chosen["ggplot2movies"]],
    )
    vega = [f"{line.entry.key}\t{line.line}" for line in chosen["vega"]]
    write("vega_movies_extract.tsv", "record\tline", vega)
    for name, found in chosen.items():
        print(f"{name}: {len(found)} rows")
    full = run_matcher(lines).films
    cut = match_datasets([line.entry for line in chosen[name]] for name in ORDER)
    for row in sample_rows():
        a, b = (row["dataset_a"], row["key_a"]), (row["dataset_b"], row["key_b"])
        if (full[a] == full[b]) != (cut[a] == cut[b]):
            print(f"not as in the full data: {row['title_a']} / {row['title_b']}")


def write(name: str, header: str, lines: list[str]) -> None:
    (DATA / name).write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    {"draw": show_draw, "extracts": write_extracts}[sys.argv[1]]()
