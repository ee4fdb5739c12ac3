"""Which rows of different datasets describe the same film, and which names may be one person.

Plain Python, no Django: the importers (catalog.importing) feed it rows and store what it finds.

Films
=====

A dataset lists a film once, so its rows are matched against the films the *other* datasets (and
the editors) already have, never against each other (except by IMDb id: two rows with one id are
one film). Candidates are found by blocking: the row's title key (below) and a year within one,
through dict look-ups, so a dataset is matched in one pass. Each candidate is then weighed:

- the year: the same year is good evidence, a year apart is weak (release and production years
  differ), further apart rules the candidate out;
- the runtime, when both are known: close (within 10 %, at least 5 minutes) supports the match;
  further apart, it rules out a candidate a year apart, and one more than twice the other rules
  out any (a short and a feature), unless the director agrees; otherwise, in the same year, it is
  a conflict for the film's page (a cut, a restoration, an error), not another film;
- the director, when both are known: one name in common (folded: case, accents, punctuation)
  supports the match; none rules the candidate out, unless the year and the runtime agree (a
  credit written otherwise: "Andy" and "Lana Wachowski");
- the IMDb id, where both have one: the same id is the same film, different ids are not.

A row is merged into a film when that film is its only compatible candidate (counting only the
candidates of the same year when there are any: "An Ideal Husband" of 1999 is not the namesake of
1998), the evidence is strong (the same year, or a year apart with the runtime or the director
agreeing) and no other row of the same dataset is also a candidate for that film (or none of the
same year, again). Everything else that came close (several candidates, only a year apart with
nothing else to go on, the same title and year but a contradicting runtime or director) is left
apart and reported as a possible duplicate for the editors.

A film the editors keep by hand (no automatic fields, like the seeds' *Red Hot*) is matched on its
record (title, year, runtime, directors) and on the rows already joined to it, by the same rules: a
row that would be merged into it joins it as one more source (its claims are attached, the record
is left as the editors set it), and a weaker match is listed, its reason saying the editors keep
that film by hand. The importers and ``manage.py fold_twins`` (catalog.merging.twins, for a
catalogue loaded before kept films were joined) both decide by ``FilmMatcher.match``.

The title key: the title as ``catalog.normalise.title`` folds it, after moving a trailing article
back to the front ("Godfather, The" is "The Godfather", the way the IMDb 2005 snapshot writes
titles), writing "&" as "and", joining letters spelled out one by one ("M*A*S*H" and "MASH"),
and dropping a leading English article ("The Intouchables" and "Intouchables" share a key).

People
======

The same person across films is the same folded name (``catalog.normalise.fold``): "Eric
Toledano" and "Éric Toledano" are one person with two spellings. Names one letter apart ("Jon
Voight" and "John Voight") are never merged: ``near_duplicate_names`` lists them for the editors,
who merge the right ones with the people admin's "Merge selected people" action.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from catalog.normalise import fold, title

# Articles that the IMDb style writes after the title: "Godfather, The", "Avventura, L'".
TRAILING_ARTICLE = re.compile(
    r"^(?P<rest>.+?),\s*(?P<article>The|A|An|L'|Le|La|Les|Il|Lo|Gli|I|El|Los|Las|Der|Die|Das|"
    r"De|Het|Een|Den|Det|Ein|Eine|Un|Une|Una|Uno)$"
)
LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")
# Letters spelled out one by one, as folding leaves "M*A*S*H" or "L.A.": "m a s h".
SPELLED_OUT = re.compile(r"\b(\w)(?: (\w)\b)+")
RUNTIME_TOLERANCE = 0.10
RUNTIME_MINIMUM_TOLERANCE = 5
RUNTIME_FACTOR = 2
# Names shorter than this (folded) are not compared for near-duplicates: "li na" and "li ni" are
# more often two people than one.
NEAR_NAME_MINIMUM = 8


def natural_title(text: str) -> str:
    """The title with a trailing article moved back to the front: "Godfather, The" -> "The ..."."""
    found = TRAILING_ARTICLE.match(text.strip())
    if not found:
        return text.strip()
    article = found["article"]
    joiner = "" if article.endswith("'") else " "
    return f"{article}{joiner}{found['rest']}"


def title_key(text: str) -> str:
    """What titles are matched on: "Godfather, The" and "The Godfather" both give "godfather"."""
    folded = title(natural_title(text).replace("&", " and "))
    folded = SPELLED_OUT.sub(lambda letters: letters[0].replace(" ", ""), folded)
    return LEADING_ARTICLE.sub("", folded) or folded


@dataclass(frozen=True)
class Entry:
    """A dataset's row as the matcher sees it."""

    dataset: str
    key: str
    title: str
    year: int | None = None
    runtime: int | None = None
    directors: tuple[str, ...] = ()
    imdb_id: str = ""


