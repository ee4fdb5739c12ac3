"""Confidence as a probability: a map from the engine's scores, learnt from held-out claims.

TruthFinder's score ranks values well but is no probability (one source of trust 0.9 gives 0.67).
The map is learnt from the claims themselves, never from true values. Every claim on a contested
item (one that two or more sources state) is held out in turn, and the item's value found again
from the others with the learnt trust held fixed; where the others still disagree among
themselves, as they do on the values readers see disputed, the held-out claim and its item's
score are kept. If sources err independently and seldom state the same wrong value, a held-out
claim agrees with the value found with the probability that the value is right times the
accuracy of a claim, and two claims on one item agree with that accuracy squared. So each bin of
scores gets the probability ``agreeing / (held out * accuracy)``, with the accuracy the square root
of the share of pairs of claims on contested items that agree. The probabilities are then made to
rise with the score (pool-adjacent-violators): histogram binning (Zadrozny & Elkan, ICML 2001),
each item weighing the same however many of its claims were held out. docs/consensus.md says
what it gives on the population benchmark.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from catalog.consensus.arrays import Floats, Ints, sums
from catalog.consensus.graph import Graph

BINS = 10
"""Bins of equal numbers of held-out claims (fewer where scores repeat)."""
ROUNDS = 20
"""Each round holds out one claim of every contested item: at most this many claims of an item."""
MIN_HELD_OUT = 30
"""Below this many held-out claims, no map is learnt: the scores are reported as they are."""


@dataclass(frozen=True)
class Calibration:
    """Each bin's lowest score and the probability that a value of that score is right."""

    scores: tuple[float, ...]
    probabilities: tuple[float, ...]
    held_out: int
    """How many held-out claims it was learnt from."""

    def apply(self, score: Floats) -> Floats:
        """The probability for each score: its bin's (below the first bin, the first's)."""
        bins = np.searchsorted(self.scores, score, side="right") - 1
        return np.asarray(self.probabilities)[np.clip(bins, 0, len(self.scores) - 1)]

    def as_dict(self) -> dict[str, object]:
        return {
            "scores": list(self.scores),
            "probabilities": list(self.probabilities),
            "held_out": self.held_out,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> "Calibration":
        """From ``as_dict``'s form (as stored in JSON); ValueError if it is not that."""
        scores, probabilities = data.get("scores"), data.get("probabilities")
        if not isinstance(scores, list) or not isinstance(probabilities, list):
            raise ValueError("a calibration needs lists of scores and probabilities")
        if not scores or len(scores) != len(probabilities):
            raise ValueError("a calibration needs as many probabilities as scores")
        held_out = data.get("held_out", 0)
        return cls(
            tuple(map(float, scores)),
            tuple(map(float, probabilities)),
            int(held_out) if isinstance(held_out, int) else 0,
        )


def learn(graph: Graph, score_with: Callable[[Floats], Floats]) -> Calibration | None:
    """The map for the scores ``score_with`` gives, from held-out claims; None if too few.

    ``score_with(weights)`` scores every fact with each claim counted by its weight, the learnt
    trust held fixed (a weight of 0 holds a claim out).
    """
    n_items = len(graph.fact_start)
    item = graph.fact_item[graph.claim_fact]
    per_item = np.bincount(item, minlength=n_items)
    accuracy = _claim_accuracy(graph, per_item)
    # Claims come sorted by item: a claim's rank is its place among its item's claims.
    first_claim = np.concatenate(([0], np.cumsum(per_item)[:-1]))
    rank = np.arange(len(item)) - first_claim[item]
    scores: list[Floats] = []
    agreed: list[Floats] = []
    items: list[Ints] = []
    for k in range(min(ROUNDS, int(per_item.max(initial=0)))):
        held = np.flatnonzero((rank == k) & (per_item[item] >= 2))
        weights = np.ones(len(item))
        weights[held] = 0.0
        remaining = sums(graph.claim_fact, weights, graph.n_facts)
        still_disputed = (
            np.bincount(graph.fact_item[remaining > 0], minlength=n_items)[item[held]] >= 2
        )
        held = held[still_disputed]
        score = score_with(weights)
        found = graph.choose(np.where(remaining > 0, score, -np.inf))[item[held]]
        scores.append(score[found])
        agreed.append((found == graph.claim_fact[held]).astype(np.float64))
        items.append(item[held])
    held_items = np.concatenate(items) if items else np.empty(0, dtype=np.int64)
    if len(held_items) < MIN_HELD_OUT or not accuracy:
        return None
    # Every item weighs the same, however many of its claims were held out.
    weight = 1 / np.bincount(held_items, minlength=n_items)[held_items]
    return _binned(np.concatenate(scores), np.concatenate(agreed), weight, accuracy)


def _claim_accuracy(graph: Graph, per_item: Ints) -> float:
    """How often a claim on a contested item is right: the root of the share of pairs of claims
    on contested items that agree."""
    contested = per_item >= 2
    if not contested.any():
        return 0.0
    pairs = per_item.astype(np.float64) * (per_item - 1)
    same = sums(graph.fact_item, graph.claims_per_fact * (graph.claims_per_fact - 1.0), len(pairs))
    return float(np.sqrt(same[contested].sum() / pairs[contested].sum()))


def _binned(score: Floats, agreed: Floats, weight: Floats, accuracy: float) -> Calibration:
    """Bins of about equal counts by score; each bin's weighted agreement over the claims'
    accuracy."""
    order = np.argsort(score, kind="stable")
    score, agreed, weight = score[order], agreed[order], weight[order]
    cuts = np.unique(np.searchsorted(score, np.quantile(score, np.linspace(0, 1, BINS + 1)[1:-1])))
    bounds = [0, *cuts[(cuts > 0) & (cuts < len(score))].tolist(), len(score)]
    groups = [slice(a, b) for a, b in pairwise(bounds) if b > a]
    lowest = [float(score[g.start]) for g in groups]
    expected = [accuracy * float(weight[g].sum()) for g in groups]
    rates = [
        min(1.0, float((agreed * weight)[g].sum()) / e)
        for g, e in zip(groups, expected, strict=True)
    ]
    return Calibration(tuple(lowest), tuple(_rising(rates, expected)), len(score))


def _rising(values: list[float], weights: list[float]) -> list[float]:
    """The closest non-decreasing sequence (weighted least squares): pool adjacent violators."""
    blocks: list[tuple[float, float, int]] = []  # (mean, weight, length)
    for value, weight in zip(values, weights, strict=True):
        blocks.append((value, weight, 1))
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (v1, w1, n1), (v2, w2, n2) = blocks[-2], blocks[-1]
            blocks[-2:] = [((v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2)]
    return [mean for mean, _, length in blocks for _ in range(length)]
