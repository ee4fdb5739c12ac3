"""Consensus values and source trust from conflicting claims: a truth-discovery engine.

A claim is ``(source, object, attribute, value)``. For every ``(object, attribute)`` ``discover``
picks the most likely value with a confidence in [0, 1], and gives every source a trust score and
the number of its claims that agree with the chosen values: TruthFinder with per-type similarity
and AccuCopy's copy detection, its scores calibrated to probabilities; or Dong et al.'s Accu, or
one of Pasternack & Roth's fact-finders. Plain Python and NumPy, no Django. docs/consensus.md
explains the method, its constants and what was compared.

``value_types``: how values are normalised and compared; ``engine``: ``discover``, in steps;
``coding``: the claims integer-coded in bulk; ``graph``: who states what; ``methods``: the
iterations; ``copying``: AccuCopy; ``calibration``: confidence as a probability; ``result``: what
``discover`` returns; ``tsv`` and ``cli``: the command line, ``python -m catalog.consensus``.
"""

from catalog.consensus.calibration import Calibration
from catalog.consensus.cli import main
from catalog.consensus.engine import Statement, discover
from catalog.consensus.parameters import DEFAULT_PARAMETERS, METHODS, Parameters
from catalog.consensus.result import CopyEvidence, Dependence, Finding, Result, SourceScore
from catalog.consensus.tsv import HEADER, InputError, read_claims
from catalog.consensus.value_types import (
    KEYWORDS,
    VALUE_TYPES,
    CertificateType,
    DurationType,
    ExactType,
    GenreType,
    NumberType,
    PersonType,
    TitleType,
    ValueType,
    YearType,
    type_for_name,
    type_for_values,
)

__all__ = [
    "DEFAULT_PARAMETERS",
    "HEADER",
    "KEYWORDS",
    "METHODS",
    "VALUE_TYPES",
    "Calibration",
    "CertificateType",
    "CopyEvidence",
    "Dependence",
    "DurationType",
    "ExactType",
    "Finding",
    "GenreType",
    "InputError",
    "NumberType",
    "Parameters",
    "PersonType",
    "Result",
    "SourceScore",
    "Statement",
    "TitleType",
    "ValueType",
    "YearType",
    "discover",
    "main",
    "read_claims",
    "type_for_name",
    "type_for_values",
]
