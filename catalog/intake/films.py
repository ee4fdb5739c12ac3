"""Which catalogued film a page describes: candidates found by title, weighed by year and people.

Candidates are the films whose titles or names hold every word of a title the page gives (the
film search, catalog.search), kept when one of their titles has the page's title key
(catalog.matching.title_key: "Godfather, The" is "The Godfather") or when they share at least two
people with the page. Each is weighed as the dataset matcher weighs rows: the same title, the same
year (a year apart counts for less, further apart against), and every person the page names who is
on the film. The best candidate is proposed only when it is clearly the one: its title matches and
its year is not contradicted (two or three years off only with three people in common), or, under
another title, its year and two people agree; and no other candidate scores as high; otherwise the
editor chooses, "a new film" among the choices.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from catalog import search
from catalog.matching import title_key
from catalog.models import Claim, Credit, Field, Film, NameVariant, Person
from catalog.normalise import fold

# Films looked at per title the page gives: the search ranks nothing, so a common title ("It")
# is cut short rather than read whole.
SEARCH_LIMIT = 200
MOST_CANDIDATES = 5
# How far a page's year may be from the film's when enough of its people are the film's.
YEARS_OFF = 3


@dataclass(frozen=True)
class FilmCandidate:
    film: Film
    score: float
    reasons: tuple[str, ...]
    title_matches: bool
    year_apart: int | None  # None when the page or the film gives no year
    shared: int = 0  # people the page names who are on the film

    @property
    def plausible(self) -> bool:
        """The same title in a year not far off, or a few years off with three people in common
        (a page gives another country's release or a broadcast's year: "1995" for a film of
        1993), or another title with its year and people."""
        if self.title_matches:
            if self.year_apart is None or self.year_apart <= 1:
                return True
            return self.year_apart <= YEARS_OFF and self.shared >= 3
        return self.year_apart == 0 and self.shared >= 2


def film_candidates(
    titles: Iterable[str], year: int | None, names: Iterable[str]
) -> list[FilmCandidate]:
    """The films the page may be about, best first."""
    keys = {key for key in map(title_key, titles) if key}
    folded_names = {fold(name) for name in names if fold(name)}
    films: dict[int, Film] = {}
    for text in {*titles, *(f"{a} {b}" for a, b in pairs(folded_names))}:
        matched = search.matching(Film.objects.only("pk", "title", "slug", "year"), text)
        for film in matched.order_by("pk")[:SEARCH_LIMIT]:
            films[film.pk] = film
    if not films:
        return []
    film_keys = titles_of(films)
    people = people_of(films)
    candidates = []
    for film in films.values():
        title_matches = bool(keys & film_keys[film.pk])
        shared = sorted(folded_names & people[film.pk])
        if not title_matches and len(shared) < 2:
            continue
        candidates.append(weigh(film, year, title_matches, shared))
    candidates.sort(key=lambda candidate: (-candidate.score, candidate.film.pk))
    return candidates[:MOST_CANDIDATES]


def proposed(candidates: list[FilmCandidate]) -> Film | None:
    """The one film the page is clearly about, or None for the editor to choose."""
    if not candidates or not candidates[0].plausible:
        return None
    if len(candidates) > 1 and candidates[1].score >= candidates[0].score:
        return None
    return candidates[0].film


def weigh(film: Film, year: int | None, title_matches: bool, shared: list[str]) -> FilmCandidate:
    score = 0.0
    reasons = []
    if title_matches:
        score += 2
        reasons.append("same title")
    apart = abs(film.year - year) if film.year and year else None
    if apart == 0:
        score += 2
        reasons.append("same year")
    elif apart == 1:
        score += 0.5
        reasons.append("a year apart")
    elif apart is not None:
        score -= 2
        reasons.append(f"{apart} years apart")
    if shared:
        score += min(len(shared), 4)
        reasons.append(f"{len(shared)} {'person' if len(shared) == 1 else 'people'} in common")
    return FilmCandidate(film, score, tuple(reasons), title_matches, apart, len(shared))


def pairs(names: set[str]) -> list[tuple[str, str]]:
    """Two names at a time, to find films by people when the page's title is not catalogued."""
    ordered = sorted(names)[:6]
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]


def titles_of(films: dict[int, Film]) -> dict[int, set[str]]:
    """Each film's title keys: the record's and every title its sources give."""
    keys: dict[int, set[str]] = defaultdict(set)
    for film in films.values():
        keys[film.pk].add(title_key(film.title))
    said = Claim.objects.filter(film__in=list(films), field=Field.TITLE).values_list(
        "film_id", "value"
    )
    for film_id, value in said:
        keys[film_id].add(title_key(value))
    return keys


def people_of(films: dict[int, Film]) -> defaultdict[int, set[str]]:
    """Every folded spelling of everyone credited on or named about each film."""
    people: defaultdict[int, set[int]] = defaultdict(set)
    for rows in (
        Credit.objects.filter(film__in=list(films)).values_list("film_id", "person_id"),
        Claim.objects.filter(film__in=list(films), person__isnull=False).values_list(
            "film_id", "person_id"
        ),
    ):
        for film_id, person_id in rows:
            people[film_id].add(person_id)
    everyone = {person for persons in people.values() for person in persons}
    spellings: defaultdict[int, set[str]] = defaultdict(set)
    variants = NameVariant.objects.filter(person__in=everyone).values_list("person_id", "name")
    names = Person.objects.filter(pk__in=everyone).values_list("pk", "name")
    for person_id, name in [*variants, *names]:
        spellings[person_id].add(fold(name))
    named: defaultdict[int, set[str]] = defaultdict(set)
    for film_id, persons in people.items():
        named[film_id] = {name for person in persons for name in spellings[person]}
    return named
