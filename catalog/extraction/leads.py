"""The film a lead sentence names: an encyclopedia's subject ("Figli delle stelle è un film del
2010"), with the other title its bracket gives, or a review's quoted title."""

import re
from collections.abc import Iterator

from catalog.extraction.lexicon import GENRES, LANGUAGE_NAMES
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import lines, sentence_end
from catalog.extraction.vocabulary import field_of
from catalog.normalise import fold

LEAD = re.compile(
    r"^(?P<title>[\w\d\"\u201c\u201e„][^.!?\n|]{0,80}?)\s+(?:is|was|è|est|es|ist)\s+"
    r"(?:a|an|un|une|una|uno|ein|eine|ein)\s+(?P<words>(?:[\w'-]+[ \t]+){0,7}[\w'-]+)",
    re.MULTILINE,
)
QUOTES = '"\u201c\u201d\u201e'
SUMMING = re.compile(
    r"(?i:overall|ultimately|still|however|sadly|thankfully|basically|finally|altogether|"
    r"admittedly|in short|in the end|all in all|in sum|in conclusion|at heart|at its best|"
    r"en somme|au final|insgesamt|alles in allem|en resumen|in definitiva|insomma),[ \t]+"
)
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
        # "Overall, Red Hot is a ... drama": the critic's word that sums up, then the title.
        title_at = match.start("title")
        if summed := SUMMING.match(title):
            title_at += summed.end()
            title = title[summed.end() :].strip(QUOTES)
        if fold(title) in NOT_TITLES or not title:
            continue
        if fold(title) in top or title.istitle():
            end = min(sentence_end(text, match.end()), match.end() + 60)
            for name in bracketed_titles(text, title):
                yield proposal("title", name, text, title_at, end, "lead")
            return
    for match in QUOTED_LEAD.finditer(text):
        rest = text[match.end() : match.end() + 120]
        if re.search(r"\b(?:film|movie|drama|comedy|thriller|documentary)\b", rest, re.I):
            end = min(sentence_end(text, match.end()), match.end() + 60)
            yield proposal("title", match.group("title"), text, match.start(), end, "quoted title")
            return


# "Museum (Spanish: Museo)", "Cinema Paradiso (Originaltitel: Nuovo Cinema Paradiso)": the
# film's title, then its title in another language.
OTHER_TITLE = re.compile(
    r"(?P<title>.+?)\s+\((?:(?P<label>[^\W\d_][\w. ]{1,24}):\s*)?(?P<other>[^()]+)\)"
)


def bracketed_titles(text: str, title: str) -> list[str]:
    """A lead's title and the other title its bracket gives: one labelled by a language or as
    the original title, or one the page gives elsewhere ("Titre original | Nuovo Cinema
    Paradiso"); "Scialla! (Stai sereno)" is one title."""
    found = OTHER_TITLE.fullmatch(title)
    if not found:
        return [title]
    label = fold(found.group("label") or "")
    labelled = label in LANGUAGE_NAMES or field_of(label) == "title"
    if labelled or (not label and text.count(found.group("other")) > 1):
        return [found.group("title"), found.group("other").strip()]
    return [title]


QUOTED_LEAD = re.compile(
    r"[\"\u201c](?P<title>[^\"\u201d\n]{1,80})[\"\u201d]\s+(?:is|was|ist|est|es|è)\s+"
    r"(?:a|an|un|une|ein|eine|una|uno)\b"
)
