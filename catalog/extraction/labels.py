"""Facts the page lays out: "Label: value" lines, bullet strips and video-guide tails."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME_WORD, Span, clean_name, is_name, lines, split_list
from catalog.extraction.vocabulary import (
    CERTIFICATE_FULL,
    GENRES,
    LABELS,
    RATING,
    RATING_VOTES,
    RUNTIME,
    VOTES,
    YEAR,
)
from catalog.normalise import fold

# A label: up to four words before a colon, at a line's start or after ". ", "; ", "|", "•".
LABEL = re.compile(
    r"(?:^|(?<=[.;|•·]\s)|(?<=\|))[ \t•·*+\-]*(?P<label>[^\W\d_][\w'’ .&/-]{0,30}?)\s*[:：]"
    r"(?=\s|$)",
    re.MULTILINE,
)
# Labels a value follows without a colon, at a line's start: "Directed by Paul Haggis".
BY_LABEL = re.compile(
    r"^[ \t•·*+\-]*(?P<label>directed by|written by|screenplay by|starring|réalisé par|"
    r"realise par|dirigida por|dirigido por|diretto da|regia di|scritto da|un film de|"
    r"ein film von|with|avec|mit|con)\s+(?=[A-ZÀ-Þ])",
    re.MULTILINE | re.IGNORECASE,
)
QUALIFIER = re.compile(r"\s*\((?:[a-zà-ÿ][^()]*)\)\s*$")
STOP_WORDS = re.compile(r"\s*(?:\bu\.\s?a\.|\band others\b|\betc\.?|\bet al\.?|\[).*$", re.S)


def label_claims(text: str, names: Container[str]) -> Iterator[Proposal]:
    for label_start, label_end, claim_field, value in labelled_values(text):
        yield from field_values(text, claim_field, value, label_start, names)


def labelled_values(text: str) -> Iterator[tuple[int, int, str, Span]]:
    """(label start, label end, field, value span) for every label that names a claim field."""
    found = []
    for match in LABEL.finditer(text):
        claim_field = LABELS.get(fold(match.group("label")))
        if claim_field:
            found.append((match.start("label"), match.end(), claim_field))
    for match in BY_LABEL.finditer(text):
        claim_field = LABELS.get(fold(match.group("label")))
        if claim_field:
            found.append((match.start("label"), match.end(), claim_field))
    found.sort()
    for index, (start, end, claim_field) in enumerate(found):
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        stop = min(line_end, found[index + 1][0] if index + 1 < len(found) else line_end)
        value = Span(text[end:stop], end)
        if not value.text.strip() and claim_field not in ("cast", "synopsis"):
            value = next_line(text, line_end)
        if value.text.strip():
            yield start, end, claim_field, value


def next_line(text: str, line_end: int) -> Span:
    """The first non-blank line after line_end: a label alone on its line heads its value."""
    for line in lines(text[line_end + 1 :]):
        if line.text.strip():
            if LABEL.match(line.text) or len(line.text.strip()) > 200:
                break
            return Span(line.text, line_end + 1 + line.start)
    return Span("", line_end)


def field_values(
    text: str, claim_field: str, value: Span, label_start: int, names: Container[str]
) -> Iterator[Proposal]:
    raw = value.text.rstrip().rstrip(".")
    raw = raw[: len(raw) - len(STOP_WORDS.search(raw).group(0))] if STOP_WORDS.search(raw) else raw
    end = value.start + len(raw.rstrip())
    if claim_field in ("director", "writer"):
        for item, at in split_list(raw):
            item = QUALIFIER.sub("", item)
            if is_name(item, names) or re.fullmatch(NAME_WORD, item):
                yield proposal(claim_field, item, text, label_start, end, "label")
    elif claim_field == "cast":
        from catalog.extraction.cast import cast_list

        yield from cast_list(text, Span(raw, value.start), label_start, names, actor_first=True)
    elif claim_field == "runtime":
        if found := RUNTIME.search(raw):
            yield proposal("runtime", found.group(0), text, label_start, end, "label")
    elif claim_field == "year":
        if found := YEAR.search(raw):
            yield proposal("year", found.group(0), text, label_start, end, "label")
    elif claim_field in ("certificate", "user_rating"):
        yield from rating_or_certificate(text, raw, label_start, end)
    elif claim_field == "votes":
        if found := re.search(r"\d[\d,.]*", raw):
            yield proposal("votes", found.group(0), text, label_start, end, "label")
    elif claim_field in ("genre", "language", "country"):
        for item, _at in split_list(raw):
            if len(item.split()) <= 3 and not re.search(r"\d", item):
                yield proposal(claim_field, item, text, label_start, end, "label")
    elif claim_field == "title":
        title = re.sub(r"\s*\(\s*\d{4}\s*\)\s*$", "", raw).strip()
        if title and len(title) < 120:
            yield proposal("title", title, text, label_start, end, "label")
    elif claim_field in ("tagline", "setting", "period"):
        if 2 < len(raw.strip()) < 300:
            yield proposal(claim_field, raw.strip(), text, label_start, end, "label")
    elif claim_field == "synopsis" and len(raw) > 60:
        yield proposal("synopsis", raw.strip(), text, label_start, end, "label")


def rating_or_certificate(text: str, raw: str, start: int, end: int) -> Iterator[Proposal]:
    """ "Rating: PG" is a certificate, "Rating: 7.5/10 (1,234)" a user rating with its votes."""
    cell = raw.strip()
    if found := RATING_VOTES.search(cell):
        yield proposal("user_rating", found.group("rating"), text, start, end, "label")
        yield proposal("votes", found.group("votes"), text, start, end, "label")
    elif found := RATING.search(cell) or re.fullmatch(r"(?P<rating>\d{1,2}[.,]\d)", cell):
        yield proposal("user_rating", found.group("rating"), text, start, end, "label")
        if votes := VOTES.search(cell[found.end() :]):
            yield proposal("votes", votes.group("votes"), text, start, end, "label")
    elif CERTIFICATE_FULL.fullmatch(cell) or re.fullmatch(r"(?:Rated\s+)?[A-Z][\w-]{0,5}", cell):
        yield proposal("certificate", cell, text, start, end, "label")


# A strip of facts: cells parted by bullets or bars ("• PG • 1993 • 1 hr 35 min • 5.5 (326)").
CELL_SPLIT = re.compile(r"\s*(?:•|·|\||\s-\s|\s–\s)\s*")


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
            continue
        offset = line.start
        for cell in cells:
            at = text.index(cell, offset)
            offset = at + len(cell)
            quote_start = at
            before = text[line.start : at].rstrip()
            if before.endswith(("•", "·")):
                quote_start = line.start + len(before) - 1
            yield from classify_cell(text, cell, at, quote_start, len(cells))


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


# "95m/C VHS, DVD. Cast: A, B; D: X; W: Y, Z; C: ...; M: ...": the video guides' credit tail.
GUIDE = re.compile(r"\b(?P<runtime>\d{2,3}m)/(?:C|B|BW|B&W|C/BW)\b[^.\n]*\.\s*(?P<credits>[^\n]+)")


def guide_claims(text: str, names: Container[str]) -> Iterator[Proposal]:
    from catalog.extraction.cast import cast_list

    for match in GUIDE.finditer(text):
        yield proposal(
            "runtime", match.group("runtime"), text, match.start(), match.end("runtime"), "guide"
        )
        begin = match.start("credits")
        for part in re.finditer(r"[^;]+", match.group("credits")):
            segment = part.group(0)
            start = begin + part.start()
            head = re.match(r"\s*(?:(?P<key>Cast|D|W|C|M|P)\s*:)?\s*", segment)
            assert head is not None
            key = head.group("key") or ("Cast" if part.start() == 0 else "")
            value = Span(segment[head.end() :].rstrip().rstrip("."), start + head.end())
            if key == "Cast":
                yield from cast_list(text, value, start, names, actor_first=True)
            elif key in ("D", "W"):
                claim_field = "director" if key == "D" else "writer"
                for item, at in split_list(value.text):
                    item = clean_name(QUALIFIER.sub("", item))
                    if is_name(item, names):
                        end = value.start + at + len(item)
                        yield proposal(claim_field, item, text, start, end, "guide")
