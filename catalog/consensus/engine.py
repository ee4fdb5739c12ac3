"""``discover``: from claims to a ``Result``, in named steps.

The claims are integer-coded as they come, put in a canonical order (so that their order never
matters), grouped into facts (distinct normal forms of an item's values), linked into the graph of
who states what, and handed to the chosen method's iterations (``methods``) with, unless turned
off, the copy model (``copying``); a full solve then learns how its scores map to probabilities
(``calibration``).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np

from catalog.consensus import calibration as calibrating
from catalog.consensus import coding
from catalog.consensus.arrays import Floats, Ints, distinct, distinct_inverse, group_bounds
from catalog.consensus.calibration import Calibration
from catalog.consensus.coding import Coded, Columns
from catalog.consensus.copying import CopyModel
from catalog.consensus.graph import Graph, implications
from catalog.consensus.methods import accu, confidence_of, fact_finder, truthfinder
from catalog.consensus.parameters import DEFAULT_PARAMETERS, Parameters
from catalog.consensus.result import CopyEvidence, Result
from catalog.consensus.value_types import VALUE_TYPES, ValueType, type_for_name, type_for_values

Statement = tuple[str, str, str, str]
"""One claim as the engine takes it: ``(source, object, attribute, value)``, all plain strings."""


def discover(
    claims: Iterable[Statement],
    *,
    value_types: Mapping[str, ValueType | str] | None = None,
    parameters: Parameters = DEFAULT_PARAMETERS,
    trust: Mapping[str, float] | None = None,
    calibration: Calibration | None = None,
    copies: CopyEvidence | None = None,
) -> Result:
    """The most likely value of every ``(object, attribute)`` and the trust of every source.

    ``value_types`` maps attribute names to a ``ValueType`` (or the name of one in
    ``VALUE_TYPES``); other attributes get the type their name or values imply.

    ``trust`` holds every source's trust fixed (as a full solve learnt it; a source it does not
    name starts from ``Parameters.starting_trust``): the values of a few objects are then found
    without re-learning the trust from them. The copy model weighs every item two sources share,
    not only those given: such a solve discounts copiers' votes only with the ``copies`` the
    full solve found (``Result.copies``), and not at all without.

    The confidences are probabilities: a full solve by TruthFinder learns the map from its
    scores (``Parameters.calibrate``); a solve with ``trust`` fixed applies the ``calibration``
    the full solve learnt, or reports the scores as they are without one. Accu's confidence is
    its own posterior.
    """
    return discover_columns(
        coding.batches(claims),
        value_types=value_types,
        parameters=parameters,
        trust=trust,
        calibration=calibration,
        copies=copies,
    )


def discover_columns(
    columns: Iterable[Columns],
    *,
    value_types: Mapping[str, ValueType | str] | None = None,
    parameters: Parameters = DEFAULT_PARAMETERS,
    trust: Mapping[str, float] | None = None,
    calibration: Calibration | None = None,
    copies: CopyEvidence | None = None,
) -> Result:
    """``discover`` on claims in batches of columns (sources, objects, attributes, values), the
    form a bulk reader gives (``tsv.read_columns``) without a tuple per claim."""
    order, facts, item_types, fact_values, graph = _prepared(columns, value_types, parameters)
    fixed = None
    if trust is not None:
        start = parameters.starting_trust
        fixed = np.array([trust.get(s, start) for s in order.source_names])
    copying = None
    if parameters.detect_copying and fixed is None:
        copying = CopyModel(graph, parameters)
    elif parameters.detect_copying and copies is not None and copies.pairs:
        copying = CopyModel(graph, parameters)
        copying.hold(copies, order.source_names)
    chosen, confidence, learnt, iterations, calibration = _iterate(
        graph, copying, parameters, fixed, calibration
    )
    return Result(
        objects=order.objects,
        attributes=order.attributes,
        item_types=item_types,
        chosen=chosen,
        fact_item=facts.item,
        fact_keys=facts.keys,
        fact_values=fact_values,
        fact_confidence=confidence,
        source_names=order.source_names,
        source_trust=learnt,
        source_agreeing=graph.agreement(chosen)[0].astype(np.int64),
        source_claims=graph.claims_per_source.astype(np.int64),
        dependences=copying.dependences(order.source_names) if copying is not None else [],
        iterations=iterations,
        calibration=calibration,
        copies=copying.evidence(order.source_names) if copying and fixed is None else copies,
    )


def _prepared(
    columns: Iterable[Columns],
    value_types: Mapping[str, ValueType | str] | None,
    parameters: Parameters,
) -> tuple["_Order", "_Facts", list[ValueType], list[str], Graph]:
    """The claims coded, in canonical order, grouped into facts with the spelling shown for
    each, and linked into the graph; the coded claims themselves are let go, since the
    iterations need only the graph."""
    coded = coding.code(columns)
    order = _canonical_order(coded)
    item_types, item_kind, kinds = _item_types(coded, order, value_types or {})
    facts = _facts(coded, order, item_kind, kinds)
    claim_source = order.source_rank[coded.claim_source]  # in canonical numbers
    fact_values = _spellings(coded, claim_source, facts)
    graph = _graph(coded, claim_source, facts, item_types, parameters)
    spent = replace(facts, of_raw=np.empty(0, dtype=np.int64))  # each raw value's: done with
    return order, spent, item_types, fact_values, graph


@dataclass
class _Order:
    """The canonical order: sources and items sorted by name. Nothing after it depends on the
    order the claims came in."""

    source_rank: Ints
    """Each source's place in the canonical order, by its number as met."""
    source_names: list[str]
    item_rank: Ints
    item_order: Ints
    """The items (by number as met) in canonical order: ``item_rank``'s inverse."""
    objects: list[str]
    """Each item's object, in canonical item order."""
    attributes: list[str]


