"""Where and when the story takes place: "set in the Soviet Union of the 1950s", "Back in the
1950s", "takes place in Los Angeles in 2019", "during World War II"."""

import re
from collections.abc import Iterator

from catalog.extraction.cast import near
from catalog.extraction.eras import TIME_WORDS
from catalog.extraction.patterns import YEAR
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME_WORD, PARTICLE, sentence_end, sentence_start
from catalog.normalise import fold

WAR = re.compile(r"\b(?:World War (?:I{1,2}|One|Two)|(?:First|Second) World War)\b")
DECADE = (
    r"(?:the\s+)?(?:(?:18|19|20)\d0['\u2019]s|(?:18|19|20)\d0s['\u2019]?|"
    r"(?:early|mid|late)[- ](?:(?:18|19|20)\d0s|"
    r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))|"
    r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|"
    r"(?:début|milieu|fin) des années (?:18|19|20)\d0|"
    r"(?:(?:début|milieu|fin) des |les )?années ['\u2019]?\d0(?!\d)|les années (?:18|19|20)\d0|"
    r"anni (?:['\u2019]?\d0|venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta|"
    r"Venti|Trenta|Quaranta|Cinquanta|Sessanta|Settanta|Ottanta|Novanta)|"
    r"(?:los )?años (?:['\u2019]?\d0|(?:18|19|20)\d0)|"
    r"(?:den |die )?(?:18|19|20)?\d0er(?:[- ]Jahren?)?)"
)
# A season or a month before the year, as one period: "Herbst 1989", "the summer of 1967".
SEASON = (
    r"(?:(?:the\s+)?(?:summer|winter|spring|autumn|fall)\s+of|Herbst|Sommer|Winter|Frühling|"
    r"Frühjahr|(?:l['\u2019])?(?:été|hiver|printemps|automne)|verano|invierno|primavera|otoño|"
    r"estate|inverno|autunno)"
)
PLACE = rf"(?:the\s+)?{NAME_WORD}(?:[ ](?:{PARTICLE}[ ])?{NAME_WORD}){{0,3}}"
# "occupied France", "Nazi occupied France": a place under occupation is a setting of its own.
OCCUPIED = rf"(?:(?:(?:Nazi|German|Japanese|Soviet)[- ])?occupied\s+{PLACE}|{PLACE})"
# Eras a story is told in, named as such: "In the cold war, a lawyer ...".
ERA_NAME = (
    r"(?:[Cc]old [Ww]ar|Great Depression|Depression|Prohibition(?: era)?|Civil War|Middle Ages|"
    r"Renaissance|Reconstruction)"
)
ERA = rf"(?:the\s+)?{ERA_NAME}"
NAMED_WAR = r"(?:WWII|WW2|WWI|WW1|World War (?:I{1,2}|One|Two)|(?:First|Second) World War)"
SET_IN = re.compile(
    rf"\b(?i:is set|are set|set|takes place|take place|taking place|unfolds|spielt|se déroule|"
    rf"se passe|transcurre|tiene lugar|è ambientato|ambientato|ambientata|ambientada|ambientado|"
    rf"si svolge|rozgrywa się|rozegrał się|rozegrała się|rozegrały się|toczy się|dzieje się|"
    rf"происходит|происходят|разворачивается|разворачиваются|utspelar sig|utspelas|"
    rf"befinner oss|befinner vi oss|odehrává se|se odehrává|speelt zich af)\s+(?:in|on|at|im|"
    rf"in der|à|en|dans|au|a|nel|nella|w|we|na|в|во|i|v|ve)\s+"
    rf"(?:(?:una|un|une|la|il|el|der|die|das|einem|einer|le|les|a|an)\s+)?"
    rf"(?:(?:present-day|contemporary|modern-day|modern|today's|war-torn|rural|post-war|"
    rf"postwar|pre-war|prewar|wartime)\s+)?"
    rf"(?:(?:the\s+)?(?:[a-z]+\s+){{0,3}}(?:city|town|village|"
    rf"state|country|kingdom|world|streets|heart|wilds|suburbs) (?:of|in)\s+)?"
    rf"(?:(?P<period>{DECADE}|{SEASON}\s+(?:18|19|20)\d\d|(?:the\s+)?(?:year\s+)?"
    rf"(?:18|19|20)\d\d|(?:the\s+)?(?:near|distant|not-too-distant)\s+future))?"
    rf"(?:,?\s+(?:in|dans|en|im)\s+(?:(?:un|une|le|la|a|an|the|ein|einem|einer)\s+)?"
    rf"(?:[a-z]+,?\s+){{0,2}})?"
    rf"\s*(?:(?:Klein|Groß)?(?:stadt|Stadt|Dorf|Provinz)\s+(?:in|an)\s+(?:der\s+|dem\s+)?)?"
    rf"(?P<place>{OCCUPIED})?"
    # "takes place in Riga, Latvia, in 1959": its time after the place and its country.
    rf"(?:(?:,[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD})?)?,?"
    rf"\s+(?:[a-z]+\s+){{0,3}}?(?:in|en|dans|im|nel|negli|nei|durante|during)\s+"
    rf"(?P<later>(?:(?:the\s+)?(?:summer|winter|spring|autumn|fall)\s+of\s+)?"
    rf"(?:{DECADE}|(?:18|19|20)\d\d)))?"
)
# "set the film during the cold war", "Set during WWII in Nazi occupied France": the period
# the story is set in, and the place where the page names one.
SET_DURING = re.compile(
    r"\b(?i:set)\s+(?:the\s+(?:film|story|movie|action|tale)\s+|it\s+)?(?i:during|in)\s+"
    r"(?:the\s+(?=(?:First|Second) World War))?"
    r"(?P<period>(?i:(?:the|its)\s+(?:[a-z-]+\s+)?(?:war|revolution|occupation|depression|"
    rf"uprising|siege|dictatorship|cold war|civil war|middle ages|renaissance))|{NAMED_WAR})\b"
    rf"(?:\s+in\s+(?P<place>{OCCUPIED}))?"
)
# Where the story goes: "a reporter who travels to Indonesia in 1965", "recalled to Lebanon
# during its civil war", "stationed in Vietnam", "llega a New York", "reist nach Düsseldorf".
GOES_TO = re.compile(
    r"\b(?:(?:travels|travel|travelled|traveled|travelling|traveling|journeys|flees|heads|head|"
    r"moves|"
    r"relocates|returns|is recalled|recalled|is sent|sent|viaja|viajar|llega|regresa|vuelve|"
    r"viaggia|arriva|torna)(?:\s+[a-zà-ÿ]+){0,3}?\s+(?:to|a|for)|arrives in|arrive in|"
    r"arrives at|(?:lives|live|living)(?:\s+together)?\s+in|stationed in|in the middle of|"
    r"in the heart of|toils in|"
    r"works in|grows up in|grew up in|breaks out in|reunited in|"
    r"on the streets of|vive en|se muda a|arrive à|part pour|vit à|s'installe à|retourne à|"
    r"zieht nach|lebt in|leben in|kommt nach|flieht nach|reist nach|reisen nach|vive a|"
    r"si trasferisce a|montée à|monté à|montés à|débarque à|"
    r"живёт в|живет в|живут в|живущий в|живущая в|живущие в|приезжает в|приезжают в|"
    r"переезжает в|переезжают в|возвращается в|возвращаются в)\s+"
    r"(?:(?:her|his|their|its)\s+(?:native|home|adopted)\s+)?"
    rf"(?P<place>{PLACE})"
    rf"(?:\s+in\s+(?P<year>(?:18|19|20)\d\d)\b|\s+during\s+(?P<during>(?:the|its|their)\s+"
    r"(?:[a-z-]+\s+)?(?:war|revolution|occupation|depression|uprising|siege|dictatorship|"
    r"civil war|cold war)))?"
)
# "It is the year 1945", "Jest rok 1945", "Nous sommes en 1945": the year the story opens in.
YEAR_OPENING = re.compile(
    r"(?:^|(?<=[.!?|:]\s))(?:(?:It is|It's|It\u2019s)(?: the year)?|The year is|Jest rok|"
    r"Es ist das Jahr|Wir schreiben das Jahr|Nous sommes en|Corre el año|Siamo nel|Estamos en)\s+"
    r"(?P<period>(?:18|19|20)\d\d)\b(?![ \t]*(?:minutes|years|films|times)\b)",
    re.MULTILINE,
)
PERIOD_OPENING = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:Back in|In|During|Im Jahr|In den|En|Dans les|Nel|Negli)\s+"
    rf"(?P<period>{DECADE}|(?:18|19|20)\d\d|(?:années|anni)\s+['\u2019]?\d\d|{ERA})(?=[,\s])",
    re.MULTILINE,
)
# "In Soviet Russia in the late 1950s, a young musician ...": a plot that opens on its place and
# its time.
PLACE_TIME_OPENING = re.compile(
    rf"(?:^|(?<=[.!?]\s))In[ \t]+(?P<place>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})[ \t]+"
    rf"(?:in|during)[ \t]+(?P<period>{DECADE}|(?:18|19|20)\d\d)(?=,)",
    re.MULTILINE,
)
# "a teenager in Khrushchev-era Moscow", "love in Depression-era Texas", "a girl in Victorian
# London", "a family in post-war Berlin": the time as a word before the place it qualifies.
ERA_BEFORE_PLACE = re.compile(
    r"\b(?:in|of|to)[ \t]+(?P<period>[A-Z][\w'\u2019]+-era|(?i:post-war|postwar|pre-war|prewar|"
    r"wartime)|Cold War|Victorian|Edwardian|Elizabethan|Regency|Napoleonic|Weimar|medieval|"
    r"mediaeval)[ \t]+"
    rf"(?P<place>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})"
    r"(?=[ \t]*(?:[,.;:!?)\n]|$)|[ \t]+(?:[a-z]+s|is|was|as|and|where|when|during|under|with)\b)"
)
PERIOD_BEFORE_PLACE = re.compile(
    r"\bin\s+(?P<period>(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    rf"nineties|(?:18|19|20)\d0s))\s+(?={NAME_WORD})"
)
# A year or a decade before the place, as one phrase: "in 1939 Hamburg is the subject", "people
# in 1940 London as the bombs fall", "life in 1920s Chicago"; the place closes its clause, so
# that "in 2002 Miramax released it" names no place.
TIME_BEFORE_PLACE = re.compile(
    r"\b(?:in|of)[ \t]+(?P<period>(?:18|19|20)\d\d|(?:(?:early|mid|late)[- ])?(?:18|19|20)\d0s)"
    r"[ \t]+"
    rf"(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}})"
    r"(?=[ \t]*(?:[,.;:!?)\n]|$)|[ \t]+(?:is|was|as|and|where|when|during|under|with)\b)"
)
# "Not only was the setting 1950's", "The setting is 1960s Paris": the period named as such.
SETTING_IS = re.compile(
    rf"\b(?i:the setting)(?:\s+(?:is|was))?\s+(?P<period>{DECADE}|(?:18|19|20)\d\d)\b"
)


