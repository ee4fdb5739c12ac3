"""A line that heads a page or an entry and names its film, with what it says besides: its
year, a critic's stars, a certificate, a director in brackets, a site's name after a dash.

"Red Hot (1993) - Video Shop", "1. The Accused (1988)", "Broadway News ★★★½ 1987 (R)", "The
Girl from Petrovka (Robert Ellis Miller, 1974)", "Rapid Eye Movement (2019) ****", "Melancholia
****", "A View to a Kill-1985", "Bill & Ted Face the Music Review: A Totally Excellent Encore
Performance".
"""

import re
from collections.abc import Iterator

from catalog.extraction.patterns import DATE, RUNTIME, SCORE
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME, Span, is_name
from catalog.extraction.vocabulary import LABELS, words
from catalog.normalise import fold

STARS = r"(?:[★☆✭✩]+½?|\*{1,5}(?:\s?1/2|½)?|\d(?:[.,]\d|½| 1/2)?\s+stars?)"
CERT = r"(?:PG-13|NC-17|PG|NR|G|R|X|U|12A|15|18|TV-(?:Y7?|G|PG|14|MA)|Unrated|Not Rated)"
YEAR = r"(?:18|19|20)\d\d"
# What may follow a head line: the site's name, a festival's ("- Video Shop", "| IMDb").
TRAIL = r"(?:[ \u00a0]+[-\u2013\u2014|:][ \u00a0]+[^\n]{1,60})?"
TITLE = r"[^\n()•|\"\u201c\u201e]{1,120}?"
# A disc's edition in brackets before the year: "The Four Feathers (Special Collector's
# Edition) (2002)"; the medium and "review" after the stars: "(2021) **½ Blu-ray recensie".
EDITION_BRACKET = (
    r"(?:[ \u00a0]*\([^()\n]*\b(?:Edition|Cut|Version|Collection|Remastered)\b[^()\n]*\))?"
)
REVIEWED = (
    r"(?:[ \u00a0]+(?:(?:Blu-ray|DVD|4K|UHD|VHS)[ \u00a0]+)?(?i:review|recensie|kritik|"
    r"critique|recensione|reseña|crítica))?"
)
HEAD = re.compile(
    rf"^(?P<number>\d{{1,3}}\.\s+)?(?P<title>{TITLE}){EDITION_BRACKET}[ \u00a0]*"
    rf"(?:(?P<stars>{STARS})[ \u00a0]+)?"
    rf"(?:\((?P<facts>[^()\n]{{0,60}}\b{YEAR}\b[^()\n]{{0,60}})\)"
    rf"|(?<=\s)(?P<bare_year>{YEAR})(?:[ \u00a0]+\((?P<cert>{CERT})\))?"
    rf"|(?<=[^\W\d_])-(?P<dash_year>{YEAR})|\[(?P<square_year>{YEAR})\])"
    rf"(?:[ \u00a0]*(?P<stars_after>{STARS}))?{REVIEWED}"
    # "Charlie's War (2007) 3.73/5 (8)": the readers' mean mark and their number after it.
    r"(?:[ \u00a0]+\d(?:[.,]\d{1,2})?[ \u00a0]*/[ \u00a0]*(?:5|10)(?:[ \u00a0]+\(\d[\d,.]*\))?)?"
    rf"(?P<trail>{TRAIL}):?[ \t]*$"
)
# A guide's head with the certificate and the grade: '"FORD v FERRARI" (PG-13) 3.25 STARS',
# "Labor Day (PG-13) B-".
GRADED_HEAD = re.compile(
    rf"^[\"\u201c]?(?P<title>{TITLE})[\"\u201d]?[ \u00a0]*\((?P<cert>{CERT})\)[ \u00a0]+"
    r"(?P<grade>(?i:\d(?:[.,]\d{1,2})?\s+stars?)|[★☆✭✩]{1,5}½?|\*{1,5}(?:\s?1/2|½)?|"
    r"[A-F][+\-\u2013\u2212]?)[ \t]*$"
)
CAPTION_GLUED = re.compile(
    r"^[^\n]{1,80}?[ \u00a0](?:Poster|Plakat|Affiche|Póster|Locandina|Cover|Image|Still)"
    r"(?=[A-Z0-9])"
)
# "Recensie The Unforgivable ★★★★", "Movie Review: Heat (1995)": a review's word before the
# title; "Notebook Reviews: HEAT (1995)": a section of reviews, whatever its name.
REVIEW_WORD = re.compile(
    r"^(?:(?i:Blu-ray|DVD|4K|UHD|Movie|Film|TV|Classic Movie|Capsule|Quick|Our|My)[ \u00a0]+)?"
    r"(?i:Review|Recensie|Kritik|Filmkritik|Critique|Crítica|Reseña|Recensione|Recenzja)"
    r"[ \u00a0]*:?[ \u00a0]+"
    r"|^(?:[^\W\d_][\w'\u2019-]*[ \u00a0]+){0,3}(?i:Reviews|Critiques|Kritiken|Recensioni)"
    r"[ \u00a0]*:[ \u00a0]+"
)
# A title and a critic's stars, nothing else: "Melancholia ****", "SALLY!***** - BFI Flare".
STAR_HEAD = re.compile(
    rf"^(?P<title>[^\n()•|\"\u201c*★☆✭✩]{{1,80}}?)[ \u00a0]*"
    rf"(?P<stars>[★☆✭✩]{{2,5}}½?|\*{{2,5}}(?:\s?1/2|½)?)(?P<trail>{TRAIL})[ \t]*$"
)
# A diary's or a list's number before the title: "Day 333: The Roaring Twenties (1939)".
NUMBERED = re.compile(
    r"^(?:Day|Week|No\.?|Number|#)[ \u00a0]*\d{1,4}[ \u00a0]*[:.\u2013\u2014-][ \u00a0]+"
)
# The critic's score before the title, "[4.50/10] Rules Don't Apply (2016)", or after it in the
# trail, "The Roaring Twenties (1939) - Rank 3.5/5".
SCORE_FIRST = re.compile(
    rf"^\[(?:(?P<decimals>\d{{1,2}}[.,]\d\d[ \u00a0]*/[ \u00a0]*(?:10|5))|{SCORE.pattern})\]"
    r"[ \u00a0]+"
)
SCORE_TRAIL = re.compile(
    r"[ \u00a0]+[-\u2013\u2014|:][ \u00a0]+(?:(?P<label>(?i:rank|rating|my rating|grade|score|"
    rf"verdict))[ \u00a0]*:?[ \u00a0]*)?{SCORE.pattern}[ \t]*"
)
# An entry that opens with its title and facts, its blurb on the same line.
REVIEW = (
    r"(?i:(?:Movie |Film )?(?:Review|Kritik|Filmkritik|Critique|Crítica|Reseña|Recensione|"
    r"Recensie)s?)"
)
DASH = r"[ \t]*[:\u2013\u2014-][ \t]*"
REVIEW_HEAD = re.compile(
    rf"^(?P<title>[^\n:]{{2,80}}?)[ \t]+{REVIEW}{DASH}(?P<verdict>[^\n]{{3,120}})$"
    rf"|^{REVIEW}{DASH}(?P<only>[^\n]{{2,80}})$"
    rf"|^(?P<before>[^\n:|]{{2,80}}?){DASH}{REVIEW}[ \t]*$"
    # "Enchanted Review": an English title and the word after a space, both capitalised.
    r"|^(?P<bare>[A-Z0-9][^\n:|]{1,60}?)[ \t]+(?:Movie |Film )?Review[ \t]*$",
    re.MULTILINE,
)
# Edition words a disc's head line adds to the title.
EDITION = re.compile(
    r"(?:\s+(?:[\w'\u2019-]+\s+){0,3}(?:Edition|Cut|Version|Collection|Box Set|Blu-ray|DVD|4K))+$"
)
# Words of a site's or a section's head line, never of the film's title.


