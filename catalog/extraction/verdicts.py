"""What a review thinks of the film: the critic's grade as the page prints it, and the sentence
that judges the film, on pages that judge it at all."""

import re
from collections.abc import Iterator, Sequence

from catalog.extraction.grades import SPELLED_STARS, STAR_RUN
from catalog.extraction.lexicon import MIXED, NEGATIVE, POSITIVE, RECEIVED_REVIEWS, VERDICT_OPENERS
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, lines, sentences
from catalog.normalise import fold

# Stars inside a line: "(R for violence) ★★★ (M.L.)"; a legend ("★★★★ Excellent") is no grade.
# Words that say the page is a critic's: the reviewer speaks, or names their review.
REVIEWER = re.compile(
    r"\b(?:I|I'm|I've|my|me|we|our|je|j'|moi|mon|ma|ich|mir|mich|mein|meine|yo|mi|me|io|"
    r"ik|mijn|eu|meu|minha|review|reviewed|kritik|critique|recensione|crítica|reseña|recensie|"
    r"verdict|fazit|jag|mitt|recension|betyg|recenze|recenzja|gostei)\b",
    re.IGNORECASE,
)
# A legend of the page's grades or ratings: "Ratings: 4 stars -- Excellent.", "PG — Parental
# guidance recommended.", "Our rating system: Four stars: Excellent".
RATING_LEGEND = re.compile(
    r"\b(?:stars?|[★]+)\s*(?:--|[-\u2013\u2014:])\s*(?:excellent|very good|good|fair|poor)\b|"
    r"^(?:ratings?|our rating system|rating system|legend)\b|\b(?:graded|rated) as follows\b|"
    r"\([A-F]\);|"
    r"\b(?:G|PG|PG-13|R|NC-17|NR)\s+(?:--|[\u2013\u2014-])\s+[A-Z]",
    re.IGNORECASE,
)
# "Empire's Will Lawrence remarks, “There are strong emotions ...”": another critic, quoted.
QUOTED_CRITIC = re.compile(
    r"\b(?:remarks|writes|wrote|says|said|notes|observes|calls it|called it|raves|declares)"
    r",?\s+[\"\u201c\u201e«]",
    re.IGNORECASE,
)
NOT_JUDGING = re.compile(
    r"\b(?:nominated|nomination|Academy Awards?|Oscars?|box office|grossed|premiered|"
    r"(?:video|audio|picture|sound|image) quality|transfer|this (?:dvd|disc|blu-ray)|the disc|"
    r"festival|won|wins|award|cenou|nagrodą|nagrodzony|premiato|ausgezeichnet|récompensé|"
    r"premiado|prisbelönt)\b|"
    # "Images are clean with razor sharp detail.": a disc's picture and sound, not the film.
    r"^(?:the\s+)?(?:images?|picture|sound|audio|video|colou?rs)\s+(?:is|are|was|were)\b",
    re.IGNORECASE,
)
POSITIVE_PHRASES = re.compile(
    r"\b(?:worth (?:watching|seeing|a look|a watch|the wait)|must[- ]see|well worth|a joy|a treat|"
    r"a delight|ein vergnügen|à voir|vale la pena|da vedere|well[- ](?:written|made|acted|"
    r"crafted|done|played|told)|magnum opus|"
    # "brilhantemente realizado e interpretado", "très bien joué", "ben recitato": well made.
    r"(?:bem|brilhantemente|muito bem|muy bien|bien|très bien|ben|molto ben)[ \t]+"
    r"(?:realizad[oa]|interpretad[oa]|filmad[oa]|escrit[oa]|dirigid[oa]|réalisé|interprété|"
    r"joué|filmé|écrit|girato|recitato|diretto|scritto))\b",
    re.IGNORECASE,
)
APPOSITIVE = re.compile(
    r",\s(?:a|an|un|une|ein|eine)\s(?:(?:truly|really|very|quite|genuinely|thoroughly)\s)?"
    r"[\w-]+\s(?:[\w-]+\s)?(?:film|movie|biopic|drama|comedy|thriller|documentary|musical)\b"
)
ASIDE = re.compile(r"[A-ZÀ-Þ][\w'\u2019-]+ \((?:[A-ZÀ-Þ][\w'\u2019.-]+ ?){1,4}\)")
ABOUT_THE_FILM = re.compile(
    r"^(?:the film|this film|the movie|this movie|it|it's|der film|le film|el film|il film|"
    r"la película|de film|this is|c'est|es ist|ce film)\b",
    re.IGNORECASE,
)


