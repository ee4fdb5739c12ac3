"""The consensus engine against majority vote and the other published methods, and its cost.

``python bench/consensus.py --data DIR`` (``make bench-consensus``) runs majority vote, the
engine's default (TruthFinder with copy detection) and the alternatives ``consensus.Parameters``
offers on ``DIR/claims.tsv`` and scores them on ``DIR/gold.tsv`` (``object attribute
value``): a value is right when its normal form equals the gold one's (numbers: the same
integer). Only gold pairs that have claims are scored. Majority vote counts each source once per
normalised value and breaks ties towards the smaller value (numbers by magnitude, text by code
point), the engine's own tie rule; it also reports the score when ties go to the value met first
in the file instead, an order-dependent rule. The alternatives are, each with its published
constants: the default without copy detection, the default with near numbers supporting each
other (``similar_numbers``), Accu, and Pasternack & Roth's Investment, PooledInvestment,
Average-Log and Sums. It then prints how far each method's confidence is a probability on the
gold values (ECE and Brier score) and draws the reliability diagram (``bench/reliability.py``).

Then every design of ``DESIGNS`` is cross-validated without gold (``bench/crossvalidation.py``,
``--rounds`` rounds), its gold accuracy printed beside as a check: the designs and constants are
chosen on the cross-validated scores, never on the gold file.

``--scale N`` also writes N synthetic claims (seeded) to a temporary TSV and runs the command line
``python -m catalog.consensus`` on it in a child process, end to end (read, compute, write),
reporting its wall time and peak memory (``ru_maxrss``), and both majority vote's and the
engine's accuracy against the synthetic truth (the world of ``bench/world.py``).

Nothing here feeds back into the engine's constants: the gold file is a check. Which choices were
compared on it is said in docs/consensus.md.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# Run as a script from anywhere: the repository's packages come from the repository.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import crossvalidation  # bench/crossvalidation.py, beside this script
from reliability import Reliability, draw  # bench/reliability.py, beside this script
from world import synthetic  # bench/world.py, beside this script

from catalog import consensus

REPO = Path(__file__).resolve().parent.parent


def _types(claims: list[consensus.Statement]) -> dict[str, consensus.ValueType]:
    values: dict[str, set[str]] = defaultdict(set)
    for _, _, attribute, value in claims:
        values[attribute].add(value)
    return {
        a: consensus.type_for_name(a) or consensus.type_for_values(v) for a, v in values.items()
    }


def majority_vote(
    claims: list[consensus.Statement], *, first_met: bool = False
) -> dict[tuple[str, str], str]:
    """The most stated normal form of each (object, attribute); ties to the smaller value.

    With ``first_met``, ties go to the value met first in the claims' order instead.
    """
    types = _types(claims)
    votes: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(dict)
    for source, obj, attribute, value in claims:
        key = types[attribute].normalise(value)
        votes[(obj, attribute)].setdefault(key, set()).add(source)
    return {
        (obj, attribute): _most_stated(by_value, types[attribute], first_met=first_met)
        for (obj, attribute), by_value in votes.items()
    }


def majority_share(claims: list[consensus.Statement]) -> dict[tuple[str, str], float]:
    """Majority vote's own confidence: the share of an item's sources stating the chosen value."""
    types = _types(claims)
    chosen = majority_vote(claims)
    stating: dict[tuple[str, str], set[str]] = defaultdict(set)
    agreeing: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source, obj, attribute, value in claims:
        stating[(obj, attribute)].add(source)
        if types[attribute].normalise(value) == chosen[(obj, attribute)]:
            agreeing[(obj, attribute)].add(source)
    return {item: len(agreeing[item]) / len(sources) for item, sources in stating.items()}


def _most_stated(
    by_value: dict[str, set[str]], vtype: consensus.ValueType, *, first_met: bool
) -> str:
    """The normal form most sources state; ties to the smaller value, or to the first met."""
    if first_met:  # dicts keep insertion order; max keeps the first of equals
        return max(by_value, key=lambda k: len(by_value[k]))
    return min(by_value, key=lambda k: (-len(by_value[k]), vtype.order(k)))


def read_gold(path: Path) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8", newline="") as file:
        rows = csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        if header != ["object", "attribute", "value"]:
            sys.exit(f"{path}:1: expected the header object<TAB>attribute<TAB>value")
        return {(o, a): v for o, a, v in rows}


def score(
    chosen: dict[tuple[str, str], str],
    gold: dict[tuple[str, str], str],
    types: Mapping[str, consensus.ValueType],
) -> int:
    return sum(1 for (o, a), v in gold.items() if chosen[(o, a)] == types[a].normalise(v))


def run_cli(claims_path: Path, output: Path) -> tuple[float, float]:
    """Run ``python -m catalog.consensus`` in a child process: wall seconds, peak MB."""
    start = time.perf_counter()
    with output.open("wb") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "catalog.consensus", str(claims_path)], stdout=out, cwd=REPO
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if child.returncode:
        sys.exit(f"the command line failed with status {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in kB on Linux


def read_output(path: Path) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8") as file:
        next(file)
        return {(o, a): v for o, a, v, _ in (line.rstrip("\n").split("\t") for line in file)}


def population(data: Path, rounds: int) -> None:
    data = data.resolve()
    claims_path = data / "claims.tsv"
    claims = list(consensus.read_claims(str(claims_path)))
    gold_all = read_gold(data / "gold.tsv")
    types = _types(claims)
    items = {(o, a) for _, o, a, _ in claims}
    gold = {k: v for k, v in gold_all.items() if k in items}

    start = time.perf_counter()
    result = consensus.discover(claims)
    engine_time = time.perf_counter() - start
    start = time.perf_counter()
    majority = majority_vote(claims)
    majority_time = time.perf_counter() - start
    first_met = majority_vote(claims, first_met=True)

    n = len(gold)
    sources = len({s for s, _, _, _ in claims})
    print(f"Population benchmark ({data})")
    print(
        f"  {len(claims):,} claims by {sources:,} sources on {len(items):,} items; "
        f"{n} gold values have claims ({len(gold_all) - n} more have none)"
    )

    def line(name: str, chosen: dict[tuple[str, str], str], note: str = "") -> None:
        right = score(chosen, gold, types)
        print(f"  {name:<30} {right / n:.3f}  ({right}/{n})  {note}".rstrip())

    def engine(**changes: Any) -> dict[tuple[str, str], str]:
        found = consensus.discover(claims, parameters=consensus.Parameters(**changes))
        return {k: v.normalised for k, v in found.values.items()}

    line("majority vote", majority, "ties to the smaller value")
    line("  ties to first met", first_met, "(order-dependent, for reference)")
    line(
        f"engine: {consensus.DEFAULT_PARAMETERS.method} (default)",
        {k: v.normalised for k, v in result.values.items()},
        f"{result.iterations} iterations, {len(result.dependences)} dependent pairs of sources",
    )
    line("  without copy detection", engine(detect_copying=False))
    line("  near numbers supporting", engine(similar_numbers=True))
    for method in ("truthfinder", "accu"):
        if method != consensus.DEFAULT_PARAMETERS.method:
            alone = score(engine(method=method, detect_copying=False), gold, types)
            line(f"  {method}", engine(method=method), f"without copy detection {alone / n:.3f}")
    print("  Pasternack & Roth's fact-finders (20 iterations):")
    for name, method in (
        ("Investment (g = 1.2)", "investment"),
        ("PooledInvestment (g = 1.4)", "pooled_investment"),
        ("Average-Log", "average_log"),
        ("Sums", "sums"),
    ):
        alone = score(engine(method=method, detect_copying=False), gold, types)
        line(f"  {name}", engine(method=method), f"without copy detection {alone / n:.3f}")
    print(f"  time: engine {engine_time:.2f} s, majority vote {majority_time:.2f} s (in process)")
    confidences(claims, gold, types, result, majority)
    with tempfile.TemporaryDirectory() as tmp:
        elapsed, peak = run_cli(claims_path, Path(tmp) / "out.tsv")
    print(f"  command line, end to end: {elapsed:.2f} s, peak memory {peak:.0f} MB")
    compare(claims, gold, types, rounds)


DESIGNS: list[tuple[str, dict[str, Any] | None]] = [
    ("majority vote", None),
    ("TruthFinder", {"method": "truthfinder"}),
    ("  without copy detection", {"method": "truthfinder", "detect_copying": False}),
    ("  trust smoothed, 1 pseudo-claim", {"method": "truthfinder", "trust_prior": 1.0}),
    ("  near numbers supporting", {"method": "truthfinder", "similar_numbers": True}),
    ("Accu (n = 100)", {"method": "accu"}),
    ("  without copy detection", {"method": "accu", "detect_copying": False}),
    ("  Beta prior, 2 pseudo-claims", {"method": "accu", "accuracy_prior": 2.0}),
    ("  Beta prior, 10 pseudo-claims", {"method": "accu", "accuracy_prior": 10.0}),
    ("  n = 10", {"method": "accu", "false_values": 10}),
    ("  n = 1000", {"method": "accu", "false_values": 1000}),
    ("  near numbers supporting", {"method": "accu", "similar_numbers": True}),
    ("Investment, no copy detection", {"method": "investment", "detect_copying": False}),
    ("Sums", {"method": "sums"}),
]
"""The designs cross-validated: None is majority vote, else the engine's ``Parameters``."""


