"""The claims a page's text makes about its film, proposed for an editor to accept.

Each shape of page has its finder (labels.py: label lines, bullet strips, video-guide tails;
cast.py: cast lists and asides; prose.py: sentences; narrative.py: synopsis, tagline, verdict).
This module runs them all, adds embedded schema.org facts the text repeats, and drops repeats.
"""

import re
from collections.abc import Container, Iterable, Iterator

from catalog.extraction import (
    asides,
    cards,
    cast,
    castlists,
    casttables,
    creditheads,
    entries,
    eras,
    genres,
    guide,
    heads,
    labels,
    makers,
    marks,
    narrative,
    places,
    prose,
    titles,
    verdicts,
)
from catalog.extraction.metadata import Fact
from catalog.extraction.patterns import DATE, SCORE
from catalog.extraction.proposal import LONG_FIELDS, Proposal, proposal
from catalog.extraction.text import lines
from catalog.normalise import fold

__all__ = ["Proposal", "find_claims"]

# Which finder wins when two read the same words the same way: the more explicit layout first.
RULE_ORDER = [
    "label",
    "cast block",
    "cast list",
    "crew card",
    "guide",
    "strip",
    "heading",
    "aka",
    "credit head",
    "aside",
    "plays",
    "played by",
    "directed by",
    "credit",
    "starring",
    "is a genre",
    "released",
    "runs",
    "bracketed year",
    "set in",
    "period opening",
    "period",
    "season",
    "capitals",
    "quoted title",
    "review genre",
    "plot heading",
    "told plot",
    "tagline",
    "verdict",
    "embedded",
]


class NoNames:
    """The empty index: the finder then judges names by their shape alone."""

    def __contains__(self, name: object) -> bool:
        return False


def find_claims(
    text: str,
    structured: Iterable[Fact] | None = None,
    names: Container[str] | None = None,
) -> list[Proposal]:
    """Every claim the text makes, in text order; quotes are verbatim slices of text.

    `structured` facts (a page's JSON-LD) are proposed only where the text says them too;
    `names` holds folded names of known people, to tell a name from a capitalised phrase.
    """
    known: Container[str] = names if names is not None else NoNames()
    surnames = cast.page_surnames(text, known)
    found: list[Proposal] = []
    finders: list[Iterator[Proposal]] = [
        labels.label_claims(text, known),
        titles.title_claims(text),
        creditheads.credit_heads(text, known),
        creditheads.fact_lines(text),
        creditheads.noted_credits(text, known),
        heads.strip_claims(text),
        cards.card_claims(text, known),
        marks.score_lines(text),
        marks.votes_lines(text),
        marks.site_scores(text),
        marks.head_scores(text),
        marks.rate_this_lines(text),
        heads.paren_certificates(text),
        heads.lone_facts(text),
        entries.year_director_lines(text),
        entries.pick_brackets(text, known),
        entries.lineup_entries(text, known),
        guide.guide_claims(text, known),
        guide.capsule_claims(text),
        castlists.cast_blocks(text, known),
        casttables.distributed_casts(text, known),
        casttables.header_tables(text, known),
        casttables.dotted_rows(text, known),
        casttables.crew_cards(text, known),
        cast.plays(text, known, surnames),
        cast.described(text, known, surnames),
        prose.lead_title(text),
        prose.people(text, known, surnames),
        makers.makers(text),
        genres.genres_and_years(text),
        places.setting_and_period(text),
        eras.dated_places(text),
        prose.runtimes(text),
    ]
    for finder in finders:
        found.extend(finder)
    for fallback in (heads.date_lines, prose.release_dates, prose.bracketed_year):
        if not any(claim.field == "year" for claim in found):
            found.extend(fallback(text))
    listed = {fold(claim.value) for claim in found if claim.field == "cast"}
    lists = [(c.start, c.end) for c in found if c.rule in ("cast list", "cast block")]
    found.extend(asides.asides(text, known, surnames, listed, lists))
    if not any(claim.field == "synopsis" for claim in found):
        found.extend(narrative.synopsis_claims(text))
    # A line that holds a fact ("Genre Drama/Comedy.") or the plot under its heading is no
    # tagline.
    spans = {
        (c.start, c.end) for c in found if c.rule in ("label", "plot heading") or c.field == "title"
    }
    found.extend(c for c in narrative.tagline_claims(text) if (c.start, c.end) not in spans)
    plots = [c for c in found if c.field == "synopsis"]
    found.extend([*places.plot_openings(text, plots), *eras.plot_dates(text, plots)])
    given = {fold(claim.value) for claim in found if claim.field == "verdict"}
    grades = [
        claim
        for claim in verdicts.grade_claims(text)
        if not said(claim, found) and fold(claim.value) not in given
    ]
    found.extend(grades)
    # The critic's judging sentence, unless the page gave one; a grade on a long head line
    # ("Film review: Harbour Lights (4 out of 5)") is no sentence.
    if not any(
        claim.field == "verdict" and len(claim.quote) > 30 and not SCORE.fullmatch(claim.value)
        for claim in found
    ):
        graded = any(claim.field == "verdict" for claim in found)
        passages = [
            (c.start, c.end)
            for c in found
            if c.field == "tagline"
            or (c.field == "synopsis" and c.rule in ("label", "plot heading"))
        ]
        found.extend(
            list(verdicts.verdict_lines(text)) or verdicts.verdict_claims(text, graded, passages)
        )
    found = audience_votes(text, audience_not_critic(found))
    found = later_seasons(release_years(one_row_per_actor(not_titles(distinct(found)))))
    found = plot_after_facts(text, found)
    # "Bhonsle Review" / "written by ...": the review's author.
    found = [c for c in found if not (c.field == "writer" and labels.byline(text, c.start))]
    if any(
        claim.field == "title" and claim.rule not in ("first line", "capitals", "aka")
        for claim in found
    ):
        # A page that names its film in a label or a head line has its site's name on top; the
        # film's other title under its first line is no such label.
        found = [claim for claim in found if claim.rule not in ("first line", "capitals")]
    found.extend(embedded(text, structured or [], found))
    found = [
        claim for claim in found if claim.quote and text[claim.start : claim.end] == claim.quote
    ]
    return sorted(found, key=lambda claim: (claim.start, claim.field, claim.value))


