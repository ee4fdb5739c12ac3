"""Facts the page lays out as "Label: value": colons, table bars, slashes, or the value below."""

import bisect
import re
from collections.abc import Container, Iterator

from catalog.extraction.labelvalues import field_values
from catalog.extraction.proposal import Proposal
from catalog.extraction.text import NAME, NAME_WORD, Span, is_name, lines
from catalog.extraction.vocabulary import LABELS, OTHER_LABELS, field_of
from catalog.normalise import fold

# A label at a line's start, then its separator: "Director:", "Regia |", "Regia / ", "Stars   ".
LINE_LABEL = re.compile(
    r"^(?P<lead>[ \t]*(?:[-•·*+][ \t]*)?)(?P<label>[^\W\d_][\w'\u2019 .&/-]{0,40}?"
    r"(?:\s*\([^()\n]{1,20}\))?)"
    r"(?P<sep>[ \t]*[:\uff1a][ \t]*(?:\|[ \t]*)?|[ \t]*\|[ \t]*|[ \t]+/[ \t]+|[ \t]{2,}|\t+)"
    r"(?P<value>.*)$",
    re.MULTILINE,
)
# A label inside a line of several: "Regie: X. Drehbuch: Y. Kamera: Z."; "| Stars: A, B".
INLINE_LABEL = re.compile(
    r"(?<=[.;|•·\u201d\")]\s)(?P<label>[^\W\d_](?:(?!\.\s)[\w'\u2019 .&-]){0,30}?)[ \t]*[:\uff1a]"
    r"(?=\s)"
)
# A credit's label cut short with a point inside a line of sentences: "Polska 2018. Reż. Ewa
# Bukowska. Aktorzy: ...", "Dir. Ivo Marek".
ABBREVIATED_LABEL = re.compile(
    r"(?:^|(?<=[.;|]\s))(?P<label>Reż|Rež|Réal|Dir|Reg)\.[ \t]+"
    r"(?=[A-ZÀ-Þ][\w'\u2019-]+[ \t]+[A-ZÀ-Þ])",
    re.MULTILINE,
)
# Labels a value follows without a separator, at a line's start: "Directed by Paul Haggis".
BY_LABEL = re.compile(
    r"^[ \t•·*+\-]*(?P<label>directed by|written by|screenplay by|starring|réalisé par|"
    r"dirigida por|dirigido por|diretto da|regia di|scritto da|un film de|ein film von)"
    r"[ \t]+(?=[A-ZÀ-Þ])",
    re.MULTILINE | re.IGNORECASE,
)
# An infobox's label glued to its value as the copied page runs them together: "Directed
# byKathryn Bigelow", "Running time143 minutes", "CountryUnited States".
GLUED_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:Directed|Written|Screenplay|Story|Produced|Music|Edited|Narrated) by|"
    r"Starring|Running time|Release dates?|Country|Language|Based on|Cinematography)"
    r"(?=[A-ZÀ-Þ0-9])",
    re.MULTILINE,
)
# A label joined to its value by a hyphen: "Director-John Glen", "Starring-Roger Moore".
DASH_LABEL = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_][\w' ]{1,30}?)-(?=[A-ZÀ-Þ])(?![^\s]*\.[a-z]{2,4}\b)", re.MULTILINE
)
# A date or length label and its value with one space between: "Date de sortie 4 juillet 2007".
SPACED_LABEL = re.compile(r"^[ \t]*(?P<label>[^\W\d_][\w'\u2019 .-]{1,30}?) (?=\d)", re.MULTILINE)
# A short line of a label and its value with one space between, no colon nor sentence:
# "Scénario Lars Von Trier", "Regie Ivo Marek".
SPACED_CREDIT = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_][\w'\u2019-]*(?: [a-zà-ÿ][\w'\u2019-]*){0,2}) "
    r"(?=[A-ZÀ-Þ][^\n:.!?]{1,50}$)",
    re.MULTILINE,
)
# A credit line: "De Pierre Lenoir", "Avec Léa Martin, Hugo Bernard et Anne Roy", "Mit ...";
# not "By ...", which is an article's byline.
CREDIT_LINE = re.compile(
    rf"^[ \t]*(?P<label>De|Par|Von|Di|Avec|Mit|Con|Com|Met|With|Starring|mit|avec|con|com|met|"
    rf"with|starring|de|di|par|von)[ \t]+"
    rf"(?P<names>(?:{NAME}|(?=\w{{4}}){NAME_WORD})"
    rf"(?:(?:,[ \t]*|[ \t]+(?:et|und|y|e|and|&)[ \t]+){NAME})*)[ \t.]*$",
    re.MULTILINE,
)
# A label alone on its line, its value on the next: "Directed by" / "Ivo Marek".
# Capitalised: a lower-case "taglines" over "plot summary" is a row of links.
LONE_LABEL = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_a-zß-ÿ][\w'\u2019 .&/-]{0,40}?(?:\s*\([^()\n]{1,20}\))?)"
    r"[ \t]*:?[ \t]*$",
    re.MULTILINE,
)
# A list that bullets each label and each value: "- Режиссер" over "- Александр Гордон".
BULLETED_LABEL = re.compile(
    r"^[ \t]*-[ \t]+(?P<label>[^\W\d_][\w'\u2019 .-]{0,30}?)[ \t]*:?[ \t]*(?=\n[ \t]*-[ \t]+\S)",
    re.MULTILINE,
)
BARS = re.compile(r"^[\s|]*|[\s|]*$")


