"""Who plays whom in brackets: "Dimitri (Armin Mueller-Stall)", "Heino Ferch (Fritz Lang)",
"the judge (Catherine Deneuve)", "two half brothers (Sean Penn, Christopher Penn)"."""

import re
from collections.abc import Container, Iterator, Sequence

from catalog.extraction.cast import (
    ACTOR_PREFIX,
    CHARACTER,
    DEMONYMS,
    NOT_CHARACTER,
    PERSON,
    ROLE_WORDS,
    cast,
    near,
)
from catalog.extraction.proposal import Proposal
from catalog.extraction.text import (
    NAME,
    NAME_WORD,
    NOT_NAME_START,
    clean_name,
    is_name,
    sentence_start,
)
from catalog.extraction.vocabulary import LABELS, words
from catalog.normalise import fold

PROSE_FIELDS = ("synopsis", "verdict", "tagline")

BRACKET = re.compile(r"\((?P<inside>[^()\n]{2,120})\)")
# The capitalised words just before a bracket, which may name the character.
CHARACTER_BEFORE = re.compile(rf"(?<![\w'\u2019.])(?<!\w-)(?P<outside>{CHARACTER})[ \u00a0]*$")
# The words of a sentence before the bracket; a label before them makes the bracket a value's.
LABEL_BEFORE = re.compile(r"[ \t|•·*-]*[^\W\d_][\w'\u2019 /&-]{0,30}[ \t]*[:\uff1a]")
NAMES_INSIDE = re.compile(r"\s*(?:,\s*(?:and|und|et|y|e)\s+|,|\s+(?:and|und|et|y|e|&)\s+)\s*")
# Words before a character's name that say who they are, not what they are called: "seine
# Sekretärin Watts", "le juge Hammer", "his wife Clementine".
DETERMINERS = frozenset(
    words(
        """the|his|her|their|its|der|die|das|den|dem|sein|seine|seinen|seinem|ihr|ihre|ihren|
    ihrem|le|la|les|son|sa|ses|leur|el|los|las|su|sus|il|lo|i|gli|suo|sua"""
    )
)
# Roles behind the camera: "the director (Bernard Rose)" is no cast member.
CREW_WORDS = frozenset(
    words(
        """director|directors|filmmaker|film-maker|writer|screenwriter|co-writer|cowriter|
    co-director|novelist|author|producer|composer|cinematographer|editor|regisseur|
    regisseurin|autor|autorin|produzent|realisateur|realisatrice|auteur|scenariste|
    producteur|directora|guionista|productor|regista|sceneggiatore|produttore|novel|book|
    play"""
    )
)
TITLE_WORD = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sir|Lady|Lord|Uncle|Aunt|Agent|Captain|Capt|Detective|Det|Sergeant|Sgt|Lt|"
    r"Col|Gen|Maj|Insp|Inspector|Professor|Prof|Judge|King|Queen|Prince|Princess|Count|Viscount|"
    r"Baron|Duke|Dame|Father|Mother|Sister|Brother)\.?"
)
# "Sanborn and Eldridge (Anthony Mackie and Brian Geraghty)": parts and actors in order.
PAIRED = re.compile(
    rf"(?P<parts>{NAME_WORD}(?:,\s*{NAME_WORD})*\s+(?:and|und|et|y|e)\s+{NAME_WORD})\s*$"
)
NAME_LEADS = re.compile(
    rf"({NAME})(?:\s+(?:in|as|who|with|from)\b|,\s+(?=[a-zß-ÿ])|\s+[-\u2013\u2014]\s)"
)
NAME_TRAILS = re.compile(
    rf"(?:(?:played by|portrayed by|gespielt von|joué par|interpretado por|interpretato da)\s+"
    rf"{ACTOR_PREFIX}|"
    rf"(?:the|a|an|le|la|der|die|el|il)\s+(?:[a-zà-ÿ-]+\s+){{1,3}})(?P<name>{NAME})"
)
MAKES = re.compile(r"\s+(?:directs|directed|co-directed|helms|wrote|writes|réalise|inszeniert)\b")
POSSESSIVES = (
    "his|her|their|sein|seine|seinen|seinem|seiner|ihr|ihre|ihren|ihrem|ihrer|son|sa|ses|leur|"
    "leurs|su|sus|suo|sua|zijn|haar|hun|jego|jej"
)
PRAISED = re.compile(rf"(?:[a-zà-ÿß-]+\s+){{1,2}}(?P<name>{NAME_WORD})")
# "his terminally ill Dad (Jim Broadbent)": a parent called by the family's word for them.
KIN = "Dad|Daddy|Mum|Mummy|Mom|Mommy|Pa|Ma|Papa|Mama|Grandpa|Grandma|Granny"
OWNED = re.compile(
    rf"(?<![\w-])(?i:{POSSESSIVES})[ \u00a0]+(?:[A-ZÀ-Þ][\w'\u2019-]*|"
    rf"(?:[a-z][\w'\u2019-]*[ \u00a0]+){{1,3}}(?:{KIN}))[ \u00a0]*$"
)
INDEFINITE = re.compile(
    r"(?<![\w'\u2019-])(?i:a|an|un|une|ein|eine|einen|einem|una|uno)[ \u00a0]+"
    r"(?P<words>(?:[\w'\u2019-]+[ \u00a0]+){0,2}[A-ZÀ-Þ][\w'\u2019-]*)[ \u00a0]*$"
)
# Capitalised words that say what someone is, not who: "a German General (Mel Ferrer)".
RANKS = {"general", "colonel", "captain", "major", "sergeant", "lieutenant", "officer"}
RANKS |= {"doctor", "professor", "judge", "detective", "inspector", "priest", "senator"}
CREDITED = re.compile(r"(?i:(?:co-?)?(?:written|directed|produced|adapted)\b[\w ,&-]{0,30}\bby)\s")
ROMAN = re.compile(r"^(?=[IVXLC]+$)M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")


