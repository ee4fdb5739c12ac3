"""The long passages: the plot told as a synopsis, and a tagline."""

import itertools
import re
from collections.abc import Iterator

from catalog.extraction.grades import CLOSING_GRADE
from catalog.extraction.headlines import HEAD
from catalog.extraction.lexicon import VERDICT_OPENERS
from catalog.extraction.lonefacts import MADE_IN
from catalog.extraction.places import SET_IN
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, lines, paragraphs, sentences
from catalog.extraction.verdicts import judge
from catalog.extraction.vocabulary import LABELS, field_of
from catalog.normalise import fold

ASIDE_NAME = re.compile(r"[A-ZÀ-Þ][\w'\u2019-]+ \((?:[A-ZÀ-Þ][\w'\u2019.-]+ ?){2,4}\)")
PLOT_OPENERS = re.compile(
    r"^(?:The (?:story|plot|film|movie) (?:of [\"\u201c][^\"\u201d]+[\"\u201d] )?"
    r"(?:follows|tells|is about|"
    r"centers|centres|revolves|focuses|takes place|starts|begins|opens)|The story of\b|"
    # "Film opowiada o ...", "Il film racconta": the plot told in the page's own language.
    r"(?:Film|Il film|La película|El filme|La cinta|O filme|Der Film|Le film|De film)\s+"
    r"(?:opowiada|przedstawia|racconta|narra|cuenta|conta|acompanha|erzählt|raconte|vertelt)\b|"
    r"Back in\b|In (?:(?:18|19|20)\d\d|the (?:18|19|20)\d0s),|It is the year\b|"
    r"(?:Initially |Originally )?[Ss]et in\b|When (?:a|an|his|her|their)\s|"
    # "Bhonsle is a film that revolves around", "It's 1961, Sputnik is circling", "In this
    # intense crime thriller directed by X, a defector becomes": the story, told in a review.
    r"(?:[A-Z][\w'\u2019:-]*[ \t]+){1,5}(?:is a (?:film|movie|story|drama|thriller|comedy) "
    r"that[ \t]+)?(?:revolves around|tells the story of|centers on|centres on|chronicles)\b|"
    r"It(?:'s|\u2019s| is) (?:18|19|20)\d\d,|"
    r"In this [^.,]{0,80}?(?:thriller|drama|film|movie|comedy|documentary|western)\b[^.,]{0,60},"
    r" (?:a|an|the|two|three)\s|"
    r"(?:The premise is simple|La premisa es simple|La prémisse est simple|The plot is simple)"
    r"[ \t]*:)",
)
JUDGING = re.compile(
    r"\b(?:portrayal|performance|performances|delivers|cinematography|masterfully|in conclusion|"
    r"reviews?|critics?|critiqued|acting|screenplay|directing|director|the cast|score|we|I|"
    r"audience|viewers?|box office|ticket office|recommend)\b",
    re.IGNORECASE,
)
# A line that defines the film rather than telling its story ("X is a 1994 American film").
DEFINES = re.compile(
    r"^[^.!?]{1,80}\s(?:is|was|è|est|es|ist)\s(?:a|an|un|une|una|ein|eine)\s"
    r"(?:[\w'-]+\s){0,6}(?:film|movie|Film|película|filme)\b"
)


# Lines about the film's making or fortunes, which a page's first prose line can be.
NOT_PLOT = re.compile(
    r"\b(?:nominated|Academy Awards?|Oscars?|box office|grossed|grossing|premiered|licensed|"
    r"copyright|phenomenon|"
    # "The movie was released on Feb. 12, 1993. Here was our original review.": the page's
    # words on the film's release or on the review itself.
    r"was released (?:on|in)|our (?:original )?review|(?:first|originally) (?:published|ran)|"
    r"cookies|newsletter|sign in|subscribe)\b|^(?:The|Il|Le|La|Der|Die|El) (?:title|titolo|"
    r"titre|Titel|título)\b",
    re.IGNORECASE,
)


def is_heading(line: str) -> bool:
    """A short line without end punctuation: a section heading such as "Plot" or "Top Cast"."""
    body = line.strip()
    return 0 < len(body) < 40 and not re.search(r"[.!?,;]$", body)


