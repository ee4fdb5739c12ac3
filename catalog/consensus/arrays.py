"""Sums over groups of integer-coded NumPy arrays, the arithmetic every part of the engine uses."""

from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Indices = npt.NDArray[np.signedinteger[Any]]
"""Integers of any width, as indices (32 bits where the many pairs of claims need less memory)."""


def sums(index: Indices, weights: Floats, minlength: int) -> Floats:
    """``np.bincount`` with weights, as floats even when there is nothing to add."""
    return np.bincount(index, weights=weights, minlength=minlength).astype(np.float64, copy=False)


def distinct(keys: Ints) -> Ints:
    """The distinct keys, sorted: ``np.unique``, by sorting (its hash table is far slower on
    millions of integers)."""
    ordered = np.sort(keys)
    return ordered[_firsts(ordered)]


def distinct_inverse(keys: Ints) -> tuple[Ints, Ints]:
    """The distinct keys, sorted, and each key's index among them (``np.unique`` with
    ``return_inverse``)."""
    order = np.argsort(keys)
    ordered = keys[order]
    first = _firsts(ordered)
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def _firsts(ordered: Ints) -> Bools:
    """Where each run of equal values of a sorted vector starts."""
    first = np.ones(len(ordered), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return first


def group_bounds(group: Ints, groups: int) -> tuple[Ints, Ints]:
    """The start and size of each group of a sorted group vector."""
    sizes = np.bincount(group, minlength=groups).astype(np.int64)
    starts = np.zeros(groups, dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    return starts, sizes


def pairs_in_groups(starts: Ints, sizes: Ints) -> tuple[Ints, Ints]:
    """Every unordered pair of positions within each group ``[start, start + size)``."""
    firsts, seconds = [], []
    for size in distinct(sizes[sizes >= 2]).tolist():
        upper_i, upper_j = np.triu_indices(size, 1)
        base = starts[sizes == size][:, None]
        firsts.append((base + upper_i).ravel())
        seconds.append((base + upper_j).ravel())
    if not firsts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)


def group_logsumexp(log_values: Floats, starts: Ints) -> Floats:
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
