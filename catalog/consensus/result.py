"""What the engine finds: the chosen value of every item, every source's trust, the copiers."""

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from catalog.consensus.arrays import Floats, Ints
from catalog.consensus.calibration import Calibration
from catalog.consensus.value_types import ValueType


@dataclass(frozen=True)
class Finding:
    """The most likely value of one ``(object, attribute)``."""

    value: str
    """As the sources write it: the most claimed spelling of the chosen fact."""
    confidence: float
    normalised: str
    value_type: str


@dataclass(frozen=True)
class SourceScore:
    """How far a source can be trusted: "agrees with the consensus on 14 of 19 claims"."""

    trust: float
    agreeing: int
    claims: int


@dataclass(frozen=True)
class Dependence:
    """Two sources probably not independent (one likely copies the other)."""

    source: str
    other: str
    probability: float


@dataclass(frozen=True)
class CopyEvidence:
    """What a full solve's copy model last weighed, for a solve of a few items to discount the
    same votes: each pair of sources it discounted somewhere, with its log joint probabilities
    over every item the two share (independent, the first copies the second, the other way
    round), and the accuracy of each source of those pairs."""

    accuracy: dict[str, float]
    pairs: dict[tuple[str, str], tuple[float, float, float]]

    def as_dict(self) -> dict[str, object]:
        return {
            "accuracy": self.accuracy,
            "pairs": [[a, b, *logs] for (a, b), logs in self.pairs.items()],
        }

    @classmethod
    def from_dict(cls, data: object) -> "CopyEvidence":
        """From ``as_dict``'s form (as stored in JSON); ValueError if it is not that."""
        if not isinstance(data, Mapping):
            raise ValueError("copy evidence needs accuracies and pairs")
        accuracy, pairs = data.get("accuracy"), data.get("pairs")
        if not isinstance(accuracy, Mapping) or not isinstance(pairs, list):
            raise ValueError("copy evidence needs a map of accuracies and a list of pairs")
        try:
            evidence = cls(
                {str(name): float(a) for name, a in accuracy.items()},
                {(str(a), str(b)): (float(i), float(f), float(k)) for a, b, i, f, k in pairs},
            )
        except (TypeError, ValueError) as error:
            raise ValueError(f"copy evidence cannot be read: {error}") from error
        if not all(0 <= a <= 1 for a in evidence.accuracy.values()):
            raise ValueError("copy evidence needs accuracies between 0 and 1")
        if not all(math.isfinite(x) for logs in evidence.pairs.values() for x in logs):
            raise ValueError("copy evidence needs finite log probabilities")
        return evidence


# Arrays inside: no element-wise equality, and no repr of a million values.
@dataclass(frozen=True, eq=False, repr=False)
class Result:
    """What ``discover`` found: arrays in canonical order inside, dictionaries built on first use.

    Items (``(object, attribute)``) are sorted by name, an item's facts (its distinct normal
    forms) are contiguous, in the value type's order, and sources are sorted by name.
    """

    objects: list[str]
    """Each item's object."""
    attributes: list[str]
    """Each item's attribute."""
    item_types: list[ValueType]
    chosen: Ints
    """Each item's chosen fact."""
    fact_item: Ints
    fact_keys: list[str]
    """Each fact's normal form."""
    fact_values: list[str]
    """Each fact as the sources write it: its most claimed spelling."""
    fact_confidence: Floats
    source_names: list[str]
    source_trust: Floats
    source_agreeing: Ints
    """How many of each source's claims state the chosen fact."""
    source_claims: Ints
    dependences: list[Dependence]
    """Pairs of sources whose votes were discounted as dependent, with the probability of
    dependence that all their shared items give."""
    iterations: int
    calibration: Calibration | None = None
    """The map the confidences went through, from the engine's scores to probabilities."""
    copies: CopyEvidence | None = None
    """What the copy model found, for a solve of a few objects with the trust fixed to discount
    the same votes (None without copy detection)."""

    @cached_property
    def values(self) -> dict[tuple[str, str], Finding]:
        """For every ``(object, attribute)``, the most likely value and its confidence."""
        return {
            (obj, attribute): Finding(
                self.fact_values[f],
                float(self.fact_confidence[f]),
                self.fact_keys[f],
                self.item_types[i].name,
            )
            for i, (obj, attribute, f) in enumerate(
                zip(self.objects, self.attributes, self.chosen.tolist(), strict=True)
            )
        }

    @cached_property
    def sources(self) -> dict[str, SourceScore]:
        """For every source, its trust and how many of its claims agree with the chosen values."""
        return {
            name: SourceScore(float(t), int(a), int(n))
            for name, t, a, n in zip(
                self.source_names,
                self.source_trust,
                self.source_agreeing,
                self.source_claims,
                strict=True,
            )
        }

    @cached_property
    def _items(self) -> dict[tuple[str, str], int]:
        return {key: i for i, key in enumerate(zip(self.objects, self.attributes, strict=True))}

    @cached_property
    def _facts(self) -> dict[tuple[int, str], int]:
        return {
            (i, key): f
            for f, (i, key) in enumerate(zip(self.fact_item.tolist(), self.fact_keys, strict=True))
        }

    def candidates(self, obj: str, attribute: str) -> list[tuple[str, float]]:
        """Every value stated for ``(obj, attribute)`` with its confidence, most likely first."""
        item = self._items[(obj, attribute)]
        facts = np.flatnonzero(self.fact_item == item)
        ranked = sorted(
            facts.tolist(), key=lambda f: (f != self.chosen[item], -self.fact_confidence[f])
        )
        return [(self.fact_values[f], float(self.fact_confidence[f])) for f in ranked]

    def confidence(self, obj: str, attribute: str, value: str) -> float | None:
        """The confidence of ``value`` (any spelling) for ``(obj, attribute)``; None if unstated."""
        item = self._items.get((obj, attribute))
        if item is None:
            return None
        fact = self._facts.get((item, self.item_types[item].normalise(value)))
        return None if fact is None else float(self.fact_confidence[fact])

    def rows(self) -> Iterator[tuple[str, str, str, float]]:
        """``(object, attribute, value, confidence)``, sorted by object and attribute."""
        chosen = zip(self.objects, self.attributes, self.chosen.tolist(), strict=True)
        confidence = self.fact_confidence.tolist()
        yield from ((o, a, self.fact_values[f], confidence[f]) for o, a, f in chosen)

    def trust_rows(self) -> Iterator[tuple[str, float, int, int]]:
        """``(source, trust, agreeing, claims)``, sorted by source."""
        yield from zip(
            self.source_names,
            self.source_trust.tolist(),
            self.source_agreeing.tolist(),
            self.source_claims.tolist(),
            strict=True,
        )
