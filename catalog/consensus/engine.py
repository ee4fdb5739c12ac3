"""``discover``: from claims to a ``Result``, in named steps.

The claims are integer-coded as they come, put in a canonical order (so that their order never
matters), grouped into facts (distinct normal forms of an item's values), linked into the graph of
who states what, and handed to the chosen method's iterations (``methods``) with, unless turned
off, the copy model (``copying``); a full solve then learns how its scores map to probabilities
(``calibration``).
"""

from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from catalog.consensus import calibration as calibrating
from catalog.consensus.arrays import Floats, Ints, group_bounds
from catalog.consensus.calibration import Calibration
from catalog.consensus.copying import CopyModel
from catalog.consensus.graph import Graph, implications
from catalog.consensus.methods import accu, confidence_of, fact_finder, truthfinder
from catalog.consensus.parameters import DEFAULT_PARAMETERS, Parameters
from catalog.consensus.result import Result
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
) -> Result:
    """The most likely value of every ``(object, attribute)`` and the trust of every source.

    ``value_types`` maps attribute names to a ``ValueType`` (or the name of one in
    ``VALUE_TYPES``); other attributes get the type their name or values imply.

    ``trust`` holds every source's trust fixed (as a full solve learnt it; a source it does not
    name starts from ``Parameters.starting_trust``): the values of a few objects are then found
    without re-learning the trust from them. The copy model is left out, since it weighs every
    item two sources share, not only those given.

    The confidences are probabilities: a full solve by TruthFinder learns the map from its
    scores (``Parameters.calibrate``); a solve with ``trust`` fixed applies the ``calibration``
    the full solve learnt, or reports the scores as they are without one. Accu's confidence is
    its own posterior.
    """
    coded = _code(claims)
    order = _canonical_order(coded)
    item_types = _item_types(coded, order, value_types or {})
    facts = _facts(coded, order, item_types)
    claim_source = order.source_rank[coded.claim_source]  # in canonical numbers
    fact_values = _spellings(coded, claim_source, facts)
    graph = _graph(coded, claim_source, facts, item_types, parameters)
    fixed = None
    if trust is not None:
        start = parameters.starting_trust
        fixed = np.array([trust.get(s, start) for s in order.source_names])
    copying = CopyModel(graph, parameters) if parameters.detect_copying and fixed is None else None
    chosen, confidence, learnt, iterations, calibration = _iterate(
        graph, copying, parameters, fixed, calibration
    )
    return Result(
        objects=[o for o, _ in order.items],
        attributes=[a for _, a in order.items],
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
    )


@dataclass
class _Coded:
    """The claims as they came, integer-coded in the order met."""

    sources: list[str]
    items: list[tuple[str, str]]
    """Each distinct ``(object, attribute)``."""
    raws: list[tuple[int, str]]
    """Each distinct ``(item, value)``, the value as written."""
    claim_source: Ints
    claim_raw: Ints


def _code(claims: Iterable[Statement]) -> _Coded:
    """Every source, item and raw value numbered as met, and each claim's source and raw value."""
    sources: dict[str, int] = {}
    items: dict[tuple[str, str], int] = {}
    raws: dict[tuple[int, str], int] = {}
    claim_source = array("q")
    claim_raw = array("q")
    for source, obj, attribute, value in claims:
        s = sources.get(source)
        if s is None:
            s = sources[source] = len(sources)
        item_key = (obj, attribute)
        i = items.get(item_key)
        if i is None:
            i = items[item_key] = len(items)
        raw_key = (i, value)
        r = raws.get(raw_key)
        if r is None:
            r = raws[raw_key] = len(raws)
        claim_source.append(s)
        claim_raw.append(r)
    return _Coded(
        list(sources),
        list(items),
        list(raws),
        np.frombuffer(claim_source, dtype=np.int64),
        np.frombuffer(claim_raw, dtype=np.int64),
    )


@dataclass
class _Order:
    """The canonical order: sources and items sorted by name. Nothing after it depends on the
    order the claims came in."""

    source_rank: Ints
    """Each source's place in the canonical order, by its number as met."""
    source_names: list[str]
    item_rank: Ints
    items: list[tuple[str, str]]


def _canonical_order(coded: _Coded) -> _Order:
    source_rank, source_names = _ranks(coded.sources)
    item_rank, items = _ranks(coded.items)
    return _Order(source_rank, source_names, item_rank, items)


