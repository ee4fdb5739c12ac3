"""The film a lead sentence names: an encyclopedia's subject ("Figli delle stelle è un film del
2010") or a review's quoted title."""

import re
from collections.abc import Iterator

from catalog.extraction.lexicon import GENRES
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import lines, sentence_end
from catalog.normalise import fold

LEAD = re.compile(
    r"^(?P<title>[\w\d\"\u201c\u201e„][^.!?\n|]{0,80}?)\s+(?:is|was|è|est|es|ist)\s+"
    r"(?:a|an|un|une|una|uno|ein|eine|ein)\s+(?P<words>(?:[\w'-]+[ \t]+){0,7}[\w'-]+)",
    re.MULTILINE,
)
QUOTES = '"\u201c\u201d\u201e'
FILM_NOUNS = {"film", "movie", "picture", "spielfilm", "pelicula", "filme", "documentary"}
NOT_TITLES = {"the film", "the movie", "this film", "this movie", "it", "il film", "der film"}
NOT_TITLES |= {"le film", "el film", "la pelicula", "der streifen", "dieser film", "ce film"}


def names_film(noun: str) -> bool:
    """ "film", "drama", "Science-Fiction-Noir": a noun that says what kind of film it is."""
    parts = fold(noun).split()
    return bool(parts) and (
        " ".join(parts) in FILM_NOUNS | GENRES or parts[-1] in FILM_NOUNS | GENRES
    )


def lead_title(text: str) -> Iterator[Proposal]:
    """The subject of an encyclopedia's first sentence: "Figli delle stelle è un film del 2010",
    or a review's quoted title: '"Red Hot" is a thrilling drama film'."""
    top = fold(" ".join(line.text.replace("|", " ") for line in list(lines(text))[:4]))
    for match in LEAD.finditer(text):
        if not any(names_film(word) for word in match.group("words").split()):
            continue
        title = match.group("title").strip().strip(QUOTES)
        if fold(title) in NOT_TITLES or not title:
            continue
        if fold(title) in top or title.istitle():
            end = sentence_end(text, match.end())
            yield proposal("title", title, text, match.start(), min(end, match.end() + 60), "lead")
            return
    for match in QUOTED_LEAD.finditer(text):
        rest = text[match.end() : match.end() + 120]
        if re.search(r"\b(?:film|movie|drama|comedy|thriller|documentary)\b", rest, re.I):
            end = min(sentence_end(text, match.end()), match.end() + 60)
            yield proposal("title", match.group("title"), text, match.start(), end, "quoted title")
            return


QUOTED_LEAD = re.compile(
    r"[\"\u201c](?P<title>[^\"\u201d\n]{1,80})[\"\u201d]\s+(?:is|was|ist|est|es|è)\s+"
    r"(?:a|an|un|une|ein|eine|una|uno)\b"
)
