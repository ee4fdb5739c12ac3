"""What a label's value says, by the field the label names: people, marks, lengths, genres,
titles and the plot."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.castlists import cast_list
from catalog.extraction.lexicon import GENRES
from catalog.extraction.marks import rating_or_certificate, verdict_value
from catalog.extraction.patterns import RUNTIME, SCORE, YEAR
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME, NAME_WORD, Span, is_name, split_list
from catalog.normalise import fold

# "Nota do IMDB", "Note spectateurs": a score of the audience; "Metacritic": of critics.
AUDIENCE = re.compile(
    r"(?i:imdb|tmdb|users?|usuários|usuarios|utenti|nutzer|spectateurs|"
    r"público|pubblico|publico|audience|letterboxd)"
)
AGGREGATOR = re.compile(r"(?i:metacritic|metascore|rotten|tomatometer|allocin[ée] presse)")
NAME_THEN_WORDS = re.compile(rf"({NAME})\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)+$")
QUALIFIER = re.compile(r"\s*\((?:[a-zà-ÿ][^()]*)\)\s*$")
# "u. a.", "and others", "m fl", "a další", "i inni": the end of a list of people that goes on.
STOP_WORDS = re.compile(
    r"\s*\(?(?:\bu\.\s?a\.|\band others\b|\betc\.?|\bet al\.?|\[\d|\bm\.?\s?fl\b\.?|"
    r"\ba další\b|\bi inni\b|\be altri\b|\ben anderen\b).*$",
    re.S,
)
# A sentence's end, not an initial's point ("J. Dudek", "Ann B. Lee", "Jr. Lee").
SENTENCE_STOP = re.compile(r"(?<!^[A-Z])(?<![\s.][A-Z])(?<!\b[A-Z][a-z])\.\s+(?=[A-ZÀ-Þ][a-zà-ÿ])")
# A mark with a note in brackets, then the end of the value or a sentence.
NOTED_SCORE = re.compile(
    rf"\s*(?P<mark>{SCORE.pattern}\s*\([^()\n]{{1,30}}\))(?:\.?\s*$|\.\s+(?=[A-Z]))"
)
# "Plot/Characters: 6* - I went into this movie ...": a mark of the plot, not the plot.
MARK_FIRST = re.compile(r"\s*\d{1,2}(?:[.,]\d)?\s*(?:\*|/\s*\d{1,2}\b)")
# A mark alone, or the sum of marks that makes it: "7.5", "7+6+6+6 = 25/4 = 6.25".
SUMMED_MARK = re.compile(
    r"\s*(?:\d[\d.,]*(?:\s*[+/]\s*\d[\d.,]*)*\s*=\s*)*(\d{1,2}(?:[.,]\d{1,2})?)\s*"
)


PLOT_SOURCE = re.compile(
    r"\s*\((?:[A-Z][A-Z0-9 .&'-]{2,30}|(?i:source|quelle|fuente|fonte): [^()]+)\)$"
)


def field_values(
    text: str, claim_field: str, value: Span, label_start: int, names: Container[str]
) -> Iterator[Proposal]:
    # "Drama more", "For Love See more »": the page's link to more of the same.
    raw = re.sub(
        r"\s*(?:\|\s*)?(?:See (?:all|more)[^\n]*|more|mehr|plus)?\s*[»\u203a]?\s*$", "", value.text
    )
    raw = re.sub(r"\s+more$", "", raw).rstrip()
    raw = raw.rstrip(".") if not re.search(r"\b[A-Z]\.$", raw) else raw
    if cut := STOP_WORDS.search(raw):
        raw = raw[: cut.start()]
    # "Regia di A, B. Un film con C, D": a list of people ends with its sentence.
    if claim_field in ("director", "writer") and (stop := SENTENCE_STOP.search(raw)):
        raw = raw[: stop.start()]
    end = value.start + len(raw.rstrip())
    quote = (text, label_start, end)
    if claim_field in ("director", "writer"):
        # "Vanna Paoli (it) Giuseppe Tornatore": a wiki's mark of a page in another language
        # stands between two names.
        raw = re.sub(
            r"[ \t]*\([a-z]{2}\)[ \t]+(?=[A-ZÀ-Þ])",
            lambda m: ", " + " " * (len(m.group(0)) - 2),
            raw,
        )
        for item, _at in split_list(raw.replace("\n", ", ")):
            item = QUALIFIER.sub("", item)
            # "Based on | The Secret Life by John Hersey |": the work, then its author.
            if (work := re.fullmatch(rf".+?\s(?:by|von|de|di|par|por)\s+({NAME})", item)) and not (
                is_name(item, names)
            ):
                item = work.group(1)
            # "Regia di Roberto Faenza vedi scheda film": the name, then the page's link.
            if (led := NAME_THEN_WORDS.match(item)) and not is_name(item, names):
                item = led.group(1)
            for person in parted(text, item, names):
                if is_name(person, names) or re.fullmatch(NAME_WORD, person):
                    yield proposal(claim_field, person, *quote, "label")
    elif claim_field == "cast":
        # A name a line, or a bulleted name a line ("- Juliette Lewis"): a comma each, in place.
        bullets = re.sub(r"\n[ \t]*[-•·][ \t]", lambda m: "," + " " * (len(m.group(0)) - 1), raw)
        listed = Span(bullets.replace("\n", ","), value.start)
        yield from cast_list(text, listed, label_start, names, actor_first=True)
    elif claim_field == "runtime":
        # "Durée : 77'": minutes marked by an apostrophe, as French and Italian pages write them.
        primed = re.match(r"\s*\d{2,3}\s?['\u2019\u2032](?!\w)", raw)
        if found := RUNTIME.search(raw) or re.fullmatch(r"\s*(\d{2,3})\s*", raw) or primed:
            yield proposal("runtime", found.group(0).strip(), *quote, "label")
    elif claim_field == "year":
        if found := YEAR.search(raw):
            yield proposal("year", found.group(0), *quote, "label")
    elif claim_field in ("certificate", "user_rating"):
        yield from rating_or_certificate(raw, quote, claim_field)
    elif claim_field == "verdict":
        yield from verdict_value(raw, quote)
    elif claim_field == "score" and AGGREGATOR.search(text[label_start : value.start]):
        return  # "Nota do Metacritic: 90/100": the critics' average, no critic's own
    elif claim_field == "score" and AUDIENCE.search(text[label_start : value.start]):
        if found := SCORE.fullmatch(raw.strip()):
            yield proposal("user_rating", found.group("score"), *quote, "label")
    elif claim_field == "score" and (found := SCORE.fullmatch(raw.strip())):
        yield proposal("verdict", found.group("score"), *quote, "label")
    elif claim_field == "score" and (found := NOTED_SCORE.match(raw)):
        # "Subjective Rating: 8/10 (Great, 4/4). One of the best ...": the mark, its note, then
        # the critic's words.
        end = value.start + found.end("mark")
        yield proposal("verdict", found.group("score"), text, label_start, end, "label")
    elif claim_field == "score" and (mark := SUMMED_MARK.fullmatch(raw)):
        # "VOTO : 5.", "Calificación: 7", "My Rating: 7.5", "My Score: 7+6+6 = 19/3 = 6.33": a
        # critic's mark without its scale, or the sum that makes it; a bare "Rating: 7" may be
        # the audience's.
        label = fold(text[label_start : value.start])
        own = re.match(r"(?:my|our)\b", label) or not re.search(r"rating|score", label)
        if own and float(mark.group(1).replace(",", ".")) <= 10:
            yield proposal("verdict", mark.group(1), *quote, "label")
    elif claim_field == "votes":
        if found := re.search(r"\d[\d,.]*", raw):
            yield proposal("votes", found.group(0), *quote, "label")
    elif claim_field in ("genre", "language", "country"):
        items = [item for item, _at in split_list(re.sub(r"\.\s+", ", ", raw))]
        known = [item for item in items if fold(item) in GENRES]
        # "Жанр: Фильмы / 2013 / Германия / Россия / Драма": a site's trail, its genre last.
        trail = any(re.fullmatch(r"\d{4}", item) for item in items)
        # "Category: Trivia": a blog files its posts under categories, a genre among them or not.
        filed = fold(text[label_start : value.start]).startswith(("categor", "kategor", "tag"))
        if claim_field == "genre" and ((known and trail) or filed):
            items = known
        # A genre may take four words ("Cine dentro del cine"); a country or language three.
        most = 4 if claim_field == "genre" else 3
        for item in items:
            if len(item.split()) <= most and not re.search(r"\d", item):
                yield proposal(claim_field, item, *quote, "label")
    elif claim_field == "title" and (grade := SCORE.fullmatch(raw.strip())):
        # "Movie: ***" beside "Picture: **": a disc review's grade of the film.
        yield proposal("verdict", grade.group("score"), *quote, "label")
    elif claim_field == "title":
        title = re.sub(r"\s*\(\s*\d{4}\s*\)\s*$", "", raw).strip()
        # "Titre original : « Moss Rose »": the title inside its quotation marks.
        title = (
            title.strip('«»\u201c\u201d\u201e"\u00a0 ') if title[:1] in '«\u201c\u201e"' else title
        )
        if title and len(title) < 120:
            yield proposal("title", title, *quote, "label")
    elif claim_field in ("tagline", "setting", "period"):
        if 2 < len(raw.strip()) < 300:
            yield proposal(claim_field, raw.strip(), *quote, "label")
    elif claim_field == "synopsis" and len(raw) > 60 and not MARK_FIRST.match(raw):
        # "... dejar huella. (FILMAFFINITY)": the plot without the site it is taken from.
        plot = PLOT_SOURCE.sub("", raw.rstrip())
        end = value.start + len(plot)
        yield proposal("synopsis", plot.strip(), text, value.start, end, "label")


def parted(text: str, item: str, names: Container[str]) -> list[str]:
    """A wiki's cell of names its copy runs together ("Manuel Alcalá Alonso Ruizpalacios"),
    parted where it begins or ends with a name the page writes elsewhere on its own."""
    words = item.split()
    if len(words) < 4 or fold(item) in names:
        return [item]
    for other in sorted(page_names(text), key=len, reverse=True):
        if item != other and item.startswith(other + " "):
            rest = item[len(other) + 1 :]
        elif item != other and item.endswith(" " + other):
            rest = item[: -len(other) - 1]
        else:
            continue
        if 2 <= len(rest.split()) <= 3:
            return [other, rest] if item.startswith(other) else [rest, other]
    return [item]


def page_names(text: str) -> set[str]:
    """The names of two or three words the page writes."""
    return {
        match.group(0) for match in re.finditer(NAME, text) if 2 <= len(match.group(0).split()) <= 3
    }
