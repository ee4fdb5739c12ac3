"""A critic's grade where the page gives it: stars in a line, a count of them spelled out, a
letter or a labelled mark closing a capsule, "rates 3 of 5 stars", a grade grid's total."""

import re
from collections.abc import Iterator
from itertools import pairwise

from catalog.extraction.patterns import SCORE
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import lines
from catalog.normalise import fold

STAR_RUN = re.compile(r"(?<![★☆✭✩])[★✭]{1,5}(?:[☆✩]{0,4}|½)(?![★☆✭✩])")
LEGEND = re.compile(
    r"^\s*[-\u2014\u2013=:]?\s*(?:excellent|very good|good|fair|poor|great|bad|awful|masterpiece|"
    r"recommended|skip it|sehr gut|gut|mittel|schlecht|excellent|bon|moyen|mauvais|bueno|"
    r"malo|buono|scarso)\b",
    re.IGNORECASE,
)
SPELLED_STARS = re.compile(
    r"^[ \t]*(?P<grade>(?:zero|one|two|three|four|five|half)(?:[ -]and[ -]a[ -]half)?[ \t]+"
    r"stars?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A count of stars alone on its line, or after a short label: "3 étoiles", "Lui : 3 étoiles",
# "Wertung: 4 Sterne".
STARS_LINE = re.compile(
    r"^[ \t]*(?:[^\W\d_][\w'\u2019 ]{0,20}?[ \t]*:[ \t]*)?(?P<grade>\d(?:[.,]5|½|\s1/2)?[ \t]+"
    r"(?i:stars?|étoiles?|sterne?|estrellas?|stelle|estrelas?))[ \t]*$",
    re.MULTILINE,
)
# A letter grade closing a capsule: "...and Rodney Dangerfield parties down. B".
CLOSING_GRADE = re.compile(
    r"(?<=[.!?])[ \t]+(?P<grade>[A-F][+\-\u2013\u2212]?)[ \t]*$", re.MULTILINE
)
# A labelled grade closing a paragraph: "...the famous Chicago Fire of 1871.  Grade: B+".
CLOSING_LABELLED = re.compile(
    rf"(?<=[.!?])[ \t]+(?P<quote>(?i:grade|final grade|my rating|our rating|my score|verdict)"
    rf"[ \t]*:[ \t]*(?P<grade>{SCORE.pattern}))[ \t]*$",
    re.MULTILINE,
)
# The critic's mark in a sentence: "Harbour Lights (1991) rates 3 of 5 stars.", "I give it 7
# out of 10."
RATES = re.compile(
    r"\b(?:rates|rate it|gets|earns|give it|gave it|giving it)[ \t]+"
    r"(?P<grade>\d{1,2}(?:[.,]\d|½)?[ \t]+(?:out[ \t]+)?of[ \t]+(?:10|5|4)(?:[ \t]+stars?)?)\b",
    re.IGNORECASE,
)

# "Mitt betyg till Sink or Swim blir en trea.", "Slutbetyget blir en fyra", "My rating for it
# is 7/10": the critic's own mark, in a sentence that says it is theirs.
MY_GRADE = re.compile(
    r"\b(?:(?:Mitt|Vårt|My|Our)[ \t]+(?:betyg|rating|grade|score)|Slutbetyget|Betyget)\b"
    r"[^.\n]{0,60}?[ \t]+(?:blir|är|is)[ \t]+"
    r"(?P<grade>(?:en|ett)[ \t]+(?:etta|tvåa|trea|fyra|femma)|\d{1,2}(?:[.,]\d)?"
    r"(?:[ \t]*(?:/|out of|av)[ \t]*\d{1,3})?(?:[ \t]+(?:stars?|stjärnor))?)(?![\w/])",
    re.IGNORECASE,
)
# A mark alone on its line over the label that says it is the site's own: "69%" over "Naše
# hodnotenie", "4/5" over "Our rating".
MARK_LINE = re.compile(rf"[ \t]*(?P<grade>\d{{1,3}}[ \t]?%|{SCORE.pattern})[ \t]*")
OWN_MARK_LABEL = re.compile(
    r"[ \t]*(?i:naše hodnotenie|naše hodnocení|our rating|our score|my rating|my score|"
    r"notre note|unsere wertung|nuestra nota|il nostro voto|a nossa nota)[ \t]*:?[ \t]*"
)


def grade_claims(text: str) -> Iterator[Proposal]:
    """Stars in a line, "THREE STARS" alone on one, a grade closing a capsule, a grid's total."""
    yield from grid_grades(text)
    for match in STAR_RUN.finditer(text):
        line_end = text.find("\n", match.end())
        after = text[match.end() : line_end if line_end >= 0 else len(text)]
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if LEGEND.match(after) or len(STAR_RUN.findall(line)) > 1:
            continue
        yield proposal("verdict", match.group(0), text, match.start(), match.end(), "grade")
    for match in STARS_LINE.finditer(text):
        yield proposal("verdict", match.group("grade"), text, match.start(), match.end(), "grade")
    for match in SPELLED_STARS.finditer(text):
        start = match.start("grade")
        yield proposal("verdict", match.group("grade"), text, start, match.end("grade"), "grade")
    for match in CLOSING_GRADE.finditer(text):
        sentence_at = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start()))
        yield proposal(
            "verdict", match.group("grade"), text, sentence_at + 2, match.end("grade"), "grade"
        )
    for match in CLOSING_LABELLED.finditer(text):
        grade = match.group("grade").strip("()")
        yield proposal("verdict", grade, text, match.start("quote"), match.end("quote"), "grade")
    for match in MY_GRADE.finditer(text):
        stop = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n", 0, match.start()) + 1)
        end = match.end("grade") + (text[match.end("grade") : match.end("grade") + 1] == ".")
        yield proposal("verdict", match.group("grade"), text, stop, end, "own grade")
    for mark, label in pairwise([line for line in lines(text) if line.text.strip()]):
        if (found := MARK_LINE.fullmatch(mark.text)) and OWN_MARK_LABEL.fullmatch(label.text):
            at = mark.start + found.start("grade")
            yield proposal("verdict", found.group("grade"), text, at, label.end, "grade")
    for match in RATES.finditer(text):
        stop = text.rfind(". ", 0, match.start())
        sentence_at = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, match.start()) + 1)
        end = match.end("grade") + (text[match.end("grade") : match.end("grade") + 1] == ".")
        yield proposal("verdict", match.group("grade"), text, sentence_at, end, "grade")