def compare(
    claims: list[consensus.Statement],
    gold: dict[tuple[str, str], str],
    types: Mapping[str, consensus.ValueType],
    rounds: int,
) -> None:
    """Every design's cross-validated scores (no gold), and beside them its gold accuracy."""
    protocols = [
        crossvalidation.folds(claims, types, rounds=rounds),
        crossvalidation.folds(claims, types, rounds=rounds, min_claims=10),
    ]
    print(
        f"  Cross-validation without gold ({rounds} rounds, bench/crossvalidation.py): agreement "
        "with the held-out claims (agree) and their mean log-likelihood (loglik), holding out "
        "claims of any source, then only of sources of 10 claims or more; gold as a check"
    )
    print(f"    {'design':<34}{'agree':>7}{'loglik':>8}{'agree':>9}{'loglik':>8}  gold")
    scored: list[int] = []
    for name, changes in DESIGNS:
        if changes is None:
            solve = crossvalidation.majority(types)
        else:
            solve = crossvalidation.engine(types, consensus.Parameters(**changes))
        cells = ""
        for fold_list in protocols:
            cv = crossvalidation.cross_validate(fold_list, solve, types)
            cells += f"{cv.agreement:>9.3f}{cv.log_likelihood:>8.3f}"
            scored.append(cv.scored)
        found = solve(claims)
        right = score({k: v.normalised for k, v in found.values.items()}, gold, types)
        print(f"    {name:<32}{cells}  {right / len(gold):.3f} ({right})")
    print(f"    held-out claims scored: {scored[0]:,} and {scored[1]:,}")


