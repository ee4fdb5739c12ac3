"""Lines that may name the film on a page with no head line: the words before its first label,
the line over its facts, a line it repeats, its first line; a site's or a section's heading is
none of them."""

import re
from collections.abc import Iterator

from catalog.extraction.casttables import glued
from catalog.extraction.entries import title_case
from catalog.extraction.genres import COMPOUND_GENRE
from catalog.extraction.headlines import plausible_title
from catalog.extraction.labels import BY_LABEL, LINE_LABEL, run_on_labels
from catalog.extraction.lexicon import GENRES
from catalog.extraction.lonefacts import is_fact_line
from catalog.extraction.marks import POPCORN, SITE_SCORE_LINE
from catalog.extraction.patterns import DATE, MONTHS, SCORE
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, names_line
from catalog.extraction.vocabulary import LABELS, OTHER_LABELS, field_of, words
from catalog.normalise import fold

# What a listing or a disc adds to the title: the format it shows ("2D"), "(Blu-ray)".
FORMAT = re.compile(
    r"\s+(?:2D|3D|IMAX|OV|OmU|VOST|VOSTFR)$|\s*[\[(](?:Blu-ray|DVD|4K(?: UHD)?|UHD|VHS|"
    r"Blu-ray \+ DVD|Special Edition|Director's Cut|Extended Edition)[\])]$",
    re.IGNORECASE,
)
# Words of a site's or a section's head line, never of the film's title: one of the first kind
# rules a line out, the second kind must make half of it ("Albany Times Union", "Now Showing").
PAGE_WORDS = {
    fold(word)
    for word in words(
        """advertisement|backdrop|share|menu|search|login|skip|navigation|reviews|archive|
        archives|capsule|capsules|category|categories|tags|posts|showing|listings|blog|filmie|
        filmu|plakat|filmplakat|trailers|ratings|classificações|indicativas|estreia|estreias|
        estrenos|cartelera|programme|schedule|newsletter|subscribe|cookies|index|lexikon|
        filmlexikon|encyclopedia|database|wiki|pages|releases|font|homepage|canalblog|publicite|
        advertising|anzeige|werbung|publicidad|pubblicita|sponsored|
        overblog|blogspot|wordpress|kritiken|critiques|recensioni|reseñas|criticas|archiv|
        schlagwort|schlagworte|hosting|festivals"""
    )
}
WEAK_PAGE_WORDS = {
    fold(word)
    for word in words(
        """home|review|movies|films|filmes|filmy|feature|features|tag|guide|weekly|magazine|
        poster|trailer|watch|online|stream|streaming|program|tonight|times|tribune|herald|
        gazette|journal|daily|chronicle|courier|notable|videos|brief|now|new|latest|my|mein|
        mon|mi|week|weekend|cinema|kino|cine|club|today|blu|dvd|release|january|february|
        march|april|may|june|july|august|september|october|november|december|tv|what"""
    )
}
HEADING_WORDS = {
    fold(word)
    for word in words(
        """stab|besetzung|filmdaten|stabangaben|daten|angaben|details|detail|info|informationen|
        credits|crew|fiche|technique|ficha|tecnica|scheda|datos|technical|o|filmie|about|opis|
        movie|film|data|production|produktion|technische"""
    )
}


CAPTION_WORDS = ("Poster", "Plakat", "Affiche", "Póster", "Locandina", "Cover")
NOT_TITLE_LINE = re.compile(r"[.:!?•|,»\u203a]|^\W|\d{1,2}:\d\d|\b(?:18|19|20)\d\d\b")
LENIENT_NOT_TITLE = re.compile(
    r"[.!?]\s|[.|•»\u203a]$|^\W|\d{1,2}:\d\d|\b(?:18|19|20)\d\d\b|:$|[©®]|\([^()]*:[^()]*\)|"
    # A site's address: "movie-base.net", "www.example.com".
    r"\bwww\.|\w\.(?:com|net|org|info|tv|app|me|io|de|fr|it|es|nl|pl|ru|co|uk|au|br)\b"
)
LINKING_WORDS = {"und", "and", "et", "y", "e", "of", "the", "de", "du", "des", "la", "le", "i"}
LINKING_WORDS |= {"a", "an", "for", "in", "im", "on", "at", "to", "der", "die", "das", "el", "il"}


