"""The genre a page names the film by in its prose: "is a 1993 black comedy crime film", "The
most ludicrous anti-dictatorship musical since", "This nifty, efficient thriller follows"."""

import re
from collections.abc import Iterator

from catalog.extraction.lexicon import GENRES
from catalog.extraction.patterns import YEAR
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, lines, sentence_start
from catalog.extraction.vocabulary import words
from catalog.normalise import fold

GENRE_PHRASE = re.compile(
    r"\b(?:is|was|ist|est|es|è)\s+(?:a|an|un|une|ein|eine|uno|una)\s+"
    r"(?P<words>(?:[\w'-]+\s+){0,4}[\w'-]+)",
    re.IGNORECASE,
)
# "The most ludicrous anti-dictatorship musical since", "This nifty, efficient thriller
# follows", "Das satirische Drama beschäftigt sich", "ein prächtig aussehender Science-Fiction-
# Noir, der": the noun the review names the film by, before the words that go on about it.
DETERMINER = (
    r"(?:the most|the|a|an|this|that|das|der|die|ein|eine|einen|dieses|dieser|ce|cette|un|une|"
    r"le|la|este|esta|el|una|questo|questa|il|lo|deze|dit|een|de|het)"
)
FOLLOWER = (
    r"(?:since|about|that|which|from|follows|tells|centers|centres|was|is|starring|with|set|"
    r"directed|helmed|"
    r"where|who|in which|genre|um|über|erzählt|ist|war|mit|der|die|das|sur|qui|raconte|est|"
    r"avec|sobre|que|cuenta|es|con|su|che|racconta|è|con|over|dat|vertelt|met|like|focust|draait|"
    r"gaat|volgt|"
    # "Dramat psychologiczny o rodzinie", "komedie o muži", "ett drama om": Polish, Czech and
    # Swedish "about", and their verbs of telling.
    r"o|om|opowiada|vypráví|berättar|handlar)"
)
REVIEW_GENRE = re.compile(
    rf"(?:\b{DETERMINER}\s+|(?:^|(?<=[.!?]\s)))(?P<words>(?:[\w'\u2019(),-]+\s+){{0,4}}?"
    rf"[\w-]+)\s*,?\s+(?={FOLLOWER}\b|(?!series\b)[a-z]{{3,}}s\b)",
    re.IGNORECASE | re.MULTILINE,
)
# "co-star in this quirky comedy.": the film named by its genre at the end of a sentence.
THIS_GENRE = re.compile(
    r"\b(?:this|ce|cette|dieser|diesem|dieses|este|esta|questo|questa|deze|dit)\s+"
    r"(?P<words>(?:[\w'\u2019-]+\s+){0,3}?[\w-]+)(?=[.!?](?:\s|$))",
    re.IGNORECASE,
)
# Genres that are also everyday nouns ("a crime that", "the war which"): named alone they are
# the plot's, with "film" or another genre beside them the film's.
AMBIGUOUS = {
    fold(word)
    for word in words(
        """war|history|music|family|action|romance|crime|mystery|sport|sports|adventure|
        disaster|monster|short|teen|epic|spy|heist|suspense|political|historical|fantasy|
        animation|guerra|terror|aventura|historia"""
    )
}
# Words that end the adjectives before a genre: "a story about war" names no genre.
NOT_ADJECTIVE = {
    "about",
    "of",
    "that",
    "with",
    "from",
    "in",
    "on",
    "for",
    "by",
    "and",
    "to",
    "which",
    "who",
    "where",
    "when",
    "whose",
    "than",
    "but",
    "or",
}
RELEASED = re.compile(
    r"\b(?:released|came out|premiered|erschienen|gestartet|sorti|estrenada|estrenado|uscito)"
    r"\s+(?:in|im|en|nel)\s+(?:(?:the\s+)?year\s+)?(?P<year>(?:18|19|20)\d\d)\b"
)


