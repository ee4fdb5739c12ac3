"""Strips of short facts: cells parted by bullets, bars, slashes or spaces, and lines of genres.

"• PG • 1993 • 1 hr 35 min • 5.5 (326)", "R | 111 min | Crime, Drama", "1988 1h 32m star 6.7 /
10", "Actionfilm, Literaturverfilmung".
"""

import re
from collections.abc import Iterator

from catalog.extraction.headlines import plausible_title
from catalog.extraction.labels import LINE_LABEL
from catalog.extraction.lexicon import FORMAT_WORDS, GENRES, LANGUAGE_NAMES
from catalog.extraction.patterns import (
    CERTIFICATE_FULL,
    DATE,
    MONTH_YEAR,
    RATING,
    RATING_VOTES,
    RUNTIME,
    YEAR,
    date_year,
)
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NOT_NAME_WORDS, Span, lines, split_list
from catalog.extraction.vocabulary import field_of
from catalog.normalise import fold

# A strip of facts: cells parted by bullets or bars ("• PG • 1993 • 1 hr 35 min • 5.5 (326)").
CELL_SPLIT = re.compile(r"\s*(?:•|·|\||\s-\s|\s\u2013\s)\s*")
# Cells parted by slashes: "Paramount Home Entertainment / 2008 / 122 Minutes / Rated PG-13";
# not a rating out of ten ("6.7 / 10").
SLASH_SPLIT = re.compile(r"\s*(?:•|·|\||\s-\s|\s\u2013\s|\s/\s)\s*")
MARKS = re.compile(r"\d[.,]?\d*\s*/\s*(?:10|100|20|5|4)\b(?!\s*\d)")
SPACED_CELL = re.compile(
    rf"{RUNTIME.pattern}|(?:star\s+)?\d{{1,2}}[.,]\d\s*/\s*10|\b(?:18|19|20)\d\d\b|[^\W\d_][\w/-]*",
    re.IGNORECASE,
)


def strip_claims(text: str) -> Iterator[Proposal]:
    """Cells of bullet lists and bar-parted lines that are a year, certificate, runtime,
    rating with votes, or genres; each quoted with its bullet."""
    for line in lines(text):
        # "Crime, Drama | 2 hours 9 minutes - When an armed gang ...": the strip, then the plot.
        if (blurb := STRIP_BLURB.match(line.text)) and (
            read := list(strip_line(text, Span(blurb.group("head"), line.start)))
        ):
            yield from read
            at = line.start + blurb.start("plot")
            yield proposal("synopsis", blurb.group("plot"), text, at, line.end, "strip")
            continue
        yield from strip_line(text, line)


# A strip of facts with bars, then the plot after a dash on the same line.
STRIP_BLURB = re.compile(
    r"^(?P<head>[^\n|]{3,80}\|[^\n|]{2,40}?)[ \t]+[-\u2013\u2014][ \t]+(?P<plot>[A-Z][^\n]{60,})$"
)


def strip_line(text: str, line: Span) -> Iterator[Proposal]:
    body = line.text.strip()
    if not body or len(body) > 160:
        return
    bulleted = body[0] in "•·*+"
    if (label := LINE_LABEL.match(line.text)) and field_of(label.group("label")):
        return  # "- Uscita USA / 10.02.2009": a label's line, read as a label
    splitter = CELL_SPLIT if MARKS.search(body) else SLASH_SPLIT
    cells = [c for c in splitter.split(body) if c.strip()]
    # "(Scialla!; ITALIA 2011; Commedia; 95'; Produz.: IBC)": a bracket of facts parted by
    # semicolons, its labelled cells the crew's.
    semicolons = body.count("; ") >= 2 and len(cells) < 2
    if semicolons:
        cells = [c for c in body.strip("()").split(";") if c.strip()]
    if not bulleted and len(cells) < 2:
        yield from spaced_cells(text, line.start, line.text)
        yield from genre_line(text, line)
        return
    offset = line.start
    found: list[Proposal] = []
    unread = 0
    for cell in cells:
        at = text.index(cell, offset)
        offset = at + len(cell)
        quote_start = at
        before = text[line.start : at].rstrip()
        if before.endswith(("•", "·")):
            quote_start = line.start + len(before) - 1
        read = list(classify_cell(text, cell, at, quote_start, len(cells)))
        unread += not read and not (semicolons and (":" in cell or cell is cells[0]))
        found.extend(read)
    # "July 09, 1993 | The Morning Call": a date in a strip is the film's only beside its
    # length or genre, else the page's own.
    if not any(claim.field in ("runtime", "genre", "certificate") for claim in found):
        found = [claim for claim in found if not (claim.field == "year" and claim.rule == "date")]
    # "Trojan | Greek | Fate | Epic": keywords, of which one happens to be a genre.
    if not bulleted and unread > 1:
        found = [claim for claim in found if claim.field != "genre"]
    first = cells[0].strip()
    # "WAS UNS NICHT UMBRINGT | Regie: Sandra Nettelbeck | DE 2018": a head line of bars,
    # the title before the director's label.
    credited = any(credit_cell(cell) for cell in cells[1:])
    if not bulleted and credited and plausible_title(first) and not credit_cell(first):
        at = text.index(first, line.start)
        found.append(proposal("title", first, text, at, line.end, "strip"))
    # "• Rumours • surreal diplomatic satire • Broadway • 3 stars.": an entry's head, its
    # title the first cell before the facts.
    if bulleted and len(found) >= 2 and not any(c.start <= line.start + 2 for c in found):
        words = fold(first).split()
        if 0 < len(words) <= 8 and not any(word in NOT_NAME_WORDS for word in words):
            found.append(proposal("title", first, text, line.start, line.end, "strip"))
    yield from found


