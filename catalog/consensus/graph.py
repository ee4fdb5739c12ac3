"""Who states what, integer-coded, and how the values of one item bear on each other."""

from dataclasses import dataclass

import numpy as np

from catalog.consensus.arrays import (
    Bools,
    Floats,
    Ints,
    distinct,
    group_logsumexp,
    pairs_in_groups,
    sums,
)
from catalog.consensus.parameters import Parameters
from catalog.consensus.value_types import ValueType

# Scores this close count as equal, so that rounding cannot decide between two values.
TIE = 1e-9


@dataclass
class Graph:
    """Who states what, integer-coded: claims sorted by fact (hence by item), then source."""

    claim_fact: Ints
    claim_src: Ints
    claims_per_source: Ints
    claims_per_fact: Ints
    fact_item: Ints
    fact_start: Ints
    """Each item's first fact; an item's facts are contiguous, in canonical value order."""
    fact_size: Ints
    imp_a: Ints
    """Pairs ``(imp_a[k], imp_b[k])`` of facts of one item and TruthFinder's implication
    ``imp[k] = sim - base_sim`` between them (0 where the type's similarity is not used)."""
    imp_b: Ints
    imp: Floats

    @property
    def n_sources(self) -> int:
        return len(self.claims_per_source)

    @property
    def n_facts(self) -> int:
        return len(self.fact_item)

    def choose(self, score: Floats) -> Ints:
        """Each item's chosen fact: highest score; ties (within 1e-9) to the fact more sources
        state, then to the first in the item's canonical order, i.e. the smallest value."""
        n_facts = self.n_facts
        if not n_facts:
            return np.empty(0, dtype=np.int64)
        finite = np.where(np.isfinite(score), score, -np.inf)
        top = np.maximum.reduceat(finite, self.fact_start)
        tied = (finite >= top[self.fact_item] - TIE) | (top[self.fact_item] == -np.inf)
        key = (self.claims_per_fact.max() - self.claims_per_fact) * n_facts + np.arange(n_facts)
        picked = np.minimum.reduceat(np.where(tied, key, np.iinfo(np.int64).max), self.fact_start)
        return picked % n_facts

    def shares(self, log_belief: Floats) -> Floats:
        """Each fact's share of its item's belief, from log beliefs (equal shares if none has
        any belief)."""
        total = group_logsumexp(log_belief, self.fact_start)[self.fact_item]
        with np.errstate(invalid="ignore"):
            share = np.exp(log_belief - total)
        even = 1 / self.fact_size[self.fact_item].astype(np.float64)
        return np.where(np.isfinite(total), share, even)

    def sources_per_item(self) -> Ints:
        """How many sources state some value of each item."""
        item = self.fact_item[self.claim_fact]
        pairs = distinct(item * self.n_sources + self.claim_src)
        return np.bincount(pairs // self.n_sources, minlength=len(self.fact_start))

    def claims_per_item(self) -> Ints:
        return np.bincount(self.fact_item[self.claim_fact], minlength=len(self.fact_start))

    def exclusive(self) -> Bools:
        """Whether each item's values exclude each other: every source states one of them (an
        item a source gives two values of holds a set, such as a film's directors)."""
        return self.claims_per_item() == self.sources_per_item()

    def disputed(self) -> Bools:
        """Whether each fact is disputed: some source of its item states another value and not
        this one (one source naming two directors of a film disputes neither)."""
        return self.claims_per_fact < self.sources_per_item()[self.fact_item]

    def agreement(self, best: Ints) -> tuple[Floats, Floats]:
        """Each source's claims agreeing with ``best``, and a 0/1 vector of the chosen facts."""
        chosen = best[self.fact_item[self.claim_fact]] == self.claim_fact
        is_best = np.zeros(self.n_facts)
        is_best[best] = 1.0
        return sums(self.claim_src, chosen, self.n_sources), is_best


def implications(
    fact_start: Ints,
    fact_size: Ints,
    fact_item: Ints,
    fact_keys: list[str],
    claims_per_fact: Ints,
    item_types: list[ValueType],
    p: Parameters,
) -> tuple[Ints, Ints, Floats]:
    """Pairs of distinct facts of one item and TruthFinder's implication ``sim - base_sim`` for
    each, leaving out the pairs where it is 0 (all pairs of measures unless
    ``similar_numbers``)."""
    cap = p.max_values_compared
    small = fact_size <= cap
    first, second = pairs_in_groups(fact_start[small], fact_size[small])
    firsts, seconds = [first], [second]
    for item in np.flatnonzero(~small).tolist():
        facts = np.arange(fact_start[item], fact_start[item] + fact_size[item])
        kept = np.sort(facts[np.lexsort((facts, -claims_per_fact[facts]))[:cap]])
        upper_i, upper_j = np.triu_indices(len(kept), 1)
        firsts.append(kept[upper_i])
        seconds.append(kept[upper_j])
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    imp = np.empty(len(first))
    pair_type = np.fromiter((id(t) for t in item_types), dtype=np.int64, count=len(item_types))[
        fact_item[first]
    ]
    by_id = {id(t): t for t in item_types}
    for type_id in distinct(pair_type).tolist():
        where = np.flatnonzero(pair_type == type_id)
        if by_id[type_id].measure and not p.similar_numbers:
            imp[where] = 0.0  # different counts are different claims: no implication
            continue
        a = [fact_keys[f] for f in first[where].tolist()]
        b = [fact_keys[f] for f in second[where].tolist()]
        imp[where] = by_id[type_id].similarity(a, b) - p.base_similarity
    used = imp != 0
    return first[used], second[used], imp[used]
