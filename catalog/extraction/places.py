"""Where and when the story takes place: "set in the Soviet Union of the 1950s", "Back in the
1950s", "takes place in Los Angeles in 2019", "during World War II"."""

import re
from collections.abc import Iterator

from catalog.extraction.patterns import YEAR
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME_WORD, PARTICLE, sentence_end, sentence_start

WAR = re.compile(r"\b(?:World War (?:I{1,2}|One|Two)|(?:First|Second) World War)\b")
DECADE = (
    r"(?:the\s+)?(?:(?:18|19|20)\d0s['\u2019]?|(?:early|mid|late)[- ](?:(?:18|19|20)\d0s|"
    r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))|"
    r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
)
PLACE = rf"(?:the\s+)?{NAME_WORD}(?:[ ](?:{PARTICLE}[ ])?{NAME_WORD}){{0,3}}"
SET_IN = re.compile(
    rf"\b(?:is set|are set|set|takes place|take place|unfolds|spielt|se déroule|se passe|"
    rf"transcurre|tiene lugar|è ambientato|ambientato|si svolge)\s+(?:in|on|at|im|in der|"
    rf"à|en|dans|au|a|nel|nella)\s+(?:(?:una|un|une|la|il|el|der|die|das|einem|einer)\s+)?"
    rf"(?:(?:the\s+)?(?:[a-z]+\s+){{0,3}}(?:city|town|village|"
    rf"state|country|kingdom|world|streets|heart|wilds|suburbs) of\s+)?"
    rf"(?:(?P<period>{DECADE}|(?:the\s+)?(?:year\s+)?(?:18|19|20)\d\d)\s*)?(?P<place>{PLACE})?"
)
PERIOD_OPENING = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:Back in|In|During|Im Jahr|In den|En|Dans les|Nel|Negli)\s+"
    rf"(?P<period>{DECADE}|(?:18|19|20)\d\d|(?:années|anni)\s+['\u2019]?\d\d)(?=[,\s])",
    re.MULTILINE,
)
PERIOD_BEFORE_PLACE = re.compile(
    r"\bin\s+(?P<period>(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    rf"nineties|(?:18|19|20)\d0s))\s+(?={NAME_WORD})"
)


def setting_and_period(text: str) -> Iterator[Proposal]:
    for match in SET_IN.finditer(text):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        if match.group("period"):
            yield proposal("period", match.group("period"), text, start, end, "set in")
        place = match.group("place")
        if place and not YEAR.fullmatch(place):
            yield proposal("setting", re.sub(r"^the\s+", "", place), text, start, end, "set in")
    for match in PERIOD_OPENING.finditer(text):
        yield proposal(
            "period",
            match.group("period"),
            text,
            match.start(),
            sentence_end(text, match.end()),
            "period opening",
        )
    if war := WAR.search(text):
        start = sentence_start(text, war.start())
        yield proposal("period", war.group(0), text, start, sentence_end(text, war.end()), "war")
    for match in PERIOD_BEFORE_PLACE.finditer(text):
        start = sentence_start(text, match.start())
        yield proposal(
            "period", match.group("period"), text, start, sentence_end(text, match.end()), "period"
        )