# A season of a year anywhere in the text: "im Herbst 1989", "in the summer of 1967".
SEASON_YEAR = re.compile(
    rf"\b(?i:im|in|à|a|en|nell['\u2019]|durante|during)\s+(?P<period>{SEASON}\s+(?:de\s+)?"
    r"(?:18|19|20)\d\d)\b"
)


# Nouns that close a place named by its adjective: "the Australian outback".
PLACE_NOUNS = {"outback", "countryside", "desert", "jungle", "coast", "highlands", "wilderness"}
PLACE_NOUNS |= {"frontier", "suburbs", "backwoods", "steppes", "mountains", "hills", "riviera"}
GOES_VERB = re.compile(
    r"(?:\b(?:to|in|of|a|à|nach|en|native|home|adopted)|(?<!\w)в)\s+(?=[A-ZÀ-ÞА-ЯЁ])"
)
# Capitalised words after "returns to" that are no place: "returns to Earth" is one, but
# "returns to The Hague"... and "returns to Paris" are; these are what the story returns to.
NOT_PLACES = {"work", "school", "life", "power", "form", "the screen", "hollywood"}


def setting_and_period(text: str) -> Iterator[Proposal]:
    for match in SET_IN.finditer(text):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        if period := match.group("period") or match.group("later"):
            yield proposal("period", period, text, start, end, "set in")
        place = match.group("place")
        # "the Australian outback": the place's noun after its adjective.
        noun = re.match(r" (?P<noun>[a-z]+)\b", text[match.end("place") :]) if place else None
        if place and noun and noun.group("noun") in PLACE_NOUNS:
            place = f"{place} {noun.group('noun')}"
            end = max(end, match.end("place") + noun.end())
        if place and not YEAR.fullmatch(place):
            yield proposal("setting", re.sub(r"^the\s+", "", place), text, start, end, "set in")
    for match in ERA_BEFORE_PLACE.finditer(text):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        yield proposal("setting", match.group("place"), text, start, end, "period")
        # "post-war", "wartime": words of the place's state, not the name of a time.
        if not re.fullmatch(r"(?i:post-?war|pre-?war|war-?time)", match.group("period")):
            yield proposal("period", match.group("period"), text, start, end, "period")
    for match in PLACE_TIME_OPENING.finditer(text):
        if fold(match.group("place")) in TIME_WORDS:
            continue  # "In January in 1959": a month, no place
        end = sentence_end(text, match.end())
        yield proposal("setting", match.group("place"), text, match.start(), end, "period opening")
        yield proposal("period", match.group("period"), text, match.start(), end, "period opening")
    for match in PERIOD_OPENING.finditer(text):
        yield proposal(
            "period",
            match.group("period"),
            text,
            match.start(),
            sentence_end(text, match.end()),
            "period opening",
        )
    for match in SET_DURING.finditer(text):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        yield proposal("period", match.group("period"), text, start, end, "set in")
        if place := match.group("place"):
            yield proposal("setting", re.sub(r"^the\s+", "", place), text, start, end, "set in")
    for match in near(GOES_TO, GOES_VERB, text, 120):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        place = re.sub(r"^the\s+", "", match.group("place"))
        if not YEAR.fullmatch(place) and fold(place) not in NOT_PLACES:
            yield proposal("setting", place, text, start, end, "goes to")
        if period := match.group("year") or match.group("during"):
            yield proposal("period", period, text, start, end, "goes to")
    for match in YEAR_OPENING.finditer(text):
        end = sentence_end(text, match.end())
        yield proposal("period", match.group("period"), text, match.start(), end, "period opening")
    for match in SEASON_YEAR.finditer(text):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        yield proposal("period", match.group("period"), text, start, end, "season")
    if war := WAR.search(text):
        start = sentence_start(text, war.start())
        yield proposal("period", war.group(0), text, start, sentence_end(text, war.end()), "war")
    for match in TIME_BEFORE_PLACE.finditer(text):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        yield proposal("setting", match.group("place"), text, start, end, "period")
        if not match.group("period").endswith("s"):
            yield proposal("period", match.group("period"), text, start, end, "period")
    for match in SETTING_IS.finditer(text):
        start = sentence_start(text, match.start())
        end = sentence_end(text, match.end())
        yield proposal("period", match.group("period"), text, start, end, "set in")
    for match in PERIOD_BEFORE_PLACE.finditer(text):
        start = sentence_start(text, match.start())
        yield proposal(
            "period", match.group("period"), text, start, sentence_end(text, match.end()), "period"
        )


