"""Cross-validation without gold: how well a design predicts claims it did not see.

The designs of the consensus engine (methods, their priors, copy detection) are compared here, not
on a gold file. Each round holds out one claim, drawn at random, of every *contested* item (at
least three sources and two distinct values), solves on the other claims, and scores the held-out
claims whose item still has two or more values among the claims kept and whose value is one of
them (elsewhere every design predicts alike). With ``min_claims``, only claims of sources of at
least that many claims are held out: fewer judges, but less noisy ones.

- *agreement*: the share of held-out claims whose value is the one the design chooses;
- *log-likelihood*: the mean log of the held-out value's share of its item's confidences
  (at least 1e-6), the confidences of every design turned into a distribution the same way.

A held-out claim is the word of one more source, right or wrong: a design that finds more true
values agrees with it more often, as long as its errors are not the ones the held-out source
makes too. The rounds are seeded and shared by every design, so two designs differ only by what
they do with the same claims.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from catalog import consensus

Item = tuple[str, str]
Solver = Callable[[list[consensus.Statement]], consensus.Result]
"""A design: from the claims kept to what it finds."""


@dataclass(frozen=True)
class Fold:
    """The claims a design solves on, and the held-out claims it is scored on."""

    kept: list[consensus.Statement]
    held_out: list[consensus.Statement]


@dataclass(frozen=True)
class Score:
    """A design's mean scores over the rounds, and the number of held-out claims scored."""

    agreement: float
    log_likelihood: float
    scored: int


def folds(
    claims: Sequence[consensus.Statement],
    types: Mapping[str, consensus.ValueType],
    *,
    rounds: int = 5,
    min_claims: int = 1,
    seed: int = 2009,
) -> list[Fold]:
    """``rounds`` random hold-outs, drawn with ``seed``: one claim of every contested item each,
    by a source of at least ``min_claims`` claims."""
    by_item: dict[Item, list[int]] = defaultdict(list)
    per_source: dict[str, int] = defaultdict(int)
    for k, (source, obj, attribute, _) in enumerate(claims):
        by_item[(obj, attribute)].append(k)
        per_source[source] += 1
    contested = []
    for (_, attribute), ks in sorted(by_item.items()):
        vtype = types[attribute]
        judges = [k for k in ks if per_source[claims[k][0]] >= min_claims]
        if (
            judges
            and len({claims[k][0] for k in ks}) >= 3
            and len({vtype.normalise(claims[k][3]) for k in ks}) >= 2
        ):
            contested.append(judges)
    rng = random.Random(seed)
    found = []
    for _ in range(rounds):
        out = {rng.choice(ks) for ks in contested}
        found.append(
            Fold(
                kept=[c for k, c in enumerate(claims) if k not in out],
                held_out=[claims[k] for k in sorted(out)],
            )
        )
    return found


def evaluate(
    result: consensus.Result, fold: Fold, types: Mapping[str, consensus.ValueType]
) -> tuple[int, int, float]:
    """Held-out claims scored, how many the chosen values agree with, and their log-likelihood."""
    scored = agreeing = 0
    log_likelihood = 0.0
    for _, obj, attribute, value in fold.held_out:
        candidates = result.candidates(obj, attribute)
        if len(candidates) < 2:
            continue
        vtype = types[attribute]
        key = vtype.normalise(value)
        confidence = result.confidence(obj, attribute, value)
        if confidence is None:
            continue
        scored += 1
        agreeing += result.values[(obj, attribute)].normalised == key
        total = sum(c for _, c in candidates)
        share = confidence / total if total > 0 else 1 / len(candidates)
        log_likelihood += math.log(max(share, 1e-6))
    return scored, agreeing, log_likelihood


def engine(types: Mapping[str, consensus.ValueType], parameters: consensus.Parameters) -> Solver:
    """The engine with ``parameters`` as a design."""
    return lambda kept: consensus.discover(kept, value_types=types, parameters=parameters)


def majority(types: Mapping[str, consensus.ValueType]) -> Solver:
    """Majority vote as a design: the engine with every source's trust the same, held fixed (a
    value's confidence then grows with the number of its sources; ties as the engine's)."""
    return lambda kept: consensus.discover(kept, value_types=types, trust={})


def cross_validate(
    fold_list: Sequence[Fold], solve: Solver, types: Mapping[str, consensus.ValueType]
) -> Score:
    """A design's agreement and log-likelihood on the held-out claims of every fold."""
    scored = agreeing = 0
    log_likelihood = 0.0
    for fold in fold_list:
        result = solve(fold.kept)
        n, a, ll = evaluate(result, fold, types)
        scored, agreeing, log_likelihood = scored + n, agreeing + a, log_likelihood + ll
    if not scored:
        return Score(0.0, 0.0, 0)
    return Score(agreeing / scored, log_likelihood / scored, scored)