DIAGRAM = REPO / "docs" / "reliability.png"


def confidences(
    claims: list[consensus.Statement],
    gold: dict[tuple[str, str], str],
    types: Mapping[str, consensus.ValueType],
    result: consensus.Result,
    majority: dict[tuple[str, str], str],
) -> None:
    """How far each method's confidence is a probability, on the gold values: ECE and Brier
    (bench/reliability.py), and the reliability diagram drawn to docs/reliability.png."""
    raw = consensus.discover(claims, parameters=consensus.Parameters(calibrate=False)).values
    share = majority_share(claims)

    def right(item: tuple[str, str], value: str) -> bool:
        return value == types[item[1]].normalise(gold[item])

    methods = [
        Reliability.of(
            "engine (calibrated)",
            [(result.values[k].confidence, right(k, result.values[k].normalised)) for k in gold],
        ),
        Reliability.of(
            "TruthFinder's score", [(raw[k].confidence, right(k, raw[k].normalised)) for k in gold]
        ),
        Reliability.of("majority vote's share", [(share[k], right(k, majority[k])) for k in gold]),
    ]
    print("  confidence as a probability on the gold values (ECE: 10 equal bins):")
    for method in methods:
        print(
            f"    {method.name:<28} ECE {method.expected_calibration_error():.3f}"
            f"  Brier {method.brier():.3f}"
        )
    if result.calibration is not None:
        print(f"    the map was learnt from {result.calibration.held_out:,} held-out claims")
    draw(DIAGRAM, methods, f"Population benchmark: {len(gold)} gold values")
    print(f"  reliability diagram: {DIAGRAM.relative_to(REPO)}")


def scale(n_claims: int) -> None:
    print(f"Synthetic scale run: {n_claims:,} claims (seeded)")
    start = time.perf_counter()
    lines, truth = synthetic(n_claims)
    print(f"  generated in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        claims_path = Path(tmp) / "claims.tsv"
        claims_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        del lines
        elapsed, peak = run_cli(claims_path, Path(tmp) / "out.tsv")
        print(f"  command line, end to end: {elapsed:.1f} s, peak memory {peak:.0f} MB")
        engine = read_output(Path(tmp) / "out.tsv")
        claims = list(consensus.read_claims(str(claims_path)))
    types = _types(claims)
    majority = majority_vote(claims)
    engine_keys = {k: types[k[1]].normalise(v) for k, v in engine.items()}
    n = len(truth)
    for name, chosen in (("majority vote", majority), ("engine", engine_keys)):
        right = score(chosen, truth, types)
        print(f"  {name:<24} {right / n:.3f}  ({right:,}/{n:,}) against the synthetic truth")


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python bench/consensus.py", description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared/data/truth/population")
    parser.add_argument("--scale", type=int, metavar="N", help="also run N synthetic claims")
    parser.add_argument(
        "--rounds", type=int, default=5, help="cross-validation rounds per design (default 5)"
    )
    args = parser.parse_args(None if argv is None else list(argv))
    population(args.data, args.rounds)
    if args.scale:
        scale(args.scale)


if __name__ == "__main__":
    main()