def _canonical_order(coded: Coded) -> _Order:
    source_rank = coding.ranks(coded.sources)
    source_names = [""] * len(coded.sources)
    for name, rank in zip(coded.sources, source_rank.tolist(), strict=True):
        source_names[rank] = name
    # Items sort by object, then attribute: by the objects' ranks, then the attributes'.
    object_rank, attribute_rank = coding.ranks(coded.objects), coding.ranks(coded.attributes)
    item_order = np.lexsort((attribute_rank[coded.item_attribute], object_rank[coded.item_object]))
    item_rank = np.empty(coded.n_items, dtype=np.int64)
    item_rank[item_order] = np.arange(coded.n_items)
    objects = [coded.objects[o] for o in coded.item_object[item_order].tolist()]
    attributes = [coded.attributes[a] for a in coded.item_attribute[item_order].tolist()]
    return _Order(source_rank, source_names, item_rank, item_order, objects, attributes)


def _item_types(
    coded: Coded, order: _Order, value_types: Mapping[str, ValueType | str]
) -> tuple[list[ValueType], Ints, list[ValueType]]:
    """Each item's value type (its attribute's) in canonical item order, the same as a number
    per item into the list of distinct types, and that list."""
    types = _attribute_types(coded, value_types)
    kinds = list({id(t): t for t in types}.values())
    number = {id(t): k for k, t in enumerate(kinds)}
    attribute_kind = np.array([number[id(t)] for t in types], dtype=np.int64)
    item_kind = attribute_kind[coded.item_attribute[order.item_order]]
    return [kinds[k] for k in item_kind.tolist()], item_kind, kinds


def _attribute_types(coded: Coded, value_types: Mapping[str, ValueType | str]) -> list[ValueType]:
    """Each attribute's type: the caller's, else the one its name implies, else its values'."""
    types: list[ValueType | None] = []
    for attribute in coded.attributes:
        given = value_types.get(attribute)
        if given is not None:
            types.append(VALUE_TYPES[given] if isinstance(given, str) else given)
        else:
            types.append(type_for_name(attribute))
    raw_attribute = coded.item_attribute[coded.raw_item]
    decided: list[ValueType] = []
    for a, found in enumerate(types):
        if found is None:
            seen = distinct(coded.raw_value[raw_attribute == a]).tolist()
            found = type_for_values({coded.values[v] for v in seen})
        decided.append(found)
    return decided


@dataclass
class _Facts:
    """The distinct ``(item, normal form)`` pairs: by canonical item, then the type's order."""

    item: Ints
    """Each fact's item, in canonical item numbers."""
    keys: list[str]
    """Each fact's normal form."""
    of_raw: Ints
    """Each raw value's fact."""

    def __len__(self) -> int:
        return len(self.keys)


def _facts(coded: Coded, order: _Order, item_kind: Ints, kinds: list[ValueType]) -> _Facts:
    """Normal forms, then facts: values with equal normal forms are one and the same fact.

    Each distinct (type, value) is normalised once; each type's distinct normal forms are ranked
    in its order once, so that facts sort as integers."""
    n_values = max(len(coded.values), 1)
    raw_item = order.item_rank[coded.raw_item]
    pair_key, raw_pair = distinct_inverse(item_kind[raw_item] * n_values + coded.raw_value)
    pair_kind, pair_value = pair_key // n_values, pair_key % n_values
    del pair_key
    pair_rank = np.empty(len(pair_kind), dtype=np.int64)
    key_names: list[str] = []
    for kind, vtype in enumerate(kinds):
        where = np.flatnonzero(pair_kind == kind)
        numbers: dict[str, int] = {}
        local = np.fromiter(
            (
                numbers.setdefault(vtype.normalise(coded.values[v]), len(numbers))
                for v in pair_value[where].tolist()
            ),
            dtype=np.int64,
            count=len(where),
        )
        keys = list(numbers)
        rank = vtype.ranks(keys)
        pair_rank[where] = len(key_names) + rank[local]
        in_order = [""] * len(keys)
        for key, r in zip(keys, rank.tolist(), strict=True):
            in_order[r] = key
        key_names.extend(in_order)
    n_keys = max(len(key_names), 1)
    fact_key, of_raw = distinct_inverse(raw_item * n_keys + pair_rank[raw_pair])
    return _Facts(
        item=fact_key // n_keys,
        keys=[key_names[k] for k in (fact_key % n_keys).tolist()],
        of_raw=of_raw,
    )