def asides(
    text: str,
    names: Container[str],
    surnames: dict[str, str],
    listed: Container[str] = frozenset(),
    lists: Sequence[tuple[int, int]] = (),
) -> Iterator[Proposal]:
    """The cast a page names in brackets in its prose.

    Where both sides of "X (Y)" read as full names, a side the page lists as cast elsewhere
    (`listed`, folded) or a known person is the actor; else the page's own habit, as its
    asides with a one-word side show it, decides; else prose puts the actor inside. Words that
    describe rather than name ("the judge (...)") give the actor without a character. Brackets
    inside the cast lists the page has (`lists`, spans of the text) belong to those lists.
    """
    pending: list[tuple[re.Match[str], str, str, int, int]] = []
    habit = {"inside": 0, "outside": 0}
    for match in near(BRACKET, re.compile(r"\("), text, 130):
        before = text[max(0, match.start() - 160) : match.start()]
        if in_label_value(before) or any(a <= match.start() < b for a, b in lists):
            continue
        inside = match.group("inside").strip()
        # "Viscount Halifax (Stephen Dillane in an Oscar-worthy performance)": the name leads.
        # "Andy Serkis - Der Herr der Ringe", "Marion Barbeau, première danseuse ...": a note.
        if led := NAME_LEADS.match(inside):
            inside = led.group(1)
        # "Henry (played by Gattlin Griffith)", "Frank (the always excellent Josh Brolin)".
        elif trailed := NAME_TRAILS.fullmatch(inside):
            inside = trailed.group("name")
        # "Dni Anki (zjawiskowa Popławska)": a word of praise before a surname the page gives.
        elif (praised := PRAISED.fullmatch(inside)) and fold(praised.group("name")) in surnames:
            inside = praised.group("name")
        inside = clean_name(inside)  # "Oscar-winner Viola Davis"
        # "Jonathan Lynn (My Cousin Vinny) directs": a film after the name of its maker;
        # "Price Check (written and directed by ...)": a credit; "Jean Renoir (RULES OF THE
        # GAME)": a work in capitals after its maker's name.
        # '"... a true movie milestone" (The New York Times)': who said the quote before it.
        quoted = re.search(r"[\"\u201d\u00bb][ \t]*$", before) is not None
        if (
            MAKES.match(text, match.end())
            or CREDITED.match(match.group("inside"))
            or capitals(inside)
            or quoted
            or re.match(r"(?:The|A|An)\s", match.group("inside").strip())
        ):
            continue
        people = [clean_name(part) for part in NAMES_INSIDE.split(inside) if part]
        end = match.start("inside") + match.group("inside").index(inside) + len(inside)
        if text[end : match.end()].strip() == ")":
            end = match.end()  # the quote closes its bracket: "Melvin Dismukes (John Boyega)"
        if len(people) > 1:
            if listed_any(people, listed):
                people = [person for person in people if fold(person) in listed]
            if people and all(full_name(p, names) for p in people) and not crew(before, ""):
                parts = paired_parts(before, len(people))
                # A bracket of several actors follows a film or a group, not a character, unless
                # as many parts stand before it ("Sanborn and Eldridge (A and B)").
                start = sentence_start(text, match.start())
                for person, part in zip(people, parts or [""] * len(people), strict=True):
                    yield cast(text, person, part, start, match.end(), "aside", surnames)
            continue
        outside = character_before(before)
        # "seine Ex-Frau (Barbara Auer)", "her Mother (...)", "a German General (...)": who
        # they are to someone, or what they are, no name.
        owned = OWNED.search(before) or indefinite(before)
        if owned and full_name(inside, names):
            start = phrase_start(text, match.start())
            yield cast(text, inside, "", start, match.end(), "aside", surnames)
            continue
        if not outside:
            if full_name(inside, names) and described(before):
                start = phrase_start(text, match.start())
                yield cast(text, inside, "", start, match.end(), "aside", surnames)
            continue
        start = match.start() - len(before) + before.rindex(outside)
        if fold(outside) in ROLE_WORDS or fold(inside) in ROLE_WORDS or crew(before, inside):
            continue
        if len(inside) < 3 or not re.fullmatch(PERSON, inside):
            continue
        side = actor_side(outside, inside, names, surnames, listed)
        if side in habit and len(outside.split()) != len(inside.split()):
            habit[side] += 1
        pending.append((match, outside, inside, start, end))
    for match, outside, inside, start, end in pending:
        side = actor_side(outside, inside, names, surnames, listed)
        if side == "both":
            side = "outside" if habit["outside"] > habit["inside"] else "inside"
        # "Ava DuVernay (Selma)", "Paul Clemens (The Beast Within)": a film after a name, where
        # the page writes its parts the other way round or never names that part again.
        unnamed = habit["inside"] > habit["outside"] or text.count(inside) < 2
        # "Ricardo Darín (Esteban Espinosa)" under "Elenco: Ricardo Darín, ...": the cast
        # list's actor, with the part in the bracket; "(The Beast Within)" is a work of theirs.
        unnamed = unnamed and not (
            fold(outside) in listed
            and habit["inside"] <= habit["outside"]
            and not re.match(r"(?:The|A|An|Le|La|Les|El|Il|Der|Die|Das)\s", match.group("inside"))
        )
        if (
            side == "outside"
            and fold(inside) not in listed
            and unnamed
            and not cast_led(text, start)
        ):
            continue
        if side == "inside":
            actor, character = inside, part_name(outside)
        elif side == "outside":
            actor, character = outside, inside
        else:
            continue
        if fold(character) in NOT_CHARACTER:
            continue
        yield cast(text, actor, character, start, end, "aside", surnames)