def plot_after_facts(text: str, found: list[Proposal]) -> list[Proposal]:
    """A plot passage begins after the lines of facts and credits it runs into ("22. März 2018
    / 2 Std. 00 Min. / Drama" and "Mit Margot Robbie, ..." over the plot); a passage that is
    all facts is no plot."""
    facts = [c for c in found if c.rule in ("strip", "label") and c.field not in LONG_FIELDS]
    kept = []
    for claim in found:
        # A labelled plot and a line-up entry's story have their bounds already.
        plot = claim.field == "synopsis" and claim.rule not in ("label", "entry")
        inside = [o.end for o in facts if plot and overlaps(claim, o)]
        after = [
            o.start for o in facts if plot and overlaps(claim, o) and o.start > claim.start + 60
        ]
        if after:
            # "... schnell wieder vergessen.\nNetflix | Thriller": the facts close the plot.
            end = text.rfind("\n", claim.start, min(after))
            claim = proposal("synopsis", "", text, claim.start, end, claim.rule)
            inside = [o.end for o in facts if overlaps(claim, o)]
        if inside:
            line_end = text.find("\n", max(inside))
            start = len(text) if line_end < 0 else line_end + 1
            if claim.end - start < 60:
                continue
            claim = proposal("synopsis", "", text, start, claim.end, claim.rule)
        kept.append(claim)
    return kept


def audience_not_critic(found: list[Proposal]) -> list[Proposal]:
    """A score under the audience's label ("IMDb RATING" over "7.3/10") is theirs, not a
    critic's grade."""
    audience = [c for c in found if c.field == "user_rating"]
    return [
        claim
        for claim in found
        if claim.field != "verdict"
        or not any(o.start <= claim.start and claim.end <= o.end for o in audience)
    ]


# A count on the line under the audience's rating, as a site abbreviates it: "120K".
COUNT_LINE = re.compile(
    r"\n[ \t]*(?P<votes>\d{1,3}(?:[.,]\d)?[KkMm]|\d{1,3}(?:,\d{3})+)[ \t]*(?=\n|$)"
)


def audience_votes(text: str, found: list[Proposal]) -> list[Proposal]:
    """The votes a page gives under its audience's rating without saying "votes"."""
    if any(claim.field == "votes" for claim in found):
        return found
    for claim in [c for c in found if c.field == "user_rating"]:
        if count := COUNT_LINE.match(text, claim.end):
            votes = proposal("votes", count.group("votes"), text, claim.start, count.end(), "label")
            return [*found, votes]
    return found


def not_titles(found: list[Proposal]) -> list[Proposal]:
    """A name in brackets that is the film's other title ("La Vie derrière soi (The Life
    Behind)") is no actor's."""
    titles = [
        f" {fold(claim.value)} "
        for claim in found
        if claim.field == "title" and claim.rule in ("credit head", "heading", "label")
    ]
    return [
        claim
        for claim in found
        if not (
            claim.field == "cast"
            and claim.rule == "aside"
            and any(f" {fold(claim.value)} " in title for title in titles)
        )
    ]


