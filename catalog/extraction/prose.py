"""Facts stated in sentences: "directed by", "starring", "a 1993 drama", "set in", the title."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME, NAME_WORD, PARTICLE, Span, clean_name, is_name, lines
from catalog.extraction.vocabulary import GENRES, YEAR
from catalog.normalise import fold

PERSON = rf"(?:{NAME})"
LIST_OF_PEOPLE = (
    rf"{PERSON}(?:(?:,\s*(?:and\s+|und\s+|et\s+|y\s+|e\s+)?|\s+(?:and|und|et|y|e|&)\s+){PERSON})*"
)
# "directed by esteemed filmmaker Paul Haggis": a few lower-case words may stand before the name.
DIRECTED = re.compile(
    r"\b(?P<verb>directed|co-directed|written|co-written|scripted|penned|inszeniert|gedreht|"
    r"geschrieben|réalisé|realise|écrit|dirigida|dirigido|escrita|escrito|diretto|diretta|"
    r"scritto|scritta)\s+(?:by|von|par|por|da)\s+(?:(?:[a-zà-ÿ][\w-]*|the|a|an)\s+){0,3}?"
    rf"(?P<people>{LIST_OF_PEOPLE})"
)
STARRING = re.compile(
    r"\b(?:[Ss]tarring|[Ff]eaturing|cast (?:is )?led by|cast (?:that )?includes|stars|"
    r"[Mm]it|[Aa]vec|[Cc]on)\s+(?:(?:an?|the|ensemble|all-star|stellar|talented|young|cast|"
    r"led|by|den|der|les|el|il)\s+){0,5}"
    rf"(?P<people>{LIST_OF_PEOPLE})"
)
WRITER_ROLE = {
    "written",
    "co-written",
    "scripted",
    "penned",
    "geschrieben",
    "écrit",
    "escrita",
    "escrito",
    "scritto",
    "scritta",
}
GENRE_PHRASE = re.compile(
    r"\b(?:is|was|ist|est|es|è)\s+(?:a|an|un|une|ein|eine|uno|una)\s+"
    r"(?P<adjectives>(?:(?:[a-zà-ÿ][\w'-]*|\d{4})\s+){0,3}?)"
    r"(?P<genre>[a-zà-ÿ][\w-]*(?:\s[a-zà-ÿ][\w-]*)?)(?P<film>\s(?:film|movie|picture|feature))?\b",
    re.IGNORECASE,
)
# "The most ludicrous anti-dictatorship musical since": a genre the review names the film by.
REVIEW_GENRE = re.compile(
    r"\b(?:the most|a|an|being a|being an)\s+(?:[a-zà-ÿ][\w'-]*\s+){0,2}?"
    r"(?P<genre>[a-zà-ÿ][\w-]*(?:\s[a-zà-ÿ][\w-]*)?)\s+(?=since|about|that|which|from|with)",
)
RELEASED = re.compile(
    r"\b(?:released|came out|premiered|erschienen|gestartet|sorti|estrenada|estrenado|uscito)"
    r"\s+(?:in|im|en|nel)\s+(?:(?:the\s+)?year\s+)?(?P<year>(?:18|19|20)\d\d)\b"
)
DECADE = (
    r"(?:the\s+)?(?:(?:18|19|20)\d0s['’]?|(?:early|mid|late)[- ](?:(?:18|19|20)\d0s|"
    r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))|"
    r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
)
PLACE = rf"(?:the\s+)?{NAME_WORD}(?:[ ](?:{PARTICLE}[ ])?{NAME_WORD}){{0,3}}"
SET_IN = re.compile(
    rf"\b(?:is set|are set|set|takes place|take place|unfolds|spielt|se déroule|se passe|"
    rf"transcurre|tiene lugar|è ambientato|ambientato|si svolge)\s+(?:in|on|at|im|in der|"
    rf"à|en|dans|au|a|nel|nella)\s+(?:(?:the\s+)?(?:[a-z]+\s+){{0,3}}(?:city|town|village|"
    rf"state|country|kingdom|world|streets|heart|wilds|suburbs) of\s+)?"
    rf"(?:(?P<period>{DECADE}|(?:the\s+)?(?:year\s+)?(?:18|19|20)\d\d)\s*)?(?P<place>{PLACE})?"
)
PERIOD_OPENING = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:Back in|In|During|Im Jahr|In den|En|Dans les|Nel|Negli)\s+"
    rf"(?P<period>{DECADE}|(?:18|19|20)\d\d|(?:années|anni)\s+['’]?\d\d)(?=[,\s])"
)
PERIOD_BEFORE_PLACE = re.compile(
    r"\bin\s+(?P<period>(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    rf"nineties|(?:18|19|20)\d0s))\s+(?={NAME_WORD})"
)


def people(text: str, names: Container[str]) -> Iterator[Proposal]:
    for match in DIRECTED.finditer(text):
        claim_field = "writer" if match.group("verb").lower() in WRITER_ROLE else "director"
        yield from listed(text, match, claim_field, names, "directed by")
    for match in STARRING.finditer(text):
        yield from listed(text, match, "cast", names, "starring")


def listed(
    text: str, match: re.Match[str], claim_field: str, names: Container[str], rule: str
) -> Iterator[Proposal]:
    for person in re.finditer(PERSON, match.group("people")):
        name = clean_name(person.group(0))
        if is_name(name, names):
            yield proposal(claim_field, name, text, match.start(), match.end(), rule)


def genres_and_years(text: str) -> Iterator[Proposal]:
    """ "is a 1993 drama", "is a thrilling drama film released in 1993", "a musical since"."""
    for match in GENRE_PHRASE.finditer(text):
        genre = genre_words(match.group("genre"))
        if not genre:
            continue
        value = genre + (match.group("film") or "") if genre == match.group("genre") else genre
        end = match.start("genre") + len(value)
        start = sentence_start(text, match.start())
        yield proposal("genre", value, text, start, end, "is a genre")
        for year in YEAR.finditer(match.group("adjectives")):
            yield proposal("year", year.group(0), text, start, end, "is a genre")
    for match in REVIEW_GENRE.finditer(text):
        genre = genre_words(match.group("genre"))
        if genre and not text[max(0, match.start() - 4) : match.start()].strip().endswith(
            ("is", "was")
        ):
            yield proposal(
                "genre",
                genre,
                text,
                sentence_start(text, match.start()),
                match.start("genre") + len(genre),
                "review genre",
            )
    for match in RELEASED.finditer(text):
        yield proposal("year", match.group("year"), text, match.start(), match.end(), "released")


def genre_words(phrase: str) -> str:
    """The longest start of phrase that is a genre ("period romance", else "period")."""
    words = phrase.split()
    for count in range(len(words), 0, -1):
        candidate = " ".join(words[:count])
        if fold(candidate) in GENRES:
            return candidate
    return ""


def sentence_start(text: str, at: int) -> int:
    """The start of the sentence holding position at (a quote reads best as whole sentences)."""
    before = text[max(0, at - 400) : at]
    found = list(re.finditer(r"(?:[.!?…][\"”’)]?\s+|\n\s*)", before))
    return at - len(before) + found[-1].end() if found else max(0, at - len(before))


def setting_and_period(text: str) -> Iterator[Proposal]:
    for match in SET_IN.finditer(text):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        if match.group("period"):
            yield proposal("period", match.group("period"), text, start, end, "set in")
        place = match.group("place")
        if place and not YEAR.fullmatch(place) and not place.lower().startswith("the "):
            yield proposal("setting", clean_name(place), text, start, end, "set in")
        elif place and place.lower().startswith("the ") and len(place.split()) > 1:
            yield proposal("setting", place, text, start, end, "set in")
    for match in PERIOD_OPENING.finditer(text):
        yield proposal(
            "period",
            match.group("period"),
            text,
            match.start(),
            sentence_end(text, match.end()),
            "period opening",
        )
    for match in PERIOD_BEFORE_PLACE.finditer(text):
        start = sentence_start(text, match.start())
        yield proposal(
            "period", match.group("period"), text, start, sentence_end(text, match.end()), "period"
        )


def sentence_end(text: str, at: int) -> int:
    found = re.compile(r"[.!?…](?=\s|$)|\n").search(text, at)
    return found.end() if found else len(text)


TITLE_YEAR = re.compile(
    r"^(?P<title>[^\n()•|]{1,120}?)[ \u00a0]*\([ \u00a0]*(?P<year>(?:18|19|20)\d\d)[ \u00a0]*\)\s*$"
)


def title_claims(text: str, page_title: str = "") -> Iterator[Proposal]:
    """The heading that names the film: "Red Hot (1993)" or a short first line; then the first
    capitals mention of it in a review ("RED HOT deserves"), or '"Red Hot" is a ...' prose."""
    title = ""
    for line in list(lines(text))[:25]:
        body = line.text.strip()
        if not body:
            continue
        start = line.start + len(line.text) - len(line.text.lstrip())
        if found := TITLE_YEAR.match(body):
            title = found.group("title").strip()
            yield proposal("title", title, text, start, start + len(body), "heading")
            yield proposal("year", found.group("year"), text, start, start + len(body), "heading")
            break
    if not title:
        first = next((line for line in lines(text) if line.text.strip()), None)
        body = first.text.strip() if first else ""
        if (
            first
            and 1 < len(body) < 80
            and not re.search(r"[.:!?•|]|^\W", body)
            and (not page_title or fold(body) in fold(page_title))
        ):
            title = body
            start = first.start + len(first.text) - len(first.text.lstrip())
            yield proposal("title", title, text, start, start + len(body), "heading")
    if title:
        capitals = re.search(rf"(?<![\w\"“]){re.escape(title.upper())}(?![\w\"”])", text)
        if capitals and title.upper() != title:
            start = sentence_start(text, capitals.start())
            yield proposal(
                "title",
                capitals.group(0),
                text,
                start,
                sentence_end(text, capitals.end()),
                "capitals",
            )
        return
    for match in re.finditer(
        r"[\"“](?P<title>[^\"”\n]{1,80})[\"”]\s+(?:is|was|ist|est|es|è)\s+(?:a|an|un|une|ein|eine|una|uno)\b",
        text,
    ):
        rest = text[match.end() : match.end() + 120]
        if re.search(r"\b(?:film|movie|drama|comedy|thriller|documentary)\b", rest, re.I):
            end = min(sentence_end(text, match.end()), match.end() + 60)
            yield proposal("title", match.group("title"), text, match.start(), end, "quoted title")
            return


def summary_spans(text: str) -> list[Span]:
    return [Span(line.text, line.start) for line in lines(text)]
