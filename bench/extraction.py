"""Precision and recall of the claim finder (catalog.extraction) against hand-annotated pages.

Four sets, scored apart: the seed pages (fixtures/red_hot.json, its hand-typed claims as gold),
and the annotated cases in bench/extraction/cases/ (NAME.json with its page text in NAME.txt),
split by their "split" into "dev" and "dev2" (the rules were written against these) and
"heldout" (read only to be measured). A proposal matches a gold claim of the same field when
their values are the same after `fold` (and, for cast, their characters); for long text fields
(synopsis, tagline, ending, verdict) when the quotes overlap by at least half of the shorter
one. Each gold claim is matched at most once. Run it with `make bench-extract`;
`--splits seeds,dev,dev2` scores only those sets (so that tuning never shows the held-out
figures), `--show` lists the misses and the extra proposals of the development sets, and
`--case NAME` scores one case, and `--catalogue` passes the loaded catalogue's names to the
finder as the site does (the figures otherwise read the text alone). It then times the whole
of reading a 100 KB page (read_page and find_claims) and the building of a NameIndex of 64,000
people with about 1.2 spellings each, with the memory that index holds.
"""

import argparse
import json
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Container
from dataclasses import dataclass
from pathlib import Path

# Run as a script from anywhere: the repository's packages come from the repository.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalog.extraction import find_claims, read_page
from catalog.extraction.people import NameIndex
from catalog.extraction.proposal import LONG_FIELDS, PERSON_FIELDS, Proposal
from catalog.normalise import fold

ROOT = Path(__file__).resolve().parent.parent

SPLITS = (
    "seeds",
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "heldout",
)
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
    cases = {
        pk: Case(fields["slug"], "seeds", fields["text"], []) for pk, fields in sources.items()
    }
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
    values = (
        {fold(proposal.value), fold(proposal.person)}
        if gold.field in PERSON_FIELDS
        else {fold(proposal.value)}
    )
    if fold(gold.value) not in values:
        return False
    return gold.field != "cast" or fold(gold.character) == fold(proposal.character)


def score(
    case: Case, known: Container[str] | None = None
) -> tuple[list[tuple[Gold, Proposal | None]], list[Proposal]]:
    """Each in-scope gold claim with the proposal matched to it, and the unmatched proposals;
    `known`: the folded names of the catalogue's people, as the site passes them."""
    proposals = [p for p in find_claims(case.text, names=known) if p.field in SCOPE]
    free = list(proposals)
    paired: list[tuple[Gold, Proposal | None]] = []
    for gold in [g for g in case.gold if g.field in SCOPE]:
        found = next((p for p in free if matches(p, gold)), None)
        if found is not None:
            free.remove(found)
        paired.append((gold, found))
    return paired, free


def report(title: str, cases: list[Case], show: bool, known: Container[str] | None = None) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # matched, gold, proposed
    for case in cases:
        paired, extra = score(case, known)
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
        matched, expected, proposed = counts[field]
        total = [total[0] + matched, total[1] + expected, total[2] + proposed]
        print(
            f"  {field:14}{expected:>6}{proposed:>10}{matched:>9}"
            f"{figures(matched, expected, proposed)}"
        )
    print(
        f"  {'overall':14}{total[1]:>6}{total[2]:>10}{total[0]:>9}"
        f"{figures(total[0], total[1], total[2])}"
    )


def figures(matched: int, gold: int, proposed: int) -> str:
    precision = matched / proposed if proposed else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{precision:>7.2f}{recall:>7.2f}{f1:>7.2f}"


def big_page(fixture: Path, size: int = 100_000) -> bytes:
    """A film page of about `size` bytes: the seed texts as paragraphs, a long cast table,
    navigation lists, and the scripts and styles real pages carry."""
    rows = json.loads(fixture.read_text())
    texts = [row["fields"]["text"] for row in rows if row["model"] == "catalog.source"]
    body = ["<h1>Red Hot (1993)</h1>", "<p>• PG • 1993 • 1 hr 35 min • 5.5 (326)</p>"]
    body += [f"<p>{paragraph}</p>" for text in texts for paragraph in text.split("\n\n")]
    head = (
        "<html><head><meta charset='utf-8'><title>Red Hot (1993)</title>"
        "<style>body { font: 16px serif } .cast td { padding: 2px }</style>"
        "<script>window.dataLayer = [];</script></head><body>"
    )
    cast = ["<table class='cast'>"]
    number = 0
    while len(head) + sum(map(len, body)) + sum(map(len, cast)) < size:
        number += 1
        cast.append(
            f"<tr><td>Actor Number{number} Person</td><td>...</td><td>Role {number}</td></tr>"
        )
        if number % 40 == 0:
            cast.append("<script>var x = {a: 1};</script><ul><li>Home</li><li>Films</li></ul>")
    return (head + "".join(body) + "".join(cast) + "</table></body></html>").encode()


