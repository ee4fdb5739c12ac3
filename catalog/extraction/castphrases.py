"""Players a sentence lists after a word for the cast, each maybe described first, and a player
named with the lead part.

"W obsadzie znaleźli się m.in. Tim Robbins, Morgan Freeman i Bob Gunton"; "very strong lead
players in Ben Kingsley, the beautiful Penelope Cruz, the late Dennis Hopper"; "Zdeněk Svěrák v
hlavní roli".
"""

import re
from collections.abc import Container, Iterator

from catalog.extraction.cast import CHARACTER, DEMONYMS, NOT_CHARACTER, near
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME, NAME_WORD, PARTICLE, clean_name, is_name, sentence_end
from catalog.extraction.vocabulary import LABELS
from catalog.normalise import fold

# A word for the players, then a few small words ("znaleźli się m.in.", "in") before the list.
LEAD_IN = re.compile(
    r"\b(?i:obsadzie|obsazení|cast|reparto|elenco|distribution|besetzung|hoofdrollen|"
    r"rollerna|players|performers|ensemble)\b(?:[ \t]+von)?"
    r"(?P<gap>(?:[ \t]+[a-zß-ÿ][\w.'\u2019-]*){0,4}?[ \t]*:?[ \t]+)(?=[A-ZÀ-Þ])"
)
# A player in the list: up to three small words that describe them ("the late", "even a
# not-so-annoying"), then the name, which may hold a nickname in quotation marks.
NICKNAME = r"(?:[ \u00a0]+[\"\u201c][^\"\u201d\n]{1,20}[\"\u201d])?"
PLAYER = re.compile(
    rf"(?P<words>(?:[a-zß-ÿ][\w'\u2019-]*[ \t]+){{0,3}})"
    rf"(?P<name>{NAME_WORD}{NICKNAME}(?:[ \u00a0]+(?:{PARTICLE}[ \u00a0]+)*{NAME_WORD}){{1,4}})"
)
# What parts two players: a comma, "and" in the page's language, or German's "von A über B bis
# hin zu C"; a work in brackets after a name ("Eric Bogosian («Talk Radio»)") is passed over.
JOIN = re.compile(
    r"(?:[ \t]*\([^()\n]{1,40}\))?(?:,[ \t]*(?:(?:and|i|e|y|und|et|en|och|a|oraz)[ \t]+)?|"
    r"[ \t]+(?:and|i|e|y|und|et|en|och|a|oraz|&|über|bis hin zu|bis zu)[ \t]+)"
)
# Words before a name that credit another trade: "the director Ana Holm", "produced by".
TRADE_WORDS = re.compile(r"\b(?:director|directed|writer|written|producer|produced|by|composer)\b")
# The lead part, after the name or before it: "Zdeněk Svěrák v hlavní roli", "In the title role,
# Lena Holm".
LEAD_PHRASES = [
    "v hlavní roli",
    "w roli głównej",
    "w głównej roli",
    "in der hauptrolle",
    "in the lead role",
    "in the title role",
    "in the leading role",
    "nel ruolo principale",
    "en el papel principal",
    "no papel principal",
    "dans le rôle principal",
    "i huvudrollen",
    "in de hoofdrol",
]
LEAD_PART = "(?i:" + "|".join(LEAD_PHRASES) + ")"
NAME_LEADS = re.compile(rf"(?P<name>{NAME})[ \t]+{LEAD_PART}\b")
LEADS_NAME = re.compile(rf"(?<![\w ]){LEAD_PART}[ \t]*[,:]?[ \t]+(?P<name>{NAME})")


