"""Cast lists: after a "Cast:" label, and under a cast heading with an actor per item.

"Cast: A (Alexi), B as Helen, C"; "Top Cast" then "• Carla Gugino (small) / Carla Gugino /
Valentina"; "Tiger Cage"'s "Jacky Cheung / Jacky Cheung / Fan Shun-Yu" between blank lines;
"Dirk Bogarde (Actor) .. Lt. Gen. Roy Browning"; "John Doe as Sheriff Brody".
"""

import re
from collections.abc import Container, Iterator

from catalog.extraction.cast import NOT_CHARACTER, ROLE_WORDS, SEPARATOR
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NOT_NAME_WORDS, Span, clean_name, is_name, lines, split_list
from catalog.extraction.vocabulary import LABELS
from catalog.normalise import fold

# How far a quote may run from its label to the actor it names: a line, not a paragraph.
QUOTE_REACH = 100


def cast_list(
    text: str, value: Span, quote_start: int, names: Container[str], actor_first: bool
) -> Iterator[Proposal]:
    """The people of "A (Alexi), B as Helen, C" after a cast label, each with any character."""
    depth = 0
    begin = 0
    items: list[tuple[str, int]] = []
    body = value.text
    for index, char in enumerate(body + ","):
        depth += char == "("
        depth -= char == ")"
        rest = body[index:]
        boundary = char in ",;·•" and depth == 0
        conj = (
            re.match(r"\s+(?:and|und|et|y|e|&)\s+", rest) if depth == 0 and index > begin else None
        )
        # A comma the page forgot: "Johanna Gastdorf (Thea von Harbou) Lisa Charlotte ...",
        # "Max von Pufendorf (Fritz Lang jung). Lena Münchow (...)".
        glued = (
            depth == 0
            and char.isspace()
            and re.search(r"\)\.?$|[a-zß-ÿ]{2}\.$", body[begin:index])
            and re.match(r"\s+[A-ZÀ-Þ]", rest)
        )
        if boundary or conj or glued:
            items.append((body[begin:index], begin))
            if boundary:
                begin = index + 1
            elif conj:
                begin = index + conj.end()
            else:
                begin = index
    named = [is_name(clean_name(item.strip()), names) for item, _at in items]
    for index, (item, at) in enumerate(items):
        item_text = re.sub(r"(?<=\))\.$", "", item.strip())
        if not item_text:
            continue
        item_start = value.start + at + len(item) - len(item.lstrip())
        end = item_start + len(item_text)
        match = re.fullmatch(
            r"(?P<actor>.+?)\s*(?:\((?P<paren>[^()]+)\)"
            r"|\s(?:as|als|como|dans le rôle de|[-\u2013\u2014])\s(?P<as>.+))",
            item_text,
        )
        actor = match.group("actor") if match else item_text
        character = (match.group("paren") or match.group("as") or "") if match else ""
        actor = clean_name(actor.strip())
        # "..., Robert Patrick, Usher, Daniel von Bargen": one name between two others.
        mononym = (
            0 < index < len(items) - 1
            and named[index - 1]
            and named[index + 1]
            and re.fullmatch(r"[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]{2,}", actor) is not None
        )
        if not (is_name(actor, names) or (fold(actor) in names) or mononym):
            continue
        if fold(character) in NOT_CHARACTER or re.fullmatch(r"[a-z].*|\d+", character):
            character = ""
        # The label and the list up to the actor, or the actor's item alone far down a list.
        quote_from = quote_start if end - quote_start <= QUOTE_REACH else item_start
        yield proposal(
            "cast", actor, text, quote_from, end, "cast list", character=character.strip()
        )


def cast_blocks(text: str, names: Container[str]) -> Iterator[Proposal]:
    """A cast heading's list: an actor per item, the character on the same or the next line."""
    all_lines = list(lines(text))
    read_to = 0
    for index, line in enumerate(all_lines):
        body = line.text.strip(" •*")
        # "Starring:" heads a label's value, which labels.py reads; a heading has no colon.
        qualified = QUALIFIED_HEADING.fullmatch(body)
        heading = LABELS.get(fold(body)) == "cast" and len(body) <= 40 and not body.endswith(":")
        if not heading and not (qualified and LABELS.get(fold(qualified.group(1))) == "cast"):
            continue
        if line.start < read_to:
            continue  # a "cast" word inside the list a heading above has read
        block = unglued(all_lines[index + 1 : index + 400])
        for found in block_items(text, block, names):
            read_to = max(read_to, found.end)
            yield found


