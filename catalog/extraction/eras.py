"""When and where a story takes place, as a page names them in passing: a place and its
century or decade ("19th-century Paris", "Lisboa do século XIX"), a place during a war, the
part of a place a story is sunk in, a life in a decade, "circa 1920"; and inside a plot, the
date or the place and decade it opens on ("Summer, 1984:", "Февраль 1942 года,"), a month
("en septembre 1941"), a town ("this Texas town") and the places an English plot names."""

import re
from collections.abc import Iterator

from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME_WORD, sentence_end, sentence_start
from catalog.normalise import fold

MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"Januar|Februar|März|Juni|Juli|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|"
    r"julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|"
    r"maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|"
    r"julho|setembro|outubro|dezembro|styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|"
    r"sierpień|wrzesień|październik|listopad|grudzień|январь|февраль|март|апрель|май|июнь|"
    r"июль|август|сентябрь|октябрь|ноябрь|декабрь|января|февраля|марта|апреля|мая|июня|июля|"
    r"августа|сентября|октября|ноября|декабря"
)
SEASONS = (
    r"summer|winter|spring|autumn|fall|été|hiver|printemps|automne|Sommer|Herbst|Frühling|"
    r"Frühjahr|verano|invierno|primavera|otoño|estate|inverno|autunno|outono|verão|lato|"
    r"zima|wiosna|jesień|лето|зима|весна|осень"
)
# Words that name a time of the year, not a place: "Summer, 1984:" opens on no place.
TIME_WORDS = {fold(word) for word in f"{MONTHS}|{SEASONS}".split("|")}
YEAR = r"(?:1[6-9]|20)\d\d"
DATE = (
    rf"(?i:(?:{MONTHS}|{SEASONS}))(?:,?[ \t]+(?:de[ \t]+|of[ \t]+)?){YEAR}(?:[ \t]+(?:года|roku))?"
)
DECADE = (
    r"(?:(?:début|milieu|fin) des années (?:18|19|20)\d0|(?:early|mid|late)[- ](?:18|19|20)\d0s|"
    r"(?:18|19|20)\d0s|(?:principios|finales|mediados) de los (?:años )?(?:18|19|20)\d0|"
    r"(?:inizio|fine) degli anni (?:18|19|20)\d0)"
)
# A plot that opens on its date, or on its place and decade: "Summer, 1984: 30 years after",
# "Февраль 1942 года, лютые морозы", "Marseille début des années 1930, Roch sort de prison".
DATED_OPENING = re.compile(
    rf"(?:(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD})?),?[ \t]+(?P<decade>{DECADE})|"
    rf"(?P<date>{DATE})|(?:Rok|Year|Anno|Año|Jahr|Ano|Год)[ \t]+(?P<year>{YEAR})|"
    rf"(?P<now>De nos jours|Aujourd['\u2019]hui|Nowadays|Today|Heute|"
    rf"Hoy en día|Oggi|Hoje),[ \t]+(?:à|in|en|a|em|im)[ \t]+(?P<where>{NAME_WORD}))"
    r"(?=[ \t]*[,.:;\u2013\u2014-][ \t])"
)
ROMAN = r"(?:X{0,2}(?:IX|IV|V?I{0,3}))"
# A place and its century: "19th-century Paris", "Lisboa do século XIX", "Paris du XIXe
# siècle", "la Madrid del siglo XVIII".
CENTURY_PLACE = re.compile(
    rf"\b(?P<period>\d{{1,2}}(?:st|nd|rd|th)[- ]century)[ \t]+(?P<place>{NAME_WORD})\b|"
    rf"\b(?P<place2>{NAME_WORD})[ \t]+(?:do|da|del|della|du|de la|des|de)[ \t]+"
    rf"(?P<period2>(?:século|siglo|secolo)[ \t]+{ROMAN}\b|{ROMAN}(?:e|ème)[ \t]+siècle)"
)
# "in einer Hamburger Arbeitersiedlung der 1970er Jahre": a German place of its decade.
PLACE_OF_DECADE = re.compile(
    rf"\bin[ \t]+(?:einer|einem|der|dem|den)[ \t]+(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD})?)"
    r"[ \t]+der[ \t]+(?P<period>(?:18|19|20)\d0er[ \t]+Jahre)\b"
)
# "in Britain during World War II": where the story is while the war goes on.
DURING_WAR = re.compile(
    rf"\bin[ \t]+(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD})?)[ \t]+during[ \t]+(?:the[ \t]+)?"
    r"(?:WWII|WW2|WWI|World War (?:I{1,2}|One|Two)|(?:First|Second) World War|Blitz|"
    r"(?:Civil|Cold|Korean|Vietnam|Spanish Civil) War|war|occupation)\b"
)
# "в Петрограде начала 20-\u0445 годов прошлого века": a Russian decade, of its century or not.
RUSSIAN_DECADE = re.compile(
    r"(?<!\w)(?P<period>(?:(?:начала|конца|середины)[ \t]+)?\d0-\u0445[ \t]+годов"
    r"(?:[ \t]+(?:прошлого|позапрошлого|XX|XIX|двадцатого)[ \t]+века)?)"
)
# "ambientata a Roma tra giugno e luglio del 1990": a story between two months of a year.
MONTH_SPAN = re.compile(
    rf"\b(?:tra|fra|between|entre|zwischen|między|mezi)[ \t]+(?P<period>(?i:{MONTHS})[ \t]+"
    rf"(?:e|and|et|und|y|i|a)[ \t]+(?i:{MONTHS})(?:[ \t]+(?:del|of|de|du|von))?[ \t]+{YEAR})\b"
)
# "na przełomie lat 40. i 50. w Stanach Zjednoczonych": a Polish decade, and where, after it.
POLISH_DECADE = re.compile(
    r"(?<!\w)(?P<period>(?:przełomie[ \t]+)?lat(?:ach)?[ \t]+\d0\.(?:[ \t]+(?:i|a)[ \t]+\d0\.)?)"
    rf"(?:[ \t]+(?:w|we)[ \t]+(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD})?))?"
)
# "this familiar tale of growing up in the early '60s": a life lived in a decade or a year.
GROWING_UP = re.compile(
    r"\b(?:growing up|grew up|grows up|coming of age|came of age|comes of age|life|living)"
    r"[ \t]+in[ \t]+(?P<period>(?:the[ \t]+)?(?:(?:early|mid|late)[- ])?"
    rf"(?:(?:18|19|20)\d0|['\u2019]\d0)['\u2019]?s|{YEAR})\b"
)
# "mired in Harlem's seedy underworld": a place by the part of it a story is sunk in.
PLACES_PART = re.compile(
    rf"\b(?:in|into|through)[ \t]+(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD})?)['\u2019]s[ \t]+"
    r"(?:[a-z-]+[ \t]+){0,2}?(?:underworld|streets|back ?streets|slums|suburbs|docks|nightlife|"
    r"ghettos?|barrios?|neighbou?rhoods?|outskirts|countryside|waterfront|underbelly|docklands)\b"
)
CENTURY_WORD = re.compile(r"century|século|siglo|secolo|siècle")
# "sultry divas circa 1920": a story dated about a year.
CIRCA = re.compile(rf"\b(?P<period>circa[ \t]+{YEAR})\b")
# What happens to a film on a date is no time of its story: "released in September 1991".
NOT_STORY = re.compile(
    r"\b(?:released|premiered|opened|screened|shown|filmed|shot|born|died|won|festival|debut|"
    r"sortie|sorti|estreno|estrenó|uscita|uscito|gedreht|erschienen|Kinostart)\b",
    re.IGNORECASE,
)
# A month of a year inside a plot: "ses jeunes années, en septembre 1941, dans une Leningrad".
PLOT_DATE = re.compile(
    rf"\b(?:in|en|im|nel|a|em|w|в)[ \t]+"
    rf"(?P<date>(?i:{MONTHS}|{SEASONS})[ \t]+(?:de[ \t]+)?{YEAR})\b"
)
# A place named by the town it gives a story: "this Texas town", "a small Ohio village".
PLACE_TOWN = re.compile(
    rf"\b(?:this|a|an|the)[ \t]+(?:(?:small|sleepy|dusty|quiet|little|rural|remote|tiny|"
    rf"seaside|coastal|mining|border),?[ \t]+)*(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD})?)"
    r"[ \t]+(?:town|city|village|suburb|hamlet|neighbou?rhood)\b|"
    rf"\b(?:town|city|village)[ \t]+in[ \t]+(?P<within>{NAME_WORD}(?:[ ]{NAME_WORD})?)"
)
# Any place a plot sets a clause in: "a dingy chawl in Mumbai got divided", "Reunited in
# Vancouver, Sergei and Holt".
PLOT_IN = re.compile(
    rf"\b(?:in|In)[ \t]+(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD})?)(?=[,.;]|[ \t]+[a-z])"
)
# Adjectives of people, not places: "a German village", "an American town".
PEOPLES = re.compile(r"(?:an|ian|ean|ese|ish|ch|ic|ois|ais)$")