def _ranks[K: (str, tuple[str, str])](keys: list[K]) -> tuple[Ints, list[K]]:
    """Each key's position in sorted order, and the sorted keys."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys))
    return rank, [keys[k] for k in order]


def _item_types(
    coded: _Coded, order: _Order, value_types: Mapping[str, ValueType | str]
) -> list[ValueType]:
    """Each item's value type, in canonical item order: its attribute's."""
    types = _attribute_types(coded.items, coded.raws, value_types)
    return [types[a] for _, a in order.items]


def _attribute_types(
    item_keys: list[tuple[str, str]],
    raw_keys: list[tuple[int, str]],
    value_types: Mapping[str, ValueType | str],
) -> dict[str, ValueType]:
    """The type the caller names, else the one the attribute's name implies, else its values'."""
    types: dict[str, ValueType] = {}
    undecided: set[str] = set()
    for attribute in {a for _, a in item_keys}:
        given = value_types.get(attribute)
        if given is not None:
            types[attribute] = VALUE_TYPES[given] if isinstance(given, str) else given
        elif (by_name := type_for_name(attribute)) is not None:
            types[attribute] = by_name
        else:
            undecided.add(attribute)
    if undecided:
        values: dict[str, set[str]] = {a: set() for a in undecided}
        for item, value in raw_keys:
            attribute = item_keys[item][1]
            if attribute in values:
                values[attribute].add(value)
        for attribute, seen in values.items():
            types[attribute] = type_for_values(seen)
    return types


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


def _facts(coded: _Coded, order: _Order, item_types: list[ValueType]) -> _Facts:
    """Normal forms, then facts: values with equal normal forms are one and the same fact."""
    normal: dict[tuple[int, str], str] = {}
    raw_fact_keys: list[tuple[int, str]] = []
    for item, value in coded.raws:
        rank = int(order.item_rank[item])
        vtype = item_types[rank]
        cache_key = (id(vtype), value)
        key = normal.get(cache_key)
        if key is None:
            key = normal[cache_key] = vtype.normalise(value)
        raw_fact_keys.append((rank, key))
    distinct = list(set(raw_fact_keys))
    distinct.sort(key=lambda fk: (fk[0], item_types[fk[0]].order(fk[1])))
    fact_index = {fk: f for f, fk in enumerate(distinct)}
    return _Facts(
        item=np.fromiter((fk[0] for fk in distinct), dtype=np.int64, count=len(distinct)),
        keys=[fk[1] for fk in distinct],
        of_raw=np.fromiter(
            (fact_index[fk] for fk in raw_fact_keys), dtype=np.int64, count=len(raw_fact_keys)
        ),
    )


def _spellings(coded: _Coded, claim_source: Ints, facts: _Facts) -> list[str]:
    """The spelling shown for each fact: its most claimed raw value, ties to the smallest string.

    ``claim_source`` is each claim's source in canonical numbers.
    """
    n_raws = len(coded.raws)
    distinct_raw_claims = np.unique(claim_source * n_raws + coded.claim_raw) % n_raws
    raw_count = np.bincount(distinct_raw_claims, minlength=n_raws).tolist()
    shown: dict[int, tuple[int, str]] = {}
    for r, ((_, value), f) in enumerate(zip(coded.raws, facts.of_raw.tolist(), strict=True)):
        current = shown.get(f)
        if current is None or (-raw_count[r], value) < current:
            shown[f] = (-raw_count[r], value)
    return [shown[f][1] for f in range(len(facts))]


def _graph(
    coded: _Coded,
    claim_source: Ints,
    facts: _Facts,
    item_types: list[ValueType],
    p: Parameters,
) -> Graph:
    """Who states what: the distinct ``(source, fact)`` claims, sorted by fact (hence by item)
    then source, with the implications between the facts of each item, computed once."""
    n_sources, n_facts = len(coded.sources), len(facts)
    pairs = np.unique(facts.of_raw[coded.claim_raw] * n_sources + claim_source)
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
        confidence = score if calibration is None else calibration.apply(score, graph.disputed())
        return chosen, confidence, trust, iterations, calibration
    if p.method == "accu":
        confidence, trust, iterations = accu(graph, copying, p, fixed)
        return graph.choose(confidence), confidence, trust, iterations, None
    if fixed is not None:
        raise ValueError(f"{p.method} cannot hold the trust fixed; truthfinder and accu can")
    log_belief, trust, iterations = fact_finder(graph, copying, p)
    return graph.choose(log_belief), graph.shares(log_belief), trust, iterations, None
