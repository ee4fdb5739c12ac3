"""The engine's confidence as a probability: the map learnt from held-out claims."""

import numpy as np
import pytest

from catalog.consensus import Calibration, ExactType, Parameters, calibration, discover
from catalog.consensus.calibration import Bins, _rising

EXACT = {"fact": ExactType()}


def world(seed: int, items: int = 600) -> tuple[list[tuple[str, str, str, str]], dict[str, str]]:
    """Five sources of accuracy 0.9 down to 0.5, three of them on each item, erring at random
    among many wrong values; and each item's true value."""
    rng = np.random.default_rng(seed)
    accuracy = [0.9, 0.8, 0.7, 0.6, 0.5]
    claims, truth = [], {}
    for i in range(items):
        truth[f"item {i}"] = "right"
        for s in rng.choice(5, size=3, replace=False).tolist():
            right = rng.random() < accuracy[s]
            value = "right" if right else f"wrong {rng.integers(0, 1000)}"
            claims.append((f"source {s}", f"item {i}", "fact", value))
    return claims, truth


def expected_calibration_error(confidence: np.ndarray, right: np.ndarray) -> float:
    bins = np.minimum((confidence * 10).astype(int), 9)
    return sum(
        abs(confidence[bins == b].mean() - right[bins == b].mean()) * (bins == b).sum()
        for b in np.unique(bins)
    ) / len(confidence)


def gold_figures(parameters: Parameters, seed: int) -> tuple[float, float]:
    claims, truth = world(seed)
    found = discover(claims, value_types=EXACT, parameters=parameters).values
    confidence = np.array([found[(o, "fact")].confidence for o in truth])
    right = np.array([found[(o, "fact")].value == v for o, v in truth.items()], dtype=float)
    return expected_calibration_error(confidence, right), float(((confidence - right) ** 2).mean())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_calibrated_confidence_is_nearer_the_share_of_values_that_are_right(seed):
    raw_ece, raw_brier = gold_figures(Parameters(calibrate=False), seed)
    ece, brier = gold_figures(Parameters(), seed)

    assert ece < raw_ece
    assert brier < raw_brier


def test_the_maps_rise_with_the_score_and_say_what_they_were_learnt_from():
    claims, _ = world(seed=3)
    calibration = discover(claims, value_types=EXACT).calibration

    assert calibration is not None
    for bins in (calibration.disputed, calibration.undisputed):
        assert list(bins.probabilities) == sorted(bins.probabilities)
        assert list(bins.scores) == sorted(bins.scores)
        assert all(0 <= p <= 1 for p in bins.probabilities)
        assert bins.held_out > 100
    assert calibration.held_out == calibration.disputed.held_out + calibration.undisputed.held_out


def test_a_value_no_source_contradicts_is_more_likely_right_than_a_disputed_one():
    claims, truth = world(seed=5)
    found = discover(claims, value_types=EXACT).values
    stated: dict[str, set[str]] = {}
    for _, obj, _, value in claims:
        stated.setdefault(obj, set()).add(value)
    agreed = [found[(o, "fact")].confidence for o in truth if len(stated[o]) == 1]
    disputed = [found[(o, "fact")].confidence for o in truth if len(stated[o]) > 1]

    assert min(agreed) > 0.9 > max(disputed)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_disputed_values_are_given_about_the_share_of_them_that_is_right(seed):
    # Dividing held-out agreement by the accuracy of every contested claim made these values
    # 0.13 or more less likely than they are: claims where sources disagree are less accurate.
    claims, truth = world(seed, items=1500)
    found = discover(claims, value_types=EXACT).values
    stated: dict[str, set[str]] = {}
    for _, obj, _, value in claims:
        stated.setdefault(obj, set()).add(value)
    disputed = [found[(o, "fact")] for o in truth if len(stated[o]) > 1]
    confidence = np.mean([value.confidence for value in disputed])
    right = np.mean([value.value == "right" for value in disputed])

    assert abs(confidence - right) < 0.08


def test_the_values_of_an_item_share_one_probability_and_the_chosen_one_keeps_its_map():
    claims, truth = world(seed=4)
    claims += [("source 9", "item 0", "fact", "wrong 9999")]
    result = discover(claims, value_types=EXACT)
    scores = discover(claims, value_types=EXACT, parameters=Parameters(calibrate=False))
    assert result.calibration is not None
    stated: dict[str, set[str]] = {}
    for _, obj, _, value in claims:
        stated.setdefault(obj, set()).add(value)

    for obj in truth:
        (value, confidence), *others = result.candidates(obj, "fact")
        score = scores.values[(obj, "fact")]
        assert value == score.value
        mapped = result.calibration.apply(np.array([score.confidence]), len(stated[obj]) > 1)
        assert confidence == pytest.approx(float(mapped[0]))
        assert all(c <= confidence for _, c in others)
        if others:  # a value stated alone keeps its own probability, which may be below 1
            assert confidence + sum(c for _, c in others) == pytest.approx(1.0)
    # The values losing, one of them added here, share what the chosen one leaves.
    assert len(result.candidates("item 0", "fact")) >= 3


