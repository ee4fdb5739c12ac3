"""Consensus values and source trust from conflicting claims: a truth-discovery engine.

A claim is ``(source, object, attribute, value)``. For every ``(object, attribute)`` the engine
picks the most likely value with a confidence in [0, 1], and gives every source a trust score in
[0, 1] and the number of its claims that agree with the chosen values. Plain Python and NumPy; no
Django (``catalog.normalise``, which it borrows, is Django-free too).

The method
==========

TruthFinder (Yin, Han & Yu, "Truth discovery with multiple conflicting information providers on
the web", KDD 2007), with the source-dependence idea of AccuCopy (Dong, Berti-Equille &
Srivastava, "Integrating conflicting data: the role of source dependence", VLDB 2009), as the
survey of Li et al. ("A survey on truth discovery", SIGKDD Explorations 17(2), 2015) classifies
them: iterative, weighted-vote methods in which a value is likely when trustworthy sources state
it and a source is trustworthy when the values it states are likely. Pasternack & Roth's
fact-finders are available too (``Parameters(method=...)``, below); TruthFinder is the default
because it did best of them (see "What was compared on the population benchmark").

Each iteration, with ``t(w)`` the trust of source ``w`` and ``f`` a value (a *fact*) of one
``(object, attribute)``:

1. ``tau(w) = -ln(1 - t(w))``;
2. ``sigma(f) = sum over the sources w stating f of  vote(w, f) * tau(w)``, where ``vote`` is 1
   for an independent source and less for a likely copier (below);
3. ``sigma*(f) = sigma(f) + rho * sum over the other values f' of the same object and attribute
   of  sigma(f') * imp(f' -> f)``, with ``imp(f' -> f) = sim(f', f) - base_sim``: near-identical
   values support each other, different ones count against each other (between numbers and
   durations ``imp = 0`` unless ``similar_numbers``: see "Similar values");
4. the confidence ``s(f) = 1 / (1 + exp(-gamma * sigma*(f)))``;
5. ``t(w)`` = the mean confidence of the values ``w`` states.

It starts from ``t = 0.9`` for every source and stops when an iteration changes the trust
vector, and the vector of copy discounts, by less than ``delta = 0.001`` in cosine similarity
(TruthFinder's criterion), or after 100 iterations. The constants are TruthFinder's published
defaults (``rho = 0.5``, ``gamma = 0.3``, ``t0 = 0.9``, ``base_sim = 0.5``, ``delta = 0.001``)
and AccuCopy's (below); none was chosen by looking at a benchmark's true values. CRH (Li et al.,
"Resolving conflicts in heterogeneous data by truth discovery and source reliability
estimation", SIGMOD 2014) handles heterogeneous types with per-type losses; here the same need is
met the TruthFinder way, with per-type similarity.

The chosen value of an ``(object, attribute)`` is its value of highest confidence; the confidence
reported is that value's ``s(f)``: how strongly trustworthy sources back it, not a calibrated
probability (a value stated by one source of trust 0.9 gets 0.67). The trust of a source is its
``t(w)``; ``agreeing`` counts its claims whose value is the chosen one. A known weakness: a
source's trust is the mean confidence of its values, so a prolific source whose values mostly no
one else states ends near the confidence of a lone value (about 0.6), however often it is right.

Pasternack & Roth's fact-finders
--------------------------------

``Parameters(method=...)`` selects instead one of the fact-finders of Pasternack & Roth
("Knowing what to believe (when you already know something)", COLING 2010), with ``T(s)`` the
trust of source ``s``, ``B(c)`` the belief in claim (fact) ``c``, ``C_s`` the claims of ``s``,
``S_c`` the sources of ``c`` and ``M_c`` the values of ``c``'s item (its mutual-exclusion set):

- ``sums`` (Hubs and Authorities): ``T(s) = sum_{c in C_s} B(c)``; ``B(c) = sum_{s in S_c} T(s)``;
- ``average_log``: ``T(s) = log|C_s| * sum_{c in C_s} B(c) / |C_s|``; ``B(c)`` as Sums (a
  source of one claim gets no trust: ``log 1 = 0``);
- ``investment``: each source invests its trust evenly in its claims and is paid back, from each
  claim, the claim's belief in proportion to its share of what was invested in the claim:
  ``T(s) = sum_{c in C_s} B(c) * (T(s)/|C_s|) / sum_{r in S_c} (T(r)/|C_r|)``; then
  ``H(c) = sum_{s in S_c} T(s)/|C_s|`` and ``B(c) = H(c)^g`` with ``g = 1.2``;
- ``pooled_investment``: the same trust; ``B(c) = H(c) * H(c)^g / sum_{d in M_c} H(d)^g`` with
  ``g = 1.4``.

Trust and belief are divided by their maxima after every iteration, and the fact-finders run a
fixed 20 iterations, as Pasternack & Roth do; ``g = 1.2`` and ``1.4`` are their exponents. They
start from ``T = 1`` and the voting prior ``B(c) = |S_c| / sum_{d in M_c} |S_d|`` (the paper's
own initial beliefs could not be checked here; Joe Singleton's ``truthdiscovery`` library
starts Investment the same way). Everything is computed in logarithms: Investment
multiplies a source's trust by its returns at every iteration, so trusts drift apart
geometrically and underflow in floating point well before 20 iterations. Copy discounts enter as
claim weights, Pasternack & Roth's generalised fact-finding ("Making better informed trust
decisions with generalized fact-finding", IJCAI 2011): a claim counts ``vote(s, c)`` times in
every sum, ``|C_s|`` included. Similar values enter through the supporting half of TruthFinder's
implication, applied to the belief (to ``H`` for the Investments) before it grows:
``B(c) + rho * sum_{c' in M_c} B(c') * max(0, sim(c', c) - base_sim)``. The confidence reported is
a value's share of its item's belief, ``B(c) / sum_{d in M_c} B(d)`` (1 for an uncontested value;
equal shares where no value has any belief); the trust reported is ``T(s)`` over the largest
``T``. Belief ties (within 1e-9, relatively) go as below.

What was compared on the population benchmark
---------------------------------------------

The population benchmark (``make bench-consensus``: 49,955 claims by 4,264 Wikipedia editors on
42,832 city populations, 301 gold values with claims) is a check, not a training set: no constant
was fitted to it. These choices were compared on it, and the benchmark prints every row:

=====================================  ==========================  =========================
method (published constants)           with copy detection         without
=====================================  ==========================  =========================
majority vote                          0.804 (242)                 --
TruthFinder, near numbers supporting   0.817 (246)                 0.817 (246)
TruthFinder (the default)              0.837 (252)                 0.837 (252)
Investment, g = 1.2                    0.824 (248)                 0.837 (252)
PooledInvestment, g = 1.4              0.814 (245)                 0.814 (245)
Average-Log                            0.784 (236)                 0.784 (236)
Sums                                   0.807 (243)                 0.807 (243)
=====================================  ==========================  =========================

Two choices follow from that table, and are the only ones it informed: the default method
(TruthFinder over the fact-finders) and ``similar_numbers = False``. A check independent of the
gold file, ``bench_consensus``'s synthetic world (100,000 claims with copiers and near misses,
copy detection on), does not single TruthFinder out but keeps it near the top: majority vote
0.9852, TruthFinder 0.9990, Average-Log and Sums 0.9999, Investment 0.9875, PooledInvestment
0.9185; TruthFinder is the one method well ahead of majority vote on both. Investment matches
TruthFinder on the gold file only without copy detection: with it, its early, lopsided choices
make agreeing accurate sources look like copiers (five Idaho towns for which one bot states 144
lose their true value that way); and as trusts grow apart geometrically, 99 % of the sources end
with a trust below 0.01, useless on a source page. Average-Log, the simplest, trusts prolific
sources most, and the most prolific here (CapitalBot, 25,820 claims) is wrong on 39 of the 208
gold values it states, where the other sources of 100 claims or more are wrong on 15 of 96.
Against majority vote, the default gets 14 gold values right that majority vote gets wrong, and
4 the other way round. Pasternack & Roth evaluate their fact-finders on Wikipedia population
claims like these; their paper could not be consulted here, so no figure of theirs is quoted.

Similar values: types
---------------------

A value is first *normalised* by its attribute's type; values with equal normal forms are the
same fact ("1 hr 35 min", "95 min" and "95" are all 95 minutes; "Rated PG" is "PG"; "George De
La Pena" is "George de la Peña"). Distinct facts of one ``(object, attribute)`` are then compared
by the type's similarity in [0, 1]:

- ``number``: ``1 - d / 2 %`` (at least 0), ``d = |a - b| / max(|a|, |b|)`` the relative
  difference: numbers less than 1 % apart would support each other (741329 and 742884, 0.2 %
  apart: 0.90), further apart they conflict, fully from 2 % on;
- ``duration``: minutes, compared like numbers;
- ``year``: ``1 / (1 + |a - b|)`` (a year apart: 0.5, neutral; two years apart: conflicting);
- ``person``, ``title``, ``text``: folded text (case, accents, punctuation), compared by the Dice
  coefficient of their character bigrams ("armin mueller stahl" and "armin mueller stall": 0.92);
- ``certificate``, ``genre``: the normal form only; different forms conflict.

Numbers and durations are *measures* (``ValueType.measure``): by default their similarity is not
used at all, so two different counts are two different claims, neither supporting nor opposing
each other beyond being alternatives. A misspelt name is the same fact written differently; a
population of 742,884 against 741,329 is another figure, usually another census or estimate, and
letting near figures pool their votes cost 2 points on the population benchmark (above).
``Parameters(similar_numbers=True)`` turns it back on.

The type of an attribute is, in this order: the one the caller names in ``value_types``; else the
first keyword rule of ``KEYWORDS`` matching a word of the attribute's name (``population2006`` ->
``number``, ``runtime`` -> ``duration``, ``director`` -> ``person``); else ``duration`` when at
least 90 % of the attribute's distinct values carry a time unit ("95 min"), ``number`` when at
least 90 % are plain numbers, and ``text`` otherwise. New types subclass ``ValueType`` and go
into ``VALUE_TYPES`` (or are passed straight to ``discover``).

Copying
-------

Two sources that share many values that are probably false are likely not independent:
AccuCopy's intuition and Bayesian model. For each pair of sources stating values on a common
``(object, attribute)``, with ``A1``, ``A2`` their accuracies (the share of their claims agreeing
with the current choices, Laplace-smoothed: ``(agreeing + 1) / (claims + 2)``), ``n`` false values
per item equally likely and a copier copying each value with probability ``c``, a shared item is

- the same false (not chosen) value: probability ``(1 - A1)(1 - A2) / n`` if the two are
  independent, ``c (1 - A2) + (1 - c)`` times that if source 1 copies source 2;
- different values: ``1 - A1 A2 - (1 - A1)(1 - A2) / n`` if independent, ``(1 - c)`` times that
  if one copies the other.

The prior probability that two sources are dependent is ``alpha``, half each way; Bayes' rule
gives ``P(w copies w')``. A vote for a value is then ``1 / (1 + sum of c * P(w copies w'))`` over
the other sources ``w'`` stating the same value. ``alpha = 0.2``, ``c = 0.8`` and ``n = 100``
are the settings of Dong et al.'s experiments. Three simplifications keep this stable and cheap:

- agreeing on a chosen (true) value is left out as evidence: accurate independent sources do it
  all the time, and AccuCopy's weak evidence from it piles up over many shared items;
- the dependence that discounts two sources' votes on an item is judged on the *other* items they
  share, so one shared value cannot make two sources copiers by itself and the discount cannot
  feed its own choice back (one-shot sources are never discounted);
- only pairs more likely dependent than not (``P > 1/2``) are discounted; AccuCopy orders the
  sources of a value to discount the later ones, which needs a tie-break; sharing the discount
  by direction needs no order, so no tie-break on names.

The discounts are recomputed at every iteration from the current choices, whatever the method.

Determinism and cost
--------------------

Objects, attributes and sources are put in a canonical order (sorted by name) before any
arithmetic, so the order of the claims never matters; ties in confidence (within 1e-9) go to the
value more sources state, then to the smaller value (numbers by magnitude, text by code point),
never to a particular source or to the input order, so renaming sources cannot change a chosen
value. A source stating the same (normalised) value twice for one item counts once.

Everything is integer-coded NumPy arrays with vectorised updates per iteration. Similarities are
computed once, only between distinct values of the same ``(object, attribute)`` (the 50 most
claimed ones if there are more); copy evidence comes from pairs of claims by different sources
on the same item (items with more than 50 claims give none). One million claims take about
12 s and 0.9 GB from TSV to TSV on two cores (``make bench-consensus SCALE=1000000``).

Command line
============

``python -m catalog.consensus CLAIMS.tsv [--trust TRUST.tsv]`` reads a UTF-8 tab-separated file
whose header is ``source object attribute value`` and writes ``object attribute value confidence``
to standard output, sorted by object and attribute; ``--trust`` writes ``source trust`` to a
file. Malformed input stops with status 2 and a one-line message naming the line.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property

import numpy as np
import numpy.typing as npt

from catalog import normalise as _normalise

Claim = tuple[str, str, str, str]
"""``(source, object, attribute, value)``, all plain strings."""

HEADER = ("source", "object", "attribute", "value")

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


METHODS = ("truthfinder", "investment", "pooled_investment", "average_log", "sums")
"""The methods ``Parameters.method`` can name; the first is the default."""


@dataclass(frozen=True)
class Parameters:
    """The engine's constants: every numeric default is the published one of the method it comes
    from; ``method`` and ``similar_numbers`` are this engine's choices (see the module's
    docstring)."""

    method: str = "truthfinder"
    """One of ``METHODS``: TruthFinder (the default), or Pasternack & Roth's Investment,
    PooledInvestment, Average-Log or Sums."""
    iterations: int = 20
    """Pasternack & Roth's fact-finders: the fixed number of iterations (they run 20)."""
    growth: float = 1.2
    """Investment's exponent g in G(x) = x^g (Pasternack & Roth: 1.2)."""
    pooled_growth: float = 1.4
    """PooledInvestment's exponent g (Pasternack & Roth: 1.4)."""
    similar_numbers: bool = False
    """Whether near numbers and durations (1 % apart) support each other, as near spellings of a
    name do; off: two different counts are two claims (see "Similar values" above)."""
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
    max_iterations: int = 100
    """TruthFinder only: the most iterations if the trust has not settled by then."""
    copy_prior: float = 0.2
    """AccuCopy's alpha: the prior probability that two sources are dependent."""
    copy_rate: float = 0.8
    """AccuCopy's c: the probability that a copier copies any one value."""
    false_values: int = 100
    """AccuCopy's n: how many false values an item has, equally likely."""
    detect_copying: bool = True
    max_values_compared: int = 50
    """Per item, similarities are computed between at most this many (most claimed) values."""
    max_claims_for_copying: int = 50
    """Items with more claims than this give no copy evidence (bounds the pairs of sources)."""

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown method {self.method!r}; expected one of {METHODS}")


