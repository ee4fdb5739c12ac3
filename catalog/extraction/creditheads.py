"""A review's credit head: the film's title, its director and its cast on one line, then a line
of its facts.

"La Vie derrière soi (The Life Behind) de Vadim PERELMAN, avec Uma THURMAN, Evan Rachel WOOD",
"Das stille Land von Andreas Dresen, mit Thomas Schmidt und Jeanette Hain", then "Etats-Unis,
2007, 1h30, drame" or "Deutschland 1992, 89 Minuten".
"""

import re
from collections.abc import Container, Iterator

from catalog.extraction.headlines import plausible_title
from catalog.extraction.lexicon import GENRES
from catalog.extraction.patterns import RUNTIME, YEAR
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME, Span, is_name, lines, names_line, split_list
from catalog.normalise import fold

BY = r"(?i:de|d['\u2019]|di|da|von|by|van|por|réalisé par|directed by|un film de|ein film von)"
WITH = r"(?i:avec|with|con|mit|met|com|starring)"
JOIN = r"(?:\s*,\s*|\s+(?:et|and|und|e|y|en|&)\s+)"
CREDIT_HEAD = re.compile(
    rf"^(?P<title>[^\n()]{{1,80}}?)\s+(?:\((?P<original>[^()\n]{{1,80}})\)\s+)?"
    rf"(?P<by>{BY})\s*(?P<directors>{NAME}(?:{JOIN}{NAME})*)"
    rf"(?:\s*[,.;:]?\s+(?P<with>{WITH})\s+(?P<cast>{NAME}(?:{JOIN}{NAME})*))?"
    r"[\s.,;]*(?:\.\.\.|…)?$"
)