def genres_and_years(text: str) -> Iterator[Proposal]:
    """ "is a 1993 drama", "is a thrilling drama film released in 1993", "a musical since"."""
    for match in GENRE_PHRASE.finditer(text):
        found = first_genre(match, "words")
        if not found:
            continue
        genre, at, adjectives = found
        start = sentence_start(text, match.start())
        genres = [(genre, at), *more_genres(text, at + len(genre))]
        if len(genres) == 1 and (
            suffix := re.match(r"\s(?:film|movie)\b", text[at + len(genre) :])
        ):
            genres = [(genre + suffix.group(0), at)]
        end = genres[-1][1] + len(genres[-1][0])
        for value, _at in genres:
            yield proposal("genre", value, text, start, end, "is a genre")
        for year in YEAR.finditer(adjectives):
            yield proposal("year", year.group(0), text, start, end, "is a genre")
    for match in (*REVIEW_GENRE.finditer(text), *THIS_GENRE.finditer(text)):
        before = text[max(0, match.start() - 6) : match.start()].split()
        named = last_genre(match)
        if not named or (before and before[-1].lower() in ("is", "was", "ist", "est", "es")):
            continue
        genre, at = named
        after = text[at + len(genre) : at + len(genre) + 12]
        # "classic screwball comedies": a kind of films, not this film's genre.
        if (plural := re.match(r"\s+([a-z]+)(?:ies|s)\b", after)) and plural_genre(plural):
            continue
        if fold(genre) in AMBIGUOUS and not re.match(r"\s+(?:film|movie|genre)\b", after):
            continue
        start = sentence_start(text, match.start())
        yield proposal("genre", genre, text, start, at + len(genre), "review genre")
    for match in RELEASED.finditer(text):
        yield proposal("year", match.group("year"), text, match.start(), match.end(), "released")


def plural_genre(plural: re.Match[str]) -> bool:
    """Whether the word after a genre is a genre in the plural: "comedies", "thrillers"."""
    word = plural.group(0).strip()
    stems = [word[:-3] + "y", word[:-1]] if word.endswith("ies") else [word[:-1]]
    return any(fold(stem) in GENRES for stem in stems)


def more_genres(text: str, at: int) -> list[tuple[str, int]]:
    """The genres that follow the first: "black comedy crime film" has "crime" too."""
    found: list[tuple[str, int]] = []
    rest = text[at : at + 80]
    offset = 0
    while True:
        words = list(re.finditer(r"\s+([\w-]+)", rest[offset:]))[:3]
        for count in (3, 2, 1):
            if len(words) >= count:
                begin, end = offset + words[0].start(1), offset + words[count - 1].end(1)
                if fold(rest[begin:end]) in GENRES:
                    found.append((rest[begin:end], at + begin))
                    offset = end
                    break
        else:
            return found


def first_genre(match: re.Match[str], group: str) -> tuple[str, int, str] | None:
    """The first genre among the words after "is a", with its offset and the words before it."""
    words = list(re.finditer(r"[\w'-]+", match.group(group)))
    base = match.start(group)
    for index, word in enumerate(words):
        if word.group(0).lower() in NOT_ADJECTIVE:
            return None
        for count in (3, 2, 1):
            chosen = words[index : index + count]
            if len(chosen) == count:
                phrase = match.group(group)[chosen[0].start() : chosen[-1].end()]
                if fold(phrase) in GENRES:
                    adjectives = match.group(group)[: word.start()]
                    return phrase, base + word.start(), adjectives
    return None


def last_genre(match: re.Match[str]) -> tuple[str, int] | None:
    """The genre that ends the words before "since" / "about": "period romance", "musical",
    "Science-Fiction-Noir" (a compound whose last part is a genre)."""
    words = list(re.finditer(r"[\w'-]+", match.group("words")))
    base = match.start("words")
    for count in (3, 2, 1):
        if len(words) >= count:
            phrase = match.group("words")[words[-count].start() : words[-1].end()]
            if fold(phrase) in GENRES:
                return phrase, base + words[-count].start()
    if words and "-" in words[-1].group(0) and fold(words[-1].group(0).split("-")[-1]) in GENRES:
        return words[-1].group(0), base + words[-1].start()
    # "Gaunerkomödie", "Familiendrama": a German compound whose last part is a genre.
    last = words[-1].group(0) if words else ""
    if last[:1].isupper() and re.search(COMPOUND_GENRE, fold(last)):
        return last, base + words[-1].start()
    return None


COMPOUND_GENRE = r"^[a-z]{3,}(?:komodie|drama|thriller|krimi|western|satire|groteske|tragodie)$"


def genre_lines(text: str) -> Iterator[Proposal]:
    """Two to four genres, each alone on its line, near the top ("Comedy / Drama / Fantasy"
    under a card's rating); a longer run is a site's menu of genres."""
    run: list[Span] = []
    for line in [*list(lines(text))[:80], None]:
        body = line.text.strip() if line is not None else ""
        if line is not None and body and fold(body) in GENRES:
            run.append(line)
            continue
        if 2 <= len(run) <= 4:
            start = run[0].start + len(run[0].text) - len(run[0].text.lstrip())
            end = run[-1].start + len(run[-1].text.rstrip())
            for genre in run:
                yield proposal("genre", genre.text.strip(), text, start, end, "genre lines")
            return
        run = []