FACT_WORD = re.compile(rf"{RUNTIME.pattern}|\b(?:18|19|20)\d\d\b|[^\W\d_][\w/-]*", re.I)


def spaced_facts(cell: str) -> list[tuple[str, str]]:
    """The year, runtime and genre of a cell like "Drammatico 96 min." or "Film 2021"; nothing
    unless every word is one of them or the kind of film."""
    found: list[tuple[str, str]] = []
    rest = cell.strip().rstrip(".")
    for match in FACT_WORD.finditer(rest):
        value = match.group(0)
        if YEAR.fullmatch(value):
            found.append(("year", value))
        elif RUNTIME.fullmatch(value):
            found.append(("runtime", value))
        elif fold(value) in GENRES:
            found.append(("genre", value))
        elif fold(value) not in FILM_KINDS:
            return []
    return found if len(found) >= 1 and len(rest.split()) >= 2 else []


def credit_cell(cell: str) -> bool:
    label = re.match(r"\s*([^\W\d_][\w .'-]{1,30}?)\s*:", cell)
    return label is not None and field_of(label.group(1)) in ("director", "writer")


def genre_line(text: str, line: Span) -> Iterator[Proposal]:
    """A line of genres and nothing else: "Actionfilm, Literaturverfilmung", or one genre
    alone under the title ("Action"), not a menu's list of them one a line."""
    body = line.text.strip()
    # "Genre Part-Animated/Family/Fantasy/Comedy.": the label without its colon, over a list
    # most of whose words are genres.
    labelled = re.match(r"(?:Genres?|GENRES?)[ \t]+(?=[A-Z])", body)
    listed = body[labelled.end() :].rstrip(".") if labelled else body
    # "18+ Spielfilm, Horror": an age mark and the kind of film before the genres.
    items = [
        (item, at)
        for item, at in split_list(re.sub(r"^(?:\d{1,2}\+|FSK \d{1,2})\s+", "", listed))
        if fold(item) not in FILM_KINDS
    ]
    known = sum(fold(item) in GENRES for item, _at in items)
    if labelled and len(items) > 1 and 2 * known >= len(items) and len(body) <= 80:
        start = line.start + len(line.text) - len(line.text.lstrip())
        for item, _at in items:
            yield proposal("genre", item, text, start, start + len(body), "label")
        return
    # "Drama/Comédia/Romance, 98 minutos": the genres, then the length.
    lengths = [item for item, _at in items[1:] if RUNTIME.fullmatch(item)]
    items = [(item, at) for item, at in items if item not in lengths]
    if len(body) > 80 or not items or not all(fold(item) in GENRES for item, _at in items):
        return
    start = line.start + len(line.text) - len(line.text.lstrip())
    for length in lengths:
        yield proposal("runtime", length, text, start, start + len(body), "strip")
    if "," not in body and (len(items) > 1 or menu_line(text, line)):
        return
    start = line.start + len(line.text) - len(line.text.lstrip())
    for item, _at in items:
        yield proposal("genre", item, text, start, start + len(body), "strip")


FILM_KINDS = {"spielfilm", "film", "feature", "feature film", "movie", "kinofilm", "long metrage"}


def menu_line(text: str, line: Span) -> bool:
    """Whether the lines next to this one are genres too: a menu or a list of links."""
    before = text[: line.start].rstrip("\n").rsplit("\n", 1)[-1].strip()
    after_start = line.end + 1
    after = text[after_start:].lstrip("\n").split("\n", 1)[0].strip()
    return fold(before) in GENRES or fold(after) in GENRES