# A plot the page credits to the site it took it from: "... arrested for espionage in the US
# (from IMDB).", "(via Wikipedia)".
CREDITED_PLOT = re.compile(
    r"[ \t]*\((?i:from|via|source:?)[ \t]+(?i:IMDb|Wikipedia|TMDb|Letterboxd|Netflix|"
    r"Rotten Tomatoes|the distributor|the studio)\)\.?[ \t]*$"
)


def credited_plot(blocks: list[Span], text: str) -> Iterator[Proposal]:
    for block in blocks:
        body = block.text.rstrip()
        if (credit := CREDITED_PLOT.search(body)) and len(body[: credit.start()].split()) >= 12:
            start = block.start + len(body) - len(body.lstrip())
            yield proposal("synopsis", "", text, start, block.start + credit.start(), "told plot")


def synopsis_claims(text: str) -> Iterator[Proposal]:
    blocks = paragraphs(text)
    found = list(headed_synopsis(text)) or list(credited_plot(blocks, text))
    found = found or list(told_synopsis(text, blocks))
    for claim in found or description(text):
        yield without_credits(text, claim)


# A sentence of credits: "Starring Emma Stone and Ryan Gosling.", "Cast: ...", "Directed by X."
CREDITS = re.compile(
    r"^(?:starring|with|co-starring|also starring|directed by|written by|cast|director|"
    r"avec|mit|con|regie|réalisé par|dirigida por|un film de|ein film von)\b",
    re.IGNORECASE,
)


def without_credits(text: str, claim: Proposal) -> Proposal:
    """The plot without the credit sentences that open or close it: the cast sentence is the
    cast's, and the editor reads the plot apart."""
    told = sentences(Span(claim.quote, claim.start))
    while len(told) > 1 and CREDITS.match(told[-1].text):
        told.pop()
    while len(told) > 1 and CREDITS.match(told[0].text):
        told.pop(0)
    if not told or (told[0].start == claim.start and told[-1].end == claim.end):
        return claim
    return proposal("synopsis", "", text, told[0].start, told[-1].end, claim.rule)


def headed_synopsis(text: str) -> Iterator[Proposal]:
    """The lines under a "Plot" / "Handlung" / "Trama" heading, to the next heading."""
    all_lines = list(lines(text))
    for index, line in enumerate(all_lines):
        heading = line.text.strip(" :•\t")
        if LABELS.get(fold(heading)) != "synopsis" or len(heading) > 30:
            continue
        start = end = None
        for following in all_lines[index + 1 :]:
            body = following.text.strip()
            if not body:
                continue
            # "Inhalt (Verleih-Website):" under "Inhalt": the heading again, with its source.
            if start is None and body.endswith(":") and len(body) < 60:
                continue
            # "Synopsis" / "Présentation générale": a sub-heading of the plot's own, over it.
            if start is None and is_heading(body) and len(body) < 40 and not field_of(body):
                continue
            if is_heading(body) or re.match(r"^[^\W\d_][\w ]{0,30}:\s", body):
                break
            if start is None:
                start = following.start + len(following.text) - len(following.text.lstrip())
            end = following.start + len(following.text.rstrip())
        # "Premise" / "A 1950's couple begin to doubt their "American Dream".": a one-line
        # premise under its heading is the plot too.
        told = start is not None and end is not None and sentence_told(text[start:end])
        if start is not None and end is not None and (end - start > 60 or told):
            yield proposal(
                "synopsis", "", text, start, until_judged(text, start, end), "plot heading"
            )
            return


def sentence_told(body: str) -> bool:
    """A whole sentence of six words or more: "A 1950's couple begin to doubt their dream."."""
    return len(body.split()) >= 6 and bool(re.search(r"[.!?][\"\u201d\u2019)]?$", body))


def until_judged(text: str, start: int, end: int) -> int:
    """Where a plot under its heading ends: before the sentences that judge the film, which a
    lexicon's entry closes it with ("Schlecht erfundene ... Kolportage")."""
    told = sentences(Span(text[start:end], start))
    for index, sentence in enumerate(told[1:], start=1):
        if judge(sentence.text)[0] >= 2 and not ASIDE_NAME.search(sentence.text):
            return told[index - 1].end
    return end