def later_seasons(found: list[Proposal]) -> list[Proposal]:
    """A season after the film's year ("im Herbst 2024 im Kino") is its release, not its
    story's time."""
    years = [int(claim.value) for claim in found if claim.field == "year" and claim.value.isdigit()]
    return [
        claim
        for claim in found
        if claim.rule != "season" or not years or int(claim.value[-4:]) <= max(years)
    ]


def said(claim: Proposal, found: list[Proposal]) -> bool:
    """Whether another proposal already quotes this one's value from the same words."""
    return any(
        other.field == claim.field and other.start <= claim.start and claim.end <= other.end
        for other in found
    )


def key(claim: Proposal) -> tuple[str, str, str]:
    return claim.field, fold(claim.person or claim.value), fold(claim.character)


def distinct(found: list[Proposal]) -> list[Proposal]:
    """One proposal per fact: of two readings of the same fact the one from the more explicit
    layout stays (a label line before a sentence); a long passage once where quotes overlap;
    a cast member without a character only where the page gives them none."""
    order = {rule: rank for rank, rule in enumerate(RULE_ORDER)}
    kept: list[Proposal] = []
    for claim in sorted(found, key=lambda c: (order.get(c.rule, len(order)), c.start)):
        if not claim.value:
            continue
        if any(same(claim, other) for other in kept):
            continue
        kept.append(claim)
    return kept


def release_years(found: list[Proposal]) -> list[Proposal]:
    """A year read from a full date is the release's ("Kinostart: 30.03.2023"); where the page
    states the film's year otherwise ("Produktionsjahr: 2022"), the date gives no claim."""
    stated = {c.value for c in found if c.field == "year" and not DATE.search(c.quote)}
    if not stated:
        return found
    return [
        claim
        for claim in found
        if claim.field != "year" or claim.value in stated or not DATE.search(claim.quote)
    ]


def one_row_per_actor(found: list[Proposal]) -> list[Proposal]:
    """An actor the page names both bare ("Starring: A, B") and with their part ("Bill (A)")
    is one proposal, the one with the part: the editor reviews a row per proposal."""
    with_part = {fold(c.person or c.value) for c in found if c.field == "cast" and c.character}
    return [
        claim
        for claim in found
        if claim.field != "cast"
        or claim.character
        or fold(claim.person or claim.value) not in with_part
    ]


def overlaps(one: Proposal, other: Proposal) -> bool:
    return one.start < other.end and other.start < one.end


def same(claim: Proposal, other: Proposal) -> bool:
    if claim.field != other.field:
        return False
    if claim.field in LONG_FIELDS:
        return overlaps(claim, other)
    if claim.field == "cast" and overlaps(claim, other):
        # One line read both ways ("Peter Pan (Captain Hook)"): the list's reading stands.
        pair = {fold(claim.value), fold(claim.character)}
        if pair == {fold(other.value), fold(other.character)}:
            return True
    return key(claim) == key(other)


def embedded(text: str, facts: Iterable[Fact], found: list[Proposal]) -> Iterator[Proposal]:
    """Embedded facts the visible text repeats, quoted from the line that says them."""
    said = {key(claim)[:2] for claim in found}
    for fact in facts:
        for value in renderings(fact):
            if (fact.field, fold(value)) in said:
                break
            at = locate(text, value)
            if at < 0:
                continue
            line = next(line for line in lines(text) if line.start <= at <= line.end)
            start, end = (at, at + len(value)) if len(line.text) > 300 else (line.start, line.end)
            character = (
                fact.character if fact.character and fact.character in text[start:end] else ""
            )
            said.add((fact.field, fold(value)))
            yield proposal(fact.field, value, text, start, end, "embedded", character=character)
            break


def renderings(fact: Fact) -> list[str]:
    """How the text may write the fact: a schema.org duration "PT95M" as "95 min" or "1h 35m"."""
    if fact.field == "synopsis":
        return [fact.value[:160]]
    duration = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", fact.value)
    if fact.field != "runtime" or not duration:
        return [fact.value]
    minutes = int(duration.group(1) or 0) * 60 + int(duration.group(2) or 0)
    hours, rest = divmod(minutes, 60)
    return [
        f"{minutes} min",
        f"{minutes} minutes",
        f"{minutes}min",
        f"{hours} hr {rest} min",
        f"{hours}h {rest}m",
        f"{hours}h {rest}min",
        f"{hours} h {rest} min",
        f"{hours}h{rest:02d}",
    ]


def locate(text: str, value: str) -> int:
    """Where value stands in text as whole words, or -1."""
    if not value.strip():
        return -1
    found = re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text)
    return found.start() if found else -1
