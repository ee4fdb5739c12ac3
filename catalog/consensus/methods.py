"""The iterations: TruthFinder's, Dong et al.'s Accu, and Pasternack & Roth's fact-finders, on
the claims' graph."""

from collections.abc import Callable

import numpy as np

from catalog.consensus.arrays import Floats, group_bounds, group_logsumexp, sums
from catalog.consensus.copying import CopyModel
from catalog.consensus.graph import Graph
from catalog.consensus.parameters import Parameters

# A numerical guard only: trust stays below 1 so that tau is finite.
MAX_TRUST = 1 - 1e-9


def truthfinder(
    graph: Graph, copying: CopyModel | None, p: Parameters, fixed: Floats | None = None
) -> tuple[Floats, Floats, int, Floats]:
    """TruthFinder's iteration: the confidence of every fact, the trust of every source, the
    number of iterations and each claim's vote (below 1 for a likely copier's). The confidences
    returned are those the trust returned gives, so that a solve of a few items with that trust
    ``fixed`` (and the copy model held as the full solve left it) finds the same."""
    claim_src, n_sources = graph.claim_src, graph.n_sources
    trust = np.full(n_sources, p.initial_trust) if fixed is None else fixed
    vote = np.ones(len(graph.claim_fact))
    iterations = 0
    if fixed is None:
        for iterations in range(1, p.max_iterations + 1):  # noqa: B007 (reported below)
            confidence = confidence_of(graph, trust, vote, p)
            new_trust = sums(claim_src, confidence[graph.claim_fact], minlength=n_sources)
            new_trust += p.trust_prior * p.initial_trust
            new_trust /= graph.claims_per_source + p.trust_prior
            change = _cosine_change(new_trust, trust)
            if copying is not None:
                agree, is_best = graph.agreement(graph.choose(confidence))
                new_vote = copying.votes((agree + 1) / (graph.claims_per_source + 2), is_best)
                change = max(change, _cosine_change(1 - new_vote, 1 - vote))
                vote = new_vote
            trust = new_trust
            if change < p.tolerance:
                break
    if copying is not None:
        start = vote if fixed is None else copying.start_votes()
        vote, passes = settled_votes(
            graph, copying, p, lambda v: confidence_of(graph, trust, v, p), start
        )
        iterations = iterations if fixed is None else passes
    return confidence_of(graph, trust, vote, p), trust, iterations, vote


def settled_votes(
    graph: Graph,
    copying: CopyModel,
    p: Parameters,
    scores: Callable[[Floats], Floats],
    vote: Floats,
) -> tuple[Floats, int]:
    """The copy discounts re-weighed on the values chosen with them, the trust held, until those
    values no longer change (or the choice goes back and forth between two: it stops there),
    from ``vote``; and the passes that took. The full solve ends on it, so that the copy
    evidence it hands on describes the values it reports; a solve of a few items with the copy
    model held (``CopyModel.hold``) comes back to the same values that way."""
    chosen = graph.choose(scores(vote))
    before = None
    passes = 0
    for passes in range(1, p.max_iterations + 1):  # noqa: B007 (returned)
        agree, is_best = graph.agreement(chosen)
        vote = copying.votes((agree + 1) / (graph.claims_per_source + 2), is_best)
        again = graph.choose(scores(vote))
        if np.array_equal(again, chosen) or (before is not None and np.array_equal(again, before)):
            break
        before, chosen = chosen, again
    return vote, passes


def confidence_of(graph: Graph, trust: Floats, vote: Floats, p: Parameters) -> Floats:
    """Each fact's confidence from its sources' trust, each claim counted by its vote."""
    n_facts, imp_a, imp_b, imp = graph.n_facts, graph.imp_a, graph.imp_b, graph.imp
    tau = -np.log1p(-np.minimum(trust, MAX_TRUST))
    sigma = sums(graph.claim_fact, tau[graph.claim_src] * vote, minlength=n_facts)
    sigma += p.influence * (
        sums(imp_b, sigma[imp_a] * imp, minlength=n_facts)
        + sums(imp_a, sigma[imp_b] * imp, minlength=n_facts)
    )
    return 0.5 * (1 + np.tanh(0.5 * p.dampening * sigma))  # 1 / (1 + e^(-gamma sigma))