# A sentence that opens on the cast: "The cast includes A (Alexi), B (Valentina) and ...".
CAST_LEAD = re.compile(
    r"(?:The[ \t]+)?(?i:(?:main[ \t]+|supporting[ \t]+)?cast(?:[ \t]+also)?[ \t]+includes?|"
    r"cast:|starring|co-starring|featuring|with|it stars|the film stars)[ \t]"
)


def cast_led(text: str, at: int) -> bool:
    """Whether the sentence holding `at` opens on the cast, so that its brackets hold parts."""
    return CAST_LEAD.match(text, sentence_start(text, at)) is not None


def indefinite(before: str) -> bool:
    """Whether a bracket follows "a" and words that say what someone is: "a German General",
    "a downed American Pilot"; not "ve a Tae-Ho", where "a" comes before a name."""
    found = INDEFINITE.search(before)
    if not found:
        return False
    words = found.group("words").split()
    return any(word[0].islower() or fold(word) in DEMONYMS | RANKS for word in words)


def capitals(inside: str) -> bool:
    """A bracket of two words or more in capitals: a work's title, as some pages write them."""
    words = inside.split()
    return len(words) > 1 and inside.isupper()


def listed_any(people: list[str], listed: Container[str]) -> bool:
    """Whether the page lists some of a bracket's names as cast, and so not the others
    ("a horny student (Eric Brown, Private Lessons)": a name and a film)."""
    known = [fold(person) in listed for person in people]
    return any(known) and not all(known)


def paired_parts(before: str, count: int) -> list[str]:
    found = PAIRED.search(before)
    if not found:
        return []
    parts = [part for part in NAMES_INSIDE.split(found.group("parts")) if part]
    return parts if len(parts) == count else []


def in_label_value(before: str) -> bool:
    """Whether the bracket stands in a label's value ("Darsteller: A (B), C (D)", "Regie: X.
    Szenenbild: Y (Szenenbild)")."""
    line = before[before.rfind("\n") + 1 :]
    sentence = re.split(r"(?<=[a-zß-ÿ)]{2})[.!?]\s+", line)[-1]
    label = LABEL_BEFORE.match(sentence)
    if label is None:
        return False
    # "Sinopse: após se divorciar da esposa Simin (Leila Hatami)", "The Gist: It begins with
    # rapturous applause for Kloster (...)": a plot's label, or any label, heading prose.
    told = len(re.findall(r"\b[a-zß-ÿ][\w'\u2019-]*\b", sentence[label.end() :])) >= 4
    name = fold(label.group(0).strip(" \t|•·*-:"))
    # "There are only two differences: His producer is Rita (...)": a sentence, no label.
    if name not in LABELS and len(name.split()) >= 3:
        return False
    return not told and LABELS.get(name, "") not in PROSE_FIELDS


