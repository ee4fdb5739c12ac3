"""Value types: how the values of one kind of attribute are normalised, ordered and compared.

Per type, a similarity in [0, 1] between distinct normal forms: numbers and durations by relative
difference, years by distance, names, titles and text by the Dice coefficient of their character
bigrams, certificates and genres by the normal form only ("Similar values: types" in
docs/consensus.md).
"""

import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from itertools import pairwise

import numpy as np

from catalog import normalise as _normalise
from catalog.consensus.arrays import Floats, Ints


class ValueType:
    """How the values of one kind of attribute are normalised, ordered and compared.

    Subclass it and register an instance in ``VALUE_TYPES`` (and a rule in ``KEYWORDS``), or pass
    it to ``discover(value_types={attribute: instance})``.
    """

    name = "text"
    measure = False
    """A measured quantity (a count, a duration): near values then support each other only with
    ``Parameters(similar_numbers=True)``."""

    def normalise(self, value: str) -> str:
        """The comparable form: values with equal forms are one and the same fact."""
        return _normalise.fold(value) or value.strip()

    def order(self, key: str) -> tuple[float, str]:
        """Sort key of a normal form; ties in confidence go to the smallest."""
        return (0.0, key)

    def ranks(self, keys: Sequence[str]) -> Ints:
        """Each of the distinct normal forms ``keys``'s position in ``order``: sorted by the
        order's number in bulk, then each run of equal numbers by the whole order."""
        orders = [self.order(k) for k in keys]
        first = np.fromiter((o[0] for o in orders), dtype=np.float64, count=len(keys))
        by = np.argsort(first, kind="stable")
        ordered = first[by]
        runs = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1  # inf equals inf
        bounds = [0, *runs.tolist(), len(keys)]
        positions = by.tolist()
        for start, end in pairwise(bounds):
            if end - start > 1:
                positions[start:end] = sorted(positions[start:end], key=orders.__getitem__)
        rank = np.empty(len(keys), dtype=np.int64)
        rank[positions] = np.arange(len(keys))
        return rank

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> Floats:
        """Similarity in [0, 1] of each pair ``(a[i], b[i])`` of distinct normal forms."""
        return _bigram_dice(a, b)


class ExactType(ValueType):
    """Only the normal form counts: two different forms conflict."""

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> Floats:
        return np.zeros(len(a))


class NumberType(ValueType):
    """Counts and measures: "1,234 votes" is 1234; near numbers are similar (used only with
    ``Parameters(similar_numbers=True)``)."""

    name = "number"
    measure = True
    tolerance = 0.02
    """Relative difference at which two numbers are fully different; half of it is neutral."""

    def normalise(self, value: str) -> str:
        if value.isascii() and value.isdigit() and (value[0] != "0" or len(value) == 1):
            return value  # already canonical: the common case, without a Decimal
        return _canonical_number(_normalise.number(value))

    def order(self, key: str) -> tuple[float, str]:
        number = _to_float(key)
        return (math.inf, key) if number is None else (number, key)

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> Floats:
        x, y = _floats(a), _floats(b)
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.maximum(np.abs(x), np.abs(y))
            difference = np.abs(x - y) / scale
        difference[scale == 0] = 0.0
        sim = 1 - difference / self.tolerance
        return np.nan_to_num(np.clip(sim, 0.0, 1.0), nan=0.0)


class DurationType(NumberType):
    """Running times in minutes: "1 hr 35 min", "1h 35m", "95 min" and "95" are all 95."""

    name = "duration"

    def normalise(self, value: str) -> str:
        return _canonical_number(_normalise.runtime(value))


class YearType(NumberType):
    """Years: "Released: 1995" is 1995; a year apart is neutral, further apart conflicts."""

    name = "year"
    measure = False

    def normalise(self, value: str) -> str:
        return _normalise.year(value)

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> Floats:
        return np.nan_to_num(1 / (1 + np.abs(_floats(a) - _floats(b))), nan=0.0)


class PersonType(ValueType):
    """Names: case, accents and punctuation folded, small misspellings similar."""

    name = "person"