# "Cast (in credits order) verified as complete", "Cast overview, first billed only:".
QUALIFIED_HEADING = re.compile(
    r"([^\W\d_][\w &'\u2019-]{0,30}?)\s*(?:\([^()\n]{1,40}\)[^:\n]{0,40}|,[^:\n]{1,40}):?"
)
# "Leo Careyas Self": the "as" a copied page glues to the actor's name.
GLUED_AS = re.compile(r"(?<=[a-z]{2})as(?=\s+[A-Z])")


def unglued(block: list[Span]) -> list[Span]:
    """A list whose rows glue "as" to the actor ("Ruth Romanas Self") read as if spaced: the
    "as" becomes the blank that parts a row's actor from the part, the offsets kept. Only
    where two rows or more are glued so and none is spaced."""
    rows = [line.text for line in block[:400]]
    glued = [row for row in rows if GLUED_AS.search(row) and not re.search(r"\sas\s", row)]
    if len(glued) < 2 or any(re.search(r"\sas\s", row) for row in rows):
        return block
    return [Span(GLUED_AS.sub("  ", line.text, count=1), line.start) for line in block]


ROW_END = re.compile(r"^\|$|^[^\W\d_][\w ]{0,30}:\s*$|^[^\W\d_][\w ]{0,30}\s[|:]\s")


def block_items(text: str, block: list[Span], names: Container[str]) -> Iterator[Proposal]:
    items: list[list[Span]] = []
    blank_run = 0
    lead_ins = 0
    filler = divider(block, names)
    if pairs := alternating(block, names):
        for pair in pairs:
            yield from block_item(text, pair, names)
        return
    for line in block:
        body = line.text.strip()
        if not body:
            blank_run += 1
            if blank_run > 1 and items:
                break
            continue
        blank_run = 0
        if ROW_END.match(body) or ends_list(line.text):
            break
        if not re.search(r"\w", body) or (items and body.endswith(":")):
            continue  # "Rest of cast listed alphabetically:" inside the list
        if not items and (re.search(r"\s[·•]\s", body) or len(split_list(body)) > 2):
            # "Fine Sendel (Paula Feinmann) · Jule Böwe (Elisa Feinmann) · ...": a list on a line.
            # "- A, B, C": the bullet before the list is no part of its first name.
            lead = len(line.text) - len(line.text.lstrip("•*+·- \t"))
            row = Span(line.text[lead:], line.start + lead)
            yield from cast_list(text, row, line.start, names, True)
            return
        if filler:
            # A grid of cards, each opened by the same word: "cast" / actor / part.
            if fold(body) == filler:
                items.append([])
            elif items and len(items[-1]) < 2 and not is_heading_word(body):
                items[-1].append(line)
            elif items and items[-1]:
                break
            continue
        first_part = SEPARATOR.split(bracketed(strip_small(body.lstrip("•*+·- "))))[0]
        if not items and not is_name(first_part, names):
            # "Cast overview, first billed only:" and such lead-ins before the first actor.
            lead_ins += 1
            if lead_ins > 2:
                return
            continue
        bulleted = body[0] in "•*+·-"
        content = strip_small(body.lstrip("•*+·- "))
        parts = SEPARATOR.split(bracketed(content))
        starts = is_name(parts[0], names) and (
            len(parts) > 1 or not items or not continues(items[-1], content, names)
        )
        if bulleted or not items or starts:
            items.append([line])
        else:
            items[-1].append(line)
        if len(items) > 1 and not item_has_name(items[0], names):
            return
    for item in items:
        if item:
            yield from block_item(text, item, names)


