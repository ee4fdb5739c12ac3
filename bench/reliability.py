"""How far a method's confidences are probabilities: calibration error, Brier score, the diagram.

A confidence ``c`` given to a chosen value is right if values given ``c`` are right a share ``c``
of the time. The expected calibration error (ECE) puts the values in 10 equal bins of confidence
and averages, weighted by the bins' sizes, the gap between a bin's mean confidence and its share
of right values; the Brier score is the mean of ``(confidence - right)^2``. The reliability
diagram draws each bin's share of right values against its mean confidence.
"""

from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen: draw to a file

import matplotlib.pyplot as plt
import numpy as np

BINS = 10


@dataclass(frozen=True)
class Reliability:
    """One method's confidences for its chosen values, and whether each value was right."""

    name: str
    confidence: np.ndarray
    right: np.ndarray

    @classmethod
    def of(cls, name: str, pairs: list[tuple[float, bool]]) -> "Reliability":
        confidence, right = zip(*pairs, strict=True) if pairs else ((), ())
        return cls(name, np.array(confidence, dtype=float), np.array(right, dtype=float))

    def bins(self) -> list[tuple[float, float, int]]:
        """Each non-empty bin's mean confidence, share of right values and size."""
        which = np.minimum((self.confidence * BINS).astype(int), BINS - 1)
        return [
            (
                float(self.confidence[which == b].mean()),
                float(self.right[which == b].mean()),
                int((which == b).sum()),
            )
            for b in range(BINS)
            if (which == b).any()
        ]

    def expected_calibration_error(self) -> float:
        total = len(self.confidence)
        return sum(abs(c - r) * n for c, r, n in self.bins()) / total if total else 0.0

    def brier(self) -> float:
        return float(((self.confidence - self.right) ** 2).mean()) if len(self.right) else 0.0


def draw(path: Path, methods: list[Reliability], title: str) -> None:
    """The reliability diagram of ``methods`` as a PNG: a dot per bin, sized by its count."""
    figure, axes = plt.subplots(figsize=(5.5, 5.5), dpi=100)
    axes.plot([0, 1], [0, 1], color="0.6", linestyle="--", label="a probability")
    for method, marker in zip(methods, "osD^v", strict=False):
        confidence, right, sizes = zip(*method.bins(), strict=True)
        label = f"{method.name} (ECE {method.expected_calibration_error():.3f})"
        axes.plot(confidence, right, marker=marker, label=label)
        axes.scatter(confidence, right, s=[8 + n for n in sizes], alpha=0.3)
    axes.set(
        xlim=(0, 1),
        ylim=(0, 1),
        xlabel="confidence given (mean of the bin)",
        ylabel="share of the values that are right",
        title=title,
    )
    axes.legend(loc="upper left", fontsize="small")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