DEFAULT_PARAMETERS = Parameters()

# Numerical guards only: trust stays below 1 so that tau is finite, and the accuracies fed to
# the copy model stay strictly inside (0, 1) so that its logarithms do too.
_MAX_TRUST = 1 - 1e-9
_ACCURACY_RANGE = (1e-9, 1 - 1e-9)
_TIE = 1e-9


# --- Value types -----------------------------------------------------------------------------


class ValueType:
    """How the values of one kind of attribute are normalised, ordered and compared.

    Subclass it and register an instance in ``VALUE_TYPES`` (and a rule in ``KEYWORDS``), or pass
    it to ``discover(value_types={attribute: instance})``.
    """

    name = "text"
    measure = False
    """A measured quantity (a count, a duration): near values then support each other only with
    ``Parameters(similar_numbers=True)``."""

    def normalise(self, value: str) -> str:
        """The comparable form: values with equal forms are one and the same fact."""
        return _normalise.fold(value) or value.strip()

    def order(self, key: str) -> tuple[float, str]:
        """Sort key of a normal form; ties in confidence go to the smallest."""
        return (0.0, key)

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> Floats:
        """Similarity in [0, 1] of each pair ``(a[i], b[i])`` of distinct normal forms."""
        return _bigram_dice(a, b)


