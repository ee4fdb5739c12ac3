"""The truth-discovery engine (plain pytest, no database): its methods, types and determinism."""

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog import consensus
from catalog.consensus import METHODS, Parameters, discover
from catalog.tests.consensus_claims import EXACT, history


def test_a_reliable_source_outvotes_two_unreliable_ones():
    often = set(range(14))
    claims = history(["A", "D", "E"], B=often, C=set(range(6, 20)))
    claims += [("A", "contested", "fact", "x"), ("B", "contested", "fact", "y")]
    claims += [("C", "contested", "fact", "y")]

    result = discover(claims, value_types=EXACT)

    assert result.values[("contested", "fact")].value == "x"
    assert result.sources["A"].trust > result.sources["B"].trust
    assert result.sources["A"].agreeing == result.sources["A"].claims == 21
    assert result.sources["B"].agreeing == 6
    # Majority vote would have said y.
    assert result.candidates("contested", "fact")[0][0] == "x"


def test_two_sources_copying_each_other_do_not_outvote_an_independent_one():
    claims = []
    for i in range(20):
        for source in ("A", "D", "E"):
            claims.append((source, f"object {i}", "fact", f"right {i}"))
        # The copiers repeat each other's mistakes on half of the objects.
        copied = f"copied mistake {i}" if i % 2 == 0 else f"right {i}"
        claims += [(c, f"object {i}", "fact", copied) for c in ("Copier 1", "Copier 2")]
    claims += [("A", "contested", "fact", "x")]
    claims += [(c, "contested", "fact", "y") for c in ("Copier 1", "Copier 2")]

    result = discover(claims, value_types=EXACT)

    assert result.values[("contested", "fact")].value == "x"
    pairs = {(d.source, d.other) for d in result.dependences}
    assert ("Copier 1", "Copier 2") in pairs
    assert not any("A" in pair for pair in pairs)
    # Counted as two independent votes, the copiers would have won.
    naive = discover(claims, value_types=EXACT, parameters=Parameters(detect_copying=False))
    assert naive.values[("contested", "fact")].value == "y"


@pytest.mark.parametrize("method", ["truthfinder", "accu"])
def test_similar_spellings_support_each_other(method):
    claims = [
        ("A", "Red Hot", "actor", "Armin Mueller-Stahl"),
        ("B", "Red Hot", "actor", "Armin Mueller-Stall"),
        ("C", "Red Hot", "actor", "Balthazar Getty"),
    ]
    result = discover(claims, parameters=Parameters(method=method))

    assert result.values[("Red Hot", "actor")].value in {
        "Armin Mueller-Stahl",
        "Armin Mueller-Stall",
    }
    stahl = result.confidence("Red Hot", "actor", "Armin Mueller-Stahl")
    getty = result.confidence("Red Hot", "actor", "Balthazar Getty")
    assert stahl is not None and getty is not None
    assert stahl > getty


def test_accents_and_case_make_one_value():
    claims = [
        ("A", "Red Hot", "cast", "George De La Pena"),
        ("B", "Red Hot", "cast", "George de la Peña"),
        ("C", "Red Hot", "cast", "Carla Gugino"),
    ]
    result = discover(claims)

    assert result.values[("Red Hot", "cast")].normalised == "george de la pena"
    assert len(result.candidates("Red Hot", "cast")) == 2


def test_durations_in_any_form_agree():
    claims = [
        ("A", "Red Hot", "runtime", "1 hr 35 min"),
        ("B", "Red Hot", "runtime", "95"),
        ("C", "Red Hot", "runtime", "2 hr"),
    ]
    result = discover(claims)

    verdict = result.values[("Red Hot", "runtime")]
    assert verdict.normalised == "95"
    assert verdict.value in {"1 hr 35 min", "95"}
    assert verdict.value_type == "duration"
    assert result.confidence("Red Hot", "runtime", "95 min") == verdict.confidence


def test_certificates_years_and_numbers():
    claims = [
        ("A", "Red Hot", "certificate", "Rated PG"),
        ("B", "Red Hot", "certificate", "PG"),
        ("C", "Red Hot", "certificate", "R"),
        ("A", "Red Hot", "year", "1993"),
        ("B", "Red Hot", "year", "Released: 1993"),
        ("C", "Red Hot", "year", "1995"),
    ]
    result = discover(claims)

    assert result.values[("Red Hot", "certificate")].normalised == "PG"
    assert result.values[("Red Hot", "year")].normalised == "1993"
    number = consensus.VALUE_TYPES["number"]
    close, far = number.similarity(["741329", "741329"], ["742884", "1000000"])
    assert close > Parameters().base_similarity > far


