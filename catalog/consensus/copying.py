"""AccuCopy's copy detection: how likely two sources are to copy one another, and the votes
that leaves each claim ("Copying" in docs/consensus.md)."""

import math
from typing import Any

import numpy as np

from catalog.consensus.arrays import (
    Floats,
    Indices,
    distinct_inverse,
    group_bounds,
    pairs_in_groups,
    sums,
)
from catalog.consensus.graph import Graph
from catalog.consensus.parameters import Parameters
from catalog.consensus.result import Dependence

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
    and different-value pairs (counted per pair of sources)."""

    def __init__(self, graph: Graph, p: Parameters) -> None:
        claim_fact, claim_src, fact_item = graph.claim_fact, graph.claim_src, graph.fact_item
        n_items, n_sources = len(graph.fact_start), graph.n_sources
        self.p = p
        self.n_claims = len(claim_fact)
        self.fact_item = fact_item
        self.n_items = n_items
        start, size = group_bounds(fact_item[claim_fact], n_items)
        keep = size <= p.max_claims_for_copying
        start, size = start[keep], size[keep]
        # The pairs of claims are many times the claims: made a slice of the items at a time,
        # and only the same-value pairs kept one by one (as 32-bit numbers).
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
        # Only pairs of sources that state a same value somewhere can be discounted: the others
        # are left out (their evidence would only make them more independent).
        pair_keys, pair = distinct_inverse(_joined(same_keys, np.int64))
        n_pairs = len(pair_keys)
        self.low, self.high = pair_keys // n_sources, pair_keys % n_sources
        differing = _joined(differ_keys, np.int64)
        at = np.minimum(np.searchsorted(pair_keys, differing), max(n_pairs - 1, 0))
        known = pair_keys[at] == differing if n_pairs else np.zeros(len(at), dtype=bool)
        self.n_different = np.bincount(at[known], minlength=n_pairs).astype(np.float64)
        del differing, at, known
        self.pair = pair.astype(np.int32)
        self.a, self.b = _joined(same_a, np.int32), _joined(same_b, np.int32)
        """Each same-value pair's claim by the lower-numbered source, and the other's."""
        self.fact = claim_fact[self.a]
        self.n_pairs = n_pairs
        self.dependence = np.zeros(n_pairs)
        self.discounted = np.zeros(n_pairs, dtype=bool)

    def votes(self, accuracy: Floats, true: Floats) -> Floats:
        """Each claim's vote weight, from the sources' accuracies and which facts are true."""
        p, c, n = self.p, self.p.copy_rate, self.p.false_values
        accuracy = np.clip(accuracy, *ACCURACY_RANGE)
        a1, a2 = accuracy[self.low], accuracy[self.high]
        # Different values on an item: as likely under either direction of copying.
        independent_differ = 1 - a1 * a2 - (1 - a1) * (1 - a2) / n
        base = self.n_different * np.log(independent_differ)
        log_independent = base.copy()
        log_forward = base + self.n_different * math.log(1 - c)  # low copies high
        log_backward = log_forward.copy()
        del base, independent_differ
        # The same false value: rare by chance, frequent by copying. (The same true value is
        # what accurate independent sources state too; it is left out as evidence.)
        false = 1 - true
        n_same = len(self.pair)
        each_independent, each_forward, each_backward = (np.empty(n_same) for _ in range(3))
        for at in _slices(n_same):
            pair = self.pair[at]
            wrong = false[self.fact[at]]
            s1, s2 = a1[pair], a2[pair]
            independent = (1 - s1) * (1 - s2) / n
            each_independent[at] = wrong * np.log(independent)
            each_forward[at] = wrong * np.log(c * (1 - s2) + (1 - c) * independent)
            each_backward[at] = wrong * np.log(c * (1 - s1) + (1 - c) * independent)
        log_independent += sums(self.pair, each_independent, minlength=self.n_pairs)
        log_forward += sums(self.pair, each_forward, minlength=self.n_pairs)
        log_backward += sums(self.pair, each_backward, minlength=self.n_pairs)
        log_independent += math.log(1 - p.copy_prior)
        log_forward += math.log(p.copy_prior / 2)
        log_backward += math.log(p.copy_prior / 2)
        self.dependence = _posterior(log_independent, log_forward, log_backward)
        # A vote on an item shrinks with the probability that its source depends on each of the
        # others stating the same value, judged on the other items the two share (so one shared
        # value cannot make two sources copiers by itself), for pairs more likely dependent than
        # not.
        shared = np.zeros(self.n_claims)
        discounted = np.zeros(self.n_pairs, dtype=bool)
        for at in _slices(n_same):
            pair = self.pair[at]
            lo_copies, hi_copies = _directions(
                log_independent[pair] - each_independent[at],
                log_forward[pair] - each_forward[at],
                log_backward[pair] - each_backward[at],
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
        return [
            Dependence(names[low], names[high], dependence)
            for low, high, dependence in zip(
                self.low[found].tolist(),
                self.high[found].tolist(),
                self.dependence[found].tolist(),
                strict=True,
            )
        ]


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