class ExactType(ValueType):
    """Only the normal form counts: two different forms conflict."""

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> Floats:
        return np.zeros(len(a))


class NumberType(ValueType):
    """Counts and measures: "1,234 votes" is 1234; near numbers are similar (used only with
    ``Parameters(similar_numbers=True)``)."""

    name = "number"
    measure = True
    tolerance = 0.02
    """Relative difference at which two numbers are fully different; half of it is neutral."""

    def normalise(self, value: str) -> str:
        return _canonical_number(_normalise.number(value))

    def order(self, key: str) -> tuple[float, str]:
        number = _to_float(key)
        return (math.inf, key) if number is None else (number, key)

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> Floats:
        x, y = _floats(a), _floats(b)
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.maximum(np.abs(x), np.abs(y))
            difference = np.abs(x - y) / scale
        difference[scale == 0] = 0.0
        sim = 1 - difference / self.tolerance
        return np.nan_to_num(np.clip(sim, 0.0, 1.0), nan=0.0)


class DurationType(NumberType):
    """Running times in minutes: "1 hr 35 min", "1h 35m", "95 min" and "95" are all 95."""

    name = "duration"

    def normalise(self, value: str) -> str:
        return _canonical_number(_normalise.runtime(value))


class YearType(NumberType):
    """Years: "Released: 1995" is 1995; a year apart is neutral, further apart conflicts."""

    name = "year"
    measure = False

    def normalise(self, value: str) -> str:
        return _normalise.year(value)

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> Floats:
        return np.nan_to_num(1 / (1 + np.abs(_floats(a) - _floats(b))), nan=0.0)


class PersonType(ValueType):
    """Names: case, accents and punctuation folded, small misspellings similar."""

    name = "person"


class TitleType(ValueType):
    """Titles: a trailing "(1993)" dropped, then folded like text."""

    name = "title"

    def normalise(self, value: str) -> str:
        return _normalise.title(value) or value.strip()


class CertificateType(ExactType):
    """Certificates: "Rated PG" is "PG", "pg-13" is "PG13"."""

    name = "certificate"

    def normalise(self, value: str) -> str:
        return re.sub(r"[\s\-]", "", _normalise.certificate(value)) or value.strip()


class GenreType(ExactType):
    """Genres: "Drama film" is "drama"."""

    name = "genre"

    def normalise(self, value: str) -> str:
        return _normalise.genre(value) or value.strip()


VALUE_TYPES: dict[str, ValueType] = {
    t.name: t
    for t in (
        ValueType(),
        NumberType(),
        DurationType(),
        YearType(),
        PersonType(),
        TitleType(),
        CertificateType(),
        GenreType(),
    )
}

KEYWORDS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"certificate", "certification", "mpaa", "classification"}), "certificate"),
    (frozenset({"runtime", "duration", "length", "running"}), "duration"),
    (frozenset({"year", "released"}), "year"),
    (
        frozenset(
            {"population", "votes", "rating", "score", "count", "budget", "gross"}
            | {"revenue", "height", "weight", "area", "number", "total"}
        ),
        "number",
    ),
    (
        frozenset(
            {"person", "name", "director", "directors", "writer", "writers", "author"}
            | {"actor", "actress", "cast", "producer", "composer", "cinematographer", "editor"}
            | {"starring", "creator", "character", "role"}
        ),
        "person",
    ),
    (frozenset({"title"}), "title"),
    (frozenset({"genre", "genres"}), "genre"),
)
"""The attribute-name rules, first match wins; a word is a run of letters of the name."""