def run_on_title(text: str) -> Iterator[Proposal]:
    """The words before the first label of a line that runs its labels together: the title
    an archive glues to its "Director:" label."""
    starts = sorted(start for start, _end, _field in run_on_labels(text, set()))
    if not starts:
        return
    line_start = text.rfind("\n", 0, starts[0]) + 1
    head = text[line_start : starts[0]]
    title = head.strip(" |\t")
    if 1 < len(title) < 80 and plausible_title(title) and not re.search(r"[:;]", title):
        start = line_start + head.index(title)
        yield proposal("title", title, text, start, starts[0], "heading")


def title_over_facts(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    """The short line just above the page's first run of label lines ("Petit pays" over
    "Réalisation : ..."), section headings ("Filmdaten", "Stab und Besetzung") passed over."""
    labelled = [
        index
        for index, line in enumerate(all_lines)
        if ((match := LINE_LABEL.match(line.text)) and field_of(match.group("label")))
        or BY_LABEL.match(line.text)
    ]
    runs = [index for index in labelled if any(0 < o - index <= 6 for o in labelled)]
    if not runs:
        return
    above = [line for line in all_lines[: runs[0]] if line.text.strip()][-6:]
    titles: list[Span] = []
    for line in reversed(above):
        body = line.text.strip()
        # A heading, the film's genre or country on a line of its own, a picture's file name.
        if not titles and (is_heading_line(body) or fold(body) in GENRES or numbered(body)):
            continue
        if credit_line(body) or ((label := LINE_LABEL.match(body)) and ":" in label.group("sep")):
            break
        if titles and body.endswith(" " + titles[0].text.strip()):
            break  # "Classic Movie Review Candyman": a heading that ends with the title
        if not titles and (is_page_line(body) or is_fact_line(body)):
            continue  # "Image and video hosting by TinyPic": the picture's credit
        if names_line(body):
            continue  # "Bill Murray and Andie MacDowell": its stars, under the title
        if glued(body, ()):
            break  # "Tom BowerErwin Flood": a row of the cast table over the facts
        lenient = candidate_line(body, lenient=True)
        loose = len(body.split()) <= 8 and not re.search(r"\w/\w|\bFSK\b|\d+\+", body)
        if not lenient or not (title_case(body) or loose):
            break
        titles.append(line)
        if len(titles) == 2:
            break
    for line in reversed(titles):
        body = line.text.strip()
        start = line.start + len(line.text) - len(line.text.lstrip())
        title = FORMAT.sub("", body)
        # "3 DIAS (Before the Fall), Spain": the country after the title.
        if (made := TRAILING_COUNTRY.fullmatch(title)) and "(" in made.group(1):
            title = made.group(1)
            yield proposal("country", made.group(2), text, start, start + len(body), "over facts")
        # "A Separação (Jodaeiye Nader az Simin)": the title and the original in brackets.
        if (both := BOTH_TITLES.fullmatch(title)) and not NOT_ORIGINAL.search(both.group(2)):
            for found in both.groups():
                yield proposal("title", found.strip(), text, start, start + len(body), "over facts")
            continue
        yield proposal("title", title, text, start, start + len(body), "over facts")


def title_over_fact_lines(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    """The short line over a stack of bare facts, a fact a line ('"Kaiserschmarrndrama"' over
    "Komödie", "Deutschland", "96 Minuten", "FSK 12"), in quotation marks or not."""
    shown = [line for line in all_lines if line.text.strip()]
    for index, line in enumerate(shown[:-3]):
        stack = []
        for below in shown[index + 1 : index + 7]:
            body = below.text.strip()
            if below.start - line.end > 300 or len(body.split()) > 3 or re.search(r"[.!?:]", body):
                break
            stack.append(body)
        if len(stack) < 3 or not is_fact_line(stack[0]) or sum(map(is_fact_line, stack)) < 2:
            continue
        body = line.text.strip()
        shift = 0
        if quoted := QUOTED_HEAD.fullmatch(body):
            body, shift = quoted.group("inner"), 1
        if candidate_line(body, lenient=True) and not is_fact_line(body):
            start = line.start + len(line.text) - len(line.text.lstrip()) + shift
            yield proposal("title", body, text, start, start + len(body), "over facts")
        return


TRAILING_COUNTRY = re.compile(r"(.+?\)),\s+([A-ZÀ-Þ][\w.]+(?:[ /][A-ZÀ-Þ][\w.]+){0,2})")
BOTH_TITLES = re.compile(r"([^()]{2,80}?)\s*\(([^()\d]{2,80})\)")
NOT_ORIGINAL = re.compile(
    r"\b(?:Edition|Cut|Version|Collection|Remastered|trailer|Blu-ray|DVD|aka|voir|see)\b|^(?:PG|R|G|NR)",
    re.IGNORECASE,
)
# Lines a page's pictures leave behind: "Picture", "Poster", "Image".
PLACEHOLDERS = {"picture", "image", "photo", "foto", "bild", "poster", "cover", "affiche"}


def credit_line(body: str) -> bool:
    """ "Regia di Roberto Faenza", "Directed by ...": a credit, its label of two words first."""
    head = fold(" ".join(body.split()[:2]))
    return len(head.split()) == 2 and LABELS.get(head) in ("director", "writer", "cast")


def numbered(body: str) -> bool:
    """ "21041126_20130917181840774", "67564366Film américain", "spotlight2.jpg": a file's
    name, an image's id."""
    return bool(re.search(r"\d{5,}|\.(?:jpe?g|png|gif|webp)$", body, re.IGNORECASE))


def is_heading_line(body: str) -> bool:
    """ "Filmdaten", "Stab und Besetzung", "Production Info": a section's heading."""
    words = [word for word in fold(body).split() if word not in LINKING_WORDS]
    return bool(words) and all(word in HEADING_WORDS for word in words)


def repeated_line(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    """A short line the top of the page says twice, as a heading over its own entry, or at
    the end of another line ("Classic Movie Review Candyman" / "Candyman")."""
    shown = [line for line in all_lines[:40] if line.text.strip() and line.text.strip() != "|"]
    bodies = [line.text.strip() for line in shown]
    for index, (line, body) in enumerate(zip(shown, bodies, strict=True)):
        if LABELS.get(fold(body)) == "cast":
            return  # the cast list below repeats its names, each under a picture
        if index > 12 or not candidate_line(body, lenient=True):
            continue
        # A name under "Regie" or "Directed by:" is that label's value, repeated in a list.
        above = bodies[index - 1] if index else ""
        if above.endswith(":") or fold(above) in LABELS:
            continue
        others = bodies[:index] + bodies[index + 1 :]
        captions = {f"{body} {word}" for word in CAPTION_WORDS}
        if body in others or any(o.endswith(" " + body) or o in captions for o in others):
            start = line.start + len(line.text) - len(line.text.lstrip())
            title = FORMAT.sub("", body)
            yield proposal("title", title, text, start, start + len(body), "repeated line")
            return


def candidate_line(body: str, label_word: bool = False, lenient: bool = False) -> bool:
    """Whether a line may be the title: short, no sentence or date, no site's words, and no
    label ("Running Time" only where `label_word` says the layout allows one). A `lenient`
    reading allows the commas and colons of "I, Tonya" and "300 : la naissance d'un Empire"."""
    if not 1 < len(body) < 80:
        return False
    if (LENIENT_NOT_TITLE if lenient else NOT_TITLE_LINE).search(ABBREVIATED.sub("X", body)):
        return False
    if (fold(body) in LABELS and not label_word) or fold(body) in PLACEHOLDERS:
        return False
    return not is_page_line(body) and not is_heading_line(body)


# "Sgt. Bilko", "Mr. Holland's Opus": a title's abbreviation is no sentence's end.
ABBREVIATED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Sgt|Jr|Sr|Lt|Col|Capt|Gen|Prof|Vol|No|Mt)\.(?= )")
# "A-Z", "R-S": an index's letters.
INDEX_LETTERS = re.compile(r"\b[A-Z] ?[-\u2013] ?[A-Z]\b")


def is_page_line(body: str) -> bool:
    """ "Movie Review Archive R-S", "Albany Times Union", "Now Showing": the site's words."""
    if INDEX_LETTERS.search(body):
        return True
    words = [w for w in fold(body).split() if w not in LINKING_WORDS and len(w) > 1]
    if any(word in PAGE_WORDS for word in words):
        return True
    return len(words) > 0 and sum(word in WEAK_PAGE_WORDS for word in words) * 2 >= len(words)


KIND_QUOTED = re.compile(
    r"\b(?P<kind>[\w-]+)[ \u00a0]+[\"\u201c\u201e«](?P<title>[^\"\u201c\u201d\u201e«»\n]{2,60})"
    r"[\"\u201d\u201c»]"
)


def kind_quoted(text: str) -> Iterator[Proposal]:
    """A title in quotes after the kind of film it is: 'dem romantischen Drama „Last Night“',
    'the thriller "Heat"', 'le film « Amélie »'."""
    for match in KIND_QUOTED.finditer(text[:3000]):
        kind = fold(match.group("kind"))
        if kind in GENRES or kind in KIND_NOUNS or re.search(COMPOUND_GENRE, kind):
            title = match.group("title").strip()
            if plausible_title(title) and title[0].isupper():
                yield proposal("title", title, text, match.start(), match.end(), "quoted title")
                return


KIND_NOUNS = {"film", "movie", "picture", "streifen", "kinofilm", "spielfilm", "pelicula"}
KIND_NOUNS |= {"drama", "documentary", "dokumentarfilm", "fernsehfilm", "telefilm"}


def first_line(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    """A short line without punctuation at the top names the film; a poster's caption, the
    site's or a section's heading, and a post's date before it are passed over."""
    shown = [line for line in all_lines[:8] if line.text.strip()]
    for line in shown[:5]:
        body = line.text.strip()
        if body.endswith(CAPTION_WORDS) or is_page_line(body) or DATED.search(body):
            continue
        if re.match(r"(?i:image|photo|photograph|picture|credit|foto|bild)[ \t]*:", body):
            continue  # "Image: Columbia Pictures": a picture's credit over the title
        if DAY_OF.fullmatch(body):
            continue  # "event · April 13": when the page's event is, over the film's title
        if SITE_SCORE_LINE.fullmatch(body) or POPCORN.search(body):
            return  # "IMDB ⭐️7.6": the page opens on the scores of its card, not its title
        if numbered(body) or VIEW_COUNT.fullmatch(body):
            continue  # "1 Visualizações": how often the page was seen, over its title
        if SCORE.fullmatch(body) and re.search(r"[\d★☆✭✩*\u2b50]", body):
            continue  # "4.5 out of 5 stars": the critic's mark, under a head line
        if SLOT.search(body) and len(body.split()) <= 4:
            continue  # "Channel4, 9pm", "12.35-2.30am ITV3": a schedule's slot, over its entry
        body = re.sub(r"[ \t]+\|$", "", body)  # "Harbour Lights |": a grid's first cell
        # "Writers: Stephen Chbosky (screenplay)": the page opens on its facts, not its title.
        label = LINE_LABEL.match(body)
        if credit_line(body) or (
            label and ":" in label.group("sep") and field_of(label.group("label"))
        ):
            return
        if body.isupper() and body.endswith(".") and not body.endswith(".."):
            body = body[:-1]  # "CARMINA Y AMÉN.": a head in capitals, closed by a point
        # "Harbour Lights | The Film Site", "Harbour Lights Movie Review": the site's words after.
        body = SITE_AFTER.sub("", body) or body
        # '"SHREK 2"': a head line in quotation marks.
        shift = 0
        if quoted := QUOTED_HEAD.fullmatch(body):
            body, shift = quoted.group("inner"), 1
        # "Regie" over a name is a label; "Running Time" over "Director: ..." is a title.
        later = [other.text.strip() for other in shown if other.start > line.start]
        if fold(body) in LABELS and not (later and re.search(r"[:|]", later[0])):
            return
        if fold(body.rstrip(":")) in OTHER_LABELS:
            return  # "Viewed in" over "2005": the page opens on its labels
        if fold(body) in GENRES and body[:1].islower():
            return  # "drama" over "1991, 76 min": a card opens on its genre
        if not candidate_line(body, label_word=True, lenient=True) or len(body.split()) > 10:
            return
        start = line.start + len(line.text) - len(line.text.lstrip())
        start += shift
        yield proposal("title", FORMAT.sub("", body), text, start, start + len(body), "first line")
        shouted = re.escape(body.upper())
        capitals = re.search(rf"(?<![\w\"\u201c]){shouted}(?![\w\"\u201d])", text)
        if capitals and body.upper() != body:
            yield proposal(
                "title", capitals.group(0), text, capitals.start(), capitals.end(), "capitals"
            )
        return


# A time of day as a schedule writes it: "9pm", "1.30pm", "20.15 Uhr", "21h00", "12.35-2.30am".
SLOT = re.compile(
    r"(?<![\w.:])\d{1,2}(?:[.:h]\d{2})?(?:\s?[-\u2013]\s?\d{1,2}(?:[.:]\d{2})?)?"
    r"\s?(?i:am|pm|a\.m\.|p\.m\.|uhr)(?!\w)|(?<![\w.:])\d{1,2}h\d{2}(?!\w)"
)
VIEW_COUNT = re.compile(
    r"\d[\d.,\u00a0]*[ \t]+(?i:views|visualizações|visualizaciones|visualizzazioni|vues|"
    r"aufrufe|просмотр\w*|wyświetle\w*|weergaven)"
)
QUOTED_HEAD = re.compile(
    r"[\"\u201c\u00ab](?P<inner>[^\"\u201c\u201d\u00ab\u00bb]{1,80})[\"\u201d\u00bb]"
)
SITE_AFTER = re.compile(r"[ \t]+\|[ \t]+[^|\n]{1,60}$|[ \t]+(?:(?:Movie|Film)[ \t]+)?Review$")
# A post's date over its title: "samedi 30 décembre 2017", "Saturday, March 29, 2025".
DATED = re.compile(rf"{DATE.pattern}|^\s*date\b", re.IGNORECASE)
# A day of the year without the year, a word before it: "event · April 13", "Fri 3 May".
DAY_OF = re.compile(
    rf"(?:[^\W\d_]{{1,12}}\.?[ \t]*[·•|,\u2013-]?[ \t]*)?(?:{MONTHS})\.?[ \t]+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?|(?:[^\W\d_]{{1,12}}\.?[ \t]*[·•|,\u2013-]?[ \t]*)?\d{{1,2}}"
    rf"(?:st|nd|rd|th|er|\.)?[ \t]+(?:de[ \t]+)?(?:{MONTHS})\.?",
    re.IGNORECASE,
)


# A poster's caption as a copied page keeps it: "Единственная роль суперзвезды - постер".
POSTER_CAPTION = re.compile(
    r"^[ \t]*(?P<title>[^\n]{2,80}?)[ \t]+(?:[-\u2013\u2014][ \t]+)?"
    r"(?:постер|poster|Poster|affiche|Affiche|Plakat|cartel|locandina)[ \t]*$",
    re.MULTILINE,
)


def poster_caption(text: str) -> Iterator[Proposal]:
    """The title a poster's caption names, which the page also writes elsewhere."""
    for match in POSTER_CAPTION.finditer(text):
        title = match.group("title").strip()
        if plausible_title(title) and text.count(title) > 1:
            yield proposal("title", title, text, match.start("title"), match.end("title"), "poster")
            return