def spaced_cells(text: str, line_start: int, line: str) -> Iterator[Proposal]:
    """A line of facts parted by spaces alone: "1988 1h 32m star 6.7 / 10", "Drama War"."""
    body = line.strip()
    if len(body) > 80 or re.search(r"[.,;:!?]\s|[.!?]$", body) or MONTH_YEAR.match(body):
        return  # "June 2024" is a date, not a strip
    start = line_start + len(line) - len(line.lstrip())
    cells = list(SPACED_CELL.finditer(body))
    if len(cells) < 2 or "".join(c.group(0) for c in cells).replace(" ", "") != body.replace(
        " ", ""
    ):
        return
    kinds = []
    for cell in cells:
        value = cell.group(0)
        if YEAR.fullmatch(value):
            kinds.append("year")
        elif RUNTIME.fullmatch(value):
            kinds.append("runtime")
        elif re.search(r"/\s*10", value):
            kinds.append("user_rating")
        elif all(fold(part) in GENRES for part in value.split("/")):
            kinds.append("genre")
        elif fold(value) in LANGUAGE_NAMES and value[0].isupper():
            kinds.append("language")
        elif fold(value) in FORMAT_WORDS:
            kinds.append("format")
        else:
            kinds.append("")
    # A line of genres (one unknown among many: "Fantasy Magic Action/adventure Sci-fi"), or a
    # year with other facts; an ordinary phrase has neither.
    genres = kinds.count("genre")
    if all(kind in ("genre", "") for kind in kinds) and genres >= 3 and kinds.count("") <= 1:
        kinds = ["genre" if cell.group(0)[0].isupper() else "" for cell in cells]
    if not ("year" in kinds and kinds.count("") <= 1) and not all(
        kind == "genre" for kind in kinds
    ):
        return
    end = start + len(body)
    for cell, kind in zip(cells, kinds, strict=True):
        value = re.sub(r"^star\s+", "", cell.group(0), flags=re.I)
        if kind and kind != "format":
            yield proposal(kind, value, text, start, end, "strip")


# "DE 2018", "USA/GB 1989": the country's code and the year, as a head line writes them.
COUNTRY_YEAR = re.compile(
    r"(?P<country>[A-Z]{2,3}(?:\s?[/,]\s?[A-Z]{2,3})*)\s+(?P<year>(?:19|20)\d\d)"
)
STARS_CELL = re.compile(r"\d(?:[.,]\d|½| 1/2)?\s+stars?|[★✭]{1,5}(?:[☆✩]{0,4}|½)", re.I)


def classify_cell(
    text: str, cell: str, at: int, quote_start: int, count: int
) -> Iterator[Proposal]:
    end = at + len(cell)
    plain = cell.strip().rstrip(".") if re.search(r"stars?\.$", cell.strip()) else cell.strip()
    if YEAR.fullmatch(plain):
        yield proposal("year", plain, text, quote_start, end, "strip")
    elif made := COUNTRY_YEAR.fullmatch(plain):
        yield proposal("country", made.group("country"), text, quote_start, end, "strip")
        yield proposal("year", made.group("year"), text, quote_start, end, "strip")
    elif date := DATE.fullmatch(plain):
        yield proposal("year", date_year(date), text, quote_start, end, "date")
    elif STARS_CELL.fullmatch(plain):
        yield proposal("verdict", plain, text, quote_start, end, "strip")
    elif rated := re.fullmatch(r"Rated\s+(\S+)", plain):
        if CERTIFICATE_FULL.fullmatch(rated.group(1)):
            yield proposal("certificate", rated.group(1), text, quote_start, end, "strip")
    elif RUNTIME.fullmatch(plain) or re.fullmatch(r"\d{2,3}['\u2019\u2032]", plain):
        # "95'": minutes marked by an apostrophe, as Italian and French pages write them.
        yield proposal("runtime", plain, text, quote_start, end, "strip")
    elif found := RATING_VOTES.fullmatch(plain):
        yield proposal("user_rating", found.group("rating"), text, quote_start, end, "strip")
        yield proposal("votes", found.group("votes"), text, quote_start, end, "strip")
    elif found := RATING.fullmatch(plain):
        # "2011 · 1h 35m · 7.3/10 · 120K": a catalogue's strip rates by its audience.
        yield proposal("user_rating", found.group("rating"), text, quote_start, end, "strip")
    elif re.fullmatch(r"\d{1,3}(?:[.,]\d)?[KkM]", plain):
        yield proposal("votes", plain, text, quote_start, end, "strip")
    elif (
        CERTIFICATE_FULL.fullmatch(plain) and not plain.isdigit() and (count > 1 or len(plain) > 1)
    ):
        yield proposal("certificate", plain, text, quote_start, end, "strip")
    elif facts := spaced_facts(plain):
        # "Film 2021", "Drammatico 96 min.": a cell of facts parted by a space.
        for kind, value in facts:
            yield proposal(kind, value, text, quote_start, end, "strip")
    else:
        items = split_list(plain)
        if items and all(fold(item) in GENRES for item, _at in items):
            for item, _at in items:
                yield proposal("genre", item, text, quote_start, end, "strip")
        elif (
            named := re.fullmatch(r"(?:[a-z][\w/'-]*\s+){1,3}(?P<genre>[a-z][\w-]*)", plain)
        ) and fold(named.group("genre")) in GENRES:
            # "surreal diplomatic satire": a genre named by its noun after the adjectives.
            yield proposal("genre", named.group("genre"), text, quote_start, end, "strip")