def dated_places(text: str) -> Iterator[Proposal]:
    """Anywhere in the text: a place and its century or decade, a place during a war, a
    place's part, a life in a decade, a story dated about a year."""
    centuries = CENTURY_PLACE.finditer(text) if CENTURY_WORD.search(text) else iter(())
    for match in centuries:
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        place = match.group("place") or match.group("place2")
        period = match.group("period") or match.group("period2")
        if fold(place) not in TIME_WORDS:
            yield proposal("setting", place, text, start, end, "century")
        yield proposal("period", period, text, start, end, "century")
    for match in PLACE_OF_DECADE.finditer(text) if "er Jahre" in text else ():
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        yield proposal("setting", match.group("place"), text, start, end, "decade")
        yield proposal("period", match.group("period"), text, start, end, "decade")
    for match in DURING_WAR.finditer(text) if "during" in text else ():
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        yield proposal("setting", match.group("place"), text, start, end, "during")
    for match in RUSSIAN_DECADE.finditer(text) if "годов" in text else ():
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        yield proposal("period", match.group("period"), text, start, end, "decade")
    for match in PLACES_PART.finditer(text) if "'s " in text or "\u2019s " in text else ():
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        yield proposal("setting", match.group("place"), text, start, end, "part of a place")
    for match in GROWING_UP.finditer(text):
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        yield proposal("period", match.group("period"), text, start, end, "growing up")
    for match in (*MONTH_SPAN.finditer(text), *POLISH_DECADE.finditer(text)):
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        if NOT_STORY.search(text, start, match.start()):
            continue
        yield proposal("period", match.group("period"), text, start, end, "span")
        if "place" in match.groupdict() and match.group("place"):
            yield proposal("setting", match.group("place"), text, start, end, "span")
    for match in CIRCA.finditer(text):
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        if not NOT_STORY.search(text, start, match.start()):
            yield proposal("period", match.group("period"), text, start, end, "circa")