def timed(action: Callable[[], object], repeat: int = 5) -> float:
    """The median of `repeat` runs, in milliseconds."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000


def speed(fixture: Path) -> None:
    data = big_page(fixture)
    page = read_page(data)
    print(
        f"\nA {len(data) / 1000:.0f} KB page ({len(page.text) / 1000:.0f} KB of text, "
        f"{len(find_claims(page.text))} proposals), median of 5 runs:"
    )
    print(f"  read_page    {timed(lambda: read_page(data)):7.0f} ms")
    print(f"  find_claims  {timed(lambda: find_claims(page.text)):7.0f} ms")
    print(f"  both         {timed(lambda: find_claims(read_page(data).text)):7.0f} ms")


def people_rows(count: int = 64_000) -> list[tuple[int, str, list[str]]]:
    """Made-up people, one in five with a second spelling: about 1.2 spellings each."""
    firsts = [f"{a}{b}" for a in "BCDFGHJKLMNPRSTV" for b in ("ana", "eli", "ori", "uma", "ax")]
    lasts = [
        f"{a}{b}{c}" for a in "BDGKMPRSTW" for b in ("al", "en", "ir", "on") for c in "dklmnrst"
    ]
    rows = []
    for person_id in range(count):
        first = firsts[person_id % len(firsts)]
        last = lasts[(person_id // len(firsts)) % len(lasts)] + (
            "" if person_id < 25_600 else "son"
        )
        name = f"{first} {last}"
        rows.append((person_id, name, [f"{first} {last}e"] if person_id % 5 == 0 else []))
    return rows


def names(count: int = 64_000) -> None:
    rows = people_rows(count)
    spellings = sum(1 + len(row[2]) for row in rows)
    tracemalloc.start()
    started = time.perf_counter()
    index = NameIndex(rows)
    built = time.perf_counter() - started
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    probe = rows[12_345][1]
    candidates = [row[0] for row in rows[12_300:12_330]]
    print(f"\nNameIndex of {len(index):,} people, {spellings / len(index):.2f} spellings each:")
    print(f"  build        {built * 1000:7.0f} ms, {held / 1_000_000:.1f} MB held")
    lookups = timed(lambda: [index.exact(row[1]) for row in rows[:10_000]]) / 10_000
    print(f"  exact        {lookups * 1000:7.1f} µs a lookup")
    print(f"  near         {timed(lambda: index.near(probe + 'x', candidates)):7.2f} ms among 30")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", type=Path, default=ROOT / "fixtures" / "red_hot.json")
    parser.add_argument("--cases", type=Path, default=ROOT / "bench" / "extraction" / "cases")
    parser.add_argument(
        "--splits",
        default=",".join(SPLITS),
        help=f"the sets to score, comma-separated (default {','.join(SPLITS)})",
    )
    parser.add_argument(
        "--show", action="store_true", help="list misses and extras (not of the held-out set)"
    )
    parser.add_argument("--case", help="score only the case of this name")
    parser.add_argument(
        "--catalogue",
        action="store_true",
        help="pass the loaded catalogue's names to the finder, as the site does (`make data`)",
    )
    args = parser.parse_args()
    splits = [split for split in args.splits.split(",") if split]
    known = catalogue_names() if args.catalogue else None
    started = time.perf_counter()
    if "seeds" in splits and not args.case:
        report("seeds", seed_cases(args.fixture), args.show, known)
    cases = annotated_cases(args.cases) if args.cases.is_dir() else []
    if not cases:
        print(f"\nNo annotated cases in {args.cases}.")
    for split in splits:
        chosen = [
            case
            for case in cases
            if case.split == split and (not args.case or case.name == args.case)
        ]
        if chosen and split != "seeds":
            report(split, chosen, args.show and split != "heldout", known)
    print(f"\nScoring took {time.perf_counter() - started:.1f} s")
    speed(args.fixture)
    names()


def catalogue_names() -> Container[str]:
    """The names index the site builds from the loaded catalogue (catalog.intake.people)."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    from catalog.intake.people import names_index

    return names_index()


if __name__ == "__main__":
    main()
