"""A solve of a few objects with the trust held fixed: the values the full solve found, its
copiers discounted as it did them."""

import json

import pytest

from catalog.consensus import CopyEvidence, Parameters, Statement, discover
from catalog.tests.consensus_claims import EXACT, history

COPIERS = ("Copier 1", "Copier 2")


def copied_world() -> list[Statement]:
    """Three independent sources right on 20 objects; two copiers who repeat each other's
    mistakes on half of them; and one object where the copiers outnumber a reliable source."""
    claims = []
    for i in range(20):
        claims += [(source, f"object {i}", "fact", f"right {i}") for source in "ADE"]
        copied = f"copied mistake {i}" if i % 2 == 0 else f"right {i}"
        claims += [(copier, f"object {i}", "fact", copied) for copier in COPIERS]
    claims += [("A", "contested", "fact", "x")]
    claims += [(copier, "contested", "fact", "y") for copier in COPIERS]
    return claims


def some(claims: list[Statement], *objects: str) -> list[Statement]:
    return [claim for claim in claims if claim[1] in objects]


@pytest.mark.parametrize("method", ["truthfinder", "accu"])
def test_a_solve_of_some_objects_discounts_the_copiers_as_the_full_solve_did(method):
    claims = copied_world()
    parameters = Parameters(method=method)
    full = discover(claims, value_types=EXACT, parameters=parameters)
    trust = {name: score.trust for name, score in full.sources.items()}
    assert full.copies is not None and set(full.copies.pairs) == {COPIERS}

    own = discover(
        some(claims, "contested", "object 4", "object 5"),
        value_types=EXACT,
        parameters=parameters,
        trust=trust,
        calibration=full.calibration,
        copies=full.copies,
    )

    for key in [("contested", "fact"), ("object 4", "fact"), ("object 5", "fact")]:
        assert own.values[key].value == full.values[key].value
        assert own.values[key].confidence == pytest.approx(full.values[key].confidence)
    assert {(d.source, d.other) for d in own.dependences} == {COPIERS}


def test_without_the_copy_evidence_the_copiers_outvote_the_reliable_source():
    claims = copied_world()
    full = discover(claims, value_types=EXACT)
    trust = {name: score.trust for name, score in full.sources.items()}

    bare = discover(some(claims, "contested"), value_types=EXACT, trust=trust)

    assert full.values[("contested", "fact")].value == "x"
    assert bare.values[("contested", "fact")].value == "y"
    assert bare.copies is None


def test_a_pair_the_evidence_does_not_name_is_never_discounted():
    # On these objects alone B and C share four mistakes: copiers, had they been all the claims.
    claims = [(source, f"o{i}", "fact", "right") for i in range(4) for source in "ADE"]
    claims += [(source, f"o{i}", "fact", "wrong") for i in range(4) for source in "BC"]
    alone = discover(claims, value_types=EXACT)
    assert alone.copies is not None and ("B", "C") in alone.copies.pairs
    trust = dict.fromkeys("ABCDE", 0.7)
    evidence = CopyEvidence(accuracy={"D": 0.9, "E": 0.9}, pairs={("D", "E"): (0.0, -1.0, -1.0)})

    held = discover(claims, value_types=EXACT, trust=trust, copies=evidence)

    assert held.dependences == []
    bare = discover(claims, value_types=EXACT, trust=trust)
    assert held.candidates("o0", "fact") == bare.candidates("o0", "fact")


def test_the_copy_evidence_survives_json():
    evidence = discover(copied_world(), value_types=EXACT).copies
    assert evidence is not None

    stored = json.loads(json.dumps(evidence.as_dict()))

    assert CopyEvidence.from_dict(stored) == evidence


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "junk",
        {"accuracy": {"A": 0.5}},
        {"accuracy": {"A": "high"}, "pairs": []},
        {"accuracy": {}, "pairs": [["A", "B", 0.0]]},
        {"accuracy": {}, "pairs": [["A", "B", 0.0, "x", 1.0]]},
    ],
)
def test_copy_evidence_that_cannot_be_read_is_refused(stored):
    with pytest.raises(ValueError, match="copy evidence"):
        CopyEvidence.from_dict(stored)


@pytest.mark.parametrize("method", ["truthfinder", "accu"])
def test_a_solve_of_some_objects_with_the_learnt_trust_finds_what_the_full_solve_found(method):
    claims = history(["A", "D"], B=set(range(8)), C=set(range(5, 15)))
    claims += [("A", "contested", "fact", "x"), ("B", "contested", "fact", "y")]
    parameters = Parameters(method=method, detect_copying=False)
    full = discover(claims, value_types=EXACT, parameters=parameters)
    learnt = {name: score.trust for name, score in full.sources.items()}
    some = [claim for claim in claims if claim[1] in ("contested", "object 6")]

    own = discover(
        some, value_types=EXACT, parameters=parameters, trust=learnt, calibration=full.calibration
    )

    for key in [("contested", "fact"), ("object 6", "fact")]:
        assert own.values[key].value == full.values[key].value
        assert own.values[key].confidence == pytest.approx(full.values[key].confidence)
    assert {name: score.trust for name, score in own.sources.items()} == {
        name: learnt[name] for name in own.sources
    }


@pytest.mark.parametrize("method", ["truthfinder", "accu"])
def test_a_source_the_trust_does_not_name_starts_from_the_initial_trust(method):
    claims = [("A", "o", "fact", "x"), ("New", "o", "fact", "y")]
    parameters = Parameters(method=method)

    result = discover(claims, value_types=EXACT, parameters=parameters, trust={"A": 0.99})

    assert result.sources["New"].trust == parameters.starting_trust
    assert parameters.starting_trust == (0.8 if method == "accu" else 0.9)
    assert result.values[("o", "fact")].value == "x"


def test_only_truthfinder_and_accu_hold_the_trust_fixed():
    with pytest.raises(ValueError, match="cannot hold the trust fixed"):
        discover([("A", "o", "fact", "x")], trust={"A": 0.5}, parameters=Parameters(method="sums"))
