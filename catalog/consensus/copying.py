"""AccuCopy's copy detection: how likely two sources are to copy one another, and the votes
that leaves each claim ("Copying" in docs/consensus.md)."""

import math

import numpy as np

from catalog.consensus.arrays import (
    Floats,
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
        claim_item = fact_item[claim_fact]
        start, size = group_bounds(claim_item, n_items)
        keep = size <= p.max_claims_for_copying
        a, b = pairs_in_groups(start[keep], size[keep])
        src_a, src_b = claim_src[a], claim_src[b]
        differ = src_a != src_b
        a, b, src_a, src_b = a[differ], b[differ], src_a[differ], src_b[differ]
        low, high = np.minimum(src_a, src_b), np.maximum(src_a, src_b)
        pair_keys, pair = distinct_inverse(low * n_sources + high)
        self.low, self.high = pair_keys // n_sources, pair_keys % n_sources
        n_pairs = len(pair_keys)
        same = claim_fact[a] == claim_fact[b]
        self.n_different = np.bincount(pair[~same], minlength=n_pairs).astype(np.float64)
        self.pair = pair[same]
        self.a, self.b = a[same], b[same]
        self.a_is_low = (src_a < src_b)[same]
        self.fact = claim_fact[a[same]]
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
        # The same false value: rare by chance, frequent by copying. (The same true value is
        # what accurate independent sources state too; it is left out as evidence.)
        false = 1 - true[self.fact]
        s1, s2 = a1[self.pair], a2[self.pair]
        independent = (1 - s1) * (1 - s2) / n
        each_independent = false * np.log(independent)
        each_forward = false * np.log(c * (1 - s2) + (1 - c) * independent)
        each_backward = false * np.log(c * (1 - s1) + (1 - c) * independent)
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
        lo_copies, hi_copies = _directions(
            log_independent[self.pair] - each_independent,
            log_forward[self.pair] - each_forward,
            log_backward[self.pair] - each_backward,
        )
        dependent = (lo_copies + hi_copies) > 0.5
        self.discounted = sums(self.pair, dependent.astype(np.float64), self.n_pairs) > 0
        lo_copies = np.where(dependent, lo_copies, 0.0)
        hi_copies = np.where(dependent, hi_copies, 0.0)
        a_copies = np.where(self.a_is_low, lo_copies, hi_copies)
        b_copies = np.where(self.a_is_low, hi_copies, lo_copies)
        shared = sums(self.a, c * a_copies, minlength=self.n_claims)
        shared += sums(self.b, c * b_copies, minlength=self.n_claims)
        return 1 / (1 + shared)

    def dependences(self, names: list[str]) -> list[Dependence]:
        """The pairs of sources discounted at the last iteration, ``names`` naming them."""
        dependent = self.dependence
        found = [
            Dependence(names[low], names[high], float(dependent[k]))
            for k, (low, high) in enumerate(zip(self.low.tolist(), self.high.tolist(), strict=True))
            if self.discounted[k]
        ]
        return found


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