# The rows of an infobox that follow its cast: "Cinematography<TAB>Barry Ackroyd".
INFOBOX_ROWS = {
    "cinematography", "music by", "music", "edited by", "editing", "produced by",
    "production company", "production companies", "distributed by", "release date",
    "release dates", "running time", "country", "language", "budget", "box office",
    "narrated by", "based on", "screenplay by", "story by", "written by", "directed by",
}  # fmt: skip


def ends_list(row: str) -> bool:
    """Whether a line is the next row of a table of facts, no actor nor part: a label and its
    value parted by a tab, or an infobox's label alone."""
    head = row.strip().split("\t")[0].strip()
    if "\t" in row.strip() and (fold(head) in LABELS or fold(head) in INFOBOX_ROWS):
        return True
    folded = fold(row)
    if (label := re.match(r"\s*([^\W\d_][\w ]{1,30}):\s", row)) and LABELS.get(
        fold(label.group(1)), "cast"
    ) != "cast":
        return True  # "Runtime: 95 min"
    if folded in INFOBOX_ROWS or folded in CREW_HEADINGS or SEE_ALL.match(row.strip()):
        return True
    # "Storyline", "Writers", "Genres:": the next section's heading; a lone "Director" may be
    # a part as credited.
    return LABELS.get(folded, "cast") != "cast" and folded not in ("director", "writer")


# A page's link to the rest of a list: "See full cast »", "Full cast and crew".
SEE_ALL = re.compile(r"(?i:see (?:the )?(?:full|all|more)\b|full cast (?:and|&) crew$)")


CREW_HEADINGS = {"crew", "full crew", "crew members", "equipe technique", "stab", "equipo tecnico"}
CREW_HEADINGS |= {"featured crew", "technical crew", "equipe", "equipo", "troupe", "produzione"}
CREW_HEADINGS |= {"equipe tecnica", "cast tecnico", "filmstab", "technische daten", "crew list"}


def alternating(block: list[Span], names: Container[str]) -> list[list[Span]]:
    """A list with no blank lines, actor and part in turn ("Jacky Cheung / Sheriff Wu /
    Anthony Wong / Chau"), as its pairs: where every other line is a name and some part is
    plainly none ("Chau", "Hsiung's Brother"), each part is the line under its actor, even
    one that reads as a name. [] for any other list."""
    run: list[Span] = []
    for line in block:
        body = line.text.strip()
        if not body or ROW_END.match(body) or ends_list(line.text):
            break
        if run and is_heading_word(body):
            break  # "Stars" over three names, then "Top cast": the next list
        run.append(line)
    actors, parts = run[0::2], run[1::2]
    if len(run) < 4 or len(actors) != len(parts):
        return []
    # "Bill Murray / Andie MacDowell / ... / Andie MacDowell / Rita": a part that is an actor
    # of the same list makes it a list of names.
    if {fold(line.text) for line in actors} & {fold(line.text) for line in parts}:
        return []
    if any(SEPARATOR.search(line.text.strip()) for line in run):
        return []
    if not all(is_name(strip_small(line.text.strip()), names) for line in actors):
        return []
    plain = [line.text.strip() for line in parts]
    if not any(not is_name(part, names) or looks_like_character(part) for part in plain):
        return []
    return [[actor, part] for actor, part in zip(actors, parts, strict=True)]


def divider(block: list[Span], names: Container[str]) -> str:
    """The short word a grid repeats before each card ("cast"), folded, or ""."""
    shown = [fold(line.text) for line in block[:60] if line.text.strip()]
    for word in dict.fromkeys(shown[:3]):
        if word and len(word) <= 12 and not is_name(word, names) and shown.count(word) > 2:
            return word
    return ""


def is_heading_word(body: str) -> bool:
    """ "More Details", "Crew", "Overview": a section heading, not an actor or a part."""
    words = fold(body).split()
    return fold(body) in LABELS or (bool(words) and all(word in NOT_NAME_WORDS for word in words))


