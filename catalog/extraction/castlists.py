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
    for item, at in items:
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
        if not (is_name(actor, names) or (fold(actor) in names)):
            continue
        if fold(character) in NOT_CHARACTER or re.fullmatch(r"[a-z].*|\d+", character):
            character = ""
        quote_from = quote_start if end - quote_start < 240 else item_start
        yield proposal(
            "cast", actor, text, quote_from, end, "cast list", character=character.strip()
        )


# A release list's entry: "(Focus) Evan Rachel Wood, Richard Jenkins, Debra Winger. Directed
# by Miranda July": the distributor in brackets, then the cast.
DISTRIBUTED = re.compile(
    r"^[ \t]*\((?P<studio>[^()\n]{2,40})\)[ \t]+(?P<names>[^\n.]+?)(?:\.|$)", re.MULTILINE
)


def distributed_casts(text: str, names: Container[str]) -> Iterator[Proposal]:
    for match in DISTRIBUTED.finditer(text):
        items = split_list(match.group("names"))
        if len(items) < 3 or not all(is_name(item, names) for item, _at in items):
            continue
        for item, _at in items:
            yield proposal("cast", item, text, match.start(), match.end(), "cast list")


# A table headed by its columns, in either order: "Rolle | Darsteller |", "Darsteller  Rolle".
ACTOR_HEADS = {"darsteller", "schauspieler", "actor", "actors", "cast", "besetzung", "acteur"}
ACTOR_HEADS |= {
    "acteurs",
    "attore",
    "attori",
    "interprete",
    "actriz",
    "elenco",
    "reparto",
    "obsada",
}
ROLE_HEADS = {"rolle", "role", "roles", "character", "characters", "charakter", "personnage"}
ROLE_HEADS |= {"role", "papel", "personaje", "ruolo", "personaggio", "rola", "postac", "figur"}
CELLS = re.compile(r"\s*\|\s*|\s{2,}|\t+")


def header_tables(text: str, names: Container[str]) -> Iterator[Proposal]:
    all_lines = list(lines(text))
    for index, line in enumerate(all_lines):
        heads = [fold(cell) for cell in CELLS.split(line.text.strip()) if cell.strip()]
        if len(heads) != 2 or not set(heads) & ACTOR_HEADS or not set(heads) & ROLE_HEADS:
            continue
        actor_first = heads[0] in ACTOR_HEADS
        barred = "|" in line.text
        for row in all_lines[index + 1 : index + 200]:
            body = row.text.strip()
            if re.fullmatch(r"[-|: ]+", body):
                continue  # the rule under a table's head
            found = table_row(body, barred, actor_first, names)
            if not found:
                break
            actor, character = found
            start = row.start + len(row.text) - len(row.text.lstrip())
            yield proposal(
                "cast", actor, text, start, start + len(body), "cast list", character=character
            )


def table_row(
    body: str, barred: bool, actor_first: bool, names: Container[str]
) -> tuple[str, str] | None:
    """The actor and the part of a table's row: "Thorsten Lannert | Richy Müller |", or a
    row parted by a space alone ("Keira Knightley Joanna"), the actor's name its first words."""
    cells = [cell for cell in CELLS.split(body) if cell.strip()]
    if barred or len(cells) == 2:
        if len(cells) != 2 or cells[0].endswith(":"):
            return None
        actor, character = cells if actor_first else cells[::-1]
    elif actor_first:
        words = body.split()
        known = [n for n in range(len(words) - 1, 1, -1) if fold(" ".join(words[:n])) in names]
        cut = known[0] if known else 2
        actor, character = " ".join(words[:cut]), " ".join(words[cut:])
    else:
        return None
    return (actor, character) if character and is_name(actor, names) else None


