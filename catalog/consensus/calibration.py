"""Confidence as a probability: a map from the engine's scores, learnt from held-out claims.

TruthFinder's score ranks values well but is no probability (one source of trust 0.9 gives 0.67).
The map is learnt from the claims themselves, never from true values. Every claim on a contested
item (one that two or more sources state) is held out in turn, and the item's value found again
from the others with the learnt trust held fixed. If sources err independently and seldom state
the same wrong value, a held-out claim agrees with the value found with the probability that the
value is right times the accuracy of a claim, and two claims on one item agree with that accuracy
squared. So each bin of scores gets the probability ``agreeing / (held out * accuracy)``, with the
accuracy the square root of the share of pairs of claims on contested items that agree.

Where the claims left still disagree, their claims are less accurate than contested claims at
large, and that division would make their values look less likely than they are. There a
held-out claim counts only if it states one of the values left: it then agrees with another
source, and if sources seldom make the same error it is right, so it agrees with the value found
when, and only when, that value is right. Such a bin's probability is its share of agreeing
claims.

The probabilities are then made to rise with the score (pool-adjacent-violators): histogram
binning (Zadrozny & Elkan, ICML 2001), each item weighing the same however many of its claims
were held out, with as many bins as predict held-out agreement best (5-fold cross-validation by
item).

A score means one thing for a value whose item's sources disagree and another for a value no one
contradicts, so there are two maps: one learnt where the other claims still disagree among
themselves after the holdout, one where they all agree. docs/consensus.md says what it gives on
the population benchmark.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from catalog.consensus.arrays import Bools, Floats, Ints, sums
from catalog.consensus.graph import Graph

BIN_COUNTS = (5, 10, 20, 40)
"""How many bins of equal numbers of held-out claims may be made: the count that predicts the
agreement of held-out claims best, by cross-validation over the items, is taken."""
FOLDS = 5
ROUNDS = 20
MAX_HELD_OUT = 400_000
"""Rounds stop once this many claims are held out: ample for 40 bins, and it bounds the cost of a
catalogue of millions of claims to a few passes."""
SEED = 0
"""Each round holds out one claim of every contested item: at most this many claims of an item."""
MIN_HELD_OUT = 30
"""Below this many held-out claims, no map is learnt: the scores are reported as they are."""


@dataclass(frozen=True)
class Bins:
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
    def from_dict(cls, data: object) -> "Bins":
        """From ``as_dict``'s form (as stored in JSON); ValueError if it is not that."""
        if not isinstance(data, Mapping):
            raise ValueError("a map of bins needs scores and probabilities")
        scores, probabilities = data.get("scores"), data.get("probabilities")
        if not isinstance(scores, list) or not isinstance(probabilities, list):
            raise ValueError("a map of bins needs lists of scores and probabilities")
        if not scores or len(scores) != len(probabilities):
            raise ValueError("a map of bins needs as many probabilities as scores")
        held_out = data.get("held_out", 0)
        try:
            return cls(
                tuple(map(float, scores)),
                tuple(map(float, probabilities)),
                held_out if isinstance(held_out, int) else 0,
            )
        except TypeError as error:
            raise ValueError("a map of bins needs numbers") from error


@dataclass(frozen=True)
class Calibration:
    """The map for the values of disputed items (two or more values stated), and the map for
    the others; where one could not be learnt, the other serves both."""

    disputed: Bins
    undisputed: Bins

    @property
    def held_out(self) -> int:
        return self.disputed.held_out + self.undisputed.held_out

    def apply(self, score: Floats, disputed: Bools) -> Floats:
        """The probability for each score, by whether its item is disputed."""
        return np.where(disputed, self.disputed.apply(score), self.undisputed.apply(score))

    def as_dict(self) -> dict[str, object]:
        return {"disputed": self.disputed.as_dict(), "undisputed": self.undisputed.as_dict()}

    @classmethod
    def from_dict(cls, data: object) -> "Calibration":
        """From ``as_dict``'s form (as stored in JSON); ValueError if it is not that."""
        if not isinstance(data, Mapping):
            raise ValueError("a calibration needs a disputed and an undisputed map")
        return cls(Bins.from_dict(data.get("disputed")), Bins.from_dict(data.get("undisputed")))


