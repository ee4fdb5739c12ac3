"""The lines that head a page or an entry: the title with its year, and strips of short facts.

"Red Hot (1993)", "1. The Accused (1988)", "Broadcast News ★★★½ 1987 (R)", "The Girl from
Petrovka (Robert Ellis Miller, 1974)", '"Dave" -- 3 stars:'; "• PG • 1993 • 1 hr 35 min • 5.5
(326)", "R | 111 min | Crime, Drama", "1988 1h 32m star 6.7 / 10"; a grade alone on its line.
"""

import re
from collections.abc import Iterator

from catalog.extraction.lexicon import GENRES
from catalog.extraction.patterns import CERTIFICATE_FULL, RATING_VOTES, RUNTIME, SCORE, YEAR
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import lines, split_list
from catalog.extraction.vocabulary import LABELS
from catalog.normalise import fold

STARS = r"(?:[★☆✭✩]+½?|\*{1,5}(?:\s?1/2|½)?|\d(?:[.,]\d|½| 1/2)?\s+stars?)"
CERT = r"(?:PG-13|NC-17|PG|NR|G|R|X|U|12A|15|18|TV-(?:Y7?|G|PG|14|MA)|Unrated|Not Rated)"
HEAD = re.compile(
    rf"^(?P<number>\d{{1,3}}\.\s+)?(?P<title>[^\n()•|\"\u201c]{{1,120}}?)[ \u00a0]*"
    rf"(?:(?P<stars>{STARS})[ \u00a0]+)?"
    rf"(?:\((?:[ \u00a0]*(?P<director>[^()\d\n]{{3,60}}),)?[ \u00a0]*(?P<year>(?:18|19|20)\d\d)"
    rf"[ \u00a0]*\)|(?<=\s)(?P<bare_year>(?:18|19|20)\d\d)(?:[ \u00a0]+\((?P<cert>{CERT})\))?)\s*$"
)
CAPSULE = re.compile(
    rf"^[\"\u201c](?P<title>[^\"\u201d\n]{{1,80}})[\"\u201d][ \t]*(?:--|\u2013|—|-)[ \t]*"
    rf"(?P<stars>{STARS}|\d(?:[.,]\d|½)?)"
    r"(?P<colon>:?)",
    re.MULTILINE,
)


def head_claims(text: str) -> Iterator[Proposal]:
    """Title and year (and a guide's stars and certificate) from the entry's head line, or
    else the page's first line when it reads as a title."""
    all_lines = list(lines(text))
    found = False
    for line in all_lines[:60]:
        body = line.text.strip()
        head = HEAD.match(body)
        if not head or not re.search(r"[^\W\d_]", head.group("title")):
            continue
        # A bare year closes a guide's head line only with its stars or certificate after it;
        # "Started: 12 May 1995" and "sábado, 15 de abril de 2023" are dates.
        if head.group("bare_year") and not (head.group("stars") or head.group("cert")):
            continue
        if re.search(r"[:,]", head.group("title")):
            continue
        start = line.start + len(line.text) - len(line.text.lstrip())
        end = start + len(body)
        title_start = start + head.start("title")
        # "IMDb > The Shawshank Redemption (1994)": a site's trail before the title.
        if trail := re.match(r"(?:[^>\n]{1,30}\s>\s)+", head.group("title")):
            title_start += trail.end()
        yield proposal(
            "title",
            text[title_start : start + head.end("title")].strip(),
            text,
            start if head.group("number") else title_start,
            end,
            "heading",
        )
        yield proposal(
            "year", head.group("year") or head.group("bare_year"), text, title_start, end, "heading"
        )
        if head.group("stars"):
            yield proposal("verdict", head.group("stars"), text, title_start, end, "heading")
        if head.group("cert"):
            cert_at = start + head.start("cert") - 1
            yield proposal(
                "certificate",
                head.group("cert"),
                text,
                cert_at - 5,
                cert_at + len(head.group("cert")) + 2,
                "heading",
            )
        found = True
        break
    for capsule in CAPSULE.finditer(text):
        end = capsule.end("stars")
        yield proposal("title", capsule.group("title"), text, capsule.start(), end, "capsule")
        stars = capsule.group("stars")
        if not re.search(r"stars?|[★☆]", stars):
            stars = stars
        yield proposal("verdict", stars, text, capsule.start(), end, "capsule")
        found = True
    if not found:
        yield from first_line_title(all_lines, text)


def first_line_title(all_lines: list, text: str) -> Iterator[Proposal]:
    """A short first line without punctuation names the film, a poster's caption aside."""
    shown = [line for line in all_lines[:6] if line.text.strip()]
    for line in shown[:2]:
        body = line.text.strip()
        if re.search(r"\s(?:Poster|Plakat|Affiche|Póster|Locandina)$", body):
            continue
        # "Regie" over a name is a label; "Running Time" over "Director: ..." is a title.
        later = [other.text.strip() for other in shown if other.start > line.start]
        if fold(body) in LABELS and not (later and re.search(r"[:|]", later[0])):
            return
        if 1 < len(body) < 80 and not re.search(
            r"[.:!?•|]|^\W|\d{1,2}:\d\d|\b(?:18|19|20)\d\d\b", body
        ):
            start = line.start + len(line.text) - len(line.text.lstrip())
            yield proposal("title", body, text, start, start + len(body), "first line")
            shouted = re.escape(body.upper())
            capitals = re.search(rf"(?<![\w\"\u201c]){shouted}(?![\w\"\u201d])", text)
            if capitals and body.upper() != body:
                yield proposal(
                    "title", capitals.group(0), text, capitals.start(), capitals.end(), "capitals"
                )
        return


