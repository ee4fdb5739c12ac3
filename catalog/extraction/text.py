"""What the claim finders share: where lines, paragraphs and sentences lie, and what a name is."""

import re
from collections.abc import Container, Iterator
from dataclasses import dataclass

from catalog.extraction.vocabulary import LABELS
from catalog.normalise import fold


@dataclass(frozen=True)
class Span:
    """A stretch of the page's text and where it starts."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


# Latin letters with their accents, and Cyrillic: names on Russian or Ukrainian pages.
UPPER = (
    "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
    "\u0410-\u042f\u0401\u0404\u0406\u0407\u040e"
)
LOWER = "a-zß-öø-ÿ\u0100-\u017f\u0430-\u044f\u0451\u0454\u0456\u0457\u045e"
# One word of a name: "Gugino", "O'Conor", "Mueller-Stahl", "McDonald", "L.", "J.R.R.", and a
# surname in capitals as festival catalogues print it ("QIAO Zhi", "Vadim PERELMAN").
# An initial is tried first, so that "Richard E. Grant" keeps its point.
NAME_WORD = (
    rf"(?:(?:[{UPPER}]\.){{1,3}}(?=[ \u00a0][{UPPER}])|"
    rf"[{UPPER}][{LOWER}]*(?:['\u2019][{UPPER}{LOWER}][{LOWER}]+|-[{UPPER}{LOWER}][{LOWER}]+"
    rf"|[{UPPER}][{LOWER}]+)*(?![{UPPER}])|[{UPPER}]{{2,}}(?:[-'\u2019][{UPPER}]{{2,}})?(?![{LOWER}])"
    rf"|(?:[{UPPER}]\.){{1,3}})"
)
PARTICLE = r"(?:de|da|di|del|della|des|du|la|le|van|von|der|den|ten|ter|dos|das|bin|ibn|al|el|St\.)"
# Two to five words, particles between: "George de la Peña", "Samuel L. Jackson"; a junior's
# mark after them, in English or Czech ("R. Hrušínský ml.").
NAME = (
    rf"{NAME_WORD}(?:[ \u00a0]+(?:{PARTICLE}[ \u00a0]+)*{NAME_WORD}){{1,4}}"
    r"(?:,? Jr\.|,? Sr\.| ml\.| nejml\.)?"
)
NAME_RE = re.compile(NAME)
# A full name or a surname alone, and a list of them: "Allen and Douglas McGrath".
PERSON = rf"(?:{NAME}|{NAME_WORD})"
LIST_OF_PEOPLE = (
    rf"{PERSON}(?:(?:,\s*(?:and\s+|und\s+|et\s+|y\s+|e\s+|en\s+)?|\s+(?:and|und|et|y|e|en|&)\s+)"
    rf"{PERSON})*"
)
# Words that begin sentences or phrases and are never the first word of a person's name here.
NOT_NAME_START = {
    "the",
    "a",
    "an",
    "when",
    "while",
    "although",
    "but",
    "and",
    "as",
    "if",
    "after",
    "before",
    "his",
    "her",
    "their",
    "its",
    "in",
    "on",
    "at",
    "with",
    "from",
    "by",
    "for",
    "of",
    "to",
    "because",
    "meanwhile",
    "then",
    "so",
    "yet",
    "even",
    "also",
    "both",
    "uncle",
    "aunt",
    "der",
    "die",
    "das",
    "le",
    "la",
    "les",
    "el",
    "los",
    "il",
    "lo",
    "gli",
    "und",
    "et",
    "y",
    "this",
    "that",
    "these",
    "those",
    "throughout",
    "during",
    "since",
    "however",
    "here",
    "there",
    "starring",
    "directed",
    "written",
    "produced",
    "mit",
    "avec",
    "con",
}
# Words that are capitalised in titles and headings but are not names.
NOT_NAME_WORDS = {
    "movie",
    "film",
    "films",
    "cast",
    "crew",
    "director",
    "review",
    "reviews",
    "trailer",
    "watch",
    "rating",
    "ratings",
    "more",
    "see",
    "all",
    "top",
    "full",
    "details",
    "plot",
    "overview",
    "synopsis",
    "photos",
    "videos",
    "show",
    "cinema",
    "hollywood",
    "oscar",
    "oscars",
    "award",
    "awards",
    "kgb",
    "usa",
    "uk",
    "tv",
    "dvd",
    "vhs",
    "stream",
    "netflix",
    "available",
    "release",
    "date",
    "runtime",
    "genre",
    "genres",
    "storyline",
    "stars",
    "star",
    "info",
    "information",
    "production",
    "productions",
    "pictures",
    "filmes",
    "studio",
    "studios",
    "entertainment",
    "distribution",
    "media",
    "company",
    "gmbh",
    "inc",
    "ltd",
    "llc",
    "police",
    "news",
    "home",
    "video",
    "channel",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "excellent",
    "good",
    "fair",
    "poor",
}


def lines(text: str) -> Iterator[Span]:
    start = 0
    for line in text.split("\n"):
        yield Span(line, start)
        start += len(line) + 1


def paragraphs(text: str) -> list[Span]:
    """Blocks of text between blank lines, without their outer spaces."""
    found = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        block = match.group(0).rstrip()
        lead = len(block) - len(block.lstrip())
        found.append(Span(block.strip(), match.start() + lead))
    return found


SENTENCE_END = re.compile(
    rf"(?<=[.!?…])[\"\u201d\u2019')\]]?\s+(?=[\"\u201c\u2018(\[]?[{UPPER}0-9])"
)
ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|No|Vol|Dir|Prof|Gen|Lt|Col|Capt|Sgt|ca|approx|dir)|"
    r"\b[A-Z]|\b[ap]\.m)\.$"
)


def sentences(block: Span) -> list[Span]:
    """The sentences of a paragraph; "Mrs. Kirov" and "Samuel L. Jackson" do not end one."""
    found: list[Span] = []
    begin = 0
    for match in SENTENCE_END.finditer(block.text):
        piece = block.text[begin : match.start() + len(match.group(0).rstrip())]
        if ABBREVIATIONS.search(piece.rstrip("\"\u201d\u2019')]")):
            continue
        found.append(Span(piece.strip(), block.start + begin))
        begin = match.end()
    rest = block.text[begin:]
    if rest.strip():
        found.append(Span(rest.strip(), block.start + begin))
    return found


def is_name(phrase: str, known: Container[str] | None = None) -> bool:
    """A person's name as written: two to five capitalised words, or a name the page uses."""
    phrase = phrase.strip()
    if known is not None and fold(phrase) in known:
        return True
    if not NAME_RE.fullmatch(phrase):
        return False
    words = phrase.replace("\u00a0", " ").split()
    if words[0].lower() in NOT_NAME_START:
        return False
    # "Oscar Martínez" is a man; "Oscar Night", "Oscar winner" are not.
    given = 1 if words[0] == "Oscar" and words[1].lower() not in OSCAR_WORDS else 0
    if any(
        word.lower().strip(".,") in NOT_NAME_WORDS or HONOUR.search(word) for word in words[given:]
    ):
        return False
    # "Aaron Sorkin-penned": the name joined to what they did, not a name.
    if MADE_BY.search(words[-1]):
        return False
    # An all-capitals phrase is a title or an acronym ("RED HOT"), not a name.
    return not all(word.isupper() and len(word) > 2 for word in words)


