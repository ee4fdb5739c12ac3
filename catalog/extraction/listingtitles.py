"""Titles as TV listings and picks write them: before the channel and the hour, in quotation
marks before a credit or the film's kind, and on the line over a run of credits.

"La stanza del figlio (2001) su Rai3 alle 21,05", "Elegy, 7pm Sundance TV.", '"Notti magiche"
un film nostalgico', '"Skazani na Shawshank" w reżyserii Franka Darabonta', "The Sentinel" over
"Regie Clark Johnson Cast ...".
"""

import re
from collections.abc import Iterator
from itertools import pairwise

from catalog.extraction.creditruns import run_labels
from catalog.extraction.headlines import plausible_title
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, lines

YEAR = r"(?:18|19|20)\d\d"
# The channel and the hour after the title: "su Rai3 alle 21,05", "on BBC Two at 9pm".
ON_CHANNEL = (
    r"(?:su|on|auf|sur|op|på|na)[ \t]+[A-Z][\w+.]*(?:[ \t][A-Z0-9][\w+.]*)?[ \t]+"
    r"(?:alle|at|um|à|a las|om|kl\.?|o|ore)[ \t]+\d{1,2}(?:[.,:h]\d\d)?"
)
HOUR = r"\d{1,2}(?:[.:]\d\d)?\s?(?i:am|pm|a\.m\.|p\.m\.)"
# A picture's credit the copied page glues to the title: "Picture courtesy IMP AwardsElegy".
PICTURE_CREDIT = r"(?:(?:Picture|Photo|Image|Foto|Bild)[^\n]{0,60}?[a-z](?=[A-Z]))?"
SLOT_TITLE = re.compile(
    rf"^[ \t]*{PICTURE_CREDIT}(?P<title>[A-Z0-9À-Þ][^\n()|,]{{0,80}}?)"
    rf"(?:[ \t]*\((?P<year>{YEAR})\))?"
    rf"(?:[ \t]*(?:[-\u2013][ \t]*)?[ \t]+{ON_CHANNEL}|,[ \t]+{HOUR}[ \t]+[A-Z])",
    re.MULTILINE,
)
# A quoted title at a sentence's start, then the film's kind or its credit.
QUOTED_FILM = re.compile(
    r"(?:^|(?<=[.!?]\s))[\"\u201c\u201e](?P<title>[^\"\u201c\u201d\u201e\n]{2,60})[\"\u201d]"
    r"[ \t]+(?:(?:è|is|est|ist|to|je|är|é|es)[ \t]+)?"
    r"(?=(?:un|una|uno|a|an|ein|eine|une|en|ett|een|um|uma)[ \t]+(?:[\w'-]+[ \t]+){0,3}?"
    r"(?:film|movie|filme|película|pellicola|Film|dramat|komedia)\b|"
    r"(?:w reżyserii|v režii|in der Regie|directed by|regia di|diretto da)[ \t]+[A-ZÀ-Þ])",
    re.MULTILINE,
)


def listing_titles(text: str) -> Iterator[Proposal]:
    """The first title a listing or a pick writes in one of these ways, with the year a
    listing puts in its brackets."""
    if found := SLOT_TITLE.search(text):
        title = found.group("title").strip()
        if plausible_title(title):
            yield proposal("title", title, text, found.start("title"), found.end(), "listing")
            if found.group("year"):
                yield proposal(
                    "year", found.group("year"), text, found.start("title"), found.end(), "listing"
                )
            return
    if found := QUOTED_FILM.search(text):
        title = found.group("title").strip()
        if plausible_title(title) and title[0].isupper():
            yield proposal("title", title, text, found.start(), found.end(), "quoted title")
            return
    yield from title_over_credits(text)


def title_over_credits(text: str) -> Iterator[Proposal]:
    """The short line straight over a line of credits run together ("The Sentinel" over
    "Regie Clark Johnson Cast ..."), among the page's first lines."""
    shown = [line for line in lines(text) if line.text.strip()][:12]
    for above, line in pairwise(shown):
        body = above.text.strip()
        fields = [field for _start, _end, field in run_labels(Span(line.text, line.start)) if field]
        if len(fields) < 2 or not plausible_title(body) or len(body.split()) > 8:
            continue
        if re.search(r"\d", body) or body.endswith("."):
            continue
        start = above.start + len(above.text) - len(above.text.lstrip())
        yield proposal("title", body, text, start, start + len(body), "over credits")
        return