def character_before(before: str) -> str:
    """The character's name just before a bracket, without the words that say who they are:
    "seine Sekretärin Watts" gives "Watts", "a New York DJ" gives nothing."""
    # "that of Woolf herself (the Oscar-winning Nicole Kidman)": the part, as the plot says it.
    before = re.sub(r"[ \u00a0]+(?:himself|herself)[ \u00a0]*$", " ", before)
    found = CHARACTER_BEFORE.search(before)
    if not found:
        return ""
    words = found.group("outside").split()
    ahead = before[: found.start()].split()[-1:]
    if words and fold(words[0]) in DETERMINERS:
        ahead, words = words[:1], words[1:]
    # After a determiner the first capitalised word is a noun ("Sekretärin", "King").
    if ahead and fold(ahead[0]) in DETERMINERS and len(words) > 1:
        words = words[1:]
    phrase = clean_name(" ".join(words))
    # "the Chicago Tribune's (Gary Goldstein) review": someone's, not a character's name.
    if not phrase or phrase.lower() in NOT_NAME_START or re.search(r"['\u2019]s$", phrase):
        return ""
    # "a New York DJ (Francois Arnaud)": a word in capitals ends a description, not a name.
    if re.fullmatch(r"[A-Z]{2,4}", phrase.split()[-1]):
        return ""
    return phrase


def part_name(phrase: str) -> str:
    """ "Mutter LaVona Harding", "Hardings Mann Jeff Gillooly": past two words of a part's
    name, the words before are nouns that say who the character is (a title aside)."""
    words = phrase.split()
    while len(words) > 2 and not TITLE_WORD.fullmatch(words[0]):
        words = words[1:]
    return " ".join(words)


def described(before: str) -> bool:
    """Whether the words before a bracket describe someone: "a bitter, failed diplomat",
    "la juge", "their dangerous, long-absent father"."""
    words = re.findall(r"[\w'\u2019-]+", before.split("\n")[-1])[-6:]
    if not words:
        return False
    last = words[-1]
    return (last[0].islower() or last.isupper()) and fold(last) not in CREW_WORDS


def crew(before: str, inside: str) -> bool:
    """Whether the bracket names someone behind the camera: "the director (Bernard Rose)",
    "director Bernard Rose (Candyman)"; but a story's "writer Tom Buckley (Sam Claflin)" is a
    character with the actor's full name in the bracket."""
    words = re.findall(r"[\w'\u2019-]+", before)[-3:]
    if words and fold(words[-1]) in CREW_WORDS:
        return True
    return any(fold(word) in CREW_WORDS for word in words) and not is_name(inside)


def full_name(phrase: str, names: Container[str]) -> bool:
    words = phrase.split()
    if any(ROMAN.match(word) for word in words[1:]):
        return False
    return (len(words) > 1 and is_name(phrase, names)) or fold(phrase) in names


def phrase_start(text: str, at: int) -> int:
    """Where the words describing the person begin: "their dangerous, long-absent father"."""
    start = sentence_start(text, at)
    clause = text[start:at]
    cut = max(clause.rfind(" by "), clause.rfind(" of "), clause.rfind(" about "))
    words = list(re.finditer(r"\S+", clause[cut + 1 if cut >= 0 else 0 :]))[-6:]
    return start + (cut + 1 if cut >= 0 else 0) + (words[0].start() if words else 0)


def actor_side(
    outside: str,
    inside: str,
    names: Container[str],
    surnames: dict[str, str],
    listed: Container[str],
) -> str:
    """Which side of "X (Y)" is the actor: "inside", "outside", "both" (undecided) or ""."""
    for side, phrase, other in (("inside", inside, outside), ("outside", outside, inside)):
        if fold(phrase) in listed and fold(other) not in listed:
            return side
        if fold(phrase) in names and fold(other) not in names:
            return side
    full_inside = full_name(inside, names)
    full_outside = full_name(outside, names)
    if full_inside and full_outside:
        return "both"
    if full_inside or (fold(inside) in surnames and len(inside.split()) == 1):
        return "inside"
    if full_outside and len(inside.split()) == 1 and fold(inside) not in NOT_CHARACTER:
        return "outside"
    return ""