def test_near_numbers_are_different_claims_unless_asked():
    claims = [
        ("A", "amsterdam", "population", "741329"),
        ("B", "amsterdam", "population", "742884"),
        ("C", "amsterdam", "population", "900000"),
    ]
    result = discover(claims)
    assert result.confidence("amsterdam", "population", "741329") == pytest.approx(
        result.confidence("amsterdam", "population", "900000")
    )

    near = discover(claims, parameters=Parameters(similar_numbers=True))
    far = near.confidence("amsterdam", "population", "900000")
    assert near.confidence("amsterdam", "population", "741329") > far
    assert near.confidence("amsterdam", "population", "742884") > far


@pytest.mark.parametrize("method", METHODS)
def test_every_method_trusts_the_reliable_source(method):
    claims = history(["A", "D", "E"], B=set(range(14)), C=set(range(6, 20)))
    claims += [("A", "contested", "fact", "x"), ("B", "contested", "fact", "y")]
    claims += [("C", "contested", "fact", "y")]

    result = discover(claims, value_types=EXACT, parameters=Parameters(method=method))

    assert result.values[("contested", "fact")].value == "x"
    assert result.sources["A"].trust > result.sources["B"].trust
    assert result.sources["B"].agreeing == 6
    for _value, confidence in result.candidates("contested", "fact"):
        assert 0 <= confidence <= 1


def _fact_finder_by_matrices(claims, method, iterations):
    """Pasternack & Roth's update rules written plainly with a source x fact matrix."""
    sources = sorted({s for s, _, _, _ in claims})
    facts = sorted({(o, v) for _, o, _, v in claims})
    said = np.zeros((len(sources), len(facts)))
    for s, o, _, v in claims:
        said[sources.index(s), facts.index((o, v))] = 1
    same_item = np.array([[float(f[0] == g[0]) for g in facts] for f in facts])
    count = said.sum(axis=1)
    trust = np.ones(len(sources))
    belief = said.sum(axis=0) / (same_item @ said.sum(axis=0))  # the voting prior
    for _ in range(iterations):
        if method == "sums":
            trust = said @ belief
            belief = said.T @ trust
        elif method == "average_log":
            trust = np.log(count) / count * (said @ belief)
            belief = said.T @ trust
        else:
            invested = trust / count
            trust = invested * ((said / (said.T @ invested)) @ belief)
            pooled = said.T @ (trust / count)
            if method == "investment":
                belief = pooled**1.2
            else:
                grown = pooled**1.4
                belief = pooled * grown / (same_item @ grown)
        trust, belief = trust / trust.max(), belief / belief.max()
    return dict(zip(sources, trust, strict=True)), {
        f: b / total for f, b, total in zip(facts, belief, same_item @ belief, strict=True)
    }


@pytest.mark.parametrize("method", ["sums", "average_log", "investment", "pooled_investment"])
def test_fact_finders_follow_the_published_updates(method):
    claims = [
        (f"s{s}", f"o{o}", "fact", f"v{(s * o + s + o) % 3}")
        for s in range(6)
        for o in range(8)
        if (s + 2 * o) % 3
    ]
    trust, share = _fact_finder_by_matrices(claims, method, iterations=6)

    result = discover(
        claims,
        value_types=EXACT,
        parameters=Parameters(method=method, iterations=6, detect_copying=False),
    )

    for source, expected in trust.items():
        assert result.sources[source].trust == pytest.approx(expected, rel=1e-9, abs=1e-12)
    for (obj, value), expected in share.items():
        assert result.confidence(obj, "fact", value) == pytest.approx(expected, abs=1e-9)


def test_an_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown method"):
        Parameters(method="pagerank")


def test_types_follow_the_attribute_name_then_the_values():
    assert consensus.type_for_name("population2006").name == "number"
    assert consensus.type_for_name("Runtime").name == "duration"
    assert consensus.type_for_name("director").name == "person"
    assert consensus.type_for_name("plot") is None
    assert consensus.type_for_values(["95 min", "1 hr 35 min", "95"]).name == "duration"
    assert consensus.type_for_values(["12", "1,234", "7"]).name == "number"
    assert consensus.type_for_values(["Paris", "Rome"]).name == "text"


def test_ties_go_to_the_smaller_value_whoever_states_it():
    for first, second in (("A", "B"), ("B", "A")):
        claims = [(first, "o", "population", "900"), (second, "o", "population", "1000")]
        assert discover(claims).values[("o", "population")].value == "900"


def test_no_claims():
    result = discover([])
    assert result.values == {} and result.sources == {}