def verdict_claims(
    text: str, graded: bool, passages: Sequence[tuple[int, int]] = ()
) -> Iterator[Proposal]:
    """The sentence that says what the review thinks, with its verdict: the first that judges
    strongly (reviews state the verdict once the plot is told), else the strongest. A page
    with no grade and no reviewer's words must judge strongly to have a verdict at all; the
    plot and the tagline (`passages`, spans of the text) are not the critic's judgement."""
    judged = [
        (score, sentence, verdict)
        for line in lines(text)
        for sentence in sentences(
            Span(line.text.strip(), line.start + len(line.text) - len(line.text.lstrip()))
        )
        if judging(sentence) or gist(text, sentence)
        for score, verdict in [judge(sentence.text)]
        if verdict
    ]
    # A sentence of the plot or the tagline judges less surely than one of the critic's own.
    judged = [
        (score - 2 if any(a <= s.start < b for a, b in passages) else score, s, v)
        for score, s, v in judged
    ]
    # "A sometimes inscrutable but compelling fable about ...": a capsule names the film by
    # its kind as it judges it.
    judged = [(score + bool(KIND_OPENING.match(s.text)), s, v) for score, s, v in judged]
    # "Ambitious and underrated, this finds ...": a capsule opens on the words that judge.
    judged = [(score + 2 * judged_opening(s.text), s, v) for score, s, v in judged]
    # The first sentence under the critique's own heading ("CRITIQUE", "Kritik:") judges.
    judged = [
        (score + 2 * (under_critique(text, s.start) or gist(text, s)), s, v)
        for score, s, v in judged
    ]
    reviews = graded or bool(REVIEWER.search(text))
    strong = [entry for entry in judged if entry[0] >= 3]
    best = strong[0] if strong else max(judged, key=lambda entry: entry[0], default=None)
    if best and best[0] >= (1 if reviews else 2):
        _score, sentence, verdict = best
        yield proposal("verdict", verdict, text, sentence.start, sentence.end, "verdict")
        # The grade the sentence gives is the critic's mark too, unless the page gave one.
        if not graded and (grade := GRADE_IN_SENTENCE.search(sentence.text)):
            at = sentence.start + grade.start("grade")
            yield proposal(
                "verdict", grade.group("grade"), text, at, at + len(grade.group("grade")), "verdict"
            )


CRITIQUE_HEADING = re.compile(
    r"(?:critique|kritik|crítica|critica|recensione|review|our take|verdict|fazit|avis)"
    r"[ \t]*:?[ \t]*",
    re.IGNORECASE,
)


JUDGED_OPENING = re.compile(
    r"^(?P<words>[\w'\u2019-]+(?:,?[ \t]+(?:and|but|yet|if|et|mais|und|aber|y|pero|e|ma)[ \t]+"
    r"[\w'\u2019-]+)?),[ \t]+(?:this|it|the film|the movie|ce film|der Film|el film|il film)\b",
    re.IGNORECASE,
)


def judged_opening(sentence: str) -> bool:
    """Whether a sentence opens on words of the lexicon before the film it judges."""
    found = JUDGED_OPENING.match(sentence)
    words = re.findall(r"[\w'\u2019-]+", found.group("words")) if found else []
    return any(judged_word(word) for word in words)


GRADE_ENDING = re.compile(r"\b\d(?:[.,]\d{1,2})?[ \t]+STARS?$|[★]{1,5}½?$", re.IGNORECASE)


def under_critique(text: str, at: int) -> bool:
    """Whether position `at` opens the first line under a heading of the critique."""
    if at == 0 or text[at - 1] != "\n":
        return False
    heading = heading_over(text, at)
    # "THREE STARS", "“HARBOUR LIGHTS” (PG-13) 3.5 STARS": a capsule's grade over its words.
    graded = SPELLED_STARS.fullmatch(heading) or GRADE_ENDING.search(heading)
    return (
        CRITIQUE_HEADING.fullmatch(heading) is not None
        or CRITIQUE_OF.fullmatch(heading) is not None
        or graded is not None
    )


def heading_over(text: str, at: int) -> str:
    """The line above the line at `at`, past the blank lines between them."""
    over = text[: text.rfind("\n", 0, at + 1) if at else 0].rstrip()
    return over[over.rfind("\n") + 1 :].strip()


