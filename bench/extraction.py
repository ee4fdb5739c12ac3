"""Precision and recall of the claim finder (catalog.extraction) against hand-annotated pages.

Three sets, scored apart: the seed pages (fixtures/red_hot.json, its hand-typed claims as gold),
and the annotated cases in bench/extraction/cases/ (NAME.json with its page text in NAME.txt),
split by their "split" into "dev" (the rules were written against these) and "heldout" (read
only to be measured). A proposal matches a gold claim of the same field when their values are
the same after `fold` (and, for cast, their characters); for long text fields (synopsis,
tagline, ending, verdict) when the quotes overlap by at least half of the shorter one. Each gold
claim is matched at most once. Run it with `make bench-extract`; `--show dev` lists the misses
and the extra proposals of the seed and dev pages.
"""

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog.extraction import find_claims  # noqa: E402
from catalog.extraction.proposal import LONG_FIELDS, PERSON_FIELDS, Proposal  # noqa: E402
from catalog.normalise import fold  # noqa: E402

# The fields the finder proposes; gold claims of other fields are not scored.
SCOPE = (
    "title", "year", "certificate", "runtime", "genre", "director", "writer", "cast",
    "setting", "period", "tagline", "synopsis", "user_rating", "votes", "verdict",
)  # fmt: skip


@dataclass
class Gold:
    field: str
    value: str
    character: str
    start: int
    end: int


@dataclass
class Case:
    name: str
    split: str
    text: str
    gold: list[Gold]


def gold_claim(text: str, claim: dict, start: int | None = None) -> Gold:
    quote = claim.get("quote") or ""
    if start is None or text[start : start + len(quote)] != quote:
        start = text.find(quote) if quote else -1
    return Gold(
        claim["field"], claim.get("value") or "", claim.get("character") or "", start,
        start + len(quote),
    )  # fmt: skip


def seed_cases(path: Path) -> list[Case]:
    rows = json.loads(path.read_text())
    sources = {row["pk"]: row["fields"] for row in rows if row["model"] == "catalog.source"}
    cases = {pk: Case(fields["slug"], "seeds", fields["text"], []) for pk, fields in sources.items()}
    for row in rows:
        if row["model"] == "catalog.claim":
            fields = row["fields"]
            case = cases[fields["source"]]
            case.gold.append(gold_claim(case.text, fields, fields.get("quote_start")))
    return list(cases.values())


def annotated_cases(folder: Path) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text())
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = [gold_claim(text, claim) for claim in data.get("claims", [])]
        cases.append(Case(path.stem, data.get("split", "dev"), text, gold))
    return cases


def matches(proposal: Proposal, gold: Gold) -> bool:
    if proposal.field != gold.field:
        return False
    if gold.field in LONG_FIELDS:
        shorter = min(len(proposal.quote), gold.end - gold.start)
        overlap = min(proposal.end, gold.end) - max(proposal.start, gold.start)
        return gold.start >= 0 and shorter > 0 and overlap >= shorter / 2
    values = {fold(proposal.value), fold(proposal.person)} if gold.field in PERSON_FIELDS else {
        fold(proposal.value)
    }
    if fold(gold.value) not in values:
        return False
    return gold.field != "cast" or fold(gold.character) == fold(proposal.character)


def score(case: Case) -> tuple[list[tuple[Gold, Proposal | None]], list[Proposal]]:
    """Each in-scope gold claim with the proposal matched to it, and the unmatched proposals."""
    proposals = [p for p in find_claims(case.text) if p.field in SCOPE]
    free = list(proposals)
    paired: list[tuple[Gold, Proposal | None]] = []
    for gold in [g for g in case.gold if g.field in SCOPE]:
        found = next((p for p in free if matches(p, gold)), None)
        if found is not None:
            free.remove(found)
        paired.append((gold, found))
    return paired, free


def report(title: str, cases: list[Case], show: bool) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # matched, gold, proposed
    for case in cases:
        paired, extra = score(case)
        for gold, found in paired:
            counts[gold.field][1] += 1
            counts[gold.field][0] += found is not None
            counts[gold.field][2] += found is not None
        for proposal in extra:
            counts[proposal.field][2] += 1
        if show:
            print(f"  -- {case.name}")
            for gold, found in paired:
                if found is None:
                    print(f"     missed  {gold.field:12} {gold.value[:60]!r} {gold.character!r}")
            for proposal in extra:
                print(
                    f"     extra   {proposal.field:12} {proposal.value[:60]!r} "
                    f"{proposal.character!r} [{proposal.rule}] {proposal.quote[:50]!r}"
                )
    print(f"\n{title}: {len(cases)} pages")
    print(f"  {'field':14}{'gold':>6}{'proposed':>10}{'matched':>9}{'P':>7}{'R':>7}{'F1':>7}")
    total = [0, 0, 0]
    for field in SCOPE:
        if field not in counts:
            continue
        matched, gold, proposed = counts[field]
        total = [total[0] + matched, total[1] + gold, total[2] + proposed]
        print(f"  {field:14}{gold:>6}{proposed:>10}{matched:>9}{figures(matched, gold, proposed)}")
    print(f"  {'overall':14}{total[1]:>6}{total[2]:>10}{total[0]:>9}{figures(*total[:1], total[1], total[2])}")


def figures(matched: int, gold: int, proposed: int) -> str:
    precision = matched / proposed if proposed else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{precision:>7.2f}{recall:>7.2f}{f1:>7.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", type=Path, default=ROOT / "fixtures" / "red_hot.json")
    parser.add_argument("--cases", type=Path, default=ROOT / "bench" / "extraction" / "cases")
    parser.add_argument("--show", choices=["dev"], help="list misses and extras (seeds, dev)")
    args = parser.parse_args()
    started = time.perf_counter()
    report("seeds", seed_cases(args.fixture), args.show == "dev")
    cases = annotated_cases(args.cases) if args.cases.is_dir() else []
    if not cases:
        print(f"\nNo annotated cases in {args.cases}.")
    for split in ("dev", "heldout"):
        chosen = [case for case in cases if case.split == split]
        if chosen:
            report(split, chosen, args.show == "dev" and split == "dev")
    print(f"\n{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