_DURATION = re.compile(r"^\s*(\d+\s*(h|hr|hrs|hours?|m|min|mins|minutes?)\b\s*){1,2}$", re.I)
_PLAIN_NUMBER = re.compile(r"^\s*[-+]?\d[\d,]*(\.\d+)?\s*$")


def type_for_name(attribute: str) -> ValueType | None:
    """The type an attribute's name implies, by ``KEYWORDS``, or None."""
    words = set(re.findall(r"[a-z]+", attribute.lower()))
    for keywords, name in KEYWORDS:
        if words & keywords:
            return VALUE_TYPES[name]
    return None


def type_for_values(values: Iterable[str]) -> ValueType:
    """``duration`` or ``number`` if at least 90 % of the distinct values look so, else text."""
    distinct = set(values)
    if not distinct:
        return VALUE_TYPES["text"]
    durations = sum(1 for v in distinct if _DURATION.match(v))
    numbers = sum(1 for v in distinct if _PLAIN_NUMBER.match(v))
    if durations and (durations + numbers) >= 0.9 * len(distinct) and durations >= numbers / 9:
        return VALUE_TYPES["duration"]
    if numbers >= 0.9 * len(distinct):
        return VALUE_TYPES["number"]
    return VALUE_TYPES["text"]


def _canonical_number(text: str) -> str:
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _to_float(key: str) -> float | None:
    try:
        number = float(key)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _floats(keys: Sequence[str]) -> Floats:
    try:
        return np.asarray(keys, dtype=str).astype(np.float64)
    except ValueError:
        return np.array([math.nan if (x := _to_float(k)) is None else x for k in keys])


def _bigram_dice(a: Sequence[str], b: Sequence[str]) -> Floats:
    grams: dict[str, frozenset[str]] = {}

    def of(text: str) -> frozenset[str]:
        found = grams.get(text)
        if found is None:
            padded = f" {text} "
            found = grams[text] = frozenset(padded[i : i + 2] for i in range(len(padded) - 1))
        return found

    out = np.empty(len(a))
    for index, (x, y) in enumerate(zip(a, b, strict=True)):
        gx, gy = of(x), of(y)
        out[index] = 2 * len(gx & gy) / (len(gx) + len(gy))
    return out


# --- Results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """The most likely value of one ``(object, attribute)``."""

    value: str
    """As the sources write it: the most claimed spelling of the chosen fact."""
    confidence: float
    normalised: str
    value_type: str


@dataclass(frozen=True)
class SourceScore:
    """How far a source can be trusted: "agrees with the consensus on 14 of 19 claims"."""

    trust: float
    agreeing: int
    claims: int


@dataclass(frozen=True)
class Dependence:
    """Two sources probably not independent (one likely copies the other)."""

    source: str
    other: str
    probability: float


class Result:
    """What ``discover`` found; arrays inside, dictionaries built on first use."""

    def __init__(
        self,
        *,
        objects: list[str],
        attributes: list[str],
        item_types: list[ValueType],
        fact_item: Ints,
        fact_keys: list[str],
        fact_values: list[str],
        confidence: Floats,
        best: Ints,
        source_names: list[str],
        trust: Floats,
        agreeing: Ints,
        claims: Ints,
        dependences: list[Dependence],
        iterations: int,
    ) -> None:
        self._objects = objects
        self._attributes = attributes
        self._item_types = item_types
        self._fact_item = fact_item
        self._fact_keys = fact_keys
        self._fact_values = fact_values
        self._confidence = confidence
        self._best = best
        self._source_names = source_names
        self._trust = trust
        self._agreeing = agreeing
        self._claims = claims
        self.dependences = dependences
        """Pairs of sources whose votes were discounted as dependent, with the probability of
        dependence that all their shared items give."""
        self.iterations = iterations

    @cached_property
    def values(self) -> dict[tuple[str, str], Verdict]:
        """For every ``(object, attribute)``, the most likely value and its confidence."""
        return {
            (obj, attribute): Verdict(
                self._fact_values[f],
                float(self._confidence[f]),
                self._fact_keys[f],
                self._item_types[i].name,
            )
            for i, (obj, attribute, f) in enumerate(
                zip(self._objects, self._attributes, self._best.tolist(), strict=True)
            )
        }

    @cached_property
    def sources(self) -> dict[str, SourceScore]:
        """For every source, its trust and how many of its claims agree with the chosen values."""
        return {
            name: SourceScore(float(t), int(a), int(n))
            for name, t, a, n in zip(
                self._source_names, self._trust, self._agreeing, self._claims, strict=True
            )
        }

    @cached_property
    def _items(self) -> dict[tuple[str, str], int]:
        return {key: i for i, key in enumerate(zip(self._objects, self._attributes, strict=True))}

    @cached_property
    def _facts(self) -> dict[tuple[int, str], int]:
        return {
            (i, key): f
            for f, (i, key) in enumerate(
                zip(self._fact_item.tolist(), self._fact_keys, strict=True)
            )
        }

    def candidates(self, obj: str, attribute: str) -> list[tuple[str, float]]:
        """Every value stated for ``(obj, attribute)`` with its confidence, most likely first."""
        item = self._items[(obj, attribute)]
        facts = np.flatnonzero(self._fact_item == item)
        ranked = sorted(facts.tolist(), key=lambda f: (f != self._best[item], -self._confidence[f]))
        return [(self._fact_values[f], float(self._confidence[f])) for f in ranked]

    def confidence(self, obj: str, attribute: str, value: str) -> float | None:
        """The confidence of ``value`` (any spelling) for ``(obj, attribute)``; None if unstated."""
        item = self._items.get((obj, attribute))
        if item is None:
            return None
        fact = self._facts.get((item, self._item_types[item].normalise(value)))
        return None if fact is None else float(self._confidence[fact])

    def rows(self) -> Iterator[tuple[str, str, str, float]]:
        """``(object, attribute, value, confidence)``, sorted by object and attribute."""
        best = zip(self._objects, self._attributes, self._best.tolist(), strict=True)
        confidence = self._confidence.tolist()
        yield from ((o, a, self._fact_values[f], confidence[f]) for o, a, f in best)

    def trust_rows(self) -> Iterator[tuple[str, float, int, int]]:
        """``(source, trust, agreeing, claims)``, sorted by source."""
        yield from zip(
            self._source_names,
            self._trust.tolist(),
            self._agreeing.tolist(),
            self._claims.tolist(),
            strict=True,
        )