MADE_BY = re.compile(r"-(?:directed|helmed|penned|scripted|written|produced|led|starring)$")


OSCAR_WORDS = {"winner", "winners", "winning", "nominee", "nominees", "nominated", "nominations"}
OSCAR_WORDS |= {"night", "season", "race", "buzz", "gold", "bait", "ceremony", "glory", "worthy"}


def clean_name(phrase: str) -> str:
    """A name without the sentence words stuck to its front ("When Dimitri" -> "Dimitri"), nor
    the honours before it ("Academy Award-winner Viola Davis" -> "Viola Davis")."""
    words = phrase.split(" ")
    honour = next((i for i, word in enumerate(words) if HONOUR.search(word)), -1)
    if 0 <= honour < len(words) - 2:
        words = words[honour + 1 :]
    while len(words) > 1 and words[0].lower() in NOT_NAME_START:
        words = words[1:]
    # "Director Harold RamisGroundhog Day is ...": the next words glued to the name's last.
    for index, word in enumerate(words[1:], 1):
        if point := glue_point(word):
            return " ".join([*words[:index], word[:point]])
    return " ".join(words)


HONOUR = re.compile(r"-(?:winner|winning|nominee|nominated)$", re.IGNORECASE)
# Where copied text glues two words: a capital after a small letter inside a word, but for the
# names that have one of their own ("MacDowell", "DeNiro", "LaBeouf", "DiCaprio", "FitzGerald").
GLUE = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")
OWN_CAPITAL = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Lo|Van|Von|Fitz|Jo|St|O)$")


def glue_point(word: str) -> int:
    """Where in a word a glued one begins ("RamisGroundhog": 5), or 0."""
    for found in GLUE.finditer(word):
        if not OWN_CAPITAL.search(word[: found.start()]):
            return found.start()
    return 0


def split_list(value: str) -> list[tuple[str, int]]:
    """The items of "A, B and C" (or "A / B", "A & B", "A; B", "A - B") with their offsets in
    value."""
    items = []
    pattern = (
        r"\s*(?:,\s*(?:and|und|et|y|e)\s+|,|;|/|\||&|\s+(?:and|und|et|y|e)\s+|•|·)\s*"
        r"|\s+[-\u2013]\s+"
    )
    begin = 0
    for match in re.finditer(pattern, value):
        items.append((value[begin : match.start()], begin))
        begin = match.end()
    items.append((value[begin:], begin))
    return [
        (item.strip(), at + len(item) - len(item.lstrip())) for item, at in items if item.strip()
    ]


def names_line(body: str, known: Container[str] | None = None) -> list[tuple[str, int]]:
    """The people of a line that holds nothing but their full names, two or more ("Bill
    Murray and Andie MacDowell" under a review's title), with their offsets; else none."""
    if len(body) > 200 or not re.search(r",|&|\s(?:and|und|et|y|e)\s", body):
        return []
    if fold(re.split(r"[-:\s]", body.strip(), maxsplit=1)[0]) in LABELS:
        return []  # "Starring-Roger Moore, ...": a label's line
    people = split_list(body.strip().rstrip("."))
    if len(people) < 2 or not all(
        len(name.split()) > 1 and is_name(name, known) for name, _at in people
    ):
        return []
    return people


def sentence_start(text: str, at: int) -> int:
    """The start of the sentence holding position at (a quote reads best as whole sentences)."""
    before = text[max(0, at - 400) : at]
    found = list(re.finditer(r"(?:[.!?…][\"\u201d\u2019)]?\s+|\n\s*)", before))
    return at - len(before) + found[-1].end() if found else max(0, at - len(before))


def sentence_end(text: str, at: int) -> int:
    found = re.compile(r"[.!?…](?=\s|$)|\n").search(text, at)
    return found.end() if found else len(text)