# A plot that opens on its place and time before the story: "Albany, New York, Halloween,
# 1938.", "Das Filmstudio in Babelsberg im Sommer 1961: ...", "Paris, été 1942.".
PLOT_OPENING = re.compile(
    r"(?:(?:The|Das|Der|Die|Le|La|Les|El|Il|Lo)\s+)?"
    r"(?P<place>[A-ZÀ-ÞА-ЯЁ][^\n.,:;!?\d]{1,40}(?:,[ \t]*[^\n.,:;!?\d]{2,30})?)"
    r"(?:,[ \t]+|[ \t]+(?:im|in|en|au|à|nel|в)[ \t]+)"
    r"(?P<period>(?:[^\W\d][\w'\u2019-]{1,20},?[ \t]+)?(?:1[89]|20)\d\d)[ \t]*[.:][ \t]"
)


# Inside a plot, where and when a part of it happens: "housewife Julianne Moore in Los Angeles
# in 1951", "in contemporary New York", "a wedding in central California".
PLOT_PLACE = re.compile(
    r"\bin[ \t]+(?:(?P<now>contemporary|present-day|modern-day)[ \t]+|"
    r"(?P<part>central|northern|southern|eastern|western|rural|upstate|suburban|coastal)[ \t]+)?"
    rf"(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}})"
    r"(?:[ \t]+in[ \t]+(?P<year>(?:18|19|20)\d\d)\b)?"
)
# What happens to a film somewhere is no place of its story: "premiered in Venice in 2002".
NOT_STORY = re.compile(
    r"\b(?:released|premiered|opened|screened|shown|filmed|shot|born|died|won|festival)\b",
    re.IGNORECASE,
)