def gist(text: str, sentence: Span) -> bool:
    """A sentence of the short line under a heading that names whose critique follows: the
    critique's gist ("Crítica de la película X" over "Consigue lo que se propone: evasión.
    Competente secuela del original.")."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.start)
    short = (line_end if line_end >= 0 else len(text)) - line_start <= 160
    closed = re.search(r"[.!?…]$", sentence.text) is not None
    named = CRITIQUE_OF.fullmatch(heading_over(text, line_start)) is not None
    return short and closed and len(sentence.text.split()) >= 3 and named


# "Crítica de la película Predator", "Critique du film Le Phare", "Review of Harbour Lights":
# a heading that says whose critique follows.
CRITIQUE_OF = re.compile(
    r"(?i:critique|kritik|crítica|critica|recensione|review|reseña)[ \t]+"
    r"(?i:de|del|du|of|zu|zum|della|do|da)[ \t]+"
    r"(?:(?i:la película|le film|the film|il film|o filme|dem film|film)[ \t]+)?[^\n.!?]{1,60}"
)


def judging(sentence: Span) -> bool:
    """Whether a sentence may be the verdict: a sentence of prose, not a legend of grades, not
    another critic's words the page quotes."""
    words = len(sentence.text.split())
    ends = re.search(r"[.!?…\"\u201d)]$", sentence.text) is not None
    # "I was sorely disappointed.": a short sentence judges when the critic speaks in it.
    own_word = words >= 3 and ends and FIRST_PERSON.search(sentence.text) is not None
    if (words < 6 and not own_word) or (words < 12 and not ends):
        return False
    if QUOTED_CRITIC.search(sentence.text) or HOURS.search(sentence.text):
        return False  # another critic's words; a broadcast's hours
    return not RATING_LEGEND.search(sentence.text) and len(STAR_RUN.findall(sentence.text)) < 2


def lexicon(word: str, words: set[str]) -> bool:
    """A word of the lexicon, or a longer form of one ("sehenswerten" for "sehenswert")."""
    return word in words or any(word[:n] in words for n in range(7, len(word)))


# "Turner Classic Movies", "Good Morning America": a lexicon's word inside a proper name.
PROPER_RUN = re.compile(
    r"(?<=\S )[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)+|[A-Z][\w'\u2019-]*(?= [A-Z])"
)
# Words of the lexicon in phrases that judge nothing: "Un beau jour", "his best friend".
IDIOMS = re.compile(
    r"\b(?:un beau (?:jour|matin|soir)|one fine day|(?:best|good) friends?|best man|"
    r"good (?:morning|night|luck)|meilleure? amie?|beste[rn]? (?:Freund|Freundin)|"
    r"mejor amig[oa]|migliore amic[oa])\b",
    re.IGNORECASE,
)
HOURS = re.compile(r"\d:\d\d\s*[ap]\.?m\b", re.IGNORECASE)
# "A sometimes inscrutable but compelling fable about": a capsule names the film by its kind.
KIND_OPENING = re.compile(
    r"^(?:A|An|Un|Une|Ein|Eine|Una|Uno)\s+(?:\(?[\w'\u2019-]+\)?,?\s+){1,5}?"
    r"(?:film|movie|picture|fable|drama|comedy|thriller|western|documentary|musical|romp|"
    r"satire|tale|story|biopic|epic|farce|melodrama|film noir|noir|horror film|account|"
    r"portrait|study|meditation|chronicle)\b",
    re.IGNORECASE,
)


# The critic saying what they think of the film in the first person: "It's a subtle masterpiece
# in my opinion", "I thought this was a really good film", "I was rather underwhelmed".
FIRST_PERSON = re.compile(
    r"\b(?:in my (?:opinion|view|book)|I (?:thought|found|think|felt|consider(?:ed)?) "
    r"(?:this|the|it)\b|"
    r"I was (?:(?:rather|very|quite|a bit|a little|pretty|so|really|[a-z]+ly)\s+)?"
    r"(?:underwhelmed|disappointed|impressed|blown away|bored|moved)\b|"
    r"I (?:can't|can\u2019t|cannot|can not) recommend|"
    r"I (?:highly |strongly )?recommend (?:it|this)\b|"
    # "che ho trovato tremendamente brutto", "lo encontré aburrido": the same in Italian,
    # Spanish and Portuguese.
    r"\bho trovato\b|\b(?:lo|la) encontr[ée]\b|\bachei (?:o|a|este|esse)\b|"
    r"I (?:really |truly )?(?:loved|liked|enjoyed|hated|disliked) "
    r"(?:it|this|the (?:film|movie))\b)",
    re.IGNORECASE,
)
# The page's facts told in a sentence, not the critic's judgement: "was written and directed by
# my favorite director", "Starring ..., the film is rated PG-13".
CREDITS_TOLD = re.compile(
    r"\b(?:written and directed by|written by|starring|is rated|rated (?:G|PG|PG-13|R|NC-17) "
    r"for|was released in|based on the)\b",
    re.IGNORECASE,
)
FILM_IS = re.compile(
    r"\b(?:this|the) (?:movie|film|picture) (?:is|was)\s+(?:(?:just|really|so|very|pretty|quite|"
    r"simply|truly|not)\s+)?(?:a\s+|an\s+)?(?P<word>[\w'-]+)",
    re.IGNORECASE,
)


