"""What one proposal says of another: of two readings of the same words the more explicit
layout's stays, and a proposal that others show to be something else is dropped or cut (a
score under the audience's label is no critic's grade, a plot passage begins after the facts
it runs into, a name that is the film's other title is no actor's)."""

import re

from catalog.extraction.patterns import DATE, SCORE
from catalog.extraction.proposal import LONG_FIELDS, Proposal, proposal
from catalog.normalise import fold

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
            if end < 0:
                # "... svého života. ... Scénář Z. Svěrák.": credits run on in the plot's line.
                end = text.rfind(". ", claim.start, min(after)) + 1
            if end <= claim.start:
                kept.append(claim)
                continue
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


def graded(claim: Proposal) -> bool:
    return SCORE.fullmatch(claim.value) is not None


def not_credits(found: list[Proposal]) -> list[Proposal]:
    """A line that tells who made the film or plays whom ("Edward James Olmos plays Gaff.") is
    a credit, not the film's tagline, however much it is capitalised."""
    credits = [c for c in found if c.field in ("cast", "director", "writer")]
    return [
        claim
        for claim in found
        if claim.field != "tagline" or not any(overlaps(claim, c) for c in credits)
    ]


def overlaps(one: Proposal, other: Proposal) -> bool:
    return one.start < other.end and other.start < one.end


def same(claim: Proposal, other: Proposal) -> bool:
    if claim.field != other.field:
        return False
    if claim.field in LONG_FIELDS:
        # The grade inside the critic's judging sentence is a claim of its own.
        if claim.field == "verdict" and graded(claim) != graded(other):
            return False
        return overlaps(claim, other)
    if claim.field == "cast" and overlaps(claim, other):
        # One line read both ways ("Peter Pan (Captain Hook)"): the list's reading stands.
        pair = {fold(claim.value), fold(claim.character)}
        if pair == {fold(other.value), fold(other.character)}:
            return True
    return key(claim) == key(other)