def accu(
    graph: Graph, copying: CopyModel | None, p: Parameters, fixed: Floats | None = None
) -> tuple[Floats, Floats, int]:
    """Dong et al.'s Accu: the posterior probability of every fact, the accuracy of every source,
    and the number of iterations; as ``truthfinder``, the probabilities returned are those the
    accuracies returned give, so that a solve with those accuracies ``fixed`` finds the same."""
    claim_src, n_sources = graph.claim_src, graph.n_sources
    accuracy = np.full(n_sources, p.initial_accuracy) if fixed is None else fixed
    vote = np.ones(len(graph.claim_fact))
    iterations = 0
    if fixed is None:
        prior = p.accuracy_prior
        for iterations in range(1, p.max_iterations + 1):  # noqa: B007 (reported below)
            probability = _posterior(graph, accuracy, vote, p)
            new_accuracy = sums(claim_src, probability[graph.claim_fact], minlength=n_sources)
            new_accuracy = (new_accuracy + prior * p.initial_accuracy) / (
                graph.claims_per_source + prior
            )
            change = float(np.abs(new_accuracy - accuracy).max(initial=0.0))
            if copying is not None:
                agree, is_best = graph.agreement(graph.choose(probability))
                new_vote = copying.votes((agree + 1) / (graph.claims_per_source + 2), is_best)
                change = max(change, float(np.abs(new_vote - vote).max(initial=0.0)))
                vote = new_vote
            accuracy = new_accuracy
            if change < p.accuracy_tolerance:
                break
    if copying is not None:
        start = vote if fixed is None else copying.start_votes()
        vote, passes = settled_votes(
            graph, copying, p, lambda v: _posterior(graph, accuracy, v, p), start
        )
        iterations = iterations if fixed is None else passes
    return _posterior(graph, accuracy, vote, p), accuracy, iterations


def _posterior(graph: Graph, accuracy: Floats, vote: Floats, p: Parameters) -> Floats:
    """Each fact's posterior probability: ``exp(C(f))`` over the sum of ``exp(C)`` over the
    item's values, the ``n + 1 - k`` values no source states (``C = 0``) included, with
    ``C(f) = sum over its sources of vote * ln(n A / (1 - A))``, similar values adding theirs."""
    n = p.false_values
    a = np.clip(accuracy, 1 - MAX_TRUST, MAX_TRUST)
    score = np.log(n * a / (1 - a))
    count = sums(graph.claim_fact, score[graph.claim_src] * vote, minlength=graph.n_facts)
    # Dong et al.'s similar values: C*(f) = C(f) + rho * sum over the item's other values f' of
    # C(f') * sim, with sim here the supporting part of TruthFinder's implication, as below.
    support = graph.imp > 0
    if support.any():
        first, second = graph.imp_a[support], graph.imp_b[support]
        weight = p.influence * graph.imp[support]
        count = (
            count
            + sums(second, count[first] * weight, graph.n_facts)
            + sums(first, count[second] * weight, graph.n_facts)
        )
    unstated = np.maximum(n + 1 - graph.fact_size, 0)
    # log(sum of exp(C) + unstated), shifted by the item's largest C (or 0) against overflow.
    top = np.maximum(np.maximum.reduceat(count, graph.fact_start), 0.0)
    with np.errstate(under="ignore"):
        shifted = np.add.reduceat(np.exp(count - top[graph.fact_item]), graph.fact_start)
        total = top + np.log(shifted + unstated * np.exp(-top))
        return np.exp(count - total[graph.fact_item])


def fact_finder(
    graph: Graph, copying: CopyModel | None, p: Parameters
) -> tuple[Floats, Floats, int]:
    """Pasternack & Roth's fact-finders on weighted claims: the log belief of every fact, the
    trust of every source (scaled to a maximum of 1), and the number of iterations.

    Every quantity is kept as a logarithm: Investment multiplies a source's trust by its returns
    at every iteration, so trusts drift apart geometrically and would underflow in 20 iterations.
    """
    sums_of = _LogSums(graph, p)
    # The voting prior: each value's share of the sources stating its item's values.
    sources = graph.claims_per_fact.astype(np.float64)
    per_item = sums(graph.fact_item, sources, len(graph.fact_start))
    log_belief = np.log(sources) - np.log(per_item)[graph.fact_item]
    log_trust = np.zeros(graph.n_sources)
    log_vote = np.zeros(len(graph.claim_fact))
    for _ in range(p.iterations):
        if copying is not None:
            agree, is_best = graph.agreement(graph.choose(log_belief))
            log_vote = np.log(copying.votes((agree + 1) / (graph.claims_per_source + 2), is_best))
        log_trust, log_belief = sums_of.step(log_vote, log_trust, log_belief)
        log_trust = _scaled(log_trust)
        log_belief = _scaled(log_belief)
    with np.errstate(under="ignore"):
        trust = np.exp(log_trust)
    return log_belief, trust, p.iterations


