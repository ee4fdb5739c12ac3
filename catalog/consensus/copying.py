"""AccuCopy's copy detection: how likely two sources are to copy one another, and the votes
that leaves each claim ("Copying" in docs/consensus.md)."""

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from catalog.consensus.arrays import (
    Floats,
    Indices,
    Ints,
    distinct_inverse,
    group_bounds,
    pairs_in_groups,
    sums,
)
from catalog.consensus.graph import Graph
from catalog.consensus.parameters import Parameters
from catalog.consensus.result import CopyEvidence, Dependence

# A numerical guard only: the accuracies fed to the copy model stay strictly inside (0, 1) so
# that its logarithms are finite.
ACCURACY_RANGE = (1e-9, 1 - 1e-9)

ITEMS_AT_ONCE = 1 << 16
PAIRS_AT_ONCE = 1 << 22
"""Pairs of claims are made for so many items, and weighed so many at a time, to bound the
memory their temporaries take."""


class CopyModel:
    """AccuCopy's probability that one source copies another, and the votes it leaves.

    Built once from the claims: every pair of claims by two different sources on one item (items
    with at most ``max_claims_for_copying`` claims), split into same-value pairs (kept one by one)
    and different-value pairs (counted per pair of sources). ``hold`` makes it weigh the pairs
    with what a full solve found (``CopyEvidence``) instead of the claims it was built from."""

    def __init__(self, graph: Graph, p: Parameters) -> None:
        n_sources = graph.n_sources
        self.p = p
        self.n_claims = len(graph.claim_fact)
        same_keys, same_a, same_b, differ_keys = _claim_pairs(graph, p)
        # Only pairs of sources that state a same value somewhere can be discounted: the others
        # are left out (their evidence would only make them more independent).
        pair_keys, pair = distinct_inverse(_joined(same_keys, np.int64))
        del same_keys  # each slice's part: let go as soon as joined, here and below
        n_pairs = len(pair_keys)
        self.low, self.high = pair_keys // n_sources, pair_keys % n_sources
        differing = _joined(differ_keys, np.int64)
        del differ_keys
        at = np.minimum(np.searchsorted(pair_keys, differing), max(n_pairs - 1, 0))
        known = pair_keys[at] == differing if n_pairs else np.zeros(len(at), dtype=bool)
        self.n_different = np.bincount(at[known], minlength=n_pairs).astype(np.float64)
        del differing, at, known
        self.pair = pair.astype(np.int32)
        self.a, self.b = _joined(same_a, np.int32), _joined(same_b, np.int32)
        """Each same-value pair's claim by the lower-numbered source, and the other's."""
        del same_a, same_b
        self.claim_fact = graph.claim_fact
        self.n_pairs = n_pairs
        self.accuracy = np.zeros(n_sources)
        self.totals = np.zeros((3, n_pairs))  # filled in place at every weighing
        """The log joint probabilities of every pair of sources over all the items they share,
        at the last weighing: independent, the lower-numbered copies the other, the other way."""
        self.discounted = np.zeros(n_pairs, dtype=bool)
        self.held_accuracy: Floats | None = None
        """With ``hold``: each source's accuracy as the full solve weighed it (NaN if unknown)."""
        self.held_totals: Floats | None = None

    def hold(self, evidence: CopyEvidence, names: list[str]) -> None:
        """Weigh the pairs with ``evidence`` (``names`` naming this model's sources): its
        accuracies and totals stand for the claims elsewhere, and a pair it does not list, found
        independent there, is never discounted."""
        accuracy = np.array([evidence.accuracy.get(name, np.nan) for name in names])
        totals = np.array(
            [
                evidence.pairs.get((names[low], names[high]), (0.0, -np.inf, -np.inf))
                for low, high in zip(self.low.tolist(), self.high.tolist(), strict=True)
            ]
        ).reshape(-1, 3)
        self.held_accuracy, self.held_totals = accuracy, totals.T.copy()

    def start_votes(self) -> Floats:
        """With ``hold``: the votes the held totals give, nothing left out for an item's own
        evidence (one item among the many two sources share moves them little): where a solve
        of a few items starts, near the votes the full solve ended with."""
        assert self.held_totals is not None, "start_votes() needs hold() first"
        self.totals = self.held_totals
        return self._discounted_votes(
            self.totals, [_SharedFalse.none()] * len(_slices(len(self.pair)))
        )

    def evidence(self, names: list[str]) -> CopyEvidence:
        """What the last weighing found of the pairs it discounted, ``names`` naming sources."""
        found = np.flatnonzero(self.discounted)
        low, high = self.low[found].tolist(), self.high[found].tolist()
        logs = self.totals[:, found].T.tolist()
        return CopyEvidence(
            {names[s]: float(self.accuracy[s]) for s in sorted({*low, *high})},
            {(names[a], names[b]): tuple(t) for a, b, t in zip(low, high, logs, strict=True)},
        )

    def votes(self, accuracy: Floats, true: Floats) -> Floats:
        """Each claim's vote weight, from the sources' accuracies and which facts are true."""
        if self.held_accuracy is not None:
            accuracy = np.where(np.isnan(self.held_accuracy), accuracy, self.held_accuracy)
        accuracy = np.clip(accuracy, *ACCURACY_RANGE)
        # The same false value: rare by chance, frequent by copying. (The same true value is
        # what accurate independent sources state too: it is no evidence, and such pairs, most
        # of them, need no weighing of their own.)
        shared = [self._shared_false(at, accuracy, 1 - true) for at in _slices(len(self.pair))]
        if self.held_totals is None:
            self._totals(accuracy, shared)
        else:
            self.totals = self.held_totals
        self.accuracy = accuracy
        return self._discounted_votes(self.totals, shared)

    def _shared_false(self, at: slice, accuracy: Floats, false: Floats) -> "_SharedFalse":
        """The same-value pairs of slice ``at`` whose fact is false (to the extent ``false``
        says), with the log probability of their value under independence and under either
        direction of copying."""
        c, n = self.p.copy_rate, self.p.false_values
        falsity = false[self.claim_fact[self.a[at]]]
        found = np.flatnonzero(falsity > 0)
        falsity, pair = falsity[found], self.pair[at][found]
        s1, s2 = accuracy[self.low[pair]], accuracy[self.high[pair]]
        independent = (1 - s1) * (1 - s2) / n
        logs = np.empty((3, len(found)))
        logs[0] = falsity * np.log(independent)
        logs[1] = falsity * np.log(c * (1 - s2) + (1 - c) * independent)
        logs[2] = falsity * np.log(c * (1 - s1) + (1 - c) * independent)
        return _SharedFalse(found, pair, logs)

    def _totals(self, accuracy: Floats, shared: list["_SharedFalse"]) -> None:
        """``totals``: every pair of sources' log joint probabilities over the items they share,
        with the prior. (There can be many millions of pairs of sources: the arithmetic is done
        in place.)"""
        p, c, n = self.p, self.p.copy_rate, self.p.false_values
        totals = self.totals
        # Different values on an item: as likely under either direction of copying.
        a1, a2 = accuracy[self.low], accuracy[self.high]
        base = totals[0]
        np.multiply(1 - a1, 1 - a2, out=base)
        base /= n
        base += a1 * a2
        del a1, a2
        np.subtract(1, base, out=base)
        np.log(base, out=base)
        base *= self.n_different
        np.multiply(self.n_different, math.log(1 - c), out=totals[1])
        totals[1] += base
        totals[2] = totals[1]
        for part in shared:
            for k in range(3):
                totals[k] += sums(part.pair, part.logs[k], minlength=self.n_pairs)
        totals[0] += math.log(1 - p.copy_prior)
        totals[1:] += math.log(p.copy_prior / 2)

    def _discounted_votes(self, totals: Floats, shared_false: list["_SharedFalse"]) -> Floats:
        """A vote on an item shrinks with the probability that its source depends on each of the
        others stating the same value, judged on the other items the two share (so one shared
        value cannot make two sources copiers by itself), for pairs more likely dependent than
        not."""
        c = self.p.copy_rate
        # A pair of claims on a true value has nothing of its own to leave out: its pair's.
        lo_all, hi_all = np.empty(self.n_pairs), np.empty(self.n_pairs)
        for at in _slices(self.n_pairs):
            lo_all[at], hi_all[at] = _directions(*totals[:, at])
        shared = np.zeros(self.n_claims)
        discounted = np.zeros(self.n_pairs, dtype=bool)
        for at, part in zip(_slices(len(self.pair)), shared_false, strict=True):
            pair = self.pair[at]
            lo_copies, hi_copies = lo_all[pair], hi_all[pair]
            lo_copies[part.found], hi_copies[part.found] = _directions(
                *(totals[:, part.pair] - part.logs)
            )
            dependent = (lo_copies + hi_copies) > 0.5
            discounted[pair[dependent]] = True
            shared += sums(self.a[at], c * np.where(dependent, lo_copies, 0.0), self.n_claims)
            shared += sums(self.b[at], c * np.where(dependent, hi_copies, 0.0), self.n_claims)
        self.discounted = discounted
        return 1 / (1 + shared)

    def dependences(self, names: list[str]) -> list[Dependence]:
        """The pairs of sources discounted at the last iteration, ``names`` naming them."""
        found = np.flatnonzero(self.discounted)
        dependence = _posterior(*self.totals[:, found])
        return [
            Dependence(names[low], names[high], dependence)
            for low, high, dependence in zip(
                self.low[found].tolist(),
                self.high[found].tolist(),
                dependence.tolist(),
                strict=True,
            )
        ]