def probabilities(graph: Graph, calibration: Calibration, score: Floats, chosen: Ints) -> Floats:
    """Each fact's probability: the chosen value's by the map; where each source states one value
    of the item, the others share what is left by their scores (the values of an item are then
    exclusive, and their probabilities add up to one at most); elsewhere, each by the map."""
    mapped = calibration.apply(score, graph.disputed())
    item = graph.fact_item
    runner_up = graph.exclusive()[item] & (chosen[item] != np.arange(graph.n_facts))
    others = sums(item[runner_up], score[runner_up], len(graph.fact_start))[item]
    share = np.divide(score, others, out=np.zeros_like(score), where=others > 0)
    # A value that lost is no likelier than the one chosen, whatever the map says of that one.
    lost = np.minimum((1.0 - mapped[chosen])[item] * share, mapped[chosen][item])
    return np.where(runner_up, lost, mapped)


def learn(graph: Graph, score_with: Callable[[Floats], Floats]) -> Calibration | None:
    """The maps for the scores ``score_with`` gives, from held-out claims; None if too few.

    ``score_with(weights)`` scores every fact with each claim counted by its weight, the learnt
    trust held fixed (a weight of 0 holds a claim out).
    """
    per_item = graph.claims_per_item()
    # An item a source gives two values of holds a set (a film's directors), not one value that
    # a held-out claim could agree with: only contested items of one value per source count.
    contested = (per_item >= 2) & graph.exclusive()
    accuracy = _claim_accuracy(graph, per_item, contested)
    if not accuracy:
        return None
    held = _held_out(graph, score_with, per_item, contested)
    # Every item weighs the same, however many of its claims were held out (whatever came of it).
    weight = 1 / np.minimum(per_item[held.items], held.rounds)
    # Where the others disagree, a claim stating one of their values is taken as right (one
    # more source states it); a claim stating none of them tells nothing of the value found.
    when_disputed, otherwise = (
        _binned(held.items[kind], held.scores[kind], held.agreed[kind], weight[kind], share)
        for kind, share in ((held.disputed & held.states_left, 1.0), (~held.disputed, accuracy))
    )
    if when_disputed is None or otherwise is None:
        either = when_disputed or otherwise
        return None if either is None else Calibration(either, either)
    return Calibration(when_disputed, otherwise)


@dataclass
class _HeldOut:
    """Per held-out claim: its item, the score of the value found without it, whether it
    agrees with that value, whether the claims left still disagree among themselves, and
    whether it states one of their values."""

    items: Ints
    scores: Floats
    agreed: Bools
    disputed: Bools
    states_left: Bools
    rounds: int


def _held_out(
    graph: Graph, score_with: Callable[[Floats], Floats], per_item: Ints, contested: Bools
) -> _HeldOut:
    """Round k holds out the k-th claim of every ``contested`` item and finds its value again,
    until every claim has been held out, ``ROUNDS`` have run or ``MAX_HELD_OUT`` claims are."""
    item = graph.fact_item[graph.claim_fact]
    rank = _shuffled_ranks(item, per_item)
    rounds: list[tuple[Ints, Floats, Bools, Bools, Bools]] = []
    held_out = 0
    for k in range(min(ROUNDS, int(per_item.max(initial=0)))):
        if held_out >= MAX_HELD_OUT:
            break
        held = np.flatnonzero((rank == k) & contested[item])
        held_out += len(held)
        rounds.append(_round(graph, score_with, item, held))
    if not rounds:
        none = np.empty(0, np.bool_)
        return _HeldOut(np.empty(0, np.int64), np.empty(0), none, none, none, 0)
    items, scores, agreed, disputed, states_left = zip(*rounds, strict=True)
    return _HeldOut(
        np.concatenate(items),
        np.concatenate(scores),
        np.concatenate(agreed),
        np.concatenate(disputed),
        np.concatenate(states_left),
        len(rounds),
    )


def _shuffled_ranks(item: Ints, per_item: Ints) -> Ints:
    """Each claim's place among its item's claims (claims come sorted by item), turned by a
    random amount per item, so that each round holds out a claim drawn at random."""
    first_claim = np.concatenate(([0], np.cumsum(per_item)[:-1]))
    turn = np.random.default_rng(SEED).integers(0, 1 << 30, len(per_item))
    return (np.arange(len(item)) - first_claim[item] + turn[item]) % per_item[item]


