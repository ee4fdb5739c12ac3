"""What a page says of the film's standing: a board's certificate, the audience's rating and
votes, a critic's grade or critique, on a label line or alone on a line of their own."""

import re
from collections.abc import Iterator

from catalog.extraction.patterns import CERTIFICATE_CODE, RATING, RATING_VOTES, SCORE, VOTES
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import lines

# A board's rating written out: "Não recomendado para menores de 10 anos", "Interdit aux moins
# de 12 ans", "Freigegeben ab 16 Jahren", "Livre", "Tous publics".
CERTIFICATE_PHRASE = re.compile(
    r"(?:(?:não recomendado|no recomendada|no recomendado|interdit|vietato|freigegeben|"
    r"nicht freigegeben|prohibida|proibido)[^.\n\d]{0,40}\d{1,2}(?:\s*(?:anos|años|ans|anni|"
    r"jahren?|lat))?|livre|tous publics|todos los públicos|apta para todos los públicos|"
    r"interdit aux mineurs|vietato ai minori|prohibida para menores|proibido para menores|"
    r"keine jugendfreigabe)",
    re.IGNORECASE,
)


def rating_or_certificate(
    raw: str, quote: tuple[str, int, int], claim_field: str
) -> Iterator[Proposal]:
    """ "Rating: PG" is a certificate, "Rating: 7.5/10 (1,234)" a user rating with its votes."""
    cell = raw.strip()
    # "Rating: *****", "FiC Rating: 4/5": a critic's stars or marks out of five, not a board's.
    marks = re.fullmatch(r"[★☆✭✩]+½?|\*{1,5}(?:\s?1/2|½)?|\d(?:[.,]\d)?\s*/\s*[45]", cell)
    if claim_field == "certificate" and marks:
        yield proposal("verdict", cell, *quote, "label")
    elif claim_field == "user_rating" and marks:
        return
    elif found := RATING_VOTES.search(cell):
        yield proposal("user_rating", found.group("rating"), *quote, "label")
        yield proposal("votes", found.group("votes"), *quote, "label")
    elif claim_field == "certificate" and RATING.fullmatch(cell) and reviewed(quote[0]):
        # "Rating: 7/10" closing a review: the critic's own mark, with no votes beside it.
        yield proposal("verdict", cell, *quote, "label")
    elif found := RATING.search(cell) or re.fullmatch(r"(?P<rating>\d{1,2}[.,]\d{1,2})", cell):
        yield proposal("user_rating", found.group("rating"), *quote, "label")
        if votes := VOTES.search(cell[found.end() :]):
            yield proposal("votes", votes.group("votes"), *quote, "label")
    elif claim_field == "certificate" and (code := CERTIFICATE_CODE.match(cell)):
        yield proposal("certificate", code.group(0), *quote, "label")
    elif claim_field == "certificate" and (phrase := CERTIFICATE_PHRASE.match(cell)):
        yield proposal("certificate", phrase.group(0), *quote, "label")


# Words of a critic writing a review, as a catalogue's page does not.
REVIEWED = re.compile(
    r"\b(?:I|I'm|I've|my|review|reviewed|in my opinion)\b|\bI\u2019(?:m|ve)\b", re.IGNORECASE
)


def reviewed(text: str) -> bool:
    return len(REVIEWED.findall(text)) >= 2


def verdict_value(raw: str, quote: tuple[str, int, int]) -> Iterator[Proposal]:
    """A critic's grade ("5/10", "(A)", "3 stars") or the first sentence of a critique."""
    cell = raw.strip()
    # "Critique : deux courts de Pedro Almodovar": a heading, not a sentence that judges; "Unsere
    # Empfehlung: Reingehen!": a word to the reader, closed as a sentence.
    if (len(cell) > 20 or re.fullmatch(r"[^\W\d][^.!?]{1,20}!", cell)) and re.search(
        r"[.!?](?=\s|$)", cell
    ):
        text, start, _end = quote
        first = re.search(r"[.!?](?=\s|$)", cell)
        end = text.index(cell, start) + (first.end() if first else len(cell))
        yield proposal("verdict", cell[: first.end()] if first else cell, text, start, end, "label")


# A grade alone on its line, or closing a paragraph as a sentence of its own: "... drama. Two
# stars out of four."
SCORE_LINE = re.compile(
    rf"(?:^[ \t]*|(?<=[.!?][ \t]))(?P<line>{SCORE.pattern})(?:(?<=[a-z0-9])\.)?[ \t]*$",
    re.MULTILINE,
)
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
        if CATALOGUE.search(score):
            continue
        if re.fullmatch(r"\d+\s+[^\W\d_]+", score):
            continue
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        yield proposal("verdict", score, text, start, start + len(score), "score line")


