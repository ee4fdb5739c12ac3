"""A film's card as French listings print it, run together on one line: the title, the
length and genres after a slash, then "De", "Par" and "Avec" for the director, the writer and
the cast, the release date and the site's mark."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.headlines import plausible_title
from catalog.extraction.lexicon import GENRES
from catalog.extraction.patterns import RUNTIME
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import is_name, split_list
from catalog.normalise import fold

# A film's card as French listings print it, run together on one line: "Strange way of life
# 0h 31min / Western, Drame, Romance De Pedro Almodóvar Par Pedro Almodóvar Avec Pedro Pascal,
# Ethan Hawke Date de sortie 16 août 2023 2,5/5".
CARD = re.compile(
    rf"(?P<runtime>{RUNTIME.pattern})[ \t]*/[ \t]*(?P<genres>[^\W\d_][^/\n]*?)"
    r"(?=[ \t]+(?:De|Par|Avec|Date)[ \t]|[ \t]*$|[ \t]*/)",
    re.IGNORECASE | re.MULTILINE,
)
CARD_CREDIT = re.compile(
    r"(?<![\w'])(?P<label>De|Par|Avec)[ \t]+(?P<people>[^\n]+?)"
    r"(?=[ \t]+(?:De|Par|Avec|Date|Titre|Note)[ \t]|[ \t]*(?:\d|$))"
)
CARD_FIELDS = {"De": "director", "Par": "writer", "Avec": "cast"}


def card_claims(text: str, names: Container[str]) -> Iterator[Proposal]:
    for card in CARD.finditer(text):
        genres = [item for item, _at in split_list(card.group("genres"))]
        if not genres or not all(fold(genre) in GENRES for genre in genres):
            continue
        line_start = text.rfind("\n", 0, card.start()) + 1
        line_end = text.find("\n", card.end())
        line_end = len(text) if line_end < 0 else line_end
        quote = (text, line_start, card.end())
        head = text[line_start : card.start()].strip()
        if head and len(head.split()) <= 10 and plausible_title(head):
            yield proposal("title", head, *quote, "strip")
        yield proposal("runtime", card.group("runtime").strip(), *quote, "strip")
        for genre in genres:
            yield proposal("genre", genre, *quote, "strip")
        for credit in CARD_CREDIT.finditer(text, card.end(), line_end):
            claim_field = CARD_FIELDS[credit.group("label")]
            for name, _at in split_list(credit.group("people")):
                if is_name(name, names):
                    start, end = credit.start(), credit.end()
                    yield proposal(claim_field, name, text, start, end, "strip")
        if score := re.search(r"(?<![\d,.])\d(?:[.,]\d)?/5\b", text[card.end() : line_end]):
            at = card.end() + score.start()
            yield proposal("verdict", score.group(0), text, at, at + len(score.group(0)), "strip")