def credit_heads(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The first credit head in the page's opening lines."""
    for line in list(lines(text))[:40]:
        body = line.text.strip()
        head = CREDIT_HEAD.match(body)
        if not head or not (head.group("original") or head.group("cast")):
            continue
        title = head.group("title").strip()
        if not plausible_title(title) or len(title.split()) > 10:
            continue
        found = list(head_claims(text, line, head, names))
        if found:
            yield from found
            return


def star_lines(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The stars a line of their names alone gives near the top ("Bill Murray and Andie
    MacDowell" under the title): the cast, their parts unnamed."""
    for line in list(lines(text))[:12]:
        body = line.text.strip()
        start = line.start + len(line.text) - len(line.text.lstrip())
        for name, _at in names_line(body, names):
            yield proposal("cast", name, text, start, start + len(body), "names line")


def fact_lines(text: str) -> Iterator[Proposal]:
    """The facts lines among a page's opening lines."""
    for line in list(lines(text))[:40]:
        yield from fact_line(text, line)


def head_claims(
    text: str, line: Span, head: re.Match[str], names: Container[str]
) -> Iterator[Proposal]:
    start = line.start + len(line.text) - len(line.text.lstrip())
    end = start + len(head.group(0))
    directors = list(people(head, "directors", start, names))
    if not directors:
        return
    yield proposal("title", head.group("title").strip(), text, start, end, "credit head")
    original = head.group("original") or ""
    if plausible_title(original) and not YEAR.fullmatch(original.strip()):
        yield proposal("title", original.strip(), text, start, end, "credit head")
    by_at = start + head.start("by")
    for name, _name_at, name_end in directors:
        yield proposal("director", name, text, by_at, name_end, "credit head")
    if head.group("cast"):
        with_at = start + head.start("with")
        for name, name_at, name_end in people(head, "cast", start, names):
            quote_from = with_at if name_end - with_at < 120 else name_at
            yield proposal("cast", name, text, quote_from, name_end, "credit head")


def people(
    head: re.Match[str], group: str, offset: int, names: Container[str]
) -> Iterator[tuple[str, int, int]]:
    """Each name of a group of the head, with where it stands in the text."""
    for item, at in split_list(head.group(group)):
        name = item.strip()
        if is_name(name, names):
            name_at = offset + head.start(group) + at
            yield name, name_at, name_at + len(name)


CERTIFICATE_CELL = re.compile(r"PG-13|NC-17|PG|NR|G|R|X|Unrated|Not Rated|TV-(?:Y7?|G|PG|14|MA)")
FACT_SPLIT = re.compile(r"\s*(?:,|;|\s/\s|\s-\s|\s\u2013\s|·|•|\|)\s*")


def fact_line(text: str, line: Span) -> Iterator[Proposal]:
    """ "Etats-Unis, 2007, 1h30, drame", "Paramount, PG-13, 97 min.": the year, the length,
    the certificate and the genres of a line made of them and of a country's or a studio's
    name, nothing else."""
    body = line.text.strip()
    if len(body) > 120:
        return
    start = line.start + len(line.text) - len(line.text.lstrip())
    end = start + len(body)
    found: list[Proposal] = []
    unknown = 0
    for cell in (cell for cell in FACT_SPLIT.split(body) if cell):
        # "Deutschland 1992": a country and the year in one cell.
        year = re.fullmatch(rf"(?:[^\W\d_][^\d]{{1,30}}?\s+)?({YEAR.pattern})", cell)
        if year:
            found.append(proposal("year", year.group(1), text, start, end, "strip"))
        elif RUNTIME.fullmatch(cell):
            found.append(proposal("runtime", cell.rstrip("."), text, start, end, "strip"))
        elif CERTIFICATE_CELL.fullmatch(cell):
            found.append(proposal("certificate", cell, text, start, end, "strip"))
        elif fold(cell) in GENRES:
            found.append(proposal("genre", cell, text, start, end, "strip"))
        elif re.fullmatch(r"[A-ZÀ-Þ][\w.'\u2019-]*(?:[ -][\w.'\u2019-]+){0,2}", cell):
            unknown += 1
        else:
            return
    fields = {claim.field for claim in found}
    # "Paramount, PG-13, 97 min.": a length and a certificate say it as surely as a year.
    dated = "year" in fields or {"runtime", "certificate"} <= fields
    if dated and len(fields) > 1 and unknown <= 2:
        yield from found


# A credit line that names the person's part in brackets, a label of its own: "Belén Macías
# (writer) &", "George Feifer (novel)", "Ana Ruiz (screenplay) and".
NOTED_CREDIT = re.compile(
    rf"^[ \t]*(?P<name>{NAME})[ \t]*\((?P<note>[^()\n]{{1,40}})\)[ \t]*(?:&|and|,)?[ \t]*$",
    re.MULTILINE,
)
WRITING_NOTES = {"writer", "written by", "screenplay", "novel", "book", "story", "play"}
WRITING_NOTES |= {"adaptation", "dialogue", "scenario", "teleplay", "original story", "characters"}
WRITING_NOTES |= {"guion", "guión", "novela", "roman", "drehbuch", "scénario", "sceneggiatura"}
DIRECTING_NOTES = {"director", "directed by", "dirección", "réalisateur", "regie", "regia"}


# A crew list of a catalogue, each person's part in brackets after the name: "Crew: Héctor
# Babenco (Director), Keith Barish (Producer), Anne Goursaud (Editor)".
LISTED_CREDIT = re.compile(
    rf"(?:^|(?<=[:,]))[ \t]*(?P<name>{NAME})[ \t]*\((?P<note>[^()\n]{{1,40}})\)"
    r"(?=[ \t]*(?:,|$))",
    re.MULTILINE,
)


def noted_credits(text: str, names: Container[str]) -> Iterator[Proposal]:
    for line in lines(text):
        listed = list(LISTED_CREDIT.finditer(line.text))
        if len(listed) < 2 or NOTED_CREDIT.fullmatch(line.text):
            continue
        for match in listed:
            note = fold(match.group("note"))
            if note in {fold(word) for word in DIRECTING_NOTES}:
                claim_field = "director"
            elif note in {fold(word) for word in WRITING_NOTES}:
                claim_field = "writer"
            else:
                continue
            if is_name(match.group("name"), names):
                start = line.start + match.start("name")
                end = line.start + match.end("note") + 1
                yield proposal(claim_field, match.group("name"), text, start, end, "credit head")
    for match in NOTED_CREDIT.finditer(text):
        note = fold(re.sub(r"\s+(?:&|and)\s+.*$|\s+[\"\u201c].*$", "", match.group("note")))
        if note in {fold(word) for word in WRITING_NOTES}:
            claim_field = "writer"
        elif note in {fold(word) for word in DIRECTING_NOTES}:
            claim_field = "director"
        else:
            continue
        name = match.group("name")
        if is_name(name, names):
            quote_end = match.end("note") + 1
            yield proposal(claim_field, name, text, match.start(), quote_end, "credit head")