@dataclass
class Known:
    """A film already in the catalogue, with everything its rows said about it."""

    film: int
    keys: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    runtimes: set[int] = field(default_factory=set)
    directors: set[str] = field(default_factory=set)
    datasets: set[str] = field(default_factory=set)
    imdb_ids: set[str] = field(default_factory=set)
    # Kept by the editors by hand: rows join it as sources, its record is left as it is.
    kept: bool = False
    label: str = ""

    def add(self, entry: Entry) -> None:
        self.keys.add(title_key(entry.title))
        if entry.year:
            self.years.add(entry.year)
        if entry.runtime:
            self.runtimes.add(entry.runtime)
        self.directors.update(fold(name) for name in entry.directors if fold(name))
        self.datasets.add(entry.dataset)
        if entry.imdb_id:
            self.imdb_ids.add(entry.imdb_id)
        self.label = self.label or f"{entry.title} ({entry.year or 'no year'})"


@dataclass(frozen=True)
class Evidence:
    """How a row compares with one candidate film."""

    film: int
    score: float
    strong: bool
    compatible: bool
    reasons: tuple[str, ...]
    same_year: bool = False


@dataclass
class Possible:
    """A film the row may be, for the editors to judge."""

    film: int
    score: float
    reason: str


@dataclass
class Outcome:
    """Where a row goes: an existing film, the film of an earlier row of its batch, or a new one."""

    film: int | None = None
    same_as_row: int | None = None
    possible: list[Possible] = field(default_factory=list)


def runtimes_close(a: int, b: int) -> bool:
    limit = max(RUNTIME_MINIMUM_TOLERANCE, RUNTIME_TOLERANCE * max(a, b))
    return abs(a - b) <= limit


def runtimes_far(a: int, b: int) -> bool:
    """One more than twice the other: a short and a feature, not two cuts of one film."""
    return max(a, b) > RUNTIME_FACTOR * min(a, b)


def directors_agree(ours: Iterable[str], theirs: set[str]) -> bool:
    """One name in common, folded ("Danny De Vito" is "Danny DeVito"), or the same surname with
    the same first initial ("J. Lee Thompson", "Jack Lee Thompson")."""
    folded = {fold(name) for name in ours} - {""}
    if folded & theirs or {n.replace(" ", "") for n in folded} & {
        n.replace(" ", "") for n in theirs
    }:
        return True
    short = {(name.split()[0][0], name.split()[-1]) for name in theirs if " " in name}
    return any(" " in name and (name.split()[0][0], name.split()[-1]) in short for name in folded)


def weigh(entry: Entry, known: Known) -> Evidence | None:
    """The evidence that `entry` is the film `known`; None when it clearly is not."""
    if entry.imdb_id and known.imdb_ids:
        if entry.imdb_id in known.imdb_ids:
            return Evidence(known.film, 1.0, True, True, ("same IMDb id",), True)
        return None
    reasons = ["same title"]
    same_year = near_year = False
    year = entry.year
    if year and known.years:
        nearest_year = min(known.years, key=lambda known_year: abs(year - known_year))
        apart = abs(year - nearest_year)
        if apart > 1:
            return None
        same_year, near_year = apart == 0, apart == 1
        reasons.append(
            f"same year ({year})" if same_year else f"years a year apart ({year}, {nearest_year})"
        )
    else:
        reasons.append("no year to compare")
    runtime: bool | None = None  # agree, differ, or nothing to compare
    far = False
    minutes = entry.runtime
    if minutes and known.runtimes:
        nearest = min(known.runtimes, key=lambda known_minutes: abs(minutes - known_minutes))
        runtime = runtimes_close(minutes, nearest)
        far = runtimes_far(minutes, nearest)
        verb = "agree" if runtime else "are far apart" if far else "differ"
        reasons.append(f"runtimes {verb} ({minutes}, {nearest} min)")
    director: bool | None = None
    if entry.directors and known.directors:
        director = directors_agree(entry.directors, known.directors)
        reasons.append("director agrees" if director else "directors differ")
    # What rules a candidate out: directors who differ, unless the year and the runtime agree (a
    # credit written otherwise, "Andy" and "Lana Wachowski"); runtimes that differ a year apart,
    # or one more than twice the other (a short and a feature), with no director to vouch. A
    # runtime that differs less in the same year is a conflict for the film's page (a cut, a
    # restoration, an error), not another film.
    contradicted = (director is False and not (same_year and runtime is True)) or (
        (far or (near_year and runtime is False)) and director is not True
    )
    strong = not contradicted and (
        same_year or (near_year and (runtime is True or director is True))
    )
    score = (
        0.5
        + 0.25 * same_year
        + 0.1 * near_year
        + {True: 0.15, False: -0.15, None: 0.0}[runtime]
        + {True: 0.2, False: -0.3, None: 0.0}[director]
    )
    score = max(0.0, min(1.0, score))
    return Evidence(known.film, score, strong, not contradicted, tuple(reasons), same_year)


