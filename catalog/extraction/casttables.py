"""Cast tables: a release list's cast after its distributor, a table headed by its columns,
and the rows of a credits page copied as "Actor ... Part"."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.asides import CREW_WORDS
from catalog.extraction.cast import NOT_CHARACTER
from catalog.extraction.castlists import (
    CREDIT_NOTE,
    CREW_HEADINGS,
    INFOBOX_ROWS,
    QUOTE_REACH,
    once,
    strip_small,
)
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import glue_point, is_name, lines, split_list
from catalog.extraction.vocabulary import LABELS
from catalog.normalise import fold

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
        for item, at in items:
            end = match.start("names") + at + len(item)
            start = match.start() if end - match.start() <= QUOTE_REACH else end - len(item)
            yield proposal("cast", item, text, start, end, "cast list")


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


# A cast table's row, the actor and the part parted by dots: "Ana Torrent ... Elena", with
# the actor twice where a picture's caption stands before the name ("Ana Torrent Ana Torrent
# ... Elena"), and the credit's notes after the part ("Policía (as Luis Tosar)").
DOTTED_ROW = re.compile(
    r"^[ \t]*(?P<actor>[^\t\n.…]+?)[ \t]*(?:\.{2,}|…)[ \t]*(?P<part>[^\s.…][^\n]*?)[ \t]*$",
    re.MULTILINE,
)


def dotted_rows(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The rows of a cast table copied as "Actor ... Part", two or more lines running; not
    the crew's ("Arthur Freed ... producer") under "Produced by" or "Crew"."""
    rows = [row for match in DOTTED_ROW.finditer(text) if (row := dotted_row(match, names))]
    runs: list[list[tuple[int, int, str, str]]] = []
    for row in rows:
        if runs and text[runs[-1][-1][1] : row[0]].count("\n") <= 2:
            runs[-1].append(row)
        else:
            runs.append([row])
    for run in runs:
        heading = text[: run[0][0]].rstrip().rsplit("\n", 1)[-1].strip(" :")
        crew = fold(heading) in INFOBOX_ROWS or fold(heading) in CREW_HEADINGS
        if len(run) < 2 or crew or LABELS.get(fold(heading), "cast") != "cast":
            continue
        for start, end, actor, part in run:
            yield proposal("cast", actor, text, start, end, "cast list", character=part)


def dotted_row(match: re.Match[str], names: Container[str]) -> tuple[int, int, str, str] | None:
    actor = once(strip_small(match.group("actor").strip("\t •*")))
    if not is_name(actor, names):
        return None
    part = CREDIT_NOTE.sub("", match.group("part")).strip()
    if part.startswith("(") or any(fold(word) in CREW_WORDS for word in part.split()):
        return None  # "Juan Pérez ... (screenplay)", "Carlos Gil ... director of photography"
    if fold(part) in NOT_CHARACTER or len(part) > 60:
        part = ""
    start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    return start, match.end(), actor, part


# A crew card's jobs: "Director, Screenplay", "Novel", "Writer".
CREW_JOBS = {"director": "director", "screenplay": "writer", "writer": "writer", "novel": "writer"}
CREW_JOBS |= {"story": "writer", "author": "writer", "characters": "writer", "book": "writer"}
CREW_JOBS |= {"teleplay": "writer", "co-director": "director", "regie": "director"}
CREW_JOBS |= {"drehbuch": "writer", "realisation": "director", "scenario": "writer"}


def crew_cards(text: str, names: Container[str]) -> Iterator[Proposal]:
    """Under a crew heading ("Featured Crew"), each person's card: the name on one line, the
    jobs on the next ("Nora Ekdahl" / "Director, Screenplay")."""
    all_lines = list(lines(text))
    for index, line in enumerate(all_lines):
        if fold(line.text) not in CREW_HEADINGS:
            continue
        rows = [row for row in all_lines[index + 1 : index + 40] if row.text.strip()]
        for name_line, job_line in zip(rows[0::2], rows[1::2], strict=False):
            name = name_line.text.strip()
            jobs = [fold(job) for job in job_line.text.split(",")]
            if not is_name(name, names) or not all(job in CREW_JOBS for job in jobs):
                break
            start = name_line.start + len(name_line.text) - len(name_line.text.lstrip())
            for claim_field in dict.fromkeys(CREW_JOBS[job] for job in jobs):
                yield proposal(claim_field, name, text, start, job_line.end, "crew card")


def glued_rows(text: str, names: Container[str]) -> Iterator[Proposal]:
    """The cast of three or more lines in a row, each an actor's full name glued to a part."""
    run: list[tuple[int, int, str, str]] = []
    for line in [*lines(text), None]:
        row = glued(line.text, names) if line is not None else None
        if row is not None and line is not None:
            start = line.start + len(line.text) - len(line.text.lstrip())
            run.append((start, start + len(line.text.strip()), *row))
            continue
        if len(run) >= 3:
            for start, end, actor, character in run:
                yield proposal("cast", actor, text, start, end, "cast rows", character=character)
        run = []


def glued(body: str, names: Container[str]) -> tuple[str, str] | None:
    """(actor, part) of a line glued at one point, the actor a full name; else None."""
    body = body.strip()
    if not body or len(body) > 80:
        return None
    words = body.split(" ")
    points = [(n, at) for n, word in enumerate(words) if (at := glue_point(word))]
    if len(points) != 1:
        return None
    [(index, at)] = points
    actor = " ".join([*words[:index], words[index][:at]])
    character = body[len(actor) :]
    if len(actor.split()) < 2 or not is_name(actor, names) or fold(character) in NOT_CHARACTER:
        return None
    if not re.fullmatch(r"[^\W\d_][\w'\u2019. -]{0,40}", character):
        return None
    return actor, character
