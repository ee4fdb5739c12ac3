"""Certificates: each source's word as it writes it, filed under its rating system where known.

A certificate is a rating system's word: "PG-13" is the Motion Picture Association's, "12A" the
BBFC's, "PG" both. The record and the sources keep the word; this table says whose it is. A
source's word is filed under a system when only one system has the word, or when the source says
which system it gives: each dataset does by its column (OMDb's "Rating" holds Wikidata's MPA film
rating, ggplot2movies' "mpaa" and Vega's "MPAA Rating" say so), a page when its passage names the
body ("Rated R by the MPAA"). A word no system has (Vega's "Open") is filed nowhere and shown as
the source wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from catalog.datasets import DATASETS
from catalog.normalise import certificate as certificate_form


@dataclass(frozen=True)
class System:
    """A rating system: its body's short name, its full name and its words, youngest first."""

    code: str
    name: str
    ratings: tuple[str, ...]
    named: re.Pattern[str]

    def __str__(self) -> str:
        return self.code


MPAA = System(
    "MPAA",
    "Motion Picture Association (United States)",
    # Today's ratings, then those of 1968-1972 (M, GP, M/PG), X (to 1990) and the Production
    # Code's seal (Approved, Passed) before them; and the films it has not rated.
    (
        *("G", "PG", "PG-13", "R", "NC-17"),
        *("M", "GP", "M/PG", "X", "Approved", "Passed"),
        *("Not Rated", "Unrated"),
    ),
    re.compile(r"\bMPAA?\b|Motion Picture Association", re.IGNORECASE),
)
BBFC = System(
    "BBFC",
    "British Board of Film Classification",
    # Today's certificates, then the older ones (Uc to 2009; A, AA, H and X to 1982).
    (*("U", "PG", "12", "12A", "15", "18", "R18"), *("Uc", "A", "AA", "H", "X")),
    re.compile(r"\bBBFC\b|British Board of Film", re.IGNORECASE),
)
SYSTEMS = (MPAA, BBFC)

# The system each dataset's certificate column holds (its rating_system), by the dataset's source.
DATASET_SYSTEMS: dict[str, System] = {
    dataset.slug: next(system for system in SYSTEMS if system.code == dataset.rating_system)
    for dataset in DATASETS.values()
    if dataset.rating_system
}


def by_word() -> dict[str, list[tuple[System, int]]]:
    """Each word's comparable form ("NOTRATED", "PG-13"): the systems that have it, and where."""
    found: dict[str, list[tuple[System, int]]] = {}
    for system in SYSTEMS:
        for place, word in enumerate(system.ratings):
            found.setdefault(certificate_form(word), []).append((system, place))
    return found


RATED = by_word()


def systems_of(word: str) -> tuple[System, ...]:
    """The systems that have the word ("PG": MPAA and BBFC)."""
    return tuple(system for system, _ in RATED.get(certificate_form(word), ()))


def filed(word: str, source_slug: str = "", passage: str = "") -> System | None:
    """The system a source's word is filed under, or None where that is not known."""
    candidates = systems_of(word)
    if len(candidates) == 1:
        return candidates[0]
    if source_slug in DATASET_SYSTEMS:
        said = [DATASET_SYSTEMS[source_slug]]
    else:
        said = [system for system in SYSTEMS if system.named.search(passage)]
    chosen = [system for system in candidates if system in said]
    return chosen[0] if len(chosen) == 1 else None


def record_system(certificate: str, filings: Iterable[tuple[str, System | None]]) -> System | None:
    """The system of a film's certificate: the one its sources file the same word under (as
    (word, system) pairs), or the word's own when only one system has it."""
    wanted = certificate_form(certificate)
    systems = {system for word, system in filings if system and certificate_form(word) == wanted}
    if len(systems) == 1:
        return systems.pop()
    candidates = systems_of(certificate)
    return candidates[0] if len(candidates) == 1 else None


def catalogue_system(certificate: str) -> System | None:
    """The system a record's certificate is filed under in lists, which know no film's sources:
    the word's own, or of several the one the datasets give (their films are most films)."""
    candidates = systems_of(certificate)
    if len(candidates) > 1:
        candidates = tuple(s for s in candidates if s in DATASET_SYSTEMS.values())
    return candidates[0] if len(candidates) == 1 else None


def label(certificate: str) -> str:
    """A certificate with its system, for lists: "PG-13 (MPAA)"; a word no system has, alone."""
    system = catalogue_system(certificate)
    return f"{certificate} ({system.code})" if system else certificate


def in_order(certificates: Iterable[str]) -> list[str]:
    """Certificates by system and, within one, from the youngest audience up; others last."""

    def place(certificate: str) -> tuple[int, int, str]:
        system = catalogue_system(certificate)
        if system is None:
            return (len(SYSTEMS), 0, certificate.casefold())
        places = dict(RATED[certificate_form(certificate)])
        return (SYSTEMS.index(system), places[system], certificate)

    return sorted(certificates, key=place)
