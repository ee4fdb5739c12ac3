"""The order the sources bill a film's cast in: the best-placed source's order, then the others'.

A source bills the people it names in the order it first names them: a page by where in its text
(a claim's ``quote_start``), a dataset's row by the order of its list (a row's claims share the
row's line and are made in the list's order, so by their ids). A list of three or more names in
alphabetical order is an index, not a billing: the OMDb table of Wikidata's films lists every
cast so. One name in ten may stand out of order, as a title split off a name does ("Meghan",
"Duchess of Sussex").

The best-placed source is the one that bills its cast, then the one naming most of it, then the
one the consensus trusts most (``Source.trust``), then the one recorded first. Its order leads;
the people it does not name follow in the next source's order, and so on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from catalog.normalise import fold


@dataclass(frozen=True)
class Naming:
    """One source naming one cast member: the name as the source writes it, and where."""

    source: int
    person: int
    name: str
    # (quote_start, claim id): where the source names them, its row's list order within a line.
    position: tuple[int, int]


def source_lists(namings: Iterable[Naming]) -> dict[int, list[Naming]]:
    """Each source's people in the order it first names them, each once."""
    first: dict[tuple[int, int], Naming] = {}
    for naming in sorted(namings, key=lambda n: n.position):
        first.setdefault((naming.source, naming.person), naming)
    lists: dict[int, list[Naming]] = {}
    for naming in first.values():
        lists.setdefault(naming.source, []).append(naming)
    return lists


def out_of_order(names: list[str]) -> int:
    """How many neighbours stand against alphabetical order, as written or folded ("Éric")."""

    def descents(keys: list[str]) -> int:
        return sum(a > b for a, b in pairwise(keys))

    return min(descents(names), descents([fold(name) for name in names]))


def bills(names: list[str]) -> bool:
    """Whether a list of names is a billing rather than an alphabetical index."""
    return len(names) < 3 or out_of_order(names) > (len(names) - 1) // 10


@dataclass
class Billing:
    """A cast in billing order, and the source whose order leads it."""

    people: list[int]
    lead: int | None = None
    # Whether the leading source bills its cast, rather than listing it alphabetically.
    billed: bool = True


def billing_order(namings: Iterable[Naming], trust: Mapping[int, float | None]) -> Billing:
    """The cast's people in billing order: the best-placed source's, then each next source's."""
    lists = source_lists(namings)
    billed = {source: bills([n.name for n in named]) for source, named in lists.items()}

    def placing(source: int) -> tuple[bool, int, float, int]:
        return (not billed[source], -len(lists[source]), -(trust.get(source) or 0.0), source)

    ranked = sorted(lists, key=placing)
    order: dict[int, None] = {}
    for source in ranked:
        for naming in lists[source]:
            order.setdefault(naming.person)
    if not ranked:
        return Billing([])
    return Billing(list(order), ranked[0], billed[ranked[0]])
