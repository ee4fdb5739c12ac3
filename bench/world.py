"""A synthetic world of claims for ``bench/consensus.py --scale N``, seeded, with its truth.

N / 10 objects, 80 % with a population, 20 % with a director; N / 500 sources with accuracies
spread uniformly over [0.5, 0.95]; 2 % of the sources are unreliable originals (accuracy 0.4)
each copied by 4 copiers that repeat 80 % of its values. Wrong values are near misses (a
population off by up to 5 %, a misspelt name) or anything.
"""

from __future__ import annotations

import numpy as np

FIRST = [
    *("Anna", "Armin", "Carla", "George", "Helen", "Jean", "Maria"),
    *("Paul", "Peter", "Rosa", "Sofia", "Tomas", "Valerie", "Yann"),
]
LAST = [
    *("Bergman", "Dubois", "Gugino", "Haggis", "Kowalski"),
    *("Mueller-Stahl", "Nakamura", "Pena", "Rossi", "Santos"),
]


def _misspell(rng: np.random.Generator, name: str) -> str:
    i = int(rng.integers(1, len(name) - 1))
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def synthetic(n_claims: int, seed: int = 2024) -> tuple[list[str], dict[tuple[str, str], str]]:
    """TSV lines (header first) and the truth of every (object, attribute)."""
    rng = np.random.default_rng(seed)
    n_objects = max(1, n_claims // 10)
    n_sources = max(50, n_claims // 500)
    n_groups = max(1, n_sources // 50)  # originals, each with 4 copiers
    originals = np.arange(n_groups)
    copiers = n_groups + np.arange(4 * n_groups)  # then the independent sources
    accuracy = rng.uniform(0.5, 0.95, n_sources)
    accuracy[originals] = 0.4

    is_name = rng.random(n_objects) < 0.2
    population = np.round(10 ** rng.uniform(3, 7, n_objects)).astype(np.int64)
    director = [f"{FIRST[i]} {LAST[j]}" for i, j in rng.integers(0, 10, (n_objects, 2)).tolist()]
    truth = {
        (f"city {o}", "director" if is_name[o] else "population"): (
            director[o] if is_name[o] else str(population[o])
        )
        for o in range(n_objects)
    }

    picks = rng.integers(0, n_sources - 4 * n_groups, (n_objects, 10))  # no copier
    picks = np.sort(np.where(picks < n_groups, picks, picks + 4 * n_groups), axis=1)
    keep = np.ones_like(picks, dtype=bool)
    keep[:, 1:] = picks[:, 1:] != picks[:, :-1]
    obj = np.repeat(np.arange(n_objects), 10)[keep.ravel()]
    src = picks.ravel()[keep.ravel()]

    def values(obj: np.ndarray, src: np.ndarray) -> list[str]:
        right = rng.random(len(obj)) < accuracy[src]
        near = rng.random(len(obj)) < 0.5
        drift = 1 + rng.uniform(-0.05, 0.05, len(obj))
        anything = np.round(10 ** rng.uniform(3, 7, len(obj))).astype(np.int64)
        other = rng.integers(0, 10, (len(obj), 2)).tolist()
        out = []
        for k, (o, ok, close) in enumerate(zip(obj.tolist(), right, near, strict=True)):
            if is_name[o]:
                if ok:
                    out.append(director[o])
                elif close:
                    out.append(_misspell(rng, director[o]))
                else:
                    out.append(f"{FIRST[other[k][0]]} {LAST[other[k][1]]}")
            elif ok:
                out.append(str(population[o]))
            else:
                out.append(str(round(population[o] * drift[k]) if close else anything[k]))
        return out

    vals = values(obj, src)
    # Copiers claim wherever their original does: 80 % copied, the rest their own.
    by_original = np.flatnonzero(src < n_groups)
    copy_obj: list[np.ndarray] = []
    copy_src: list[np.ndarray] = []
    copy_vals: list[str] = []
    for member in range(4):
        copied = rng.random(len(by_original)) < 0.8
        who = copiers[src[by_original] * 4 + member]
        own = values(obj[by_original], who)
        copy_obj.append(obj[by_original])
        copy_src.append(who)
        copy_vals.extend(
            vals[i] if c else v for i, c, v in zip(by_original.tolist(), copied, own, strict=True)
        )
    obj = np.concatenate([obj, *copy_obj])
    src = np.concatenate([src, *copy_src])
    vals = vals + copy_vals
    order = rng.permutation(len(obj))[:n_claims]
    lines = ["source\tobject\tattribute\tvalue"]
    for k in order.tolist():
        o = int(obj[k])
        attribute = "director" if is_name[o] else "population"
        lines.append(f"source {src[k]}\tcity {o}\t{attribute}\t{vals[k]}")
    stated = {
        (f"city {int(obj[k])}", "director" if is_name[obj[k]] else "population") for k in order
    }
    return lines, {k: v for k, v in truth.items() if k in stated}