def plot_places(text: str, plot: Proposal) -> Iterator[Proposal]:
    for match in PLOT_PLACE.finditer(text, plot.start, plot.end):
        if not (match.group("year") or match.group("now") or match.group("part")):
            continue
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        if NOT_STORY.search(text, start, match.start()) or YEAR.fullmatch(match.group("place")):
            continue
        place = match.group("place")
        if part := match.group("part"):
            place = f"{part} {place}"
        yield proposal("setting", place, text, start, end, "plot place")
        if year := match.group("year"):
            yield proposal("period", year, text, start, end, "plot place")


# A plot that opens on the place its story is in, then maybe its time: "À Rome, à la fin des
# années 1980, Salvatore ...", "A Londres, à l'époque victorienne, ...", "In Berlin, in the
# 1920s, ...".
PLACE_FIRST = re.compile(
    rf"(?:À|A|In|Im|En|Em|Nella|Nel|Na|No)[ \t]+(?P<place>{NAME_WORD}(?:[ ](?:{PARTICLE}[ ])?"
    rf"{NAME_WORD}){{0,2}}),[ \t]+(?:(?:à|a|au|aux|dans|in|en|im|nel|negli|nella)[ \t]+"
    rf"(?:la[ \t]+)?(?P<period>l['\u2019]époque[ \t]+[a-zà-ÿ]+|{DECADE}|(?:18|19|20)\d\d),)?"
)
GLUED_CAPTION = re.compile(r"[^\n.!?]{2,60}?[a-zà-ÿ](?=[A-ZÀ-Þ][a-zà-ÿ]* )")
NOT_OPENING_PLACES = {"short", "sum", "fact", "brief", "general", "addition", "conclusion", "truth"}


