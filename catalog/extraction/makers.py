"""Who made the film or is in it, where a sentence names them in passing: "Marcel Carné's
escapist period piece", "Este filme de Jorge Paixão da Costa retrata ...", "this Harold
Ramis-directed film", "such co-stars as Nicole Kidman and Bruce Willis", "w reżyserii Franka
Darabonta", "film diretto nel 2018 da Paolo Virzì"."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import (
    LIST_OF_PEOPLE,
    NAME,
    clean_name,
    is_name,
    sentence_end,
    sentence_start,
)
from catalog.normalise import fold

# Credits other languages give inside a sentence, the name as the language declines it; a
# year between the verb and the name is the film's ("diretto nel 2018 da").
DIRECTED_IN = re.compile(
    r"\b(?:w reżyserii|v režii|(?:in|unter) der Regie von|i regi av|regisserad av|"
    r"geregisseerd door|in regie van|com direção de|(?:film |pellicola )?(?:diretto|diretta)"
    r"(?:[ \t]+nel[ \t]+(?P<year>(?:18|19|20)\d\d))?[ \t]+da)"
    rf"[ \t]+(?P<name>{NAME})"
)
# The book the film is taken from, and its author: "adaptacja książki Stephena Kinga", "tratto
# dal romanzo di Elsa Morante", "podle románu Bohumila Hrabala".
BOOK_OF = re.compile(
    r"\b(?:adaptacja|ekranizacja|na podstawie|według)[ \t]+(?:książki|powieści|sztuki)|"
    r"\b(?:tratto|tratta)[ \t]+(?:dal|dalla)[ \t]+(?:romanzo|libro|racconto)[ \t]+di|"
    r"\bpodle[ \t]+(?:románu|knihy|hry|povídky)|"
    r"\bbaserad[ \t]+på[ \t]+(?:boken|romanen)[ \t]+av|"
    r"\bgebaseerd[ \t]+op[ \t]+(?:het boek|de roman)[ \t]+van"
)
BOOK_AUTHOR = re.compile(rf"(?:{BOOK_OF.pattern})[ \t]+(?P<name>{NAME})")

# "Marcel Carné's escapist period piece, made in France": the maker's film, by its kind.
POSSESSED = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>{NAME})['\u2019]s[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}?"
    # A play's, a novel's or a comedy's author is not named so: only the film's kinds count.
    r"(?:film|movie|picture|period piece|feature film|feature debut|debut film|documentary)\b"
)
# "Este filme de Jorge Paixão da Costa retrata", "Le dernier film de X raconte": this film's.
THIS_FILM_OF = re.compile(
    r"\b(?:[Ee]ste|[Ee]sse|[Oo] novo|[Cc]e|[Ll]e nouveau|[Ee]sta|[Ll]a nueva|[Qq]uesto|"
    r"[Ii]l nuovo|[Dd]ieser|[Dd]er neue)[ \t]+(?:filme|film|película|Film)[ \t]+(?:de|di|von)"
    rf"[ \t]+(?P<name>{NAME})"
)
# "this Harold Ramis-directed film", "a Sorkin-penned script": the maker joined to the verb.
HYPHENED = re.compile(
    rf"(?<![\w-])(?P<name>{NAME})-(?P<verb>directed|helmed|penned|scripted|written)"
    r"(?=[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}(?:film|movie|picture|comedy|drama|thriller|script|"
    r"screenplay|adaptation|feature|documentary|western|musical|romance|horror)\b)"
)
HYPHENED_FIELDS = {"directed": "director", "helmed": "director"}

# "the film also has such co-stars as Nicole Kidman, Bruce Willis, and Steve Buscemi".
CO_STARS = re.compile(
    r"\b(?:such[ \t]+(?:co-?stars|stars|actors)[ \t]+as|(?:co-?stars|actors|a cast)[ \t]+"
    rf"(?:such[ \t]+as|like|including))[ \t]+(?P<people>{LIST_OF_PEOPLE})"
)


def makers(text: str) -> Iterator[Proposal]:
    """The director a sentence names as the maker of the film it speaks of, and the actors it
    names as its stars."""
    for pattern in (POSSESSED, THIS_FILM_OF):
        for match in pattern.finditer(text):
            start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
            yield proposal("director", match.group("name"), text, start, end, "maker")
    for match in HYPHENED.finditer(text):
        name = clean_name(match.group("name"))
        if is_name(name):
            start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
            field = HYPHENED_FIELDS.get(match.group("verb"), "writer")
            yield proposal(field, name, text, start, end, "maker")
    for match in DIRECTED_IN.finditer(text):
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        if is_name(match.group("name")):
            yield proposal("director", match.group("name"), text, start, end, "maker")
            if match.group("year"):
                yield proposal("year", match.group("year"), text, start, end, "maker")
    for match in BOOK_AUTHOR.finditer(text):
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        if is_name(match.group("name")):
            yield proposal("writer", match.group("name"), text, start, end, "book")
    for match in CO_STARS.finditer(text):
        start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
        for person in re.split(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", match.group("people")):
            if is_name(person) and len(person.split()) > 1:
                yield proposal("cast", person, text, start, end, "co-stars")


def titled_makers(text: str, titles: list[str], cast: Container[str]) -> Iterator[Proposal]:
    """The director a sentence gives the film to by the page's own title: "Paul Haggis's Red
    Hot follows ...", "Ken Loach's Kes"; not one of the page's cast (folded), whose film a
    review may call it too."""
    for title in sorted({title for title in titles if len(title) > 2}, key=len, reverse=True):
        owned = re.compile(rf"(?P<name>{NAME})['\u2019]s[ \t]+[\"\u201c]?{re.escape(title)}\b")
        for match in owned.finditer(text):
            name = clean_name(match.group("name"))
            if len(name.split()) > 1 and is_name(name) and fold(name) not in cast:
                start, end = sentence_start(text, match.start()), sentence_end(text, match.end())
                yield proposal("director", name, text, start, end, "maker")