def told_synopsis(text: str, blocks: list[Span]) -> Iterator[Proposal]:
    """A run of story-telling paragraphs: it opens with "The story of" or "Back in the 1950s"
    or tells who plays whom ("Alexi (Balthazar Getty)"), and ends where the judging begins."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        opening = next(
            (
                s
                for s in sentences(block)
                if PLOT_OPENERS.match(s.text) or ASIDE_NAME.search(s.text)
            ),
            None,
        )
        if opening is None or len(block.text) < 120 or labelled(block):
            index += 1
            continue
        start = opening.start
        if aside := ASIDE_NAME.search(opening.text):
            # A sentence run on from the label lines above the prose: the plot's line.
            start += opening.text.rfind("\n", 0, aside.start()) + 1
        end = block.end
        following = index + 1
        while following < len(blocks):
            candidate = blocks[following]
            previous = blocks[following - 1]
            continuing = (
                not re.search(r"[.!?\"\u201d)]$", previous.text) and candidate.text[:1].islower()
            )
            ends = is_heading(candidate.text) or judges(candidate) or len(candidate.text) < 120
            if not continuing and ends:
                break
            end = candidate.end
            following += 1
        if end - start > 200:
            yield proposal("synopsis", "", text, start, end, "told plot")
            return
        index = following


def description(text: str) -> Iterator[Proposal]:
    """Failing those, the page's first line of prose: a listing's or blog's short plot, to
    the first sentence that judges; not a head line, a credit or the critic's opinion. Of the
    first three such lines, one that opens by placing the story ("Akcja filmu rozgrywa się w
    ...", "Vi befinner oss i Norrland där ...") is the plot, past a page's words before it."""
    found = list(itertools.islice(prose_lines(text), 3))
    placed = [claim for claim in found if (at := SET_IN.search(claim.quote)) and at.start() < 60]
    yield from (placed or found)[:1]


def prose_lines(text: str) -> Iterator[Proposal]:
    """The page's lines of prose that may tell its plot, in order."""
    for line in lines(text):
        # "... fine performances.” MTRCB Rating: PG": a label closing the line is no prose.
        body = TRAILING_LABEL.sub("", CLOSING_GRADE.sub("", line.text.strip()))
        # "... adulthood. (Fully subtitled) Official Web Site": a listing's words after its blurb.
        if (tail := TRAILING_WORDS.search(body)) and not CREDITED_TAIL.search(tail.group(0)):
            body = body[: tail.start()]
        if len(body) < 80 or not re.search(r"[.!?…\"\u201d)]$", body) or "|" in body:
            continue
        if re.match(r"^[^\W\d_][\w' /-]{0,30}:\s", body) or DEFINES.match(body):
            continue
        # A listing's plot may close on the film's prizes: its first sentence must tell.
        if NOT_PLOT.search(body.split(". ")[0]) or CREDIT_OPENING.match(body) or HEAD.match(body):
            continue
        # An epigraph in quotes; a line of the film's making ("written and directed by X").
        if QUOTED_LINE.match(body) or MAKING.search(body.split(". ")[0]):
            continue
        letters = [c for c in body if c.isalpha()]
        if sum(c.islower() for c in letters) < 0.6 * len(letters):
            continue
        if REVIEWER_SPEAKS.search(body) or len(INLINE_LABELS.findall(body)) >= 2:
            continue
        start = line.start + len(line.text) - len(line.text.lstrip())
        told = sentences(Span(body, start))
        if told[0].text.endswith("?"):
            continue
        # "Nederland 2007. Drama van Erik de Bruyn. Met o.a. ...": a guide's line of facts.
        if MADE_IN.fullmatch(told[0].text.rstrip(".")):
            continue
        # A capsule's one sentence may judge and tell at once ("strong stuff, but poorly
        # told, about how two half brothers ..."); else the plot ends where judging begins.
        if judge(told[0].text)[0] >= 2 and not TELLS.search(told[0].text):
            continue
        # "Un'opera prima tutto sommato riuscita ...": the critic sums the film up.
        if SUMMING_UP.search(told[0].text):
            continue
        kept = [
            told[0],
            *itertools.takewhile(
                lambda s: judge(s.text)[0] < 2 and not NOT_PLOT.search(s.text), told[1:]
            ),
        ]
        yield proposal("synopsis", "", text, start, kept[-1].end, "description")


def labelled(block: Span) -> bool:
    """Whether a paragraph is a run of labels ("Regie: X. Kamera: Y. Szenenbild: Z (...)"), or
    of short lines ("Produktionsland" / "Deutschland" / ...), not prose."""
    block_lines = block.text.split("\n")
    if len(re.findall(r"(?:^|[.;]\s)[^\W\d_][\w'\u2019 -]{0,30}:\s", block.text)) >= 3:
        return True
    return len(block_lines) > 3 and sum(map(len, block_lines)) / len(block_lines) < 40


# The words a listing prints after its blurb's last sentence; a quote's author after its
# ellipsis ("... globale... Bruno Podalydès") and a credit ("Directed by X") are not such.
SUMMING_UP = re.compile(
    r"\b(?:tutto sommato|all in all|on the whole|alles in allem|en somme|en definitiva|"
    r"au final|nel complesso|in conclusion|em suma)\b",
    re.IGNORECASE,
)
TRAILING_WORDS = re.compile(r"(?<![.][.])(?<=[.!?)])[ \t]+[^.!?\n]{1,40}(?<![.!?…\"\u201d)])$")
CREDITED_TAIL = re.compile(r"\b[Bb]y\b")
QUOTED_LINE = re.compile(r"^[\"\u201c\u201e«][^\"\u201c\u201d\u201e«»]+[\"\u201d»]$")
MAKING = re.compile(r"\b(?:directed|written|produced|shot|filmed) by\b", re.IGNORECASE)
TRAILING_LABEL = re.compile(r"(?<=[.!?\u201d\"])\s+[^\W\d_][\w ]{0,30}:\s*[^\s.]{1,12}$")
# The critic speaking of themselves or to the reader: "I was frothing", "heb jij een eigen".
REVIEWER_SPEAKS = re.compile(
    r"\b(?:I|I'm|I've|I'd|my|myself|we're|j'|j\u2019|moi|ich|mich|mir|yo|io|ik|mij|mijn|"
    r"jij|you|your)\b"
)
INLINE_LABELS = re.compile(r"(?:^|[.;]\s)[^\W\d_][\w'\u2019 -]{0,30}:\s")
TELLS = re.compile(
    r"\b(?:about how|about a|about an|about the|follows|tells the story|centers on|centres on|"
    r"is the story|story of|chronicles|revolves around|erzählt von|raconte|cuenta la historia|"
    r"racconta)\b",
    re.IGNORECASE,
)
# A line that opens with a credit is the credits, not the plot: "Directed by X, the film ...".
CREDIT_OPENING = re.compile(
    r"^(?:directed by|written by|starring|with|produced by|regie|réalisé par|dirigida por|"
    r"diretto da|un film de|ein film von|cast|avec|mit|the (?:main |supporting )?cast|"
    r"the film stars|the movie stars|it stars)\b",
    re.IGNORECASE,
)


def judges(block: Span) -> bool:
    """Whether a paragraph opens with the critic's judgement, where the told plot ends."""
    first = sentences(block)[:1]
    if first and (JUDGING.search(first[0].text) or judge(first[0].text)[0] >= 2):
        return True
    return bool(VERDICT_OPENERS.match(block.text))


def tagline_claims(text: str) -> Iterator[Proposal]:
    """A line near the top, apart from the plot: Title Case ("It's All Make Believe, Perhaps
    That's Why We Love It."), or one short sentence before a heading."""
    shown = [line for line in lines(text) if line.text.strip()][:8]
    for index, line in enumerate(shown[1:], start=1):
        body = line.text.strip()
        if len(shown[index - 1].text.strip()) > 200:
            return  # past the first paragraph of prose: the plot or the review has begun
        if (
            not 25 <= len(body) <= 160
            or not re.search(r"[.!?…]$", body)
            or re.search(r"[:|•()]|\.\.\.$|…$", body)
            or DEFINES.match(body)
        ):
            continue
        words = re.findall(r"[^\W\d_][\w'\u2019]*", body)
        title_case = len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
        after = shown[index + 1].text.strip() if index + 1 < len(shown) else ""
        single = len(sentences(Span(body, 0))) == 1 and len(body) <= 120
        if title_case or (single and is_heading(after)):
            start = line.start + len(line.text) - len(line.text.lstrip())
            yield proposal("tagline", body, text, start, start + len(body), "tagline")
            return