def head_lines(text: str, all_lines: list[Span]) -> Iterator[Proposal]:
    for line in all_lines[:60]:
        body = line.text.strip()
        start = line.start + len(line.text) - len(line.text.lstrip())
        if found := list(head_line(text, body, start)):
            yield from found
            return
    for match in REVIEW_HEAD.finditer(text, 0, all_lines[min(20, len(all_lines) - 1)].end):
        if found := list(review_head(text, match)):
            yield from found
            return


def review_head(text: str, match: re.Match[str]) -> Iterator[Proposal]:
    """ "Bill & Ted Face the Music Review: A Totally Excellent ...", "Review: Heat", "Blu-ray
    Review: “Godzilla Minus One”", "Blu-ray review: The Hurt Locker [2008]", "Heat - Review"."""
    title, verdict = match.group("title"), match.group("verdict")
    # What stands before "Review" is a disc's or a medium's word, or the title is quoted after.
    # "Notebook Reviews: Heat": the word in the plural names a section of reviews, over one.
    section = title is not None and match.group(0)[len(title) :].lstrip().lower().startswith(
        ("reviews", "critiques", "kritiken", "recensioni")
    )
    if before := match.group("before") or match.group("bare"):
        title = before  # "Created Equal: Movie Review": the title, then the word
    elif (
        title is None
        or section
        or fold(title) in MEDIA
        or re.match(r"^[\"\u201c\u201e«]", verdict or "")
    ):
        title, verdict = verdict or match.group("only"), None
    title = title.strip()
    year = re.search(rf"\s*[\[(](?P<year>{YEAR})[\])]$", title)
    if year:
        title = title[: year.start()]
    title = title.strip('"\u201c\u201d\u201e«» ')
    # "Film review: Their Finest (4 out of 5)": the critic's mark in brackets after the title.
    if marked := re.search(rf"[ \u00a0]*\((?P<mark>{SCORE.pattern})\)$", title):
        title, verdict = title[: marked.start()], marked.group("mark")
    if not plausible_title(title) or fold(title) in MEDIA | REVIEW_KINDS:
        return
    at = match.start()
    yield proposal("title", title, text, match.start(), match.end(), "heading")
    if year:
        yield proposal("year", year.group("year"), text, match.start(), match.end(), "heading")
    if verdict:
        yield proposal("verdict", verdict.strip(), text, at, match.end(), "heading")