# --- The engine ------------------------------------------------------------------------------


def discover(
    claims: Iterable[Claim],
    *,
    value_types: Mapping[str, ValueType | str] | None = None,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Result:
    """The most likely value of every ``(object, attribute)`` and the trust of every source.

    ``value_types`` maps attribute names to a ``ValueType`` (or the name of one in
    ``VALUE_TYPES``); other attributes get the type their name or values imply.
    """
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
    return _solve(
        sources,
        items,
        raws,
        np.frombuffer(claim_source, dtype=np.int64),
        np.frombuffer(claim_raw, dtype=np.int64),
        value_types or {},
        parameters,
    )


def _ranks(keys: list) -> tuple[Ints, list]:
    """Each key's position in sorted order, and the sorted keys."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys))
    return rank, [keys[k] for k in order]


def _attribute_types(
    item_keys: list[tuple[str, str]],
    raw_keys: list[tuple[int, str]],
    value_types: Mapping[str, ValueType | str],
) -> dict[str, ValueType]:
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


def _pairs_in_groups(starts: Ints, sizes: Ints) -> tuple[Ints, Ints]:
    """Every unordered pair of positions within each group ``[start, start + size)``."""
    firsts, seconds = [], []
    for size in np.unique(sizes[sizes >= 2]).tolist():
        upper_i, upper_j = np.triu_indices(size, 1)
        base = starts[sizes == size][:, None]
        firsts.append((base + upper_i).ravel())
        seconds.append((base + upper_j).ravel())
    if not firsts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)


def _group_bounds(group: Ints, groups: int) -> tuple[Ints, Ints]:
    sizes = np.bincount(group, minlength=groups).astype(np.int64)
    starts = np.zeros(groups, dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    return starts, sizes


def _solve(
    sources: dict[str, int],
    items: dict[tuple[str, str], int],
    raws: dict[tuple[int, str], int],
    claim_source: Ints,
    claim_raw: Ints,
    value_types: Mapping[str, ValueType | str],
    p: Parameters,
) -> Result:
    # Canonical order: sources and items by name, facts by item then value. Nothing below
    # depends on the order the claims came in.
    source_rank, source_names = _ranks(list(sources))
    item_keys = list(items)
    item_rank, sorted_items = _ranks(item_keys)
    raw_keys = list(raws)
    n_sources, n_items = len(source_names), len(sorted_items)

    types = _attribute_types(item_keys, raw_keys, value_types)
    item_types = [types[a] for _, a in sorted_items]

    # Normal forms, then facts: distinct (item, normal form), ordered by the type's sort key.
    normal: dict[tuple[int, str], str] = {}
    type_ids = {id(t): t for t in types.values()}
    raw_fact_keys: list[tuple[int, str]] = []
    for item, value in raw_keys:
        vtype = types[item_keys[item][1]]
        cache_key = (id(vtype), value)
        key = normal.get(cache_key)
        if key is None:
            key = normal[cache_key] = type_ids[id(vtype)].normalise(value)
        raw_fact_keys.append((int(item_rank[item]), key))
    distinct = list(set(raw_fact_keys))
    distinct.sort(key=lambda fk: (fk[0], item_types[fk[0]].order(fk[1])))
    fact_index = {fk: f for f, fk in enumerate(distinct)}
    n_facts = len(distinct)
    fact_item = np.fromiter((fk[0] for fk in distinct), dtype=np.int64, count=n_facts)
    fact_keys = [fk[1] for fk in distinct]
    raw_fact = np.fromiter(
        (fact_index[fk] for fk in raw_fact_keys), dtype=np.int64, count=len(raw_fact_keys)
    )
    del raw_fact_keys, fact_index, normal

    # The spelling shown for a fact: its most claimed raw value, ties to the smallest string.
    csrc = source_rank[claim_source]
    distinct_raw_claims = np.unique(csrc * len(raw_keys) + claim_raw) % len(raw_keys)
    raw_count = np.bincount(distinct_raw_claims, minlength=len(raw_keys)).tolist()
    shown: list[tuple[int, str] | None] = [None] * n_facts
    for r, (_, value) in enumerate(raw_keys):
        f = raw_fact[r]
        current = shown[f]
        if current is None or (-raw_count[r], value) < current:
            shown[f] = (-raw_count[r], value)
    fact_values = [s[1] for s in shown]  # type: ignore[index]
    del shown, raw_count

    # Claims: distinct (source, fact), sorted by fact (hence by item) then source.
    pairs = np.unique(raw_fact[claim_raw] * n_sources + csrc)
    claim_fact = pairs // n_sources
    claim_src = pairs % n_sources
    del pairs, csrc, distinct_raw_claims
    claims_per_source = np.bincount(claim_src, minlength=n_sources)
    claims_per_fact = np.bincount(claim_fact, minlength=n_facts)

    # Similar values: implication between distinct facts of an item, computed once.
    fact_start, fact_size = _group_bounds(fact_item, n_items)
    imp_a, imp_b, imp = _implications(
        fact_start, fact_size, fact_item, fact_keys, claims_per_fact, item_types, p
    )

    # Copy evidence: pairs of claims by different sources on one item.
    copying = (
        _CopyModel(claim_fact, claim_src, fact_item, n_items, n_sources, p)
        if p.detect_copying
        else None
    )

    graph = _Graph(
        claim_fact=claim_fact,
        claim_src=claim_src,
        claims_per_source=claims_per_source,
        claims_per_fact=claims_per_fact,
        fact_item=fact_item,
        fact_start=fact_start,
        fact_size=fact_size,
        imp_a=imp_a,
        imp_b=imp_b,
        imp=imp,
    )
    if p.method == "truthfinder":
        confidence, trust, iterations = _truthfinder(graph, copying, p)
        best = graph.choose(confidence)
    else:
        log_belief, trust, iterations = _fact_finder(graph, copying, p)
        best = graph.choose(log_belief)
        confidence = graph.shares(log_belief)

    agreeing = _sums(
        claim_src, (best[fact_item[claim_fact]] == claim_fact), minlength=n_sources
    ).astype(np.int64)

    dependences = copying.dependences(source_names) if copying is not None else []
    return Result(
        objects=[o for o, _ in sorted_items],
        attributes=[a for _, a in sorted_items],
        item_types=item_types,
        fact_item=fact_item,
        fact_keys=fact_keys,
        fact_values=fact_values,
        confidence=confidence,
        best=best,
        source_names=source_names,
        trust=trust,
        agreeing=agreeing,
        claims=claims_per_source.astype(np.int64),
        dependences=dependences,
        iterations=iterations,
    )


@dataclass
class _Graph:
    """Who states what, integer-coded: claims sorted by fact (hence by item), then source."""

    claim_fact: Ints
    claim_src: Ints
    claims_per_source: Ints
    claims_per_fact: Ints
    fact_item: Ints
    fact_start: Ints
    """Each item's first fact; an item's facts are contiguous, in canonical value order."""
    fact_size: Ints
    imp_a: Ints
    """Pairs ``(imp_a[k], imp_b[k])`` of facts of one item and TruthFinder's implication
    ``imp[k] = sim - base_sim`` between them (0 where the type's similarity is not used)."""
    imp_b: Ints
    imp: Floats

    @property
    def n_sources(self) -> int:
        return len(self.claims_per_source)

    @property
    def n_facts(self) -> int:
        return len(self.fact_item)

    def choose(self, score: Floats) -> Ints:
        """Each item's chosen fact: highest score; ties (within 1e-9) to the fact more sources
        state, then to the first in the item's canonical order, i.e. the smallest value."""
        n_facts = self.n_facts
        if not n_facts:
            return np.empty(0, dtype=np.int64)
        finite = np.where(np.isfinite(score), score, -np.inf)
        top = np.maximum.reduceat(finite, self.fact_start)
        tied = (finite >= top[self.fact_item] - _TIE) | (top[self.fact_item] == -np.inf)
        key = (self.claims_per_fact.max() - self.claims_per_fact) * n_facts + np.arange(n_facts)
        picked = np.minimum.reduceat(np.where(tied, key, np.iinfo(np.int64).max), self.fact_start)
        return picked % n_facts

    def shares(self, log_belief: Floats) -> Floats:
        """Each fact's share of its item's belief, from log beliefs (equal shares if none has
        any belief)."""
        total = _group_logsumexp(log_belief, self.fact_start)[self.fact_item]
        with np.errstate(invalid="ignore"):
            share = np.exp(log_belief - total)
        even = 1 / self.fact_size[self.fact_item].astype(np.float64)
        return np.where(np.isfinite(total), share, even)

    def agreement(self, best: Ints) -> tuple[Floats, Floats]:
        """Each source's claims agreeing with ``best``, and a 0/1 vector of the chosen facts."""
        chosen = best[self.fact_item[self.claim_fact]] == self.claim_fact
        is_best = np.zeros(self.n_facts)
        is_best[best] = 1.0
        return _sums(self.claim_src, chosen, self.n_sources), is_best


def _truthfinder(
    graph: _Graph, copying: _CopyModel | None, p: Parameters
) -> tuple[Floats, Floats, int]:
    """TruthFinder's iteration: the confidence of every fact, the trust of every source, and the
    number of iterations."""
    claim_fact, claim_src = graph.claim_fact, graph.claim_src
    n_sources, n_facts = graph.n_sources, graph.n_facts
    imp_a, imp_b, imp = graph.imp_a, graph.imp_b, graph.imp
    trust = np.full(n_sources, p.initial_trust)
    vote = np.ones(len(claim_fact))
    confidence = np.zeros(n_facts)
    iterations = 0
    for iterations in range(1, p.max_iterations + 1):  # noqa: B007 (reported below)
        tau = -np.log1p(-np.minimum(trust, _MAX_TRUST))
        sigma = _sums(claim_fact, tau[claim_src] * vote, minlength=n_facts)
        sigma += p.influence * (
            _sums(imp_b, sigma[imp_a] * imp, minlength=n_facts)
            + _sums(imp_a, sigma[imp_b] * imp, minlength=n_facts)
        )
        confidence = 0.5 * (1 + np.tanh(0.5 * p.dampening * sigma))  # 1 / (1 + e^(-gamma sigma))
        new_trust = _sums(claim_src, confidence[claim_fact], minlength=n_sources)
        new_trust /= graph.claims_per_source
        change = _cosine_change(new_trust, trust)
        if copying is not None:
            agree, is_best = graph.agreement(graph.choose(confidence))
            new_vote = copying.votes((agree + 1) / (graph.claims_per_source + 2), is_best)
            change = max(change, _cosine_change(1 - new_vote, 1 - vote))
            vote = new_vote
        trust = new_trust
        if change < p.tolerance:
            break
    return confidence, trust, iterations


def _fact_finder(
    graph: _Graph, copying: _CopyModel | None, p: Parameters
) -> tuple[Floats, Floats, int]:
    """Pasternack & Roth's fact-finders on weighted claims: the log belief of every fact, the
    trust of every source (scaled to a maximum of 1), and the number of iterations.

    Every quantity is kept as a logarithm: Investment multiplies a source's trust by its returns
    at every iteration, so trusts drift apart geometrically and would underflow in 20 iterations.
    """
    claim_fact, claim_src = graph.claim_fact, graph.claim_src
    n_sources, n_facts = graph.n_sources, graph.n_facts
    by_src = np.argsort(claim_src, kind="stable")
    src_claims = _group_bounds(claim_src[by_src], n_sources)[0]
    fact_claims = _group_bounds(claim_fact, n_facts)[0]

    def to_facts(log_values: Floats) -> Floats:  # log of the sum over each fact's claims
        return _group_logsumexp(log_values, fact_claims)

    def to_sources(log_values: Floats) -> Floats:  # log of the sum over each source's claims
        return _group_logsumexp(log_values[by_src], src_claims)

    support = graph.imp > 0
    implied = (graph.imp_a[support], graph.imp_b[support], p.influence * graph.imp[support])

    def implication(log_values: Floats) -> Floats:
        """TruthFinder's implication, its supporting part: ``x(f) + rho * sum over the other
        values f' of the item of x(f') * max(0, sim(f', f) - base_sim)``."""
        a, b, weight = implied
        if not len(a):
            return log_values
        top = np.maximum.reduceat(log_values, graph.fact_start)
        top = np.where(np.isfinite(top), top, 0.0)[graph.fact_item]
        with np.errstate(under="ignore"):
            x = np.exp(log_values - top)
        added = _sums(b, x[a] * weight, n_facts) + _sums(a, x[b] * weight, n_facts)
        with np.errstate(divide="ignore"):
            return np.logaddexp(log_values, np.log(added) + top)

    # The voting prior: each value's share of the sources stating its item's values.
    sources = graph.claims_per_fact.astype(np.float64)
    per_item = _sums(graph.fact_item, sources, len(graph.fact_start))
    log_belief = np.log(sources) - np.log(per_item)[graph.fact_item]
    log_trust = np.zeros(n_sources)
    with np.errstate(divide="ignore"):
        log_log_count = np.log(np.log(graph.claims_per_source))  # -inf for a single claim
    log_vote = np.zeros(len(claim_fact))
    for _ in range(p.iterations):
        if copying is not None:
            agree, is_best = graph.agreement(graph.choose(log_belief))
            log_vote = np.log(copying.votes((agree + 1) / (graph.claims_per_source + 2), is_best))
        log_total = to_sources(log_vote)  # |C_s|, each claim counted by its vote
        if p.method == "sums":
            log_trust = to_sources(log_vote + log_belief[claim_fact])
            log_belief = implication(to_facts(log_vote + log_trust[claim_src]))
        elif p.method == "average_log":
            mean = to_sources(log_vote + log_belief[claim_fact]) - log_total
            log_trust = log_log_count + mean
            log_belief = implication(to_facts(log_vote + log_trust[claim_src]))
        else:
            # Each source invests its trust evenly in its claims and gets back, from each, the
            # claim's belief in proportion to its share of what was invested in the claim.
            invested = log_vote + (log_trust - log_total)[claim_src]
            returns = log_belief - to_facts(invested)
            log_trust = to_sources(invested + returns[claim_fact])
            pooled = implication(to_facts(log_vote + (log_trust - log_total)[claim_src]))
            if p.method == "investment":
                log_belief = p.growth * pooled
            else:  # pooled_investment: each item's values share out what was invested in them
                grown = p.pooled_growth * pooled
                log_belief = (
                    pooled + grown - _group_logsumexp(grown, graph.fact_start)[graph.fact_item]
                )
        log_trust = _scaled(log_trust)
        log_belief = _scaled(log_belief)
    with np.errstate(under="ignore"):
        trust = np.exp(log_trust)
    return log_belief, trust, p.iterations


def _group_logsumexp(log_values: Floats, starts: Ints) -> Floats:
    """``log(sum(exp(x)))`` over each group ``[starts[k], starts[k + 1])`` of ``log_values``;
    every group non-empty; ``-inf`` for a group of ``-inf``."""
    if not len(starts):
        return np.empty(0)
    top = np.maximum.reduceat(log_values, starts)
    shift = np.where(np.isfinite(top), top, 0.0)
    sizes = np.diff(np.append(starts, len(log_values)))
    with np.errstate(divide="ignore", under="ignore"):
        total = np.add.reduceat(np.exp(log_values - np.repeat(shift, sizes)), starts)
        return np.log(total) + shift


def _scaled(log_values: Floats) -> Floats:
    """Log values shifted so that the largest is 0 (Pasternack & Roth normalise by the maximum)."""
    top = log_values.max(initial=-np.inf)
    return log_values - top if np.isfinite(top) else log_values


def _posterior(independent: Floats, forward: Floats, backward: Floats) -> Floats:
    """P(dependent) from the three log joint probabilities (independent, either direction)."""
    top = np.maximum(independent, np.maximum(forward, backward))
    lone = np.exp(independent - top)
    both = np.exp(forward - top) + np.exp(backward - top)
    return both / (lone + both)


def _directions(independent: Floats, forward: Floats, backward: Floats) -> tuple[Floats, Floats]:
    top = np.maximum(independent, np.maximum(forward, backward))
    i, f, b = np.exp(independent - top), np.exp(forward - top), np.exp(backward - top)
    return f / (i + f + b), b / (i + f + b)


def _sums(index: Ints, weights: Floats, minlength: int) -> Floats:
    """``np.bincount`` with weights, as floats even when there is nothing to add."""
    return np.bincount(index, weights=weights, minlength=minlength).astype(np.float64, copy=False)


def _cosine_change(new: Floats, old: Floats) -> float:
    """1 - cos(new, old): TruthFinder's measure of how much an iteration changed."""
    norms = float(np.linalg.norm(new) * np.linalg.norm(old))
    if not norms:
        return 0.0 if not (new.any() or old.any()) else 1.0
    return 1 - float(new @ old) / norms


def _implications(
    fact_start: Ints,
    fact_size: Ints,
    fact_item: Ints,
    fact_keys: list[str],
    claims_per_fact: Ints,
    item_types: list[ValueType],
    p: Parameters,
) -> tuple[Ints, Ints, Floats]:
    """Pairs of distinct facts of one item and TruthFinder's implication ``sim - base_sim`` for
    each, leaving out the pairs where it is 0 (all pairs of measures unless
    ``similar_numbers``)."""
    cap = p.max_values_compared
    small = fact_size <= cap
    first, second = _pairs_in_groups(fact_start[small], fact_size[small])
    firsts, seconds = [first], [second]
    for item in np.flatnonzero(~small).tolist():
        facts = np.arange(fact_start[item], fact_start[item] + fact_size[item])
        kept = np.sort(facts[np.lexsort((facts, -claims_per_fact[facts]))[:cap]])
        upper_i, upper_j = np.triu_indices(len(kept), 1)
        firsts.append(kept[upper_i])
        seconds.append(kept[upper_j])
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    imp = np.empty(len(first))
    pair_type = np.fromiter((id(t) for t in item_types), dtype=np.int64, count=len(item_types))[
        fact_item[first]
    ]
    by_id = {id(t): t for t in item_types}
    for type_id in np.unique(pair_type).tolist():
        where = np.flatnonzero(pair_type == type_id)
        if by_id[type_id].measure and not p.similar_numbers:
            imp[where] = 0.0  # different counts are different claims: no implication
            continue
        a = [fact_keys[f] for f in first[where].tolist()]
        b = [fact_keys[f] for f in second[where].tolist()]
        imp[where] = by_id[type_id].similarity(a, b) - p.base_similarity
    used = imp != 0
    return first[used], second[used], imp[used]


class _CopyModel:
    """AccuCopy's probability that one source copies another, and the votes it leaves.

    Built once from the claims: every pair of claims by two different sources on one item (items
    with at most ``max_claims_for_copying`` claims), split into same-value pairs (kept one by one)
    and different-value pairs (counted per pair of sources)."""

    def __init__(
        self,
        claim_fact: Ints,
        claim_src: Ints,
        fact_item: Ints,
        n_items: int,
        n_sources: int,
        p: Parameters,
    ) -> None:
        self.p = p
        self.n_claims = len(claim_fact)
        self.fact_item = fact_item
        self.n_items = n_items
        claim_item = fact_item[claim_fact]
        start, size = _group_bounds(claim_item, n_items)
        keep = size <= p.max_claims_for_copying
        a, b = _pairs_in_groups(start[keep], size[keep])
        src_a, src_b = claim_src[a], claim_src[b]
        differ = src_a != src_b
        a, b, src_a, src_b = a[differ], b[differ], src_a[differ], src_b[differ]
        low, high = np.minimum(src_a, src_b), np.maximum(src_a, src_b)
        pair_keys, pair = np.unique(low * n_sources + high, return_inverse=True)
        self.low, self.high = pair_keys // n_sources, pair_keys % n_sources
        n_pairs = len(pair_keys)
        same = claim_fact[a] == claim_fact[b]
        self.n_different = np.bincount(pair[~same], minlength=n_pairs).astype(np.float64)
        self.pair = pair[same]
        self.a, self.b = a[same], b[same]
        self.a_is_low = (src_a < src_b)[same]
        self.fact = claim_fact[a[same]]
        self.n_pairs = n_pairs
        self.dependence = np.zeros(n_pairs)
        self.discounted = np.zeros(n_pairs, dtype=bool)

    def votes(self, accuracy: Floats, true: Floats) -> Floats:
        """Each claim's vote weight, from the sources' accuracies and which facts are true."""
        p, c, n = self.p, self.p.copy_rate, self.p.false_values
        accuracy = np.clip(accuracy, *_ACCURACY_RANGE)
        a1, a2 = accuracy[self.low], accuracy[self.high]
        # Different values on an item: as likely under either direction of copying.
        independent_differ = 1 - a1 * a2 - (1 - a1) * (1 - a2) / n
        base = self.n_different * np.log(independent_differ)
        log_independent = base.copy()
        log_forward = base + self.n_different * math.log(1 - c)  # low copies high
        log_backward = log_forward.copy()
        # The same false value: rare by chance, frequent by copying. (The same true value is
        # what accurate independent sources state too; it is left out as evidence.)
        false = 1 - true[self.fact]
        s1, s2 = a1[self.pair], a2[self.pair]
        independent = (1 - s1) * (1 - s2) / n
        each_independent = false * np.log(independent)
        each_forward = false * np.log(c * (1 - s2) + (1 - c) * independent)
        each_backward = false * np.log(c * (1 - s1) + (1 - c) * independent)
        log_independent += _sums(self.pair, each_independent, minlength=self.n_pairs)
        log_forward += _sums(self.pair, each_forward, minlength=self.n_pairs)
        log_backward += _sums(self.pair, each_backward, minlength=self.n_pairs)
        log_independent += math.log(1 - p.copy_prior)
        log_forward += math.log(p.copy_prior / 2)
        log_backward += math.log(p.copy_prior / 2)
        self.dependence = _posterior(log_independent, log_forward, log_backward)
        # A vote on an item shrinks with the probability that its source depends on each of the
        # others stating the same value, judged on the other items the two share (so one shared
        # value cannot make two sources copiers by itself), for pairs more likely dependent than
        # not.
        lo_copies, hi_copies = _directions(
            log_independent[self.pair] - each_independent,
            log_forward[self.pair] - each_forward,
            log_backward[self.pair] - each_backward,
        )
        dependent = (lo_copies + hi_copies) > 0.5
        self.discounted = _sums(self.pair, dependent.astype(np.float64), self.n_pairs) > 0
        lo_copies = np.where(dependent, lo_copies, 0.0)
        hi_copies = np.where(dependent, hi_copies, 0.0)
        a_copies = np.where(self.a_is_low, lo_copies, hi_copies)
        b_copies = np.where(self.a_is_low, hi_copies, lo_copies)
        shared = _sums(self.a, c * a_copies, minlength=self.n_claims)
        shared += _sums(self.b, c * b_copies, minlength=self.n_claims)
        return 1 / (1 + shared)

    def dependences(self, names: list[str]) -> list[Dependence]:
        dependent = self.dependence
        found = [
            Dependence(names[low], names[high], float(dependent[k]))
            for k, (low, high) in enumerate(zip(self.low.tolist(), self.high.tolist(), strict=True))
            if self.discounted[k]
        ]
        return found


# --- Command line ----------------------------------------------------------------------------


class InputError(ValueError):
    """Malformed claims file; the message names the file and the line."""


def read_claims(path: str) -> Iterator[Claim]:
    """The claims of a UTF-8 TSV file with the header ``source object attribute value``."""
    with open(path, "rb") as file:
        data = file.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"{path}:{line}: not UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        ) from None
    del data
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    del text
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise InputError(f"{path}:1: empty file; expected the header {' '.join(HEADER)}")
    header = tuple(lines[0].rstrip("\r").split("\t"))
    if header != HEADER:
        raise InputError(
            f"{path}:1: the header must be {'<TAB>'.join(HEADER)}, "
            f"found {'<TAB>'.join(header)[:80]!r}"
        )
    for number, line in enumerate(lines[1:], start=2):
        fields = line.rstrip("\r").split("\t")
        if len(fields) != 4:
            if len(fields) == 1 and not fields[0].strip():
                continue  # a blank line
            missing = len(fields) < 4
            what = f"missing column {HEADER[len(fields)]!r}" if missing else "more than 4 columns"
            raise InputError(
                f"{path}:{number}: {what}: expected 4 tab-separated columns, found {len(fields)}"
            )
        for name, field in zip(HEADER, fields, strict=True):
            if not field.strip():
                raise InputError(f"{path}:{number}: empty {name}")
        yield fields[0], fields[1], fields[2], fields[3]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m catalog.consensus",
        description=(
            "Consensus values and source trust from conflicting claims (TruthFinder with "
            "copy detection). Writes 'object attribute value confidence' to standard output."
        ),
    )
    parser.add_argument("claims", help="TSV file with the header: source object attribute value")
    parser.add_argument(
        "--trust", metavar="FILE", help="also write 'source trust' (tab-separated) to FILE"
    )
    args = parser.parse_args(argv)
    try:
        result = discover(read_claims(args.claims))
    except InputError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{parser.prog}: error: {args.claims}: {error.strerror}", file=sys.stderr)
        return 2
    out = ["object\tattribute\tvalue\tconfidence\n"]
    out.extend(f"{o}\t{a}\t{v}\t{c:.6f}\n" for o, a, v, c in result.rows())
    sys.stdout.write("".join(out))
    if args.trust:
        rows = ["source\ttrust\n"]
        rows.extend(f"{s}\t{t:.6f}\n" for s, t, _, _ in result.trust_rows())
        with open(args.trust, "w", encoding="utf-8") as file:
            file.write("".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