def _spellings(coded: Coded, claim_source: Ints, facts: _Facts) -> list[str]:
    """The spelling shown for each fact: its most claimed raw value, ties to the smallest string.

    ``claim_source`` is each claim's source in canonical numbers.
    """
    n_raws = coded.n_raws
    distinct_raw_claims = distinct(claim_source * n_raws + coded.claim_raw) % n_raws
    raw_count = np.bincount(distinct_raw_claims, minlength=n_raws)
    del distinct_raw_claims
    # Raws by fact, the most claimed first: the first of each fact's is shown, unless others
    # are claimed as often, when the smallest string of those is.
    by = np.lexsort((-raw_count, facts.of_raw))
    fact_of, counts = facts.of_raw[by], raw_count[by]
    start = np.searchsorted(fact_of, np.arange(len(facts)))
    top = counts[start]
    tied = np.flatnonzero(counts == top[fact_of])
    tied_per_fact = np.bincount(fact_of[tied], minlength=len(facts))
    values = coded.values
    shown = [values[v] for v in coded.raw_value[by[start]].tolist()]
    ties: dict[int, list[str]] = {}
    for f, r in zip(fact_of[tied].tolist(), by[tied].tolist(), strict=True):
        if tied_per_fact[f] > 1:
            ties.setdefault(f, []).append(values[int(coded.raw_value[r])])
    for f, spellings in ties.items():
        shown[f] = min(spellings)
    return shown


def _graph(
    coded: Coded,
    claim_source: Ints,
    facts: _Facts,
    item_types: list[ValueType],
    p: Parameters,
) -> Graph:
    """Who states what: the distinct ``(source, fact)`` claims, sorted by fact (hence by item)
    then source, with the implications between the facts of each item, computed once."""
    n_sources, n_facts = len(coded.sources), len(facts)
    pairs = distinct(facts.of_raw[coded.claim_raw] * n_sources + claim_source)
    claim_fact = pairs // n_sources
    claim_src = pairs % n_sources
    del pairs
    claims_per_fact = np.bincount(claim_fact, minlength=n_facts)
    fact_start, fact_size = group_bounds(facts.item, len(item_types))
    imp_a, imp_b, imp = implications(
        fact_start, fact_size, facts.item, facts.keys, claims_per_fact, item_types, p
    )
    return Graph(
        claim_fact=claim_fact,
        claim_src=claim_src,
        claims_per_source=np.bincount(claim_src, minlength=n_sources),
        claims_per_fact=claims_per_fact,
        fact_item=facts.item,
        fact_start=fact_start,
        fact_size=fact_size,
        imp_a=imp_a,
        imp_b=imp_b,
        imp=imp,
    )


def _iterate(
    graph: Graph,
    copying: CopyModel | None,
    p: Parameters,
    fixed: Floats | None,
    calibration: Calibration | None,
) -> tuple[Ints, Floats, Floats, int, Calibration | None]:
    """The chosen method's iterations: each item's chosen fact, each fact's confidence, each
    source's trust, the number of iterations and the calibration the confidences went through.
    ``fixed``: the trust, held as it is."""
    if p.method == "truthfinder":
        score, trust, iterations, vote = truthfinder(graph, copying, p, fixed)
        chosen = graph.choose(score)
        if fixed is None and p.calibrate:
            calibration = calibrating.learn(
                graph, lambda weights: confidence_of(graph, trust, vote * weights, p)
            )
        if calibration is not None:
            score = calibrating.probabilities(graph, calibration, score, chosen)
        return chosen, score, trust, iterations, calibration
    if p.method == "accu":
        confidence, trust, iterations = accu(graph, copying, p, fixed)
        return graph.choose(confidence), confidence, trust, iterations, None
    if fixed is not None:
        raise ValueError(f"{p.method} cannot hold the trust fixed; truthfinder and accu can")
    log_belief, trust, iterations = fact_finder(graph, copying, p)
    return graph.choose(log_belief), graph.shares(log_belief), trust, iterations, None