def continues(item: list[Span], body: str, names: Container[str]) -> bool:
    """Whether a line goes on the item before it: the actor's name repeated (a picture's
    caption), or the character under the actor, unless it reads as the next actor's name."""
    lines_so_far = [strip_small(line.text.strip()) for line in item]
    if len(SEPARATOR.split(lines_so_far[0])) > 1:
        return False
    if len(lines_so_far) == 1:
        return (
            fold(body) == fold(lines_so_far[0])
            or not is_name(body, names)
            or looks_like_character(body)
        )
    return len(lines_so_far) == 2 and fold(lines_so_far[0]) == fold(lines_so_far[1])


CHARACTER_TITLE = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Uncle|Aunt|Agent|Captain|Capt|Detective|Det|Sergeant|"
    r"Sgt|Officer|Inspector|Insp|Lt|Col|Gen|Maj|Father|Mother|Sister|Brother|King|Queen|Prince|"
    r"Princess|Professor|Prof|Judge|Don|Young|Old|Little|Big)\b\.?"
)


def looks_like_character(phrase: str) -> bool:
    """ "Inspector Michael Wong", "Hsiung's Brother", "Guard #2": a role, not a person's name."""
    return bool(
        CHARACTER_TITLE.match(phrase) or re.search(r"['\u2019]s\b|#|\d|\b(?:the|of)\b", phrase)
    )


def bracketed(line: str) -> str:
    """ "Tobias Wren (Inspector Hale)" in a cast list: the character in brackets, set apart."""
    if paren := re.fullmatch(r"(.+?)\s*\(([^()]+)\)", line):
        return f"{paren.group(1)}  {paren.group(2)}"
    return line


def strip_small(line: str) -> str:
    """ "Carla Gugino (small)", "Dirk Bogarde (Actor)": a caption or credit kind after the name;
    "Self (archive footage) (uncredited)": the credit's notes after the part."""
    found = re.search(r"\s*\(([^()]{1,20})\)", line)
    if found and fold(found.group(1)) in ROLE_WORDS:
        line = line[: found.start()] + line[found.end() :]
    return CREDIT_NOTE.sub("", line).strip()


def item_has_name(item: list[Span], names: Container[str]) -> bool:
    first = strip_small(item[0].text.strip().lstrip("•*+·- "))
    return is_name(SEPARATOR.split(first)[0], names)


def block_item(text: str, item: list[Span], names: Container[str]) -> Iterator[Proposal]:
    if len(item) == 2 and not SEPARATOR.search(item[0].text.strip()):
        # A card: the actor on one line, the part on the next, the part as written.
        actor, part = (strip_small(line.text.strip().lstrip("•*+·- ")) for line in item)
        if is_name(actor, names) and not is_name_only_label(part) and fold(part) != fold(actor):
            character = "" if part.lower() in NOT_CHARACTER or len(part) > 60 else part
            start = item[0].start + len(item[0].text) - len(item[0].text.lstrip())
            end = item[1].end
            yield proposal("cast", actor, text, start, end, "cast block", character=character)
            return
    parts: list[str] = []
    for line in item:
        body = bracketed(strip_small(line.text.strip().lstrip("•*+·- ")))
        for part in SEPARATOR.split(body):
            if part and (not parts or fold(part) != fold(parts[-1])):
                parts.append(part)
    if not parts or not is_name(once(parts[0]), names):
        return
    actor = once(parts[0])
    character = parts[1] if len(parts) > 1 else ""
    if character and (
        character.lower() in NOT_CHARACTER or len(character) > 60 or is_name_only_label(character)
    ):
        character = ""
    start = item[0].start + len(item[0].text) - len(item[0].text.lstrip())
    end = item[-1].end
    yield proposal("cast", actor, text, start, end, "cast block", character=character)


def is_name_only_label(phrase: str) -> bool:
    return fold(phrase) in LABELS


CREDIT_NOTE = re.compile(
    r"\s*\((?:as [^()]+|uncredited|voice|credit only|[^()]{0,30}\bfootage|scenes? deleted|"
    r"unconfirmed|rumored)\)"
)


def once(name: str) -> str:
    """ "Ana Torrent Ana Torrent": a name its picture's caption repeats, once."""
    words = name.split()
    half = len(words) // 2
    return " ".join(words[:half]) if half and words[:half] == words[half:] else name