def plot_openings(text: str, plots: list[Proposal]) -> Iterator[Proposal]:
    """The place and the time a plot opens on, as a fragment of their own, and the places
    and years its sentences name."""
    for plot in plots:
        yield from plot_places(text, plot)
        # "La rose du crimeA Londres, ...": a picture's caption glued to the plot's first word.
        glued = GLUED_CAPTION.match(text, plot.start, plot.end)
        first = PLACE_FIRST.match(text, plot.start) or (
            PLACE_FIRST.match(text, glued.end()) if glued else None
        )
        if first and fold(first.group("place")) not in TIME_WORDS | NOT_OPENING_PLACES:
            end = sentence_end(text, first.end())
            yield proposal("setting", first.group("place"), text, plot.start, end, "plot opening")
            if first.group("period"):
                yield proposal(
                    "period", first.group("period"), text, plot.start, end, "plot opening"
                )
        found = PLOT_OPENING.match(text, plot.start)
        if not found or len(found.group("place").split()) > 6:
            continue
        if fold(found.group("place").split()[0]) in TIME_WORDS:
            continue  # "Summer, 1984:" opens on a time of the year, no place
        end = found.end() - 1
        yield proposal("setting", found.group("place"), text, plot.start, end, "plot opening")
        yield proposal("period", found.group("period"), text, plot.start, end, "plot opening")