def plot_dates(text: str, plots: list[Proposal]) -> Iterator[Proposal]:
    """The date a plot opens on, the months it names, the places an English plot sets its
    clauses in, and the towns it is told in."""
    for plot in plots:
        if found := DATED_OPENING.match(text, plot.start):
            end = sentence_end(text, found.end())
            if found.group("year"):
                # "Rok 1945, Stalinova moc ovládá Polsko.": the year the plot opens in.
                yield proposal(
                    "period", found.group("year"), text, plot.start, end, "dated opening"
                )
            elif found.group("date"):
                yield proposal(
                    "period", found.group("date"), text, plot.start, end, "dated opening"
                )
            elif found.group("now"):
                yield proposal("period", found.group("now"), text, plot.start, end, "dated opening")
                yield proposal(
                    "setting", found.group("where"), text, plot.start, end, "dated opening"
                )
            elif fold(found.group("place")) not in TIME_WORDS:
                yield proposal(
                    "setting", found.group("place"), text, plot.start, end, "dated opening"
                )
                yield proposal(
                    "period", found.group("decade"), text, plot.start, end, "dated opening"
                )
        for match in PLOT_DATE.finditer(text, plot.start, plot.end):
            start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
            if not NOT_STORY.search(text, start, match.start()):
                yield proposal("period", match.group("date"), text, start, end, "plot date")
        english = len(re.findall(r"\b(?:the|and|of|is|his|her)\b", plot.quote)) >= 4
        for match in PLOT_IN.finditer(text, plot.start, plot.end) if english else ():
            place = match.group("place")
            start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
            if fold(place) in TIME_WORDS or PEOPLES.search(place):
                continue
            if NOT_STORY.search(text, start, end) or text.startswith(" occupied", match.end()):
                continue
            yield proposal("setting", place, text, start, end, "plot in")
        for match in PLACE_TOWN.finditer(text, plot.start, plot.end):
            place = match.group("place") or match.group("within")
            if PEOPLES.search(place) or fold(place) in TIME_WORDS or re.search(r"-[a-z]", place):
                continue
            start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
            yield proposal("setting", place, text, start, end, "town")