def label_claims(text: str, names: Container[str]) -> Iterator[Proposal]:
    found = list(labelled_values(text))
    # "Casting:" names the cast on a card that has no other cast label ("Casting : Jean-Paul
    # Rouve, ..."); among the crew under a "Cast:" it names who chose them.
    castings = {start for start, claim_field, _value in found if casting(text, start)}
    if any(field == "cast" and start not in castings for start, field, _value in found):
        found = [hit for hit in found if hit[0] not in castings]
    for label_start, claim_field, value in found:
        yield from field_values(text, claim_field, value, label_start, names)


def casting(text: str, label_start: int) -> bool:
    return bool(re.match(r"casting\b", text[label_start : label_start + 8], re.IGNORECASE))


def labelled_values(text: str) -> Iterator[tuple[int, str, Span]]:
    """(label start, field, value) for every label on the page that names a claim field.

    Every label ends the value of the one before it on its line, a label of another kind
    ("Kamera:", "студия:") as much as one the finder reads."""
    found: list[tuple[int, int, str, bool]] = []
    stops: set[int] = set()
    for match in LINE_LABEL.finditer(text):
        barred = "|" in match.group("sep")
        if claim_field := field_of(match.group("label")):
            found.append((match.start("label"), match.start("value"), claim_field, barred))
        elif ":" in match.group("sep"):
            stops.add(match.start("label"))
    for match in SPACED_LABEL.finditer(text):
        # "Rok 1945, Stalinova moc ovládá Polsko.": a plot that opens on its year, no label.
        rest = text[match.end() : text.find("\n", match.end()) % (len(text) + 1)]
        if re.match(r"\d{4},\s+\S+\s+\S", rest):
            continue
        if field_of(match.group("label")) in ("year", "runtime"):
            found.append((match.start("label"), match.end(), field_of(match.group("label")), False))
    for match in SPACED_CREDIT.finditer(text):
        if field_of(match.group("label")) in ("director", "writer"):
            found.append((match.start("label"), match.end(), field_of(match.group("label")), False))
    for match in CREDIT_LINE.finditer(text):
        claim_field = (
            "cast"
            if match.group("label").capitalize()
            in ("Avec", "Mit", "Con", "Com", "Met", "With", "Starring")
            else "director"
        )
        found.append((match.start("label"), match.start("names"), claim_field, False))
    for match in [*LONE_LABEL.finditer(text), *BULLETED_LABEL.finditer(text)]:
        claim_field = field_of(match.group("label"))
        # A lone "Cast" or "Plot" heads a section, which cast.py and narrative.py read.
        if claim_field and claim_field not in ("cast", "synopsis", "title"):
            found.append((match.start("label"), match.end(), claim_field, False))
    for match in INLINE_LABEL.finditer(text):
        if claim_field := field_of(match.group("label")):
            found.append((match.start("label"), match.end(), claim_field, False))
        else:
            stops.add(match.start("label"))
    for label_start, value_start, claim_field in run_on_labels(text, stops):
        found.append((label_start, value_start, claim_field, False))
    for pattern in (BY_LABEL, DASH_LABEL, GLUED_LABEL, ABBREVIATED_LABEL):
        for match in pattern.finditer(text):
            line_end = text.find("\n", match.start())
            if pattern is DASH_LABEL and field_of(text[match.start() : line_end].strip()):
                continue  # "Drehbuch-Autor": a label of its own, not "Drehbuch" and its value.
            if claim_field := field_of(match.group("label")):
                found.append((match.start("label"), match.end(), claim_field, False))
    # Of two readings of one label, the one that took in more of its separator (": | ") wins.
    found.sort(key=lambda hit: (hit[0], -hit[1]))
    starts = sorted(stops | {start for start, *_rest in found})
    for index, (start, end, claim_field, barred) in enumerate(found):
        if index and found[index - 1][0] == start:
            continue
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        after = bisect.bisect_right(starts, end)
        following = starts[after] if after < len(starts) and starts[after] < line_end else line_end
        value = text[end:following]
        if barred and "|" in value:
            value = value[: value.index("|")]
        elif barred and value.strip():
            # A table cell over several lines: "Starring | John Boyega\nWill Poulter |".
            closing = text.find("|", end)
            if closing > 0 and text.count("\n", end, closing) <= 12:
                value = text[end:closing]
        span = Span(value, end)
        if not BARS.sub("", value):
            span = value_below(text, line_end, claim_field)
        if BARS.sub("", span.text):
            yield start, claim_field, span