class TitleType(ValueType):
    """Titles: a trailing "(1993)" dropped, then folded like text."""

    name = "title"

    def normalise(self, value: str) -> str:
        return _normalise.title(value) or value.strip()


class CertificateType(ExactType):
    """Certificates: "Rated PG" is "PG", "pg-13" is "PG13"."""

    name = "certificate"

    def normalise(self, value: str) -> str:
        return re.sub(r"[\s\-]", "", _normalise.certificate(value)) or value.strip()


class GenreType(ExactType):
    """Genres: "Drama film" is "drama"."""

    name = "genre"

    def normalise(self, value: str) -> str:
        return _normalise.genre(value) or value.strip()


VALUE_TYPES: dict[str, ValueType] = {
    t.name: t
    for t in (
        ValueType(),
        NumberType(),
        DurationType(),
        YearType(),
        PersonType(),
        TitleType(),
        CertificateType(),
        GenreType(),
    )
}

KEYWORDS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"certificate", "certification", "mpaa", "classification"}), "certificate"),
    (frozenset({"runtime", "duration", "length", "running"}), "duration"),
    (frozenset({"year", "released"}), "year"),
    (
        frozenset(
            {"population", "votes", "rating", "score", "count", "budget", "gross"}
            | {"revenue", "height", "weight", "area", "number", "total"}
        ),
        "number",
    ),
    (
        frozenset(
            {"person", "name", "director", "directors", "writer", "writers", "author"}
            | {"actor", "actress", "cast", "producer", "composer", "cinematographer", "editor"}
            | {"starring", "creator", "character", "role"}
        ),
        "person",
    ),
    (frozenset({"title"}), "title"),
    (frozenset({"genre", "genres"}), "genre"),
)
"""The attribute-name rules, first match wins; a word is a run of letters of the name."""

_DURATION = re.compile(r"^\s*(\d+\s*(h|hr|hrs|hours?|m|min|mins|minutes?)\b\s*){1,2}$", re.I)
_PLAIN_NUMBER = re.compile(r"^\s*[-+]?\d[\d,]*(\.\d+)?\s*$")


def type_for_name(attribute: str) -> ValueType | None:
    """The type an attribute's name implies, by ``KEYWORDS``, or None."""
    words = set(re.findall(r"[a-z]+", attribute.lower()))
    for keywords, name in KEYWORDS:
        if words & keywords:
            return VALUE_TYPES[name]
    return None


def type_for_values(values: Iterable[str]) -> ValueType:
    """``duration`` or ``number`` if at least 90 % of the distinct values look so, else text."""
    distinct = set(values)
    if not distinct:
        return VALUE_TYPES["text"]
    durations = sum(1 for v in distinct if _DURATION.match(v))
    numbers = sum(1 for v in distinct if _PLAIN_NUMBER.match(v))
    if durations and (durations + numbers) >= 0.9 * len(distinct) and durations >= numbers / 9:
        return VALUE_TYPES["duration"]
    if numbers >= 0.9 * len(distinct):
        return VALUE_TYPES["number"]
    return VALUE_TYPES["text"]


def _canonical_number(text: str) -> str:
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _to_float(key: str) -> float | None:
    try:
        number = float(key)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _floats(keys: Sequence[str]) -> Floats:
    try:
        return np.asarray(keys, dtype=str).astype(np.float64)
    except ValueError:
        return np.array([math.nan if (x := _to_float(k)) is None else x for k in keys])


def _bigram_dice(a: Sequence[str], b: Sequence[str]) -> Floats:
    grams: dict[str, frozenset[str]] = {}

    def of(text: str) -> frozenset[str]:
        found = grams.get(text)
        if found is None:
            padded = f" {text} "
            found = grams[text] = frozenset(padded[i : i + 2] for i in range(len(padded) - 1))
        return found

    out = np.empty(len(a))
    for index, (x, y) in enumerate(zip(a, b, strict=True)):
        gx, gy = of(x), of(y)
        out[index] = 2 * len(gx & gy) / (len(gx) + len(gy))
    return out