# "Het is ook een onevenwichtige film", "é um bom filme", "estamos perante um filme bastante
# aceitável": the film called a film of some kind, in the languages that put the word before
# the noun or after it.
CALLED_A = re.compile(
    r"\b(?:een|en|ett|ein|eine|un|une|una|um|uma|a|an)[ \t]+(?P<before>[\w'-]+)[ \t]+"
    r"(?:(?:svensk|nederlandse|italiano|français|deutscher)[ \t]+)?"
    r"(?:film|filme|movie|película|pellicola|Film|berättelse|verhaal)\b|"
    r"\b(?:un|una|um|uma|une)[ \t]+(?:film|filme|película|pellicola)[ \t]+"
    r"(?:(?:bastante|muito|molto|muy|très|assai|abbastanza|bem|tutto sommato)[ \t]+)?"
    r"(?P<after>[\w'-]+)",
    re.IGNORECASE,
)


def judged_word(word: str) -> bool:
    folded = fold(word)
    return lexicon(folded, POSITIVE) or lexicon(folded, NEGATIVE)


# A grade inside the critic's sentence: "a landmark of science fiction, 4/5", "7 out of 10".
GRADE_IN_SENTENCE = re.compile(
    r"(?<![\d/.,])(?P<grade>(?P<got>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:/|out of)\s*"
    r"(?P<of>10|5|4|20|100))(?![\d/])(?!\s+of\b)",
    re.IGNORECASE,
)


def graded_leaning(sentence: str) -> str:
    """The leaning of a grade the sentence gives ("4/5" positive, "2 out of 10" negative); ""
    without one."""
    found = GRADE_IN_SENTENCE.search(sentence)
    if not found:
        return ""
    share = float(found.group("got").replace(",", ".")) / float(found.group("of"))
    if share > 1:
        return ""
    return "positive" if share >= 0.7 else "negative" if share <= 0.4 else "mixed"


def judge(sentence: str) -> tuple[float, str]:
    """How surely a sentence judges the film (0: not at all), by its words, and its leaning:
    a grade the sentence gives decides that, whatever its words."""
    score, leaning = judged_words(sentence)
    if score and (graded := graded_leaning(sentence)):
        return score, graded
    return score, leaning


def judged_words(sentence: str) -> tuple[float, str]:
    plain = IDIOMS.sub(" ", PROPER_RUN.sub(" ", sentence))
    words = [fold(word) for word in re.findall(r"\w+(?:['\u2019-]\w+)*", plain)]
    positive = sum(lexicon(word, POSITIVE) for word in words)
    positive += 2 * len(POSITIVE_PHRASES.findall(sentence))
    negative = sum(lexicon(word, NEGATIVE) for word in words)
    mixed = sum(word in MIXED for word in words)
    if received := RECEIVED_REVIEWS.search(sentence):
        kind = received.group("kind").lower()
        score = float(positive + negative + mixed + 3)
        if "mixed" in kind:
            return score, "mixed"
        negative_kind = re.search(r"neg|unfav|poor|luke", kind)
        return score, "negative" if negative_kind else "positive"
    opens = VERDICT_OPENERS.match(sentence) or re.match(r"^In my (?:opinion|view)\b", sentence)
    if FIRST_PERSON.search(sentence) and not CREDITS_TOLD.search(sentence):
        leaning = "positive" if positive > negative else "negative"
        return float(positive + negative + mixed + 3), leaning if positive != negative else "mixed"
    if not positive + negative:
        # "Overall, this offers a reasonably updated facsimile of ...": the critic sums up.
        return (2, "mixed") if opens and not NOT_JUDGING.search(sentence) else (0, "")
    if NOT_JUDGING.search(sentence) and not opens:
        return 0, ""
    score = float(positive + negative + mixed)
    if opens:
        score += 2
    if CREDITS_TOLD.search(sentence):
        score -= 1
    if ASIDE.search(sentence):
        score -= 1  # who plays whom: the plot, told
    if re.match(r"^(?:The|This) (?:most|best|worst)\b", sentence):
        score += 1.5
    if APPOSITIVE.search(sentence) or ABOUT_THE_FILM.match(sentence):
        score += 1
    # "because this movie is bad": the film named and judged in one clause.
    called = CALLED_A.search(sentence)
    if ((named := FILM_IS.search(sentence)) and judged_word(named.group("word"))) or (
        called and judged_word(called.group("before") or called.group("after"))
    ):
        score += 2
    if re.search(r"[\"\u201c\u201e«][^\"\u201c\u201d\u201e«»]{2,60}[\"\u201d\u201c»]", sentence):
        score += 1
    if mixed or (positive and negative and abs(positive - negative) <= 1):
        return score, "mixed"
    return score, "positive" if positive > negative else "negative"