# The medium a review head names before "Review": "Blu-ray Review: ...", "DVD Review: ...".
MEDIA = {
    fold(word)
    for word in words(
        """blu-ray|bluray|dvd|4k|uhd|4k uhd|4k ultra hd|vhs|laserdisc|disc|home video|movie|film|
        classic movie|classic film|theatre|theater|tv|streaming|netflix|soundtrack|book"""
    )
}


# Words before "Review" that say which review it is, not which film: "Our Review".
REVIEW_KINDS = {
    fold(word)
    for word in words("our|my|the|latest|full|quick|short|mini|new|capsule|video|spoiler-free")
}


# A listing's head with the board's certificate only: "In Dubious Battle (16L)", "Table 19
# (10-12 PG, L)", "BOYHOOD (R)".
CERT_HEAD = re.compile(
    rf"^(?P<title>{TITLE})[ \u00a0]*\((?P<cert>PG-13|NC-17|PG|NR|G|R|X|U|12A|TV-[A-Z0-9]+|"
    r"\d{1,2}(?:-\d{1,2})?\s?(?:PG|[A-Z]{1,3})?(?:,\s*[A-Z]{1,3})*)\)"
    # "Jurassic Park (PG-13) Release Date: June 11th, 1993": a label may run on after it.
    r"(?:[ \t]*$|[ \t]+(?=[^\W\d_][\w ]{1,30}:[ \t]))"
)


CHANNEL_HEAD = re.compile(
    r"^(?:ZDF|ARD|Das Erste|RTL|RTL2|SAT\.1|ProSieben|VOX|Kabel ?1|Arte|ARTE|3sat|ORF ?[12]?|"
    r"SRF ?[12]?|"
    r"BBC ?(?:One|Two|Four|1|2|4)|ITV ?\d?|Channel ?[45]|TF1|France ?[2345]|Canal\+|M6|Rai ?[123]|"
    r"La ?[12]|Antena ?3|Telecinco|HBO|Showtime|AMC|TCM|FX|Netflix|Prime Video|Disney\+|Sky Cinema|"
    r"Starz|PBS|CBS|NBC|ABC|Fox)[ \t]*:[ \t]+(?P<title>[^\n:]{2,80}?)[ \t]*$"
)


def head_line(text: str, body: str, start: int) -> Iterator[Proposal]:
    if (channel := CHANNEL_HEAD.match(body)) and plausible_title(channel.group("title")):
        yield proposal("title", channel.group("title"), text, start, start + len(body), "heading")
        return
    for pattern in (HEAD, STAR_HEAD):
        head = pattern.match(body)
        found = list(read_head(text, head, start, start + len(body))) if head else []
        if found:
            yield from found
            return
    if (graded := GRADED_HEAD.match(body)) and plausible_title(graded.group("title")):
        end = start + len(body)
        yield proposal("title", graded.group("title").strip(), text, start, end, "heading")
        yield proposal("certificate", graded.group("cert"), text, start, end, "heading")
        yield proposal("verdict", graded.group("grade"), text, start, end, "heading")
        return
    if (head := CERT_HEAD.match(body)) and plausible_title(head.group("title")):
        title = head.group("title").strip()
        if len(title.split()) <= 10 and not re.search(rf"\b{YEAR}\b|[★☆*]", title):
            end = start + head.end()
            yield proposal("title", title, text, start, end, "heading")
            yield proposal("certificate", head.group("cert"), text, start, end, "heading")


