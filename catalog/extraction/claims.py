"""The claims a page's text makes about its film, proposed for an editor to accept.

Each shape of page has its finder (labels.py: label lines, bullet strips, video-guide tails;
cast.py: cast lists and asides; prose.py: sentences; narrative.py: synopsis, tagline, verdict).
This module runs them all, adds embedded schema.org facts the text repeats, and sifts them
(sifting.py: repeats dropped, each proposal read against the others).
"""

import re
from collections.abc import Container, Iterable, Iterator

from catalog.extraction import (
    asides,
    cards,
    cast,
    castlists,
    castphrases,
    casttables,
    creditheads,
    creditruns,
    entries,
    eras,
    genres,
    grades,
    guide,
    labels,
    leads,
    lonefacts,
    makers,
    marks,
    narrative,
    pairs,
    places,
    prose,
    strips,
    titles,
    verdictlines,
    verdicts,
)
from catalog.extraction.metadata import Fact
from catalog.extraction.patterns import SCORE
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.sifting import (
    audience_not_critic,
    audience_votes,
    distinct,
    key,
    later_seasons,
    not_credits,
    not_titles,
    one_row_per_actor,
    plot_after_facts,
    release_years,
    said,
)
from catalog.extraction.text import lines
from catalog.normalise import fold

__all__ = ["Proposal", "find_claims"]


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
        creditheads.star_lines(text, known),
        creditheads.noted_credits(text, known),
        creditruns.credit_runs(text, known),
        strips.strip_claims(text),
        cards.card_claims(text, known),
        marks.score_lines(text),
        marks.votes_lines(text),
        marks.site_scores(text),
        marks.head_scores(text),
        marks.rate_this_lines(text),
        lonefacts.paren_certificates(text),
        lonefacts.lone_facts(text),
        lonefacts.lone_certificates(text),
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
        casttables.glued_rows(text, known),
        cast.plays(text, known, surnames),
        pairs.paired_parts(text, known),
        cast.described(text, known, surnames),
        castphrases.listed_players(text, known),
        castphrases.lead_players(text, known),
        castphrases.players_named_so(text, known),
        castphrases.described_players(text, known),
        castphrases.proven_players(text, known),
        castphrases.players_who_are(text, known),
        leads.lead_title(text),
        prose.people(text, known, surnames),
        makers.makers(text),
        genres.genres_and_years(text),
        genres.genre_lines(text),
        places.setting_and_period(text),
        eras.dated_places(text),
        prose.runtimes(text),
    ]
    for finder in finders:
        found.extend(finder)
    found = pairs.without_single_parts(found)
    named = [claim.value for claim in found if claim.field == "title"]
    playing = {fold(claim.person or claim.value) for claim in found if claim.field == "cast"}
    found.extend(makers.titled_makers(text, named, playing))
    for fallback in (lonefacts.date_lines, prose.release_dates, prose.bracketed_year):
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
    critics_marks = [
        claim
        for claim in grades.grade_claims(text)
        if not said(claim, found) and fold(claim.value) not in given
    ]
    found.extend(critics_marks)
    found.extend(verdictlines.judging_heads(text))
    # The critic's judging sentence, unless the page gave one; a grade on a long head line
    # ("Film review: Harbour Lights (4 out of 5)") or in its own sentence ("Mitt betyg blir en
    # trea.") is no judging sentence.
    if not any(
        claim.field == "verdict"
        and len(claim.quote) > 30
        and not SCORE.fullmatch(claim.value)
        and claim.rule not in ("own grade", "judging head")
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
            list(verdictlines.verdict_lines(text))
            or verdicts.verdict_claims(text, graded, passages)
        )
    found = audience_votes(text, audience_not_critic(found))
    found = later_seasons(release_years(one_row_per_actor(not_titles(distinct(found)))))
    found = not_credits(found)
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
