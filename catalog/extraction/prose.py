"""Facts stated in sentences: "directed by", "starring", "a 1993 drama", "set in", the title."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.castlists import QUOTE_REACH
from catalog.extraction.patterns import DATE, RUNTIME, date_year
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import (
    LIST_OF_PEOPLE,
    NAME,
    NAME_WORD,
    PERSON,
    clean_name,
    is_name,
    sentence_start,
)
from catalog.normalise import fold

# "directed by esteemed filmmaker Paul Haggis": a few lower-case words may stand before the name.
CREDIT_VERB = (
    r"(?i:directed|co-directed|written|co-written|scripted|penned|adapted|inszeniert|gedreht|"
    r"geschrieben|réalisé|realise|écrit|dirigida|dirigido|escrita|escrito|diretto|diretta|"
    r"scritto|scritta|per la regia|sotto la regia|geregisseerd|geschreven|under the direction|"
    r"sous la direction)"
)
# "written and directed by", "directed and choreographed by": the credits the verbs name.
DIRECTED = re.compile(
    rf"\b(?P<verb>{CREDIT_VERB})(?:\s+(?:and|und|et|y|e)\s+(?P<also>{CREDIT_VERB}|"
    r"(?i:produced|co-produced|choreographed|edited|produziert|produit|producido|prodotto)))?"
    r"(?:\s+for the (?:big )?screen)?\s+(?:by|von|par|por|da|di|door|(?<=direction )(?:of|de)|"
    # "from a screenplay co-written with Danny Rubin": the director's co-writer.
    r"(?<=co-written )with|(?<=co-directed )with)\s+"
    r"(?:(?:[a-zà-ÿ][\w-]*|the|a|an),?\s+){0,6}?"
    rf"(?P<people>{LIST_OF_PEOPLE})"
)
# "Kenneth Branagh directs and stars in the film": the director named before the verb.
DIRECTS = re.compile(
    rf"(?P<people>{NAME})(?:\s*\([^()\n]{{1,60}}\))?\s+(?:directs|co-directs|helms|directed|"
    r"co-directed|réalise|inszeniert|dirige|makes (?:his|her|their) (?:feature )?(?:directing|"
    r"directorial|filmmaking) debut)\b(?!\s+by\b)"
)
# "met Sandra Bullock in de hoofdrol", "mit X in der Hauptrolle": who leads the cast.
LEAD_ROLE = re.compile(
    rf"\b(?:met|mit|with|avec|con|com)\s+(?P<people>{LIST_OF_PEOPLE})\s+(?:in|en|nel|no|na)\s+"
    r"(?:de|der|den|the|la|le|el|il|o|a|het)?\s*(?:hoofdrol(?:len)?|Hauptrollen?|lead roles?|"
    r"title role|leading roles?|rôle principal|rôles principaux|papel principal|"
    r"ruolo principale|papel protagonista)\b"
)
# A capsule's closing list: "With Dan Aykroyd, Phil Hartman, and Chris Rock."
WITH_LIST = re.compile(
    r"(?:^|(?<=[.!?)]\s)|(?<=[.!?)]\s\s))[ \t]*(?:Also[ \t]+)?(?:With|Avec|Mit|Con|Met)[ \t]+"
    rf"(?P<people>{LIST_OF_PEOPLE})(?=[ \t]*(?:[.;(]|$))",
    re.MULTILINE,
)
# A capsule's closing sentence that is only its actors: "... under tight wraps. Michael Rooker,
# Jurgen Prochnow. (1998)".
BARE_LIST = re.compile(
    rf"(?:(?<=[.!?]\s)|(?<=[.!?]\s\s))(?P<people>{PERSON},\s*{LIST_OF_PEOPLE})\.(?=[ \t]*(?:\(|$))",
    re.MULTILINE,
)
# "a routine Andy Breckman script", "based on the award-winning novel by Virginia Hamilton",
# "adapted from the musical of the same name by Jim Jacobs and Warren Casey".
WORK_BY = re.compile(
    r"\b(?:script|screenplay|novel|book|play|short story|memoir|musical|comic|series|miniseries|"
    r"best[- ]?seller|Drehbuch|Roman|roman|scénario|novela|guion|guión|romanzo|sceneggiatura)"
    r"(?:\s+of the same (?:name|title)|\s+[\"\u201c\u201e«][^\"\u201d\n»]{1,60}[\"\u201d»])?"
    r"\s+(?:by|von|de|di|por)\s+"
    rf"(?P<people>{LIST_OF_PEOPLE})"
)
NAME_SCRIPT = re.compile(rf"(?P<people>{NAME})(?:['\u2019]s)?\s+(?:script|screenplay)\b")
# "Robert Pirosh won an Oscar for his screenplay": a writer named by the prize for it.
PRIZED_SCRIPT = re.compile(
    rf"(?P<people>{NAME})\s+(?:won|received|earned)\s+(?:an?\s+)?(?:Oscar|Academy Award|award|"
    r"Golden Globe|BAFTA)\s+for\s+(?:his|her|their)\s+(?:original\s+)?(?:screenplay|script)\b"
)
# "Stephen Daldry's direction": the director named by the work.
NAME_DIRECTION = re.compile(rf"(?P<people>{NAME})['\u2019]s\s+(?:assured\s+|sure\s+)?direction\b")
# "a careful treatment of Calder Willingham's novelettish novel": the book's author.
NAME_BOOK = re.compile(
    rf"(?P<people>{NAME})['\u2019]s\s+(?:[a-z][\w-]*\s+)?(?:novel|book|best-?seller|memoir)\b"
)
STARRING = re.compile(
    r"\b(?:[Ss]tarring|[Cc]o-starring|cast(?:,| is)? (?:led|headed) by|"
    r"cast (?:that )?(?:also )?includes:?|[Aa]lso stars|[Aa]lso starring|(?:film|movie) stars|"
    # "supported nicely by Andie MacDowell and Chris Elliot": the supporting cast.
    r"(?:ably |well |nicely )?supported (?:[a-z]+ly )?by|"
    r"protagonizada por|[Uu]n film con|[Uu]n film avec|"
    r"[Ee]in Film mit|[Uu]na película con|[Uu]m filme com|"
    r"protagonizado por|con la actuación de|interpretata da|interpretato da|con protagonisti|"
    # "da segnalare la presenza di Marina Confalone e il cameo di Milena Vukotic".
    r"la presenza di|il cameo di|la presencia de|la présence de|a presença de|"
    r"a cameo (?:by|from))"
    r"\s+(?:(?:[a-zà-ÿ][\w-]*)\s+){0,5}?"
    rf"(?P<people>{LIST_OF_PEOPLE}(?:\s+(?:with|as well as)\s+{LIST_OF_PEOPLE})?)"
)
# "Epic adaptation of Cornelius Ryan's best-seller", "based on the novel by George Feifer".
ADAPTED = re.compile(
    r"\b(?:adaptation of|adapted from|based on|re-telling of|retelling of|version of|"
    rf"verfilmung von|d'après|basada en|tratto da)\s+(?:the\s+|a\s+|an\s+)?(?P<people>{NAME})"
    r"(?:['\u2019]s?)?\s+(?:[\w-]+\s+){0,2}?(?:novel|book|best-?seller|play|story|memoir|"
    r"short story|comic|musical|thriller|mystery|classic|tale|saga|series|roman|romans|novela)"
)
# "Based on Spontaneous by Aaron Starmer": the work named by its title, then its author.
BASED_ON_TITLE = re.compile(
    r"(?:^|(?<=[.!?]\s))[ \t]*Based on\s+"
    r"(?:[\"\u201c]?[A-Z][\w'\u2019:-]*[\"\u201d]?\s+){1,6}?by\s+"
    rf"(?P<people>{LIST_OF_PEOPLE})",
    re.MULTILINE,
)
# "Un film de Claire Dumont, avec Léa Martin et Hugo Bernard"; "ein Film von X mit A, B".
CREDIT_LINE = re.compile(
    r"\b(?:[Uu]n film de|[Uu]n film d['\u2019]|[Ee]in Film von|[Uu]na película de|[Uu]n film di)"
    r"\s*"
    rf"(?P<director>{NAME})(?:\s*\(\d{{4}}\))?,?\s+(?:avec|mit|con)\s+(?P<people>{LIST_OF_PEOPLE})"
)
WRITER_NOUNS = {"screenwriter", "scriptwriter", "drehbuchautor", "scenariste", "guionista"}
WRITER_NOUNS |= {"sceneggiatore", "novelist", "author", "romancier", "romanciere", "novelista"}
WRITER_NOUNS |= {"romanziere", "autor", "autorin"}
WRITER_ROLE = {
    "geschreven",
    "written",
    "co-written",
    "adapted",
    "scripted",
    "penned",
    "geschrieben",
    "écrit",
    "escrita",
    "escrito",
    "scritto",
    "scritta",
}

MAKER_ROLE = {"produced", "co-produced", "choreographed", "edited", "produziert", "produit"}
MAKER_ROLE |= {"producido", "prodotto"}

# "Director Peter Bishai makes", "writer-director Michael Mann's", "film-maker Lars von
# Trier's": the role named before the person.
ROLE = (
    r"(?i:writer-director|writer/director|director|film-?maker|réalisateur|"
    r"réalisatrice|Regisseur|Regisseurin|regista|directora|screenwriter|scriptwriter|"
    r"Drehbuchautor|scénariste|guionista|sceneggiatore|novelist|author|romancier|"
    r"romancière|novelista|romanziere|Autor|Autorin|regisseur)"
)
# "director Jason Lew", "Regisseur und Drehbuchautor Ed Herzog": the person's trades, then them.
ROLE_BEFORE = re.compile(
    rf"(?<![\w-])(?P<role>{ROLE}(?:[ \t]+(?:and|und|et|y|e)[ \t]+{ROLE})?)[ \u00a0]+"
    rf"(?P<people>{NAME})"
)


ROLE_OF_FILM = re.compile(
    r"\b(?P<role>[Dd]irector|[Dd]irectora|[Rr]éalisateur|[Rr]éalisatrice|[Rr]egista|[Rr]egisseur|"
    r"[Rr]egisseurin|[Ss]creenwriter|[Gg]uionista)\s+(?:de|of|di|von|du|des)\s+[^,.\n]{1,40},\s+"
    rf"(?P<people>{NAME}),"
)

# "Martha Coolidge, the director, would ...", "With Steven Spielberg directing, ...": the
# director named before the role; "X, the director of Y" may be another film's.
ROLE_AFTER = re.compile(
    rf"(?P<people>{NAME}),\s+(?:the|its|the film['\u2019]s)\s+director\b(?!\s+of\b)|"
    rf"\b[Ww]ith\s+(?P<directing>{NAME})\s+directing\b|"
    # "Now its director, Kevin Lima (also the brains behind ...), reinvents": the film's own.
    rf"\b(?:its|the film['\u2019]s|the movie['\u2019]s)\s+director,\s+(?P<apposed>{NAME})"
)
# "the rest of the supporting cast is also really good, with the likes of A, B and C": the
# cast named after the word for it.
LIKES_OF = re.compile(
    rf"\b(?:cast|ensemble)\b[^.\n]{{0,60}}?\bthe likes of\s+(?P<people>{LIST_OF_PEOPLE})"
)
# A capsule's closing sentence of names alone: "... a little vainly. Laura Dern, Robert Duvall,
# Diane Ladd, Lukas Haas. (1991)".
NAMES_SENTENCE = re.compile(
    rf"(?:(?<=[.!?]\s)|(?<=[.!?]\s\s)|^)(?P<people>{NAME}(?:,\s+{NAME}){{2,}})\.(?=\s|$)",
    re.MULTILINE,
)


def people(text: str, names: Container[str], surnames: dict[str, str]) -> Iterator[Proposal]:
    for match in ROLE_OF_FILM.finditer(text):
        role = "writer" if fold(match.group("role")) in WRITER_NOUNS else "director"
        yield from listed(text, match, role, names, surnames, "directed by")
    for match in ROLE_AFTER.finditer(text):
        person = clean_name(
            match.group("people") or match.group("directing") or match.group("apposed")
        )
        if is_name(person, names) and len(person.split()) > 1:
            yield proposal("director", person, text, match.start(), match.end(), "directed by")
    for match in LIKES_OF.finditer(text):
        yield from listed(text, match, "cast", names, surnames, "starring")
    for match in NAMES_SENTENCE.finditer(text):
        found = list(listed(text, match, "cast", names, surnames, "starring"))
        if len(found) == len(re.split(r",\s+", match.group("people"))):
            yield from found
    for match in ROLE_BEFORE.finditer(text):
        person = clean_name(match.group("people"))
        if not is_name(person, names) or len(person.split()) < 2:
            continue
        # "Candyman director Bernard Rose": the director of the film the title names.
        ahead = text[max(0, match.start() - 40) : match.start()].rstrip()
        if re.search(r"[a-zß-ÿ,;)][ \t]+[A-ZÀ-Þ][\w'\u2019-]*$", ahead):
            continue
        fields = []
        for role in re.split(r"\s+(?:and|und|et|y|e)\s+", fold(match.group("role"))):
            if "writer" in role and "director" in role:
                fields += ["writer", "director"]
            else:
                fields.append("writer" if role in WRITER_NOUNS else "director")
        for claim_field in dict.fromkeys(fields):
            yield proposal(claim_field, person, text, match.start(), match.end(), "directed by")
    for match in DIRECTS.finditer(text):
        person = clean_name(match.group("people"))
        if is_name(person, names) and len(person.split()) > 1:
            yield proposal("director", person, text, match.start(), match.end(), "directed by")
    for match in DIRECTED.finditer(text):
        verbs = {match.group("verb").lower(), (match.group("also") or "").lower()}
        if verbs - WRITER_ROLE - MAKER_ROLE - {""}:
            yield from listed(text, match, "director", names, surnames, "directed by")
        if verbs & WRITER_ROLE:
            yield from listed(text, match, "writer", names, surnames, "directed by")
    for match in NAME_DIRECTION.finditer(text):
        yield from listed(text, match, "director", names, surnames, "directed by")
    for pattern in (WORK_BY, NAME_SCRIPT, PRIZED_SCRIPT, NAME_BOOK, BASED_ON_TITLE):
        for match in pattern.finditer(text):
            yield from listed(text, match, "writer", names, surnames, "adapted")
    for match in STARRING.finditer(text):
        yield from listed(text, match, "cast", names, surnames, "starring")
    for match in LEAD_ROLE.finditer(text):
        yield from listed(text, match, "cast", names, surnames, "starring")
    for pattern in (WITH_LIST, BARE_LIST):
        for match in pattern.finditer(text):
            found = list(listed(text, match, "cast", names, surnames, "starring"))
            if len(found) > 1:
                yield from found
    for match in CREDIT_LINE.finditer(text):
        director = match.group("director")
        if is_name(director, names):
            yield proposal(
                "director", director, text, match.start(), match.end("director"), "credit"
            )
        yield from listed(text, match, "cast", names, surnames, "credit")
    for match in ADAPTED.finditer(text):
        yield from listed(text, match, "writer", names, surnames, "adapted")


def listed(
    text: str,
    match: re.Match[str],
    claim_field: str,
    names: Container[str],
    surnames: dict[str, str],
    rule: str,
) -> Iterator[Proposal]:
    """Each person of a list after "directed by" or "starring"; a surname the page gives in
    full elsewhere ("written by Allen and Douglas McGrath") counts as a name."""
    for person in re.finditer(PERSON, match.group("people")):
        name = clean_name(person.group(0))
        single = len(name.split()) == 1
        if (not single and is_name(name, names)) or (single and fold(name) in surnames):
            full = surnames.get(fold(name), name) if single else name
            start, end = match.start(), match.end()
            if claim_field == "cast" and end - start > QUOTE_REACH:
                # A long list's actor: the list's words up to the name, or the name alone.
                end = match.start("people") + person.end()
                start = start if end - start <= QUOTE_REACH else end - len(person.group(0))
            yield proposal(claim_field, name, text, start, end, rule, person=full)


RUNS = re.compile(
    r"\b(?:runs(?: for)?|running time of|runtime of|lasts|dauert|dure|dura|durata|duração|"
    # "si sgonfia in soli 70 minuti", "wraps up in just 80 minutes": the length in passing.
    r"duración|duur|in (?:soli|appena|only|just|a mere|nur)|en (?:apenas|solo|sólo)|"
    r"em apenas|"
    # "Die Bilder zeichnen über 133 Minuten", "over its 98 minutes", "trvá 105 minut".
    r"über|over its|for its|duren dan|durante|trwa|trvá|varar)\s+"
    rf"(?:about\s+|just\s+)?(?P<runtime>{RUNTIME.pattern})|"
    rf"\b(?:while|at|though|although)\s+(?P<long>{RUNTIME.pattern})\s+long\b",
    re.IGNORECASE,
)


BRACKETED_RUNTIME = re.compile(
    rf"\((?:[^()\n]{{0,40}}?,\s*)?(?P<runtime>{RUNTIME.pattern})\)", re.I
)


# "... some language and peril. 152 min. [MC, PV]": a capsule's length, a sentence of its own.
RUNTIME_SENTENCE = re.compile(
    r"(?:(?<=[.!?)]\s)|^)(?P<runtime>[1-9]\d{1,2}\s?(?:min|mins|minutes|Min|Minuten))\.?"
    r"(?=\s|$)(?!\s*\d)",
    re.MULTILINE,
)


def runtimes(text: str) -> Iterator[Proposal]:
    """ "The film runs 95 minutes", "(1h 25min)", "(1993, 95 min)", "While 140 minutes long": a
    runtime in passing."""
    for match in RUNS.finditer(text):
        start = sentence_start(text, match.start())
        runtime = (match.group("runtime") or match.group("long")).strip()
        # "duren dan 50 minuten.": the sentence's point after a word written out, no
        # abbreviation's ("95 min.").
        runtime = re.sub(r"(?<=[^\W\d_]{4})\.$", "", runtime)
        yield proposal("runtime", runtime, text, start, match.end(), "runs")
    for match in RUNTIME_SENTENCE.finditer(text):
        yield proposal("runtime", match.group("runtime"), text, match.start(), match.end(), "runs")
    for match in BRACKETED_RUNTIME.finditer(text):
        runtime = match.group("runtime").strip()
        yield proposal("runtime", runtime, text, match.start(), match.end(), "runs")


# "Neustarts vom 26. August 2021", "opens 13 July 2018 in cinemas", "sortie le 4 juillet 2007".
RELEASE_DATE = re.compile(
    r"\b(?:released|release date|new releases for the week of|opens|opened|opening|in cinemas|"
    r"in theaters|in theatres|kinostart|"
    r"neustarts? vom|im kino ab|start|sortie|sort le|en salles le|estreno|se estrena|estreia|"
    r"uscita|esce|premiere|premiera|premiéra|премьера)\b[^.\n]{0,20}?"
    rf"(?P<date>{DATE.pattern})",
    re.IGNORECASE,
)


# "Zadebiutował w 1994 roku", "uscito nel 2001", "kam 2004 in die Kinos": the year the film
# came out, said in a sentence.
CAME_OUT = re.compile(
    r"\b(?:zadebiutował|zadebiutowała|weszła na ekrany|wszedł na ekrany|uscito|uscita|"
    r"estrenada|estrenado|estreou|lançado|kam|erschien|debuted|came out)\b[^.\n]{0,20}?"
    r"\b(?:w|nel|en|em|im|in)[ \t]+(?:(?:Jahr|roku|anno|año)[ \t]+)?(?P<year>(?:18|19|20)\d\d)\b",
    re.IGNORECASE,
)


def release_dates(text: str) -> Iterator[Proposal]:
    """Failing a stated year, the year of the release date the page gives in passing, or the
    year a sentence says the film came out."""
    if found := RELEASE_DATE.search(text):
        date = DATE.search(found.group("date"))
        assert date is not None
        start = sentence_start(text, found.start())
        yield proposal("year", date_year(date), text, start, found.end(), "released")
    elif came := CAME_OUT.search(text):
        start = sentence_start(text, came.start())
        yield proposal("year", came.group("year"), text, start, came.end(), "released")


def bracketed_year(text: str) -> Iterator[Proposal]:
    """Failing a stated year, the first "Title (1993)" of the page, or a credit in brackets
    that ends with the year ("(Dirigida por Andrew Bergman, USA 1989)")."""
    first = rf"{NAME_WORD}[\"\u201d]?\s\((?P<year>(?:18|19|20)\d\d)(?:[,;][^()\n]{{0,30}})?\)"
    last = r"\((?:[^()\n]{0,60}?[\s,\u2013-])?(?P<year>(?:18|19|20)\d\d)\)"
    for pattern in (first, last):
        dated = (m for m in re.finditer(pattern, text[:5000]) if not DATE.search(m.group(0)))
        if found := next(dated, None):
            start = sentence_start(text, found.start())
            yield proposal("year", found.group("year"), text, start, found.end(), "bracketed year")
            return