# A strip of facts: cells parted by bullets or bars ("• PG • 1993 • 1 hr 35 min • 5.5 (326)").
CELL_SPLIT = re.compile(r"\s*(?:•|·|\||\s-\s|\s\u2013\s)\s*")
SPACED_CELL = re.compile(
    rf"{RUNTIME.pattern}|(?:star\s+)?\d{{1,2}}[.,]\d\s*/\s*10|\b(?:18|19|20)\d\d\b|[^\W\d_][\w/-]*",
    re.IGNORECASE,
)


def strip_claims(text: str) -> Iterator[Proposal]:
    """Cells of bullet lists and bar-parted lines that are a year, certificate, runtime,
    rating with votes, or genres; each quoted with its bullet."""
    for line in lines(text):
        body = line.text.strip()
        if not body or len(body) > 160:
            continue
        bulleted = body[0] in "•·*+"
        cells = [c for c in CELL_SPLIT.split(body) if c.strip()]
        if not bulleted and len(cells) < 2:
            yield from spaced_cells(text, line.start, line.text)
            continue
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
            unread += not read
            found.extend(read)
        # "Trojan | Greek | Fate | Epic": keywords, of which one happens to be a genre.
        if not bulleted and unread > 1:
            found = [claim for claim in found if claim.field != "genre"]
        yield from found


def spaced_cells(text: str, line_start: int, line: str) -> Iterator[Proposal]:
    """A line of facts parted by spaces alone: "1988 1h 32m star 6.7 / 10", "Drama War"."""
    body = line.strip()
    if len(body) > 80 or re.search(r"[.,;:!?]\s|[.!?]$", body):
        return
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
        else:
            kinds.append("")
    # A line of genres, or a year with other facts; an ordinary phrase has neither.
    if not ("year" in kinds and kinds.count("") <= 1) and not all(
        kind == "genre" for kind in kinds
    ):
        return
    end = start + len(body)
    for cell, kind in zip(cells, kinds, strict=True):
        value = re.sub(r"^star\s+", "", cell.group(0), flags=re.I)
        if kind:
            yield proposal(kind, value, text, start, end, "strip")


def classify_cell(
    text: str, cell: str, at: int, quote_start: int, count: int
) -> Iterator[Proposal]:
    end = at + len(cell)
    plain = cell.strip()
    if YEAR.fullmatch(plain):
        yield proposal("year", plain, text, quote_start, end, "strip")
    elif RUNTIME.fullmatch(plain):
        yield proposal("runtime", plain, text, quote_start, end, "strip")
    elif found := RATING_VOTES.fullmatch(plain):
        yield proposal("user_rating", found.group("rating"), text, quote_start, end, "strip")
        yield proposal("votes", found.group("votes"), text, quote_start, end, "strip")
    elif (
        CERTIFICATE_FULL.fullmatch(plain) and not plain.isdigit() and (count > 1 or len(plain) > 1)
    ):
        yield proposal("certificate", plain, text, quote_start, end, "strip")
    else:
        items = split_list(plain)
        if items and all(fold(item) in GENRES for item, _at in items):
            for item, _at in items:
                yield proposal("genre", item, text, quote_start, end, "strip")


SCORE_LINE = re.compile(rf"^[ \t]*(?P<line>{SCORE.pattern})[ \t]*$", re.MULTILINE)
NOT_SCORE = re.compile(
    r"metascore|votes?|reviews?|min|minutes|photos|videos|comments?|seasons?", re.I
)


VOTES_LINE = re.compile(
    r"^[ \t]*(?P<votes>\d[\d,.\u00a0]*)[ \t]+"
    r"(?:votes|votos|voti|Stimmen|avis|ratings|Bewertungen)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def votes_lines(text: str) -> Iterator[Proposal]:
    """ "12.345 votos" alone on its line, under the rating."""
    for match in VOTES_LINE.finditer(text):
        start = match.start("votes")
        yield proposal("votes", match.group("votes"), text, start, match.end(), "score line")


def score_lines(text: str) -> Iterator[Proposal]:
    """A critic's grade alone on its line: "7/10", "6,5 Kürbisse", "★★★½"."""
    for match in SCORE_LINE.finditer(text):
        score = match.group("line").strip()
        if NOT_SCORE.search(score) or re.fullmatch(r"[A-F][+-]?", score.strip("()")):
            continue
        if re.fullmatch(r"\d+\s+[^\W\d_]+", score):
            continue
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        yield proposal("verdict", score, text, start, start + len(score), "score line")


PAREN_CERT = re.compile(
    rf"\((?P<cert>{CERT}|MA15\+|M15\+)(?:\)(?=\s*$|\s*[.;]|\s+\d)|[,;]\s*\d{{2,3}}\s*min)",
    re.MULTILINE,
)


def paren_certificates(text: str) -> Iterator[Proposal]:
    """ "(PG-13)" closing a capsule: the certificate the guide gives."""
    for match in PAREN_CERT.finditer(text):
        yield proposal(
            "certificate", match.group("cert"), text, match.start(), match.end(), "paren"
        )