def cast_blocks(text: str, names: Container[str]) -> Iterator[Proposal]:
    """A cast heading's list: an actor per item, the character on the same or the next line."""
    all_lines = list(lines(text))
    read_to = 0
    for index, line in enumerate(all_lines):
        body = line.text.strip(" •*")
        # "Starring:" heads a label's value, which labels.py reads; a heading has no colon.
        if LABELS.get(fold(body)) != "cast" or len(body) > 40 or body.endswith(":"):
            continue
        if line.start < read_to:
            continue  # a "cast" word inside the list a heading above has read
        for found in block_items(text, all_lines[index + 1 : index + 400], names):
            read_to = max(read_to, found.end)
            yield found


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
        if not re.search(r"\w", body):
            continue
        if re.search(r"\s[·•]\s", body) and not items:
            # "Fine Sendel (Paula Feinmann) · Jule Böwe (Elisa Feinmann) · ...": a list on a line.
            yield from cast_list(text, Span(line.text, line.start), line.start, names, True)
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
    return fold(row) in INFOBOX_ROWS or fold(row) in CREW_HEADINGS


CREW_HEADINGS = {"crew", "full crew", "crew members", "equipe technique", "stab", "equipo tecnico"}


def alternating(block: list[Span], names: Container[str]) -> list[list[Span]]:
    """A list with no blank lines, actor and part in turn ("Jacky Cheung / Sheriff Wu /
    Anthony Wong / Chau"), as its pairs: where every other line is a name and some part is
    plainly none ("Chau", "Hsiung's Brother"), each part is the line under its actor, even
    one that reads as a name. [] for any other list."""
    run = []
    for line in block:
        body = line.text.strip()
        if not body or ROW_END.match(body) or ends_list(line.text):
            break
        run.append(line)
    actors, parts = run[0::2], run[1::2]
    if len(run) < 4 or len(actors) != len(parts):
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
    """ "Carla Gugino (small)", "Dirk Bogarde (Actor)": a caption or credit kind after the name."""
    found = re.search(r"\s*\(([^()]{1,20})\)", line)
    if found and fold(found.group(1)) in ROLE_WORDS:
        line = line[: found.start()] + line[found.end() :]
    return line.strip()


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
    if not parts or not is_name(parts[0], names):
        return
    actor = parts[0]
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


# A cast table's row, the actor and the part parted by dots: "Ana Torrent ... Elena", with
# the actor twice where a picture's caption stands before the name ("Ana Torrent Ana Torrent
# ... Elena"), and the credit's notes after the part ("Policía (as Luis Tosar)").
DOTTED_ROW = re.compile(
    r"^[ \t]*(?P<actor>[^\t\n.…]+?)[ \t]*(?:\.{2,}|…)[ \t]*(?P<part>[^\s.…][^\n]*?)[ \t]*$",
    re.MULTILINE,
)
CREDIT_NOTE = re.compile(r"\s*\((?:as [^()]+|uncredited|voice|archive footage|credit only)\)")


def dotted_rows(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The rows of a cast table copied as "Actor ... Part", two or more lines running."""
    rows = [row for match in DOTTED_ROW.finditer(text) if (row := dotted_row(match, names))]
    for index, (start, end, actor, part) in enumerate(rows):
        before = rows[index - 1][1] if index else -1
        after = rows[index + 1][0] if index + 1 < len(rows) else len(text) + 2
        near_rows = text[before:start].count("\n") <= 2 or text[end:after].count("\n") <= 2
        if near_rows:
            yield proposal("cast", actor, text, start, end, "cast list", character=part)


def dotted_row(match: re.Match[str], names: Container[str]) -> tuple[int, int, str, str] | None:
    actor = strip_small(match.group("actor").strip("\t •*"))
    words = actor.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        actor = " ".join(words[:half])
    if not is_name(actor, names):
        return None
    part = CREDIT_NOTE.sub("", match.group("part")).strip()
    if fold(part) in NOT_CHARACTER or len(part) > 60:
        part = ""
    start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    return start, match.end(), actor, part
