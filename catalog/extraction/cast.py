"""Who plays whom in prose: "Actor plays Character", "Character, played by Actor"."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import (
    LIST_OF_PEOPLE,
    NAME,
    NAME_WORD,
    PARTICLE,
    PERSON,
    clean_name,
    is_name,
)
from catalog.normalise import fold

# A character as pages write one: "Alexi", "Mrs. Kirov", "Agamemnon's Officer", "The Joker".
CHARACTER = (
    rf"(?:(?:Mr|Mrs|Ms|Dr|Sir|Lady|Lord|Uncle|Aunt|Agent|Captain|Capt|Detective|Det|Sergeant|"
    rf"Sgt|Lt|Lieutenant|Col|Colonel|Gen|General|Maj|Major|Cpl|Pvt|Insp|Inspector|Rev|Fr|"
    rf"Father|Mother|King|Queen|Prince|Princess|Professor|Prof|Judge|Don|Dame|Count|Countess|"
    rf"Baron|Duke|Viscount)\.?\s+)?"
    # "Gato con Botas": a Spanish or Italian part's name joins its words with "con".
    rf"{NAME_WORD}(?:['\u2019]s)?(?:[ \u00a0]+(?:(?:{PARTICLE}|con)[ \u00a0]+)?{NAME_WORD}){{0,3}}"
)

# "Jan Niklas takes on the role of Daniel", "Carla Gugino plays Helen", "Brad Pitt as Achilles".
PLAYS = re.compile(
    rf"(?P<actor>{PERSON})(?:['\u2019]s)?(?:,|\s+[-\u2013\u2014])?\s+"
    # "Antonio Banderas (Mini-Espías) como el Gato con Botas": a work they are known from.
    r"(?:\([^()\n]{1,60}\)\s+)?"
    r"(?:(?:also|who|brilliantly|convincingly)\s+)?"
    r"(?P<verb>plays|played|portrays|portrayed|stars as|starred as|is cast as|appears as|"
    r"(?:co-?)?star(?:s|red)(?:\s+[a-z]+ly)?\s+as|"
    r"takes on the role of|took on the role of|in the role of|as the voice of|voices|"
    r"spielt|verkörpert|als|in der rolle (?:des|der) |incarne|interprète|joue|dans le rôle de|"
    r"interpreta a|interpreta|da vida a|en el papel de|como|nel ruolo di|nei panni di|"
    r"as|makes a welcome return as|returns as|is back as|"
    # "Dustin Hoffman is great as Dutch Schultz": the critic's word on the part, then the part.
    r"(?:is|was)[ \t]+(?:[a-z]+ly[ \t]+)?(?:great|excellent|superb|wonderful|terrific|fine|"
    r"good|brilliant|perfect|memorable|chilling|convincing|hilarious|marvell?ous|outstanding)"
    r"[ \t]+as)\s+"
    r"(?P<gap>(?:the\s+)?(?:[a-zß-ÿ][\w/'-]*\s+){1,3}?)?"
    rf"(?P<character>{CHARACTER})(?=[\s,.;:!?)\u201d]|$)"
)
# "Kate Winslet received a Golden Globe nomination for her superb performance as Adele".
PERFORMANCE_AS = re.compile(
    rf"(?P<actor>{NAME})\b[^.;()\n]{{0,80}}?\b(?:performance|turn|role|portrayal|work)\s+as\s+"
    rf"(?P<character>{CHARACTER})(?=[\s,.;:!?)]|$)"
)
# "Susan Sarandon's wonderfully vicious Queen Narcissa": the actor's own, described, part.
OWN_PART = re.compile(
    rf"(?P<actor>{PERSON})['\u2019]s\s+(?P<gap>(?:[a-z][\w-]*\s+){{1,3}}?)"
    rf"(?P<character>{CHARACTER})(?=[\s,.;:!?)]|$)"
)
# Words after an actor's "'s" that lead to the actor's work or life, not a part: "Tom Vane's
# latest film Nightfall", "Lars von Trier's time at Cannes".
OWN_WORK = re.compile(
    r"\b(?:at|in|on|of|for|with|to|from|by|and|time|years|days|trip|visit|"
    r"film|films|movie|movies|picture|debut|role|roles|work|project|feature|series|show|"
    r"production|novel|book|play|album|song|company|studio|co-star|costar|wife|husband)\b"
)
ARTICLE_TITLE = re.compile(
    r"(?:el|la|le|il|lo|o|a)\s+(?:(?P<title>princesa|princesse|principessa|príncipe|principe|"
    r"prince|rey|reina|roi|reine|re|regina|rei|rainha|doña|don|señor|señora|capitán|"
    r"capitaine|capitano|doctor|docteur|dottore|sargento|inspector|inspecteur|ispettore)\s+)?"
)
DESCRIBING_VERBS = {"as", "plays", "played", "portrays", "portrayed", "stars as", "returns as"}
DESCRIBING_VERBS |= {"makes a welcome return as", "is back as", "starred as", "appears as"}
# "Kate Winslet is Myrtle “Tilly” Dunnage, who ...": an actor named as the part they play.
IS_PART = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?P<actor>{NAME})\s+is\s+(?P<character>{NAME_WORD}"
    rf"(?:\s+[\"\u201c][^\"\u201d]{{1,20}}[\"\u201d])?(?:\s+{NAME_WORD}){{1,2}})(?=,|\s+\(|\s+who\b)",
    re.MULTILINE,
)
# "Liam Hemsworth and Hugo Weaving co-star", "Kenneth Branagh directs and stars in the film,
# along with Tom Bateman, ...".
COSTARS = re.compile(
    rf"(?P<people>{LIST_OF_PEOPLE})\s+(?:co-star|co-stars|costar|costars|also star|also stars|"
    r"directs and stars|stars in the film|star in the film)\b"
)
# "Alan Arkin, Richard Crenna and Jack Weston shine in a nail-biter": the players of a list of
# full names, and the verb they share.
ENSEMBLE = re.compile(
    rf"(?P<people>{NAME}(?:,[ \t]*{NAME})*,?[ \t]+(?:and|und|et|y|e)[ \t]+{NAME})[ \t]+"
    r"(?:shine|star|excel|sparkle|glänzen|brillent|brillan|brillano|brilham)\b"
)
ENSEMBLE_VERB = re.compile(
    r"\s(?:shine|star|excel|sparkle|glänzen|brillent|brillan|brillano|brilham)\b"
)
ALONG_WITH = re.compile(rf"\bstars? in the film,? along with\s+(?P<people>{LIST_OF_PEOPLE})")
# Words a review puts before the actor's name: "Junebug Oscar Nominee Amy Adams", "X-Men's
# James Marsden", "Grey's Anatomy star Patrick Dempsey".
ACTOR_PREFIX = (
    r"(?:(?:[A-Z][\w-]*\s+){0,3}(?:[Nn]ominee|[Ww]inner|star)\s+|"
    r"(?:[A-Z][\w-]*\s+){0,2}[\w-]+['\u2019]s\s+(?:[A-Z][\w-]*\s+)?(?:star\s+)?)?"
)
# "Alexi, played by Balthazar Getty"; "Christine, a ballet dancer, depicted by Carla Gugino".
PLAYED_BY = re.compile(
    rf"(?P<character>{CHARACTER})(?:,\s+(?:a|an|the|his|her|un|une|ein|eine)\s+[^,.;()]{{1,90}})?,?\s+"
    r"(?:played|portrayed|depicted|performed|voiced|essayed|gespielt|verkörpert|dargestellt|"
    r"interprété|interprétée|joué|jouée|incarné|incarnée|interpretado|interpretada|"
    r"interpretato|interpretata|gespeeld|spelad|grany|grana)\s+(?:by|von|par|por|da|door|av|"
    r"przez)\s+"
    rf"{ACTOR_PREFIX}(?P<actor>{PERSON})"
)
PLAYS_VERB = re.compile(
    PLAYS.pattern[
        PLAYS.pattern.index("(?P<verb>") : PLAYS.pattern.index(
            ")\\s+", PLAYS.pattern.index("(?P<verb>")
        )
        + 1
    ]
)
PLAYED_VERB = re.compile(r"\s(?:by|von|par|por|da|door|av|przez)\s")


def near(
    pattern: re.Pattern[str], trigger: re.Pattern[str], text: str, reach: int = 160
) -> Iterator[re.Match[str]]:
    """pattern's matches in the stretches around trigger's: on a long page most of the text
    holds no verb of playing, and the name patterns are costly to try at every letter."""
    spans: list[list[int]] = []
    for hit in trigger.finditer(text):
        begin, end = max(0, hit.start() - reach), min(len(text), hit.end() + reach)
        if spans and begin <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([begin, end])
    last = -1
    for begin, end in spans:
        for match in pattern.finditer(text, max(begin, last), end):
            last = match.end()
            yield match


SEPARATOR = re.compile(
    r"\s{2,}(?:\.{2,}|…)?\s*|\s*(?:\.{2,}|…)\s*|\s+[-\u2013\u2014]\s+|\s+(?:as|como|als|comme)\s+"
    r"|[ ]*\t\s*"
)
# What a parenthesis after a name says that is not a character: the credit's kind.
ROLE_WORDS = {
    "actor",
    "actress",
    "director",
    "writer",
    "producer",
    "voice",
    "narrator",
    "cameo",
    "uncredited",
    "rip",
    "himself",
    "herself",
    "themselves",
    "self",
    "small",
    "photo",
    "image",
    "screenplay",
    "story",
    "novel",
    "poem",
    "play",
    "book",
    "music",
    "film",
    "screenwriter",
    "composer",
    "editor",
    "cinematographer",
    "schauspieler",
    "schauspielerin",
    "regie",
    "acteur",
    "actrice",
    "actriz",
    "attore",
    "attrice",
}
# A credit kind is no part, but a cast list's "Self" or "Narrator" is the part as credited.
NOT_CHARACTER = ROLE_WORDS - {"self", "himself", "herself", "themselves", "narrator"}


def is_actor(phrase: str, names: Container[str], surnames: dict[str, str]) -> bool:
    return is_name(phrase, names) or fold(phrase) in surnames


# Words for where someone is from, which describe a part rather than name it: "plays the
# other American", "as a persecuted Soviet spy".
DEMONYMS = {
    "american",
    "british",
    "english",
    "french",
    "german",
    "soviet",
    "russian",
    "italian",
    "spanish",
    "irish",
    "scottish",
    "mexican",
    "japanese",
    "chinese",
    "canadian",
    "australian",
    "nazi",
    "southern",
    "texan",
}


def describes(gap: str, character: str) -> bool:
    """Whether the words after "as" describe the part: after "a" ("as a persecuted Soviet
    spy"), a word for where someone is from, or someone's ("as Donovan's fearful wife")."""
    return (
        re.match(r"(?:a|an)\s", gap) is not None
        or fold(character) in DEMONYMS
        or re.search(r"['\u2019]s$", character) is not None
    )


def qualifies(character: str, after: str) -> bool:
    """Whether a part's one word is an acronym qualifying a noun after it ("as his irreverent
    CIA adviser", "as the KGB chief"), not a name."""
    return (
        character.isupper()
        and len(character.split()) == 1
        and re.match(r"\s+[a-zß-ÿ]{3,}\b", after) is not None
    )


def plays(text: str, names: Container[str], surnames: dict[str, str]) -> Iterator[Proposal]:
    for match in near(PLAYS, PLAYS_VERB, text):
        actor = clean_name(match.group("actor"))
        character = match.group("character")
        if match.group("verb") in ("as", "als", "como") and not (
            is_name(actor, names) and len(actor.split()) > 1
        ):
            continue
        if not is_actor(actor, names, surnames) or character.lower() in NOT_CHARACTER:
            continue
        if character.split()[0].lower() in ("the", "a", "an") and len(character.split()) == 1:
            continue
        gap = match.group("gap") or ""
        # "como el Burro", "como la princesa Fiona": an article, and a title the language
        # writes small, before the part's name.
        if titled := ARTICLE_TITLE.fullmatch(gap):
            character = (
                f"{titled.group('title')} {character}" if titled.group("title") else character
            )
            gap = ""
        # "returns as archaeologist/relic hunter Indiana Jones": English words that describe
        # the part before its name; German capitalises its nouns ("als im wahrsten Sinne").
        if gap and match.group("verb") not in DESCRIBING_VERBS:
            continue
        # "a play by Jean Renoir as adapted by James Bridges": a credit, not a part.
        if re.search(r"\b(?:by|von|par|por|da)\s*$", match.group("gap") or ""):
            continue
        if describes(gap, character) or qualifies(character, text[match.end() : match.end() + 30]):
            character = ""
        start = match.start("actor") + match.group("actor").index(actor)
        yield cast(text, actor, character, start, match.end(), "plays", surnames)
    for match in near(OWN_PART, re.compile(r"['\u2019]s\s+[a-z]"), text):
        actor, character = clean_name(match.group("actor")), match.group("character")
        if OWN_WORK.search(match.group("gap")):
            continue
        if len(actor.split()) > 1 and is_name(actor, names):
            start = match.start("actor") + match.group("actor").index(actor)
            yield cast(text, actor, character, start, match.end(), "plays", surnames)
    for match in PERFORMANCE_AS.finditer(text):
        actor, character = clean_name(match.group("actor")), match.group("character")
        if is_name(actor, names) and len(actor.split()) > 1:
            start = match.start("actor") + match.group("actor").index(actor)
            yield cast(text, actor, character, start, match.end(), "plays", surnames)
    for match in near(PLAYED_BY, PLAYED_VERB, text, 240):
        actor, character = match.group("actor"), clean_name(match.group("character"))
        if not is_actor(actor, names, surnames):
            continue
        start = match.start("character") + match.group("character").index(character)
        quote_start = named_before(text, start)
        yield cast(text, actor, character, quote_start, match.end(), "played by", surnames)


# "Martin Starr plays a tightly-wound programmer", "Ed Harris and Viggo Mortensen as the hired
# lawmen": actors whose part the page describes without naming it.
DESCRIBED = re.compile(
    rf"(?P<people>{LIST_OF_PEOPLE})(?:,?\s+who)?\s+(?:plays|played|portrays|portrayed|stars as|"
    r"starred as|is cast as|appears as|as|spielt|verkörpert|als|incarne|joue|interprète|"
    r"interpreta|como|comme|nei panni di)\s+(?:a|an|the|his|her|their|un|une|le|la|el|ein|"
    r"eine|einen|den|die|der|il|lo|uno|una)\s+[a-zß-ÿ]"
)
DESCRIBED_VERB = re.compile(r"\s(?:plays|played|portrays|portrayed|as|als|como|comme|joue)\s")
# "supporting actor Michael Murphy", "the actress Anna Karina"; not "directed by actor Norman
# Lloyd", an actor credited for another job.
ACTOR_NOUN = re.compile(
    r"(?<!\bby )\b(?:actor|actress|actors|co-star|costar|Schauspieler|Schauspielerin|acteur|"
    rf"actrice|actriz|attore|attrice)\s+(?P<name>{NAME})"
)
# "as conceited actor", "plays a faded actress": the trade is the part's, the name a character.
AS_TRADE = re.compile(
    r"\b(?:as|plays|playing|played|portrays|als|como|comme)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}$"
)


def described(text: str, names: Container[str], surnames: dict[str, str]) -> Iterator[Proposal]:
    for match in near(DESCRIBED, DESCRIBED_VERB, text, 200):
        for person in re.finditer(PERSON, match.group("people")):
            actor = clean_name(person.group(0))
            if len(actor.split()) > 1 and is_name(actor, names):
                start = match.start("people") + person.start() + person.group(0).index(actor)
                yield cast(text, actor, "", start, match.end() - 1, "plays", surnames)
    for match in IS_PART.finditer(text):
        actor = clean_name(match.group("actor"))
        if is_name(actor, names) and len(actor.split()) > 1:
            character = match.group("character")
            yield cast(text, actor, character, match.start("actor"), match.end(), "plays", surnames)
    ensembles = near(ENSEMBLE, ENSEMBLE_VERB, text)
    for match in (*COSTARS.finditer(text), *ALONG_WITH.finditer(text), *ensembles):
        listed_people, base = match.group("people"), match.start("people")
        for person in re.finditer(PERSON, listed_people):
            actor = clean_name(person.group(0))
            if len(actor.split()) > 1 and is_name(actor, names):
                start = base + person.start() + person.group(0).index(actor)
                yield cast(text, actor, "", start, match.end(), "plays", surnames)
    for match in ACTOR_NOUN.finditer(text):
        actor = clean_name(match.group("name"))
        if AS_TRADE.search(text, max(0, match.start() - 60), match.start()):
            continue  # "stars as conceited actor Ambrose Hilliard": the part's trade
        if len(actor.split()) > 1 and is_name(actor, names):
            yield cast(text, actor, "", match.start(), match.end(), "plays", surnames)


def named_before(text: str, start: int) -> int:
    """Where "named Alexi" or "called Alexi" begins, so the quote carries the introduction."""
    before = text[max(0, start - 80) : start]
    found = re.search(r"(?:a|an|the)\s[^,.;]{0,60}?\s(?:named|called)\s$", before)
    return start - len(before) + found.start() if found else start


def cast(
    text: str, actor: str, character: str, start: int, end: int, rule: str, surnames: dict[str, str]
) -> Proposal:
    # "A post-Potter Daniel Radcliffe": a word hyphened to the one before it likens the actor to
    # a part; it is not the actor's first name.
    glued = re.search(r"[a-zß-ÿ]-$", text[max(0, start - 2) : start])
    if glued and text.startswith(actor, start) and len(actor.split()) > 2:
        rest = actor.split(" ", 1)[1]
        start, actor = start + len(actor) - len(rest), rest
    person = surnames.get(fold(actor), actor) if len(actor.split()) == 1 else actor
    return proposal("cast", actor, text, start, end, rule, character=character, person=person)


def page_surnames(text: str, names: Container[str]) -> dict[str, str]:
    """Surname (folded) -> the full name the page gives, where only one full name has it."""
    found: dict[str, set[str]] = {}
    for match in re.finditer(NAME, text):
        name = clean_name(match.group(0))
        if len(name.split()) > 1 and is_name(name, names):
            found.setdefault(fold(name.split()[-1]), set()).add(name)
    return {
        surname: next(iter(full))
        for surname, full in found.items()
        if len({fold(f) for f in full}) == 1
    }