# A label inside a run of them with nothing between but the values, as a Russian archive writes
# them: "...title glued to its label: name, name label: value label: value".
RUN_ON = re.compile(
    r"(?:(?<=\s)|(?<=[a-zß-ÿа-яё])(?=[A-ZÀ-ÞА-ЯЁ]))(?P<label>[^\W\d_][\w'\u2019-]*"
    r"(?: [^\W\d_][\w'\u2019-]*){0,2})[ \t]*[:\uff1a](?=[ \t]*\S)"
)


NUMBER_WORDS = {"one", "two", "three", "four", "five", "half", "zero", "no"}


def run_on_labels(text: str, stops: set[int]) -> Iterator[tuple[int, int, str]]:
    """(label start, value start, field) of the labels in lines that hold three or more
    "label:" pairs one after another; each other "word:" there ends a value."""
    for line in lines(text):
        if line.text.count(":") < 3:
            continue
        hits = []
        for match in RUN_ON.finditer(line.text):
            label = match.group("label")
            at = line.start + match.start("label")
            # The label is the longest known tail of the words ("Name Surname Cast:"), or of
            # a word glued to the title before it ("...titleDirector:").
            cuts = [0] + [
                m.end() for m in re.finditer(r" |(?<=[a-zß-ÿа-яё])(?=[A-ZÀ-ÞА-ЯЁ])", label)
            ]
            ahead = label[: cuts[-1]].split()[-1:] if len(cuts) > 1 else []
            # "Four stars: Excellent Three stars: Very Good": a legend of grades.
            if ahead and (ahead[0].isdigit() or fold(ahead[0]) in NUMBER_WORDS):
                hits.append((at + cuts[-1], line.start + match.end(), ""))
                continue
            cut = next((c for c in cuts if fold(label[c:]) in LABELS), cuts[-1])
            hits.append((at + cut, line.start + match.end(), LABELS.get(fold(label[cut:]), "")))
        if sum(1 for _start, _end, claim_field in hits if claim_field) < 2:
            continue
        for start, end, claim_field in hits:
            stops.add(start)
            if claim_field:
                yield start, end, claim_field


def value_below(text: str, line_end: int, claim_field: str) -> Span:
    """The value under a label that stands alone ("Starring:" then a name a line), passing
    the bars a table leaves between them; a cast takes every line to the next gap or bar."""
    begin = None
    end = line_end
    for line in lines(text[line_end + 1 :]):
        body = line.text.strip()
        at = line_end + 1 + line.start
        if begin is None:
            if not body or set(body) <= {"|", "-"}:
                continue
            # "Slogan" / "Zertifikation": an empty label over the next one has no value.
            if is_label_row(line.text) or field_of(body) or fold(body) in OTHER_LABELS:
                break
            if len(body) > 200:
                break
            # "- Рейтинг" / "- 5.5": a list of labels and values, a bullet before each.
            bullet = re.match(r"[ \t]*[-•·][ \t]+(?=\S)", line.text)
            begin = at + (bullet.end() if bullet else 0)
            end = at + len(line.text)
            # "J. Dvořák," / "J. Bartoška,": a name a line, each closed by a comma.
            named = is_name(unbulleted(body).rstrip(",;"))
            if claim_field not in ("cast", "director", "writer") or not named:
                break
            continue
        if not body or set(body) <= {"|", "-"} or is_label_row(line.text):
            break
        # The people of a credit a line each ("Written by" / "Mark Boal" / "John Hersey").
        if claim_field != "cast" and not is_name(unbulleted(body).rstrip(",;")):
            break
        end = at + len(line.text)
    if begin is None:
        return Span("", line_end)
    return Span(text[begin:end], begin)


def byline(text: str, label_start: int) -> bool:
    """Whether "written by Souranath Banerjee" stands under "Bhonsle Review": the review's
    author, not the film's writer."""
    above = text[:label_start].rstrip().rsplit("\n", 1)[-1]
    own_line = text[label_start - 1 : label_start] in ("", "\n")
    return (
        own_line and text.startswith("written by", label_start) and bool(REVIEW_ABOVE.search(above))
    )


REVIEW_ABOVE = re.compile(r"\b(?i:review|reviewed|critique|kritik|recensione|reseña)\s*$")


def unbulleted(body: str) -> str:
    """A line's words without the bars of a table or the bullet of a list ("- Juliette Lewis")."""
    return re.sub(r"^[-•·][ \t]+", "", body.strip("| "))


def is_label_row(line: str) -> bool:
    """ "Produced by | Robert Greenhut |" or "Music by: ...": a row of its own, of any label."""
    found = LINE_LABEL.match(line)
    if not found:
        return False
    if field_of(found.group("label")) or ":" in found.group("sep"):
        return True
    # A table row closes with its bar ("Produced by | X |"); "Action | Romance" is a value, and
    # so is a cell under its label that its bar closes ("Vanna Paoli (it) Giuseppe Tornatore |").
    filled = bool(found.group("value").strip(" |")) or fold(found.group("label")) in OTHER_LABELS
    return "|" in found.group("sep") and line.rstrip().endswith("|") and filled
