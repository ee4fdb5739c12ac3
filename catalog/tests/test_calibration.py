"""The engine's confidence as a probability: the map learnt from held-out claims."""

import numpy as np
import pytest

from catalog.consensus import Calibration, ExactType, Parameters, discover
from catalog.consensus.calibration import _rising

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
            value = "right" if right else f"wrong {rng.integers(0, 4)}"
            claims.append((f"source {s}", f"item {i}", "fact", value))
    return claims, truth


def expected_calibration_error(confidence: np.ndarray, right: np.ndarray) -> float:
    bins = np.minimum((confidence * 10).astype(int), 9)
    return sum(
        abs(confidence[bins == b].mean() - right[bins == b].mean()) * (bins == b).sum()
        for b in np.unique(bins)
    ) / len(confidence)


def gold_figures(parameters: Parameters) -> tuple[float, float]:
    claims, truth = world(seed=7)
    found = discover(claims, value_types=EXACT, parameters=parameters).values
    confidence = np.array([found[(o, "fact")].confidence for o in truth])
    right = np.array([found[(o, "fact")].value == v for o, v in truth.items()], dtype=float)
    return expected_calibration_error(confidence, right), float(((confidence - right) ** 2).mean())


def test_calibrated_confidence_is_nearer_the_share_of_values_that_are_right():
    raw_ece, raw_brier = gold_figures(Parameters(calibrate=False))
    ece, brier = gold_figures(Parameters())

    assert ece < raw_ece / 2
    assert brier < raw_brier


def test_the_map_rises_with_the_score_and_says_what_it_was_learnt_from():
    claims, _ = world(seed=3)
    calibration = discover(claims, value_types=EXACT).calibration

    assert calibration is not None
    assert list(calibration.probabilities) == sorted(calibration.probabilities)
    assert list(calibration.scores) == sorted(calibration.scores)
    assert all(0 <= p <= 1 for p in calibration.probabilities)
    assert calibration.held_out > 100


def test_too_few_contested_claims_leave_the_scores_as_they_are():
    claims = [("A", "o", "fact", "x"), ("B", "o", "fact", "y"), ("C", "p", "fact", "z")]
    result = discover(claims, value_types=EXACT)
    raw = discover(claims, value_types=EXACT, parameters=Parameters(calibrate=False))

    assert result.calibration is None
    assert result.values == raw.values


def test_a_score_takes_its_bins_probability_and_the_ends_hold():
    calibration = Calibration(scores=(0.5, 0.6, 0.8), probabilities=(0.2, 0.5, 0.9), held_out=99)

    assert calibration.apply(np.array([0.1, 0.5, 0.59, 0.6, 0.79, 0.95])).tolist() == [
        0.2, 0.2, 0.2, 0.5, 0.5, 0.9,
    ]  # fmt: skip


def test_a_calibration_survives_being_stored_as_json():
    calibration = Calibration(scores=(0.5, 0.7), probabilities=(0.4, 0.8), held_out=12)

    assert Calibration.from_dict(calibration.as_dict()) == calibration


@pytest.mark.parametrize(
    "stored",
    [{}, {"scores": [], "probabilities": []}, {"scores": [0.5], "probabilities": [0.1, 0.2]}],
)
def test_a_malformed_stored_calibration_is_refused(stored):
    with pytest.raises(ValueError):
        Calibration.from_dict(stored)


def test_pool_adjacent_violators_gives_the_closest_rising_sequence():
    assert _rising([0.2, 0.6, 0.4, 0.9], [1, 1, 1, 1]) == pytest.approx([0.2, 0.5, 0.5, 0.9])
    assert _rising([0.8, 0.2], [3, 1]) == pytest.approx([0.65, 0.65])
