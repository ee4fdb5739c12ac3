"""What a dataset's row says, and what every dataset module gives: its description and reader.

A dataset module (catalog.datasets.omdb, say) reads its file into a ``Reading``: the source's
text and, for each film, a ``Row`` whose line stands at ``start`` in that text and whose
``said`` values become claims quoting that line. It ends with one ``Dataset``, registered in
catalog.datasets.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from catalog.matching import Entry
from catalog.models import Field
from catalog.normalise import normalise

# Name parts that a comma-separated list of people splits off the name they belong to.
NAME_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}


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
    # The code of the rating system its certificate column holds (catalog.certificates: "MPAA"),
    # or "" where it has no such column or does not say whose words they are.
    rating_system: str = ""


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


def installed_package_dir(name: str) -> Path:
    """Where an installed package lives, found without importing it (they want pandas)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"The Python package {name} is not installed: `make setup` installs the pinned "
            "dataset packages (requirements-data.txt)."
        )
    return Path(next(iter(spec.submodule_search_locations)))


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
