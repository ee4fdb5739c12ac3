"""The lines that name the film: head lines with their year, stars and bracketed facts, capsule
and review heads, a line the page repeats, and failing those its first line.

"Red Hot (1993) - Video Shop", "1. The Accused (1988)", "Broadcast News ★★★½ 1987 (R)", "The
Girl from Petrovka (Robert Ellis Miller, 1974)", "Rapid Eye Movement (2019) ****", "Melancholia
****", "A View to a Kill-1985", "Operator (2016, dir. Logan Kibens) This Chicago-filmed...",
'"Dave" -- 3 stars:', "BEIRUT. 3 stars.", "Bill & Ted Face the Music Review: A Totally
Excellent Encore Performance".
"""

import itertools
import re
from collections.abc import Iterator

from catalog.extraction.labels import LINE_LABEL, field_of, run_on_labels
from catalog.extraction.lexicon import GENRES
from catalog.extraction.patterns import RUNTIME
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME, Span, is_name, lines, sentences
from catalog.extraction.vocabulary import LABELS, words
from catalog.normalise import fold

STARS = r"(?:[★☆✭✩]+½?|\*{1,5}(?:\s?1/2|½)?|\d(?:[.,]\d|½| 1/2)?\s+stars?)"
CERT = r"(?:PG-13|NC-17|PG|NR|G|R|X|U|12A|15|18|TV-(?:Y7?|G|PG|14|MA)|Unrated|Not Rated)"
YEAR = r"(?:18|19|20)\d\d"
# What may follow a head line: the site's name, a festival's ("- Video Shop", "| IMDb").
TRAIL = r"(?:[ \u00a0]+[-\u2013\u2014|:][ \u00a0]+[^\n]{1,60})?"
TITLE = r"[^\n()•|\"\u201c\u201e]{1,120}?"
HEAD = re.compile(
    rf"^(?P<number>\d{{1,3}}\.\s+)?(?P<title>{TITLE})[ \u00a0]*"
    rf"(?:(?P<stars>{STARS})[ \u00a0]+)?"
    rf"(?:\((?P<facts>[^()\n]{{0,60}}\b{YEAR}\b[^()\n]{{0,60}})\)"
    rf"|(?<=\s)(?P<bare_year>{YEAR})(?:[ \u00a0]+\((?P<cert>{CERT})\))?"
    rf"|(?<=[^\W\d_])-(?P<dash_year>{YEAR}))"
    rf"(?:[ \u00a0]*(?P<stars_after>{STARS}))?(?P<trail>{TRAIL})[ \t]*$"
)
# A title and a critic's stars, nothing else: "Melancholia ****", "SALLY!***** - BFI Flare".
STAR_HEAD = re.compile(
    rf"^(?P<title>[^\n()•|\"\u201c*★☆✭✩]{{1,80}}?)[ \u00a0]*"
    rf"(?P<stars>[★☆✭✩]{{2,5}}½?|\*{{2,5}}(?:\s?1/2|½)?)(?P<trail>{TRAIL})[ \t]*$"
)
# An entry that opens with its title and facts, its blurb on the same line.
ENTRY = re.compile(
    rf"^(?P<title>[A-Z0-9À-Þ][^\n().!?]{{0,80}}?)[ \u00a0]*"
    rf"\((?P<facts>[^()\n]{{0,40}}\b{YEAR}\b[^()\n]{{0,60}})\)[ \u00a0]+(?=[A-ZÀ-Þ])",
    re.MULTILINE,
)
# "Dafne [Dafne, Itália, 2018], de Frederico Bondi": title [original, countries, year], by.
SQUARE = re.compile(
    rf"^(?P<title>[^\[\n]{{1,80}}?)[ \u00a0]*\[(?P<facts>[^\[\]\n]{{2,80}}\b{YEAR})\],?\s+"
    rf"(?:de|by|von|di|por|od)\s+(?P<people>{NAME}(?:(?:,\s*|\s+(?:e|et|y|and|und)\s+){NAME})*)",
    re.MULTILINE,
)
# A listing's entry: "At Close Range (Channel 13 Sunday at 8 p.m.) is strong stuff, ...".
LISTING = re.compile(
    r"^(?P<title>[A-Z0-9À-Þ][^\n().!?]{0,80}?)[ \u00a0]*\((?P<inside>[^()\n]{2,60})\),?[ \u00a0]+"
    r"(?=(?:is|was|stars|tells|follows|finds|reunites|brings|offers|pays|ist|est|es|è)\b)",
    re.MULTILINE,
)
CAPSULE = re.compile(
    rf"^[\"\u201c](?P<title>[^\"\u201d\n]{{1,80}})[\"\u201d][ \t]*(?:--|\u2013|—|-)[ \t]*"
    rf"(?P<stars>{STARS}|\d(?:[.,]\d|½)?)"
    r"(?P<colon>:?)",
    re.MULTILINE,
)
# The credits that close a capsule: "Written by Tony Gilroy, directed by Brad Anderson."
CREDIT_SENTENCE = re.compile(
    r"^(?:written|directed|starring|with|co-starring|produced|based on)\b", re.IGNORECASE
)
# A capsule in capitals with its stars: "BEIRUT. 3 stars. Well-acted, well written thriller".
CAPITALS_STARS = re.compile(
    rf"^(?P<title>[A-Z0-9][A-Z0-9 '\u2019&:,!?-]{{0,60}}[A-Z0-9!?])\.[ \t]+(?P<stars>{STARS})\.",
    re.MULTILINE,
)
REVIEW = (
    r"(?:Movie |Film )?(?:Review|Kritik|Filmkritik|Critique|Crítica|Reseña|Recensione|Recensie)"
)
DASH = r"[ \t]*[:\u2013\u2014-][ \t]*"
REVIEW_HEAD = re.compile(
    rf"^(?P<title>[^\n:]{{2,80}}?)[ \t]+{REVIEW}{DASH}(?P<verdict>[^\n]{{3,120}})$"
    rf"|^{REVIEW}{DASH}(?P<only>[^\n]{{2,80}})$",
    re.MULTILINE,
)
# Edition words a disc's head line adds to the title.
EDITION = re.compile(
    r"(?:\s+(?:[\w'\u2019-]+\s+){0,3}(?:Edition|Cut|Version|Collection|Box Set|Blu-ray|DVD|4K))+$"
)
FORMAT = re.compile(r"\s+(?:2D|3D|IMAX|OV|OmU|VOST|VOSTFR)$")
# Words of a site's or a section's head line, never of the film's title.
PAGE_WORDS = {
    fold(word)
    for word in words(
        """advertisement|backdrop|share|menu|home|search|login|skip|navigation|reviews|review|
        archive|archives|capsule|capsules|movies|films|filmes|filmy|feature|features|category|
        categories|tag|tags|posts|showing|listings|listing|guide|weekly|blog|magazine|filmie|
        filmu|poster|plakat|filmplakat|trailer|trailers|watch|online|stream|streaming|ratings|
        classificações|indicativas|estreia|estreias|estrenos|cartelera|programme|program|
        schedule|tonight|times|tribune|herald|gazette|journal|daily|chronicle|courier|notable|
        videos|brief|newsletter|subscribe|cookies|index|lexikon|filmlexikon|encyclopedia|
        database|wiki"""
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


def title_claims(text: str) -> Iterator[Proposal]:
    """The film's title (with what its head line says besides) from the strongest layout."""
    all_lines = list(lines(text))[:80]
    found = list(head_lines(text, all_lines))
    found += list(capsules(text))
    if not any(claim.field == "title" for claim in found):
        found += list(entry_heads(text))
    if not any(claim.field == "title" for claim in found):
        found += (
            list(run_on_title(text))
            or list(title_over_facts(text, all_lines))
            or list(repeated_line(text, all_lines))
            or list(first_line(text, all_lines))
        )
    yield from found


def head_lines(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    for line in all_lines[:60]:
        body = line.text.strip()
        start = line.start + len(line.text) - len(line.text.lstrip())
        if found := list(head_line(text, body, start)):
            yield from found
            return
    for match in REVIEW_HEAD.finditer(text, 0, all_lines[min(20, len(all_lines) - 1)].end):
        title = match.group("title") or match.group("only")
        if not plausible_title(title):
            continue
        at = match.start("title") if match.group("title") else match.start("only")
        yield proposal("title", title.strip(), text, match.start(), match.end(), "heading")
        if match.group("verdict"):
            yield proposal(
                "verdict", match.group("verdict").strip(), text, at, match.end(), "heading"
            )
        return


def head_line(text: str, body: str, start: int) -> Iterator[Proposal]:
    for pattern in (HEAD, STAR_HEAD):
        head = pattern.match(body)
        found = list(read_head(text, head, start, start + len(body))) if head else []
        if found:
            yield from found
            return


def read_head(text: str, head: re.Match[str], start: int, end: int) -> Iterator[Proposal]:
    if not plausible_title(EDITION.sub("", head.group("title").strip())):
        return
    groups = head.groupdict()
    # A bare year closes a guide's head line only with its stars or certificate after it;
    # "Started: 12 May 1995" and "sábado, 15 de abril de 2023" are dates.
    if groups.get("bare_year") and not (groups.get("stars") or groups.get("cert")):
        return
    facts = read_facts(groups.get("facts") or "")
    if groups.get("facts") is not None and "year" not in facts:
        return
    title_start = start + head.start("title")
    title = head.group("title")
    # "IMDb > The Shawshank Redemption (1994)": a site's trail before the title.
    if trail := re.match(r"(?:[^>\n]{1,30}\s>\s)+", title):
        title_start += trail.end()
        title = title[trail.end() :]
    title = EDITION.sub("", title.strip()) or title.strip()
    quote_start = start if groups.get("number") else title_start
    yield proposal("title", title, text, quote_start, end, "heading")
    year = groups.get("bare_year") or groups.get("dash_year") or facts.get("year")
    if year:
        yield proposal("year", year, text, title_start, end, "heading")
    for key in ("stars", "stars_after"):
        if groups.get(key):
            yield proposal("verdict", groups[key].strip(), text, title_start, end, "heading")
    if groups.get("cert"):
        cert_at = start + head.start("cert") - 1
        cert_end = cert_at + len(groups["cert"]) + 2
        yield proposal("certificate", groups["cert"], text, cert_at - 5, cert_end, "heading")
    yield from fact_claims(text, facts, title_start, end)


def read_facts(facts: str) -> dict[str, str]:
    """What a head line's bracket says: "2016, dir. Logan Kibens", "1980, Warner, R",
    "Robert Ellis Miller, 1974", "***1/2, 2004, PG, 129 mins., Columbia TriStar"."""
    read: dict[str, str] = {}
    items = [item.strip() for item in re.split(r"[,;]", facts) if item.strip()]
    for index, item in enumerate(items):
        if re.fullmatch(YEAR, item):
            read.setdefault("year", item)
        elif directed := re.fullmatch(rf"(?:dir\.?|d\.|directed by|réal\.|regie)\s*({NAME})", item):
            read.setdefault("director", directed.group(1))
        elif re.fullmatch(CERT, item):
            read.setdefault("certificate", item)
        elif RUNTIME.fullmatch(item):
            read.setdefault("runtime", item.rstrip("."))
        elif re.fullmatch(STARS, item):
            read.setdefault("verdict", item)
        elif index == 0 and len(items) == 2 and is_name(item):
            read.setdefault("director", item)
    return read


def fact_claims(text: str, facts: dict[str, str], start: int, end: int) -> Iterator[Proposal]:
    for claim_field in ("director", "certificate", "runtime", "verdict"):
        if value := facts.get(claim_field):
            yield proposal(claim_field, value, text, start, end, "heading")


def plausible_title(title: str | None) -> bool:
    """Letters, not a label ("Rating:"), not a date ("Started: 12 May"), not a sentence."""
    if not title or not re.search(r"[^\W\d_]", title):
        return False
    stripped = title.strip()
    if stripped.endswith((":", ",")) or re.search(r"[.!?]\s", stripped):
        return False
    before_colon = stripped.split(":")[0]
    if ":" in stripped and (fold(before_colon) in LABELS or len(before_colon.split()) > 6):
        return False
    if "," in stripped and len(stripped.split(",")[0].split()) < 3:
        return False
    return len(stripped.split()) <= 14


def capsules(text: str) -> Iterator[Proposal]:
    for capsule in CAPSULE.finditer(text):
        end = capsule.end("stars")
        yield proposal("title", capsule.group("title"), text, capsule.start(), end, "capsule")
        yield proposal("verdict", capsule.group("stars"), text, capsule.start(), end, "capsule")
    for capsule in CAPITALS_STARS.finditer(text):
        end = capsule.end("stars") + 1
        yield proposal("title", capsule.group("title"), text, capsule.start(), end, "capsule")
        yield proposal("verdict", capsule.group("stars"), text, capsule.start(), end, "capsule")
        line_end = text.find("\n", end)
        rest = Span(text[end : line_end if line_end >= 0 else len(text)], end)
        told = [
            sentence
            for sentence in itertools.takewhile(
                lambda s: not CREDIT_SENTENCE.match(s.text) and not RUNTIME.search(s.text),
                sentences(rest),
            )
        ]
        if told:
            yield proposal("synopsis", "", text, told[0].start, told[-1].end, "capsule")


def entry_heads(text: str) -> Iterator[Proposal]:
    """An entry's head at the start of its paragraph: "Operator (2016, dir. Logan Kibens) This
    Chicago-filmed ...", "Dafne [Dafne, Itália, 2018], de Frederico Bondi (...)", or a short
    title line over a paragraph that opens with the genre ("Angel Has Fallen" / "Action. ...")."""
    for match in ENTRY.finditer(text):
        facts = read_facts(match.group("facts"))
        if "year" in facts and plausible_title(match.group("title")):
            start, end = match.start(), match.end() - 1
            yield proposal("title", match.group("title").strip(), text, start, end, "heading")
            yield proposal("year", facts["year"], text, start, end, "heading")
            yield from fact_claims(text, facts, start, end)
            return
    for match in SQUARE.finditer(text):
        items = [item.strip() for item in match.group("facts").split(",")]
        start, end = match.start(), match.end("facts") + 1
        yield proposal("title", match.group("title").strip(), text, start, end, "heading")
        yield proposal("year", items[-1], text, start, end, "heading")
        for country in items[1:-1]:
            yield proposal("country", country, text, start, end, "heading")
        for person in re.finditer(NAME, match.group("people")):
            people_end = match.start("people") + person.end()
            yield proposal("director", person.group(0), text, start, people_end, "heading")
        return
    for match in LISTING.finditer(text):
        title = match.group("title").strip()
        if plausible_title(title) and title_case(title) and not is_name(match.group("inside")):
            end = match.end("inside") + 1
            yield proposal("title", title, text, match.start(), end, "heading")
            return
    shown = [line for line in lines(text) if line.text.strip()]
    for line, after in itertools.pairwise(shown):
        body = line.text.strip()
        opener = re.match(r"(?P<genre>[^\W\d_][\w/ -]{2,30}?)\.\s", after.text.strip())
        if not opener or not plausible_title(body) or not title_case(body):
            continue
        genres = re.split(r"\s*/\s*", opener.group("genre"))
        if all(fold(genre) in GENRES for genre in genres):
            start = line.start + len(line.text) - len(line.text.lstrip())
            yield proposal("title", body, text, start, start + len(body), "heading")
            at = after.start + len(after.text) - len(after.text.lstrip())
            for genre in genres:
                yield proposal("genre", genre, text, at, at + len(opener.group(0)) - 1, "heading")
            return


def title_case(body: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", body)
    return 0 < len(words) <= 10 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


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
        if (match := LINE_LABEL.match(line.text)) and field_of(match.group("label"))
    ]
    runs = [index for index in labelled if any(0 < o - index <= 6 for o in labelled)]
    if not runs:
        return
    above = [line for line in all_lines[: runs[0]] if line.text.strip()][-3:]
    titles: list[Span] = []
    for line in reversed(above):
        body = line.text.strip()
        if is_heading_line(body) and not titles:
            continue
        if not candidate_line(body) or not (title_case(body) or len(body.split()) <= 3):
            break
        titles.append(line)
        if len(titles) == 2:
            break
    for line in reversed(titles):
        body = line.text.strip()
        start = line.start + len(line.text) - len(line.text.lstrip())
        title = FORMAT.sub("", body)
        yield proposal("title", title, text, start, start + len(body), "over facts")


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
        if index > 12 or not candidate_line(body):
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


CAPTION_WORDS = ("Poster", "Plakat", "Affiche", "Póster", "Locandina", "Cover")
NOT_TITLE_LINE = re.compile(r"[.:!?•|,»\u203a]|^\W|\d{1,2}:\d\d|\b(?:18|19|20)\d\d\b")
LINKING_WORDS = {"und", "and", "et", "y", "e", "of", "the", "de", "du", "des", "la", "le", "i"}


def candidate_line(body: str, label_word: bool = False) -> bool:
    """Whether a line may be the title: short, no sentence or date, no site's words, and no
    label ("Running Time" only where `label_word` says the layout allows one)."""
    if not 1 < len(body) < 80 or NOT_TITLE_LINE.search(body):
        return False
    words = fold(body).split()
    if (fold(body) in LABELS and not label_word) or any(word in PAGE_WORDS for word in words):
        return False
    return not is_heading_line(body)


def first_line(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    """A short first line without punctuation names the film, a poster's caption and a site's
    or a section's heading aside."""
    shown = [line for line in all_lines[:6] if line.text.strip()]
    for line in shown[:2]:
        body = line.text.strip()
        if body.endswith(CAPTION_WORDS):
            continue
        # "Regie" over a name is a label; "Running Time" over "Director: ..." is a title.
        later = [other.text.strip() for other in shown if other.start > line.start]
        if fold(body) in LABELS and not (later and re.search(r"[:|]", later[0])):
            return
        if not candidate_line(body, label_word=True):
            if any(word in PAGE_WORDS for word in fold(body).split()):
                continue
            return
        start = line.start + len(line.text) - len(line.text.lstrip())
        yield proposal("title", FORMAT.sub("", body), text, start, start + len(body), "first line")
        shouted = re.escape(body.upper())
        capitals = re.search(rf"(?<![\w\"\u201c]){shouted}(?![\w\"\u201d])", text)
        if capitals and body.upper() != body:
            yield proposal(
                "title", capitals.group(0), text, capitals.start(), capitals.end(), "capitals"
            )
        return