def listed_players(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The players of a list of two or more full names after a word for the cast."""
    for lead in LEAD_IN.finditer(text):
        players = []
        at = lead.end()
        while match := PLAYER.match(text, at):
            if TRADE_WORDS.search(match.group("words")):
                break
            name = match.group("name")
            # "Kim Basinger Speelduur 108 minuten": the next label ends the list.
            while len(name.split()) > 2 and fold(name.split()[-1]) in LABELS:
                name = name.rsplit(" ", 1)[0]
            plain = re.sub(NICKNAME, "", name)
            if not is_name(plain, names):
                break
            players.append((name, match.start("name")))
            joined = JOIN.match(text, match.start("name") + len(name))
            if not joined:
                break
            at = joined.end()
        if len(players) < 2:
            continue
        end = players[-1][1] + len(players[-1][0])
        for name, _start in players:
            yield proposal("cast", name, text, lead.start(), end, "cast phrase")


# "Nilo Mur, Adriana Ozores, Nuria Gago sind die Schauspieler": a list the sentence says
# are the film's players.
ARE_PLAYERS = re.compile(
    r"[ \t]+(?:sind|are|were|zijn|sont|son|sono|são|är)[ \t]+"
    r"(?:(?:die|the|les|los|gli|os|de)[ \t]+)?"
    r"(?i:schauspieler|actors|cast|acteurs|actores|attori|atores|skådespelarna|stars|leads)\b"
)


def players_named_so(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The players of a list of full names at a sentence's start that it says are the cast."""
    for said in ARE_PLAYERS.finditer(text):
        begin = max(text.rfind(". ", 0, said.start()) + 2, text.rfind("\n", 0, said.start()) + 1)
        listed = text[begin : said.start()]
        parts = [part.strip() for part in re.split(r",|\s+(?:and|und|y|et|e)\s+", listed)]
        if len(parts) < 2 or not all(is_name(part, names) for part in parts):
            continue
        for part in parts:
            yield proposal("cast", part, text, begin, said.end(), "cast phrase")


# "the vulnerable Audrey Hepburn", "the always-reliable Ed Harris": a player the review names
# with the words it praises performers by.
PERFORMER_WORDS = (
    r"(?:vulnerable|beautiful|lovely|luminous|radiant|gorgeous|charming|wonderful|reliable|"
    r"always-reliable|ever-reliable|talented|underrated|legendary|magnificent|incomparable|"
    r"delightful|ravishing|glamorous|versatile|terrific|superb|unforgettable|iconic|"
    r"scene-stealing|sublime|brilliant|excellent|great|marvell?ous|fetching|winning)"
)
DESCRIBED_PLAYER = re.compile(
    rf"\b(?i:the)[ \t]+(?:[a-z]+ly[ \t]+)?{PERFORMER_WORDS}[ \t]+(?P<name>{NAME})"
    r"(?![ \t]*(?:['\u2019]s|directs|directed|wrote|produced))"
)


def described_players(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The players a review names with a word that praises a performer."""
    for match in DESCRIBED_PLAYER.finditer(text):
        name = match.group("name")
        if is_name(name, names):
            start = match.start("name")
            yield proposal("cast", name, text, start, match.end(), "cast phrase")


# "Keira Knightly erweist sich dabei erneut als faszinierende Charakterdarstellerin": a name
# the sentence goes on to call a player.
PROVES_PLAYER = re.compile(
    rf"(?P<name>{NAME})[ \t]+(?:[a-zäöüßà-ÿ]+[ \t]+){{0,5}}?(?:als|as an?|comme|como|come)[ \t]+"
    r"(?:[a-zäöüßà-ÿ-]+[ \t]+){0,2}[\w-]*(?:darsteller|darstellerin|schauspieler|schauspielerin|"
    r"actor|actress|acteur|actrice|actriz|attore|attrice|Darsteller|Darstellerin|"
    r"Schauspieler|Schauspielerin)\b"
)


DIRECTING = re.compile(
    r"(?i:réalisateur|réalisatrice|director|directed|regisseur|regisseurin|regista|dirigé|"
    r"directora|diretor|réalisé)"
)
PLAYER_NOUN = re.compile(
    r"(?:darsteller|schauspieler|actor|actress|acteur|actrice|actriz|attore|attrice)",
    re.IGNORECASE,
)


def proven_players(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The players a sentence names, then calls an actor or an actress."""
    for match in near(PROVES_PLAYER, PLAYER_NOUN, text, 150):
        name = match.group("name")
        # "plus connu comme acteur que comme réalisateur": a director who once acted.
        rest = text[match.end() : sentence_end(text, match.end())]
        if is_name(name, names) and name[0].isupper() and not DIRECTING.search(rest):
            yield proposal("cast", name, text, match.start(), match.end(), "cast phrase")


def lead_players(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The player named with the lead part, in the languages pages write it."""
    # The phrases are costly to look for case-blind on a long page: their places first, then
    # the names around them.
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text  # a letter whose small form is longer: its places would not match
    spots = [at for phrase in LEAD_PHRASES for at in find_all(lowered, phrase)]
    for at in spots:
        begin, end = max(0, at - 80), min(len(text), at + 120)
        found = [*NAME_LEADS.finditer(text, begin, end), *LEADS_NAME.finditer(text, begin, end)]
        for match in found:
            name = match.group("name")
            if is_name(name, names) and len(name.split()) > 1:
                yield proposal("cast", name, text, match.start(), match.end(), "cast phrase")


def find_all(text: str, phrase: str) -> Iterator[int]:
    at = text.find(phrase)
    while at >= 0:
        yield at
        at = text.find(phrase, at + 1)


# "Carla Gugino is Valentina, the daughter of a KGB chief", "Meryl Streep is Miranda Priestly,
# who ...": the actor, then the part the sentence goes on to describe.
IS_PART = re.compile(
    rf"(?P<actor>{NAME})[ \t]+is[ \t]+(?P<character>{CHARACTER})"
    r"(?=,[ \t]+(?:the|a|an|his|her|their)[ \t]|[ \t]+who\b)"
)


def players_who_are(text: str, names: Container[str]) -> Iterator[Proposal]:
    for match in near(IS_PART, re.compile(r"\sis\s"), text, 120):
        actor, character = clean_name(match.group("actor")), match.group("character")
        if len(actor.split()) < 2 or not is_name(actor, names):
            continue
        if fold(character) in NOT_CHARACTER | DEMONYMS or fold(character) == fold(actor):
            continue
        start = match.start("actor") + match.group("actor").index(actor)
        yield proposal("cast", actor, text, start, match.end(), "plays", character=character)