@dataclass
class _SharedFalse:
    """A slice's same-value pairs of claims on a false fact: where in the slice, their pair of
    sources, and the three log probabilities of the value they share."""

    found: Indices
    pair: Indices
    logs: Floats

    @classmethod
    def none(cls) -> "_SharedFalse":
        return cls(np.empty(0, np.int64), np.empty(0, np.int64), np.empty((3, 0)))


def _claim_pairs(
    graph: Graph, p: Parameters
) -> tuple[list[Ints], list[Indices], list[Indices], list[Ints]]:
    """Every pair of claims by two different sources on one item (of items with at most
    ``max_claims_for_copying`` claims), by slices of items: for the same-value pairs, the key of
    their pair of sources and their claims (the lower-numbered source's first, as 32-bit
    numbers); for the others, only the key."""
    claim_fact, claim_src, n_sources = graph.claim_fact, graph.claim_src, graph.n_sources
    start, size = group_bounds(graph.fact_item[claim_fact], len(graph.fact_start))
    keep = size <= p.max_claims_for_copying
    start, size = start[keep], size[keep]
    same_keys, same_a, same_b, differ_keys = [], [], [], []
    for first in range(0, len(start), ITEMS_AT_ONCE):
        a, b = pairs_in_groups(
            start[first : first + ITEMS_AT_ONCE], size[first : first + ITEMS_AT_ONCE]
        )
        src_a, src_b = claim_src[a], claim_src[b]
        differ = src_a != src_b
        a, b, src_a, src_b = a[differ], b[differ], src_a[differ], src_b[differ]
        key = np.minimum(src_a, src_b) * n_sources + np.maximum(src_a, src_b)
        same = claim_fact[a] == claim_fact[b]
        same_keys.append(key[same])
        same_a.append(np.where(src_a < src_b, a, b)[same].astype(np.int32))
        same_b.append(np.where(src_a < src_b, b, a)[same].astype(np.int32))
        differ_keys.append(key[~same])
        del a, b, src_a, src_b, differ, key, same
    return same_keys, same_a, same_b, differ_keys


def _joined(parts: list[Indices], dtype: type[np.signedinteger[Any]]) -> Indices:
    return np.concatenate(parts) if parts else np.empty(0, dtype=dtype)


def _slices(n: int) -> list[slice]:
    """``range(n)`` in slices of ``PAIRS_AT_ONCE``: the temporaries of one slice stay small."""
    return [slice(k, k + PAIRS_AT_ONCE) for k in range(0, n, PAIRS_AT_ONCE)]


def _posterior(independent: Floats, forward: Floats, backward: Floats) -> Floats:
    """P(dependent) from the three log joint probabilities (independent, either direction)."""
    top = np.maximum(independent, np.maximum(forward, backward))
    lone = np.exp(independent - top)
    both = np.exp(forward - top) + np.exp(backward - top)
    return both / (lone + both)


def _directions(independent: Floats, forward: Floats, backward: Floats) -> tuple[Floats, Floats]:
    """P(the lower-numbered source copies the other) and P(the other way round)."""
    top = np.maximum(independent, np.maximum(forward, backward))
    i, f, b = np.exp(independent - top), np.exp(forward - top), np.exp(backward - top)
    return f / (i + f + b), b / (i + f + b)