def read_head(text: str, head: re.Match[str], start: int, end: int) -> Iterator[Proposal]:
    if not plausible_title(EDITION.sub("", head.group("title").strip())):
        return
    groups = head.groupdict()
    # A bare year closes a guide's head line only with its stars or certificate after it;
    # "Started: 12 May 1995" and "sábado, 15 de abril de 2023" are dates.
    if groups.get("bare_year") and not (groups.get("stars") or groups.get("cert")):
        return
    # "Now Showing (December 1, 2017)": a date, not the film's year; "(3.5 stars, 2002, seen
    # 6/28/2002, 2:21)": the film's year beside the date the critic saw it.
    facts = read_facts(DATE.sub("", groups.get("facts") or ""))
    if groups.get("facts") is not None and "year" not in facts:
        return
    title_start = start + head.start("title")
    title = head.group("title")
    # "IMDb > The Shawshank Redemption (1994)": a site's trail before the title.
    if trail := re.match(r"(?:[^>\n]{1,30}\s>\s)+", title):
        title_start += trail.end()
        title = title[trail.end() :]
    title = EDITION.sub("", title.strip()) or title.strip()
    # "Harbour Lights PosterHarbour Lights (2011)": a picture's caption glued before the title.
    if captioned := CAPTION_GLUED.match(title):
        title_start += captioned.end()
        title = title[captioned.end() :]
    # "Harbour Lights ♂♂ 1993 (PG)": a guide's marks of its own after the title, not of it.
    title = re.sub(r"[ \u00a0]+[^\w\s\"'\u2019)\]]{1,5}$", "", title)
    if (review := REVIEW_WORD.match(title)) and plausible_title(title[review.end() :]):
        title_start += review.end()
        title = title[review.end() :]
    scores = []
    if (first := SCORE_FIRST.match(title)) and plausible_title(title[first.end() :]):
        scores.append(first.group("decimals") or first.group("score"))
        title_start += first.end()
        title = title[first.end() :]
    if (numbered := NUMBERED.match(title)) and plausible_title(title[numbered.end() :]):
        title = title[numbered.end() :]
    trail = SCORE_TRAIL.fullmatch(groups.get("trail") or "")
    if trail and (trail.group("label") or not re.fullmatch(r"[A-F][+-]?", trail.group("score"))):
        scores.append(trail.group("score"))
    quote_start = start if groups.get("number") else title_start
    yield proposal("title", title, text, quote_start, end, "heading")
    year = (
        groups.get("bare_year")
        or groups.get("dash_year")
        or groups.get("square_year")
        or facts.get("year")
    )
    if year:
        yield proposal("year", year, text, title_start, end, "heading")
    for score in scores:
        yield proposal("verdict", score.strip("()"), text, start, end, "heading")
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
        elif rated := re.fullmatch(rf"(?:(?i:rated)\s+)?({CERT})", item):
            read.setdefault("certificate", rated.group(1))
        elif RUNTIME.fullmatch(item) or re.fullmatch(r"[1-4]:[0-5]\d", item):
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


ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|Vol|No|Pt)\.(?=\s)")


def plausible_title(title: str | None) -> bool:
    """Letters, not a label ("Rating:"), not a date ("Started: 12 May"), not a sentence."""
    if not title or not re.search(r"[^\W\d_]", title):
        return False
    stripped = title.strip()
    # "Mr. Saturday Night", "Dr. Strangelove": an abbreviation, not a sentence's end.
    unabbreviated = ABBREVIATIONS.sub("", stripped)
    if stripped.endswith((":", ",")) or re.search(r"[.!?]\s", unabbreviated):
        return False
    before_colon = stripped.split(":")[0]
    if ":" in stripped and (fold(before_colon) in LABELS or len(before_colon.split()) > 6):
        return False
    if "," in stripped and len(stripped.split(",")[0].split()) < 3:
        return False
    return len(stripped.split()) <= 14