def _round(
    graph: Graph, score_with: Callable[[Floats], Floats], item: Ints, held: Ints
) -> tuple[Ints, Floats, Bools, Bools, Bools]:
    """The claims ``held`` out, their values found again from the others: each held-out
    claim's item, the score of the value found, whether the claim states it, whether the
    claims left still disagree, and whether the claim states one of their values."""
    weights = np.ones(len(item))
    weights[held] = 0.0
    remaining = sums(graph.claim_fact, weights, graph.n_facts)
    score = score_with(weights)
    found = graph.choose(np.where(remaining > 0, score, -np.inf))[item[held]]
    values_left = np.bincount(graph.fact_item[remaining > 0], minlength=len(graph.fact_start))
    return (
        item[held],
        score[found],
        found == graph.claim_fact[held],
        values_left[item[held]] >= 2,
        remaining[graph.claim_fact[held]] > 0,
    )


def _claim_accuracy(graph: Graph, per_item: Ints, contested: Bools) -> float:
    """How often a claim on a contested item is right: the root of the share of pairs of claims
    on contested items that agree."""
    if not contested.any():
        return 0.0
    pairs = per_item.astype(np.float64) * (per_item - 1)
    same = sums(graph.fact_item, graph.claims_per_fact * (graph.claims_per_fact - 1.0), len(pairs))
    return float(np.sqrt(same[contested].sum() / pairs[contested].sum()))


def _binned(
    items: Ints, score: Floats, agreed: Bools, weight: Floats, accuracy: float
) -> Bins | None:
    """Bins of about equal counts by score, as many as predict held-out agreement best; each
    bin's weighted agreement over the claims' accuracy; None below ``MIN_HELD_OUT`` held-out
    claims."""
    if len(items) < MIN_HELD_OUT:
        return None
    agreeing = agreed.astype(np.float64)
    bins = min(BIN_COUNTS, key=lambda n: _held_out_error(items, score, agreeing, weight, n))
    lowest, rates, totals = _bin_rates(score, agreeing, weight, bins)
    probabilities = _rising([min(1.0, rate / accuracy) for rate in rates], totals)
    return Bins(tuple(lowest), tuple(probabilities), len(items))


def _bin_rates(
    score: Floats, agreed: Floats, weight: Floats, bins: int
) -> tuple[list[float], list[float], list[float]]:
    """Up to ``bins`` bins of about equal counts by score (fewer where scores repeat): each
    one's lowest score, weighted share of agreeing claims, and weight."""
    edges = np.unique(np.quantile(score, np.linspace(0, 1, bins + 1)[1:-1]))
    which = np.searchsorted(edges, score, side="right")
    total = np.bincount(which, weight, len(edges) + 1)
    agreeing = np.bincount(which, weight * agreed, len(edges) + 1)
    lowest = np.full(len(edges) + 1, np.inf)
    np.minimum.at(lowest, which, score)
    used = total > 0
    return lowest[used].tolist(), (agreeing[used] / total[used]).tolist(), total[used].tolist()


def _held_out_error(items: Ints, score: Floats, agreed: Floats, weight: Floats, bins: int) -> float:
    """How far ``bins`` bins learnt on four fifths of the items miss the agreement of the held-out
    claims of the fifth left out, in turn (the weighted squared error)."""
    fold = items % FOLDS
    error = 0.0
    for k in range(FOLDS):
        train, test = fold != k, fold == k
        if not train.any() or not test.any():
            continue
        lowest, rates, _ = _bin_rates(score[train], agreed[train], weight[train], bins)
        predicted = Bins(tuple(lowest), tuple(rates), 0).apply(score[test])
        error += float((weight[test] * (predicted - agreed[test]) ** 2).sum())
    return error


def _rising(values: list[float], weights: list[float]) -> list[float]:
    """The closest non-decreasing sequence (weighted least squares): pool adjacent violators."""
    blocks: list[tuple[float, float, int]] = []  # (mean, weight, length)
    for value, weight in zip(values, weights, strict=True):
        blocks.append((value, weight, 1))
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (v1, w1, n1), (v2, w2, n2) = blocks[-2], blocks[-1]
            blocks[-2:] = [((v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2)]
    return [mean for mean, _, length in blocks for _ in range(length)]