class _LogSums:
    """A fact-finder's sums over the claims' graph, of values kept as logarithms."""

    def __init__(self, graph: Graph, p: Parameters) -> None:
        self.graph, self.p = graph, p
        self.by_src = np.argsort(graph.claim_src, kind="stable")
        self.src_claims = group_bounds(graph.claim_src[self.by_src], graph.n_sources)[0]
        self.fact_claims = group_bounds(graph.claim_fact, graph.n_facts)[0]
        support = graph.imp > 0
        self.implied = (
            graph.imp_a[support],
            graph.imp_b[support],
            p.influence * graph.imp[support],
        )
        with np.errstate(divide="ignore"):
            self.log_log_count = np.log(np.log(graph.claims_per_source))  # -inf for one claim

    def to_facts(self, log_values: Floats) -> Floats:
        """The log of the sum over each fact's claims."""
        return group_logsumexp(log_values, self.fact_claims)

    def to_sources(self, log_values: Floats) -> Floats:
        """The log of the sum over each source's claims."""
        return group_logsumexp(log_values[self.by_src], self.src_claims)

    def implication(self, log_values: Floats) -> Floats:
        """TruthFinder's implication, its supporting part: ``x(f) + rho * sum over the other
        values f' of the item of x(f') * max(0, sim(f', f) - base_sim)``."""
        graph, (a, b, weight) = self.graph, self.implied
        if not len(a):
            return log_values
        top = np.maximum.reduceat(log_values, graph.fact_start)
        top = np.where(np.isfinite(top), top, 0.0)[graph.fact_item]
        with np.errstate(under="ignore"):
            x = np.exp(log_values - top)
        added = sums(b, x[a] * weight, graph.n_facts) + sums(a, x[b] * weight, graph.n_facts)
        with np.errstate(divide="ignore"):
            return np.logaddexp(log_values, np.log(added) + top)

    def step(
        self, log_vote: Floats, log_trust: Floats, log_belief: Floats
    ) -> tuple[Floats, Floats]:
        """One iteration of the method: the new log trust and log belief, unscaled."""
        p, claim_fact, claim_src = self.p, self.graph.claim_fact, self.graph.claim_src
        log_total = self.to_sources(log_vote)  # |C_s|, each claim counted by its vote
        if p.method == "sums":
            log_trust = self.to_sources(log_vote + log_belief[claim_fact])
            return log_trust, self.implication(self.to_facts(log_vote + log_trust[claim_src]))
        if p.method == "average_log":
            mean = self.to_sources(log_vote + log_belief[claim_fact]) - log_total
            log_trust = self.log_log_count + mean
            return log_trust, self.implication(self.to_facts(log_vote + log_trust[claim_src]))
        # Each source invests its trust evenly in its claims and gets back, from each, the
        # claim's belief in proportion to its share of what was invested in the claim.
        invested = log_vote + (log_trust - log_total)[claim_src]
        returns = log_belief - self.to_facts(invested)
        log_trust = self.to_sources(invested + returns[claim_fact])
        pooled = self.implication(self.to_facts(log_vote + (log_trust - log_total)[claim_src]))
        if p.method == "investment":
            return log_trust, p.growth * pooled
        # pooled_investment: each item's values share out what was invested in them
        grown = p.pooled_growth * pooled
        fact_item = self.graph.fact_item
        return log_trust, pooled + grown - group_logsumexp(grown, self.graph.fact_start)[fact_item]


def _scaled(log_values: Floats) -> Floats:
    """Log values shifted so that the largest is 0 (Pasternack & Roth normalise by the maximum)."""
    top = log_values.max(initial=-np.inf)
    return log_values - top if np.isfinite(top) else log_values


def _cosine_change(new: Floats, old: Floats) -> float:
    """1 - cos(new, old): TruthFinder's measure of how much an iteration changed."""
    norms = float(np.linalg.norm(new) * np.linalg.norm(old))
    if not norms:
        return 0.0 if not (new.any() or old.any()) else 1.0
    return 1 - float(new @ old) / norms
