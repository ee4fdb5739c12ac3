"""The engine's constants, and the methods it can run."""

from dataclasses import dataclass

METHODS = ("truthfinder", "accu", "investment", "pooled_investment", "average_log", "sums")
"""The methods ``Parameters.method`` can name; the first is the default."""


@dataclass(frozen=True)
class Parameters:
    """The engine's constants: every numeric default is the published one of the method it comes
    from; ``method`` and ``similar_numbers`` are this engine's choices (see docs/consensus.md)."""

    method: str = "truthfinder"
    """One of ``METHODS``: TruthFinder (the default, see docs/consensus.md for the
    cross-validation behind it), Dong et al.'s Accu, or Pasternack & Roth's Investment,
    PooledInvestment, Average-Log or Sums."""
    iterations: int = 20
    """Pasternack & Roth's fact-finders: the fixed number of iterations (they run 20)."""
    growth: float = 1.2
    """Investment's exponent g in G(x) = x^g (Pasternack & Roth: 1.2)."""
    pooled_growth: float = 1.4
    """PooledInvestment's exponent g (Pasternack & Roth: 1.4)."""
    similar_numbers: bool = False
    """Whether near numbers and durations (1 % apart) support each other, as near spellings of a
    name do; off: two different counts are two claims (see "Similar values" in
    docs/consensus.md)."""
    influence: float = 0.5
    """TruthFinder's rho: how much similar (or conflicting) values weigh on each other."""
    dampening: float = 0.3
    """TruthFinder's gamma: damps the confidence of values stated by many (dependent) sources."""
    initial_trust: float = 0.9
    """TruthFinder's t0, every source's trust before the first iteration."""
    base_similarity: float = 0.5
    """TruthFinder's base_sim: values less similar than this count against each other."""
    tolerance: float = 0.001
    """TruthFinder's delta: stop when 1 - cos(trust, previous trust) falls below it."""
    trust_prior: float = 0.0
    """TruthFinder: pseudo-claims of confidence ``initial_trust`` added to every source's mean
    (0, as published: a source's trust is the plain mean confidence of its values)."""
    max_iterations: int = 100
    """TruthFinder and Accu: the most iterations if the trust has not settled by then."""
    initial_accuracy: float = 0.8
    """Accu: every source's accuracy before the first iteration (Dong et al.: 0.8), and the mean
    of the Beta prior on it."""
    accuracy_prior: float = 0.0
    """Accu: the strength of that prior, in pseudo-claims: ``A(s) = (sum of the confidences of
    its values + k * initial_accuracy) / (claims + k)``."""
    accuracy_tolerance: float = 1e-4
    """Accu: stop when no source's accuracy changes by more than this."""
    copy_prior: float = 0.2
    """AccuCopy's alpha: the prior probability that two sources are dependent."""
    copy_rate: float = 0.8
    """AccuCopy's c: the probability that a copier copies any one value."""
    false_values: int = 100
    """Accu and AccuCopy's n: how many false values an item has, equally likely."""
    detect_copying: bool = True
    calibrate: bool = True
    """Whether a full solve maps its scores to probabilities learnt from held-out claims
    (``calibration``; TruthFinder only): off, the confidence is TruthFinder's own score."""
    max_values_compared: int = 50
    """Per item, similarities are computed between at most this many (most claimed) values."""
    max_claims_for_copying: int = 50
    """Items with more claims than this give no copy evidence (bounds the pairs of sources)."""

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown method {self.method!r}; expected one of {METHODS}")

    @property
    def starting_trust(self) -> float:
        """The trust of a source before anything is learnt of it."""
        return self.initial_accuracy if self.method == "accu" else self.initial_trust


DEFAULT_PARAMETERS = Parameters()