def best(evidence: list[Evidence]) -> list[Evidence]:
    """The compatible candidates of the same year, or else all the compatible ones."""
    compatible = [item for item in evidence if item.compatible]
    return [item for item in compatible if item.same_year] or compatible


class FilmMatcher:
    """Films known so far, indexed by title key and IMDb id; matches a dataset's rows at once."""

    def __init__(self) -> None:
        self.films: dict[int, Known] = {}
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_imdb: dict[str, int] = {}

    def add(self, film: int, entry: Entry, *, kept: bool = False) -> None:
        """Record that `entry` is (a row of) `film`."""
        known = self.films.get(film)
        if known is None:
            known = self.films[film] = Known(film)
        # A kept film is indexed by its rows and by its record, in either order.
        known.kept = known.kept or kept
        key = title_key(entry.title)
        if key and key not in known.keys:
            self.by_key[key].append(film)
        known.add(entry)
        if entry.imdb_id:
            self.by_imdb.setdefault(entry.imdb_id, film)

    def candidates(self, entry: Entry) -> Iterator[Evidence]:
        for film in self.by_key.get(title_key(entry.title), ()):
            known = self.films[film]
            if entry.dataset in known.datasets:
                continue  # a dataset lists a film once
            evidence = weigh(entry, known)
            if evidence is not None:
                yield evidence

    def match(self, entries: list[Entry]) -> list[Outcome]:
        """Where each row of one dataset goes; call `add` for them afterwards."""
        outcomes = [Outcome() for _ in entries]
        found: list[list[Evidence]] = []
        # film -> rows of this batch it could be, and those of them of the same year
        wanted: dict[int, int] = defaultdict(int)
        wanted_same_year: dict[int, int] = defaultdict(int)
        first_with_id: dict[str, int] = {}
        for n, entry in enumerate(entries):
            if entry.imdb_id and entry.imdb_id in self.by_imdb:
                outcomes[n].film = self.by_imdb[entry.imdb_id]
                found.append([])
                continue
            if entry.imdb_id:
                if entry.imdb_id in first_with_id:
                    outcomes[n].same_as_row = first_with_id[entry.imdb_id]
                    found.append([])
                    continue
                first_with_id[entry.imdb_id] = n
            evidence = list(self.candidates(entry))
            found.append(evidence)
            for item in best(evidence):
                wanted[item.film] += 1
                wanted_same_year[item.film] += item.same_year
        for n, evidence in enumerate(found):
            compatible = best(evidence)
            only = compatible[0] if len(compatible) == 1 else None
            # The film is this row's alone, or it is the only row of the same year that wants it.
            alone = only is not None and (
                wanted[only.film] == 1 or (only.same_year and wanted_same_year[only.film] == 1)
            )
            if only is not None and alone and only.strong:
                outcomes[n].film = only.film
                continue
            for item in evidence:
                if not item.compatible and not any(r.startswith("same year") for r in item.reasons):
                    continue  # a year apart and contradicted: not worth an editor's time
                reasons = list(item.reasons)
                if len(compatible) > 1:
                    reasons.append(f"{len(compatible)} candidate films")
                if wanted[item.film] > 1:
                    reasons.append(f"{wanted[item.film]} rows of this dataset could be it")
                if item.compatible and not item.strong:
                    reasons.append("weak evidence")
                if self.films[item.film].kept:
                    reasons.append("the editors keep that film by hand")
                outcomes[n].possible.append(Possible(item.film, item.score, "; ".join(reasons)))
        return outcomes


def match_datasets(datasets: Iterable[list[Entry]]) -> dict[tuple[str, str], int]:
    """Match whole datasets in turn, as the importers do, films numbered from 1 in memory.

    Each row's film, by (dataset, key): rows of two datasets with the same film were merged.
    """
    matcher = FilmMatcher()
    films: dict[tuple[str, str], int] = {}
    made = 0
    for entries in datasets:
        placed: list[int] = []
        for outcome in matcher.match(entries):
            if outcome.film is not None:
                placed.append(outcome.film)
            elif outcome.same_as_row is not None:
                placed.append(placed[outcome.same_as_row])
            else:
                made += 1
                placed.append(made)
        for entry, film in zip(entries, placed, strict=True):
            matcher.add(film, entry)
            films[entry.dataset, entry.key] = film
    return films


# --- People ----------------------------------------------------------------------------------


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter changed, added or removed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def near_duplicate_names(names: Iterable[str]) -> set[tuple[str, str]]:
    """Pairs of folded names one letter apart, found through an index of one-letter deletions."""
    index: dict[str, list[str]] = defaultdict(list)
    for name in set(names):
        if len(name) < NEAR_NAME_MINIMUM:
            continue
        index[name].append(name)
        for i in range(len(name)):
            index[name[:i] + name[i + 1 :]].append(name)
    pairs = set()
    for group in index.values():
        if len(group) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a != b and one_edit_apart(a, b):
                    pairs.add((min(a, b), max(a, b)))
    return pairs