claim_lists = st.lists(
    st.tuples(
        st.sampled_from(["s1", "s2", "s3", "s4", "s5"]),
        st.sampled_from(["o1", "o2", "o3"]),
        st.sampled_from(["year", "director", "population"]),
        st.sampled_from(["1993", "1995", "Paul Haggis", "Paul Hagis", "100", "101", "7000"]),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(claim_lists, st.randoms(use_true_random=False), st.sampled_from(METHODS))
def test_the_order_of_claims_does_not_matter(claims, rng, method):
    shuffled = list(claims)
    rng.shuffle(shuffled)
    parameters = Parameters(method=method)
    before, after = (
        discover(claims, parameters=parameters),
        discover(shuffled, parameters=parameters),
    )

    assert {k: v.value for k, v in before.values.items()} == {
        k: v.value for k, v in after.values.items()
    }
    for key, verdict in before.values.items():
        assert after.values[key].confidence == pytest.approx(verdict.confidence, abs=1e-9)
        assert 0 <= verdict.confidence <= 1
    for score in before.sources.values():
        assert 0 <= score.trust <= 1
        assert 0 <= score.agreeing <= score.claims


@settings(max_examples=60, deadline=None)
@given(claim_lists, st.permutations(["s1", "s2", "s3", "s4", "s5"]), st.sampled_from(METHODS))
def test_renaming_sources_does_not_change_values(claims, names, method):
    rename = dict(zip(["s1", "s2", "s3", "s4", "s5"], [f"z{n}" for n in names], strict=True))
    renamed = [(rename[s], o, a, v) for s, o, a, v in claims]
    parameters = Parameters(method=method)
    before, after = (
        discover(claims, parameters=parameters),
        discover(renamed, parameters=parameters),
    )

    assert {k: v.value for k, v in before.values.items()} == {
        k: v.value for k, v in after.values.items()
    }
    for source, score in before.sources.items():
        assert after.sources[rename[source]].trust == pytest.approx(score.trust, abs=1e-9)


def test_accu_gives_the_posterior_of_its_published_model():
    """Dong et al.: C(v) = sum of ln(n A / (1 - A)) over v's sources; P(v) = e^C(v) over the sum
    of e^C over the item's n + 1 values, those no source states (C = 0) included."""
    accuracy = {"A": 0.9, "B": 0.6, "C": 0.7}
    claims = [("A", "o", "fact", "x"), ("B", "o", "fact", "y"), ("C", "o", "fact", "y")]
    claims += [("B", "lone", "fact", "z")]

    result = discover(
        claims, value_types=EXACT, parameters=Parameters(method="accu"), trust=accuracy
    )

    def count(*sources: str) -> float:
        return sum(math.log(100 * accuracy[s] / (1 - accuracy[s])) for s in sources)

    total = math.exp(count("A")) + math.exp(count("B", "C")) + 99
    assert result.confidence("o", "fact", "x") == pytest.approx(math.exp(count("A")) / total)
    assert result.confidence("o", "fact", "y") == pytest.approx(math.exp(count("B", "C")) / total)
    assert result.values[("lone", "fact")].confidence == pytest.approx(0.6)  # B's accuracy


def test_accu_learns_each_accuracy_as_the_mean_posterior_of_its_values_with_a_prior():
    claims = history(["A", "D"], B=set(range(8)))
    claims += [("E", "object 3", "fact", "wrong 3 by E")]
    for strength in (0.0, 4.0):
        parameters = Parameters(method="accu", accuracy_prior=strength, detect_copying=False)
        result = discover(claims, value_types=EXACT, parameters=parameters)
        for source, score in result.sources.items():
            mine = [result.confidence(o, a, v) or 0.0 for s, o, a, v in set(claims) if s == source]
            expected = (sum(mine) + strength * 0.8) / (len(mine) + strength)
            assert score.trust == pytest.approx(expected, abs=1e-3)
        assert result.sources["A"].trust > max(result.sources[s].trust for s in "BE")


def test_truthfinder_can_smooth_the_trust_of_sources_of_few_claims():
    claims = history(["A", "D"], B=set(range(8)))
    claims += [("E", "object 3", "fact", "wrong 3 by E")]
    published = Parameters(method="truthfinder", detect_copying=False)
    plain = discover(claims, value_types=EXACT, parameters=published)
    smoothed = discover(claims, value_types=EXACT, parameters=replace(published, trust_prior=5))

    assert smoothed.sources["E"].trust > plain.sources["E"].trust
    assert smoothed.sources["E"].trust < Parameters().initial_trust