def test_a_losing_value_is_never_likelier_than_the_chosen_one():
    claims, _ = world(seed=4)
    learnt = discover(claims, value_types=EXACT)
    unlikely = Bins((0.0,), (0.3,), 100)  # a map that gives every chosen value 0.3
    some = [claim for claim in claims if claim[1] in ("item 1", "item 2", "item 3")]
    found = discover(
        some,
        value_types=EXACT,
        trust={name: s.trust for name, s in learnt.sources.items()},
        calibration=Calibration(unlikely, unlikely),
    )

    for obj in ("item 1", "item 2", "item 3"):
        (_, chosen), *others = found.candidates(obj, "fact")
        assert chosen == pytest.approx(0.3)
        assert all(c <= chosen for _, c in others)


def test_too_few_contested_claims_leave_the_scores_as_they_are():
    claims = [("A", "o", "fact", "x"), ("B", "o", "fact", "y"), ("C", "p", "fact", "z")]
    result = discover(claims, value_types=EXACT)
    raw = discover(claims, value_types=EXACT, parameters=Parameters(calibrate=False))

    assert result.calibration is None
    assert result.values == raw.values


def test_a_score_takes_its_bins_probability_and_the_ends_hold():
    bins = Bins(scores=(0.5, 0.6, 0.8), probabilities=(0.2, 0.5, 0.9), held_out=99)

    assert bins.apply(np.array([0.1, 0.5, 0.59, 0.6, 0.79, 0.95])).tolist() == [
        0.2, 0.2, 0.2, 0.5, 0.5, 0.9,
    ]  # fmt: skip


def test_a_score_is_mapped_by_whether_its_item_is_disputed():
    calibration = Calibration(
        disputed=Bins((0.0,), (0.3,), held_out=40), undisputed=Bins((0.0,), (0.9,), held_out=40)
    )

    assert calibration.apply(np.array([0.6, 0.6]), np.array([True, False])).tolist() == [0.3, 0.9]


def test_a_calibration_survives_being_stored_as_json():
    calibration = Calibration(Bins((0.5, 0.7), (0.4, 0.8), 12), Bins((0.5,), (0.9,), 30))

    assert Calibration.from_dict(calibration.as_dict()) == calibration


GOOD = {"scores": [0.5], "probabilities": [0.5], "held_out": 40}


@pytest.mark.parametrize(
    "stored",
    [
        {},
        {"disputed": GOOD},
        {"disputed": GOOD, "undisputed": {"scores": [], "probabilities": []}},
        {"disputed": GOOD, "undisputed": {"scores": [0.5], "probabilities": [0.1, 0.2]}},
        {"disputed": GOOD, "undisputed": [0.5]},
        {"disputed": GOOD, "undisputed": {"scores": [None], "probabilities": [0.5]}},
        None,
        "junk",
    ],
)
def test_a_malformed_stored_calibration_is_refused(stored):
    with pytest.raises(ValueError):
        Calibration.from_dict(stored)


def test_pool_adjacent_violators_gives_the_closest_rising_sequence():
    assert _rising([0.2, 0.6, 0.4, 0.9], [1, 1, 1, 1]) == pytest.approx([0.2, 0.5, 0.5, 0.9])
    assert _rising([0.8, 0.2], [3, 1]) == pytest.approx([0.65, 0.65])


def test_an_item_holding_a_set_is_not_learnt_from_and_its_agreed_values_stay_likely():
    claims, _ = world(seed=5)
    sets = [
        (f"source {s}", f"film {i}", "fact", name)
        for i in range(50)
        for s in (0, 1)
        for name in ("Joe Dante", "John Landis")
    ]
    alone = discover(claims, value_types=EXACT)
    both = discover(claims + sets, value_types=EXACT)

    assert both.calibration is not None and alone.calibration is not None
    assert both.calibration.held_out == alone.calibration.held_out
    assert both.confidence("film 3", "fact", "John Landis") > 0.9
    assert both.confidence("film 3", "fact", "Joe Dante") > 0.9


def test_rounds_stop_once_enough_claims_are_held_out(monkeypatch):
    claims, _ = world(seed=5, items=600)
    every = discover(claims, value_types=EXACT).calibration
    monkeypatch.setattr(calibration, "MAX_HELD_OUT", 1)
    one_round = discover(claims, value_types=EXACT).calibration

    assert every is not None and one_round is not None
    # Each item's three claims in three rounds, or one of each drawn at random; the maps learn
    # from all of them but those that state none of the values of the others where these differ.
    assert 1200 < every.held_out <= 3 * 600
    assert abs(one_round.held_out - every.held_out / 3) < 40
