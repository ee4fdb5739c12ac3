"""The claims integer-coded in bulk: every distinct string numbered once, everything else arrays.

Claims come in batches of columns (sources, objects, attributes, values). Each column's strings
are numbered by one C-level dictionary pass per batch; items and raw values (an item's value as
written) are then distinct pairs of numbers, found by sorting. Nothing here depends on
the order the claims came in beyond the numbers it hands out, which ``engine`` replaces by
canonical ones.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import count, islice

import numpy as np

from catalog.consensus.arrays import Ints, distinct_inverse

Columns = tuple[list[str], list[str], list[str], list[str]]
"""A batch of claims as four equally long columns: sources, objects, attributes, values."""

BATCH = 1 << 20
"""Claims per batch: few enough that a batch's strings are a small part of the memory used."""


@dataclass
class Coded:
    """The claims, integer-coded in the order met (numbers are first-met ranks)."""

    sources: list[str]
    objects: list[str]
    attributes: list[str]
    values: list[str]
    """Each distinct value string, whatever its item."""
    item_object: Ints
    item_attribute: Ints
    raw_item: Ints
    """Raw values are the distinct ``(item, value)`` pairs."""
    raw_value: Ints
    claim_source: Ints
    claim_raw: Ints

    @property
    def n_items(self) -> int:
        return len(self.item_object)

    @property
    def n_raws(self) -> int:
        return len(self.raw_item)


class _Numbering:
    """Distinct strings numbered in the order met, in bulk."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        """Each distinct string and the position (over all batches) where it was first met."""
        self.seen = 0
        self.positions: list[Ints] = []

    def add(self, strings: list[str]) -> None:
        # setdefault keeps the first position of a string met before and records a new one's:
        # one dictionary operation per string, all of them in C.
        met = map(self.first.setdefault, strings, count(self.seen))
        self.positions.append(np.fromiter(met, dtype=np.int64, count=len(strings)))
        self.seen += len(strings)

    def finish(self) -> tuple[list[str], Ints]:
        """The distinct strings, and each string's number (its rank among them, as met)."""
        firsts = np.fromiter(self.first.values(), dtype=np.int64, count=len(self.first))
        positions = np.concatenate(self.positions) if self.positions else np.empty(0, np.int64)
        self.positions = []
        # A table from first positions to numbers: one gather, cheaper than a binary search.
        number = np.zeros(self.seen, dtype=np.int64)
        number[firsts] = np.arange(len(firsts))
        return list(self.first), number[positions]


def batches(claims: Iterable[tuple[str, str, str, str]]) -> Iterator[Columns]:
    """Claims as tuples, regrouped into batches of columns."""
    it = iter(claims)
    while batch := list(islice(it, BATCH)):
        sources, objects, attributes, values = map(list, zip(*batch, strict=True))
        yield sources, objects, attributes, values


def code(columns: Iterable[Columns]) -> Coded:
    """Every source, object, attribute and value string numbered; items and raw values as
    distinct pairs of those numbers; each claim's source and raw value."""
    numberings = [_Numbering() for _ in range(4)]
    for batch in columns:
        for numbering, strings in zip(numberings, batch, strict=True):
            numbering.add(strings)
    (sources, claim_source), (objects, claim_object) = (n.finish() for n in numberings[:2])
    (attributes, claim_attribute), (values, claim_value) = (n.finish() for n in numberings[2:])
    item_key, claim_item = _distinct(claim_object * max(len(attributes), 1) + claim_attribute)
    del claim_object, claim_attribute
    raw_key, claim_raw = _distinct(claim_item * max(len(values), 1) + claim_value)
    del claim_item, claim_value
    return Coded(
        sources=sources,
        objects=objects,
        attributes=attributes,
        values=values,
        item_object=item_key // max(len(attributes), 1),
        item_attribute=item_key % max(len(attributes), 1),
        raw_item=raw_key // max(len(values), 1),
        raw_value=raw_key % max(len(values), 1),
        claim_source=claim_source,
        claim_raw=claim_raw,
    )


def _distinct(keys: Ints) -> tuple[Ints, Ints]:
    """The distinct keys (sorted) and each key's index among them."""
    return distinct_inverse(keys)


def ranks(names: list[str]) -> Ints:
    """Each name's position when the names are sorted (by code point)."""
    order = sorted(range(len(names)), key=names.__getitem__)
    rank = np.empty(len(names), dtype=np.int64)
    rank[order] = np.arange(len(names))
    return rank