# An audience's average alone on its line over the page's "Rate this" button (an IMDb list).
RATE_THIS = re.compile(
    r"^[ \t]*(?:★[ \t]*)?(?P<rating>\d(?:[.,]\d)?|10(?:[.,]0)?)(?:[ \t]*/[ \t]*10)?[ \t]*\n"
    r"(?:[ \t]*\n)?[ \t]*(?:Rate this|Rate This|Rate|Your rating|Bewerten|Noter|Valorar)[ \t]*$",
    re.MULTILINE,
)


def rate_this_lines(text: str) -> Iterator[Proposal]:
    for match in RATE_THIS.finditer(text):
        start = match.start("rating")
        line_end = text.index("\n", start)
        yield proposal("user_rating", match.group("rating"), text, start, line_end, "score line")


# Catalogues whose audience scores a film, as a page names the score it copies from them.
CATALOGUE = re.compile(
    r"\b(?:IMDb|IMDB|TMDb|TMDB|Letterboxd|FilmAffinity|Filmaffinity|Filmweb|Kinopoisk|"
    r"KinoPoisk|КиноПоиск|Кинопоиск|Douban|ČSFD|CSFD|OFDb|Moviepilot)\b"
)
SITE_SCORE = r"(?P<rating>\d{1,2}[.,]\d{1,2}(?:[ \t]*/[ \t]*10\b)?)"
# "7.9 КиноПоиск", "IMDb 7.5", or the catalogue's name on a line and its score under it.
SITE_SCORE_LINE = re.compile(
    rf"^[ \t]*(?:[-•·][ \t]*)?(?:{SITE_SCORE}[ \t]+(?P<after>{CATALOGUE.pattern})"
    rf"|(?P<before>{CATALOGUE.pattern})[ \t]*:?[ \t]*(?:\n[ \t]*(?:[-•·][ \t]*)?)?"
    rf"(?:[\u2b50★]\ufe0f?[ \t]*)?"
    rf"(?:{SITE_SCORE.replace('rating', 'below')}|(?P<percent>\d{{1,3}}%)|"
    r"(?<=:)[ \t]*(?P<whole>10|\d)))"
    r"[ \t]*$",
    re.MULTILINE,
)
POPCORN = re.compile(r"(?:\bRT[ \t]+\d{1,3}%[ \t]*)?\U0001f37f[ \t]*(?P<rating>\d{1,3}%)")
# "Rating: 6.8/10 (43,606 votes)" within a line: a score with its count of votes.
COUNTED = re.compile(
    r"(?P<rating>\b\d{1,2}[.,]\d{1,2}[ \t]*/[ \t]*10)[ \t]*\((?P<votes>\d[\d,.\u00a0]*)[ \t]*"
    r"(?:votes|ratings|Stimmen|votos|voti|avis|Bewertungen|голосов|голоса|голос)\)",
    re.IGNORECASE,
)


def site_scores(text: str) -> Iterator[Proposal]:
    """The audience's score a page credits to a catalogue, and a score given with its votes."""
    for match in SITE_SCORE_LINE.finditer(text):
        names = ("rating", "below", "percent", "whole")
        group = next(name for name in names if match.group(name))
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" \t-•·"))
        yield proposal("user_rating", match.group(group), text, start, match.end(), "score line")
    # "RT 86%🍿85%": the critics' share, then the audience's by its popcorn.
    for match in POPCORN.finditer(text):
        start, end = match.start(), match.end()
        yield proposal("user_rating", match.group("rating"), text, start, end, "score line")
    for match in COUNTED.finditer(text):
        start, end = match.start(), match.end()
        yield proposal("user_rating", match.group("rating"), text, start, end, "score line")
        yield proposal("votes", match.group("votes"), text, start, end, "score line")


# A score alone on a line at the head of a catalogue's card, under its title or its length:
# "Texasville" / "123 Min" / "5.9".
HEAD_SCORE = re.compile(r"(?P<rating>\d[.,]\d|10[.,]0)")


def head_scores(text: str) -> Iterator[Proposal]:
    """The audience's score a card prints bare near its head, on a page that reviews nothing."""
    if reviewed(text):
        return
    for line in [line for line in lines(text) if line.text.strip()][:12]:
        if found := HEAD_SCORE.fullmatch(line.text.strip()):
            start = line.start + len(line.text) - len(line.text.lstrip())
            end = start + len(found.group(0))
            yield proposal("user_rating", found.group("rating"), text, start, end, "head score")
            return
