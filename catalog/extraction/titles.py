"""The film's title, from the strongest layout the page has: a head line, a capsule or an
entry's head, else the lines that may name it."""

import re
from collections.abc import Iterator
from itertools import pairwise

from catalog.extraction import entries, listingtitles, title_lines
from catalog.extraction.headlines import head_lines, plausible_title
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, lines

# The film's other title on a line of its own under its head: "aka Het Vonnis".
AKA_LINE = re.compile(
    r"^[ \t]*(?i:aka|a\.k\.a\.?|also known as)[ \t]+(?P<title>[^\n:]{2,80}?)[ \t]*$", re.MULTILINE
)


def title_claims(text: str) -> Iterator[Proposal]:
    """The film's title (with what its head line says besides) from the strongest layout."""
    all_lines = list(lines(text))[:80]
    found = list(head_lines(text, all_lines))
    found += list(entries.capsules(text))
    if not any(claim.field == "title" for claim in found):
        found += list(entries.entry_heads(text))
    if not any(claim.field == "title" for claim in found):
        found += (
            list(title_lines.run_on_title(text))
            or list(listingtitles.listing_titles(text))
            or list(title_over_rating(text, all_lines))
            or list(title_lines.title_over_facts(text, all_lines))
            or list(title_lines.title_over_fact_lines(text, all_lines))
            or list(title_lines.repeated_line(text, all_lines))
            or list(title_lines.poster_caption(text))
            or list(title_lines.kind_quoted(text))
            or list(title_lines.first_line(text, all_lines))
        )
    if any(claim.field == "title" for claim in found):
        for match in AKA_LINE.finditer(text, 0, all_lines[-1].end if all_lines else 0):
            if plausible_title(match.group("title")):
                start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
                yield proposal("title", match.group("title"), text, start, match.end(), "aka")
    titles = {claim.value for claim in found if claim.field == "title"}
    yield from bracketed_titles(text, titles, all_lines)
    yield from titled_premise(text, all_lines)
    yield from found


# "The Trial of Joan of Arc (Procès de Jeanne d'Arc)": the head's title again, its other
# title in brackets.
BRACKETED_TITLE = re.compile(r"^(?P<title>[^\n()]{2,80}?)[ \u00a0]*\((?P<other>[^\n()]{2,80})\)$")


EDITION_WORDS = re.compile(
    r"\b(?i:edition|cut|version|collection|remastered|blu-ray|bluray|dvd|4k|uhd|vhs|trailer|"
    r"review|recensione|kritik|critique|crítica|reseña)\b"
)


def bracketed_titles(text: str, titles: set[str], all_lines: list[Span]) -> Iterator[Proposal]:
    for line in all_lines[:30]:
        body = line.text.strip()
        found = BRACKETED_TITLE.match(body)
        if not found or found.group("title").strip() not in titles:
            continue
        other = found.group("other").strip()
        # "(Blu-ray)", "(Director's Cut)": the disc's words, not another title.
        if EDITION_WORDS.search(other) or re.search(r"\d", other) or other in titles:
            continue
        if plausible_title(other):
            start = line.start + len(line.text) - len(line.text.lstrip())
            yield proposal("title", other, text, start, start + len(body), "aka")


# "The Verdict, 1982. A washed-up lawyer takes a suit to trial ...": a line that names the
# film the page heads with, its year, then its premise.
TITLED_PREMISE = re.compile(
    r"^(?P<title>[^\n,.]{2,60}),[ \t]+(?P<year>(?:18|19|20)\d\d)\.[ \t]+(?P<plot>[A-Z][^\n]{30,})$"
)


def titled_premise(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    bodies = [line.text.strip() for line in all_lines[:10]]
    for line in all_lines[:12]:
        found = TITLED_PREMISE.match(line.text.strip())
        # The name stands alone on a line above too, so "Lisbon, 1975. A keeper ..." (a plot
        # opening on its place and time) is none.
        if not found or found.group("title") not in bodies:
            continue
        start = line.start + len(line.text) - len(line.text.lstrip())
        end = start + found.end("year") + 1
        yield proposal("title", found.group("title"), text, start, end, "heading")
        yield proposal("year", found.group("year"), text, start, end, "heading")
        plot_at = start + found.start("plot")
        yield proposal(
            "synopsis", found.group("plot"), text, plot_at, start + found.end(), "heading"
        )
        return


# A board's rating with its reasons, as a review prints it under the film's title.
RATED_FOR = re.compile(r"(?:Rated|MPAA Rating:?)[ \t]+(?:G|PG|PG-13|R|NC-17)[ \t]+for\b")


def title_over_rating(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    """The short line over "Rated PG-13 for sequences of action ..." names the film."""
    shown = [line for line in all_lines if line.text.strip()]
    for above, line in pairwise(shown):
        body = above.text.strip()
        rated = RATED_FOR.match(line.text.strip()) and len(body.split()) <= 10
        if rated and title_lines.candidate_line(body, lenient=True):
            start = above.start + len(above.text) - len(above.text.lstrip())
            yield proposal("title", body, text, start, start + len(body), "over rating")
            return