# The column of a grade grid that sums the others up: "Spannung | Musik | Gesamt |" over
# "** | **** | 77% |".
GRID_TOTAL = {"gesamt", "overall", "total", "gesamtwertung", "note globale", "globale", "totale"}
GRID_TOTAL |= {"final", "fazit", "verdict", "voto finale", "nota final", "ogolem", "итого"}


def grid_grades(text: str) -> Iterator[Proposal]:
    """The grade under a grid's total column, on the row below its heads."""
    rows = [line for line in lines(text) if line.text.count("|") >= 2]
    for heads, marks in pairwise(rows):
        names = [fold(cell.strip()) for cell in heads.text.strip().strip("|").split("|")]
        cells = [cell.strip() for cell in marks.text.strip().strip("|").split("|")]
        if len(names) < 3 or len(names) != len(cells) or text[heads.end : marks.start].strip():
            continue
        total = next((i for i, name in enumerate(names) if name in GRID_TOTAL), None)
        grade = cells[total] if total is not None else ""
        if re.fullmatch(r"\d{1,3}\s?%", grade) or SCORE.fullmatch(grade):
            start = marks.start + len(marks.text) - len(marks.text.lstrip())
            end = marks.start + len(marks.text.rstrip())
            yield proposal("verdict", grade, text, start, end, "grade")


# A recommendation alone on its line closing a review: "Da evitare.", "Highly recommended!",
# "Unbedingte Leihempfehlung!", "À voir absolument."
