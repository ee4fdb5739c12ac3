"""Entries of listings, guides and capsules, headed by their title: "Operator (2016, dir. Logan
Kibens) This Chicago-filmed ...", "Dafne [Dafne, Itália, 2018], de Frederico Bondi", '"Dave" --
3 stars:', "BEIRUT. 3 stars. Well-acted ...", "At Close Range (Channel 13 Sunday at 8 p.m.) is",
"Angel Has Fallen" over "Action. Secret Service Agent ..."."""

import itertools
import re
from collections.abc import Container, Iterator

from catalog.extraction.headlines import STARS, YEAR, fact_claims, plausible_title, read_facts
from catalog.extraction.lexicon import GENRES
from catalog.extraction.patterns import RUNTIME
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME, Span, is_name, lines, sentences, split_list
from catalog.normalise import fold

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
# A TV listing's entry: "The Planet of Junior Brown (Showtime, 8-9:35 p.m.): A ...", and
# the quoted title before the hour: 'Sunday / "Once a Thief" 8 p.m. Fox'.
HOUR = r"\d{1,2}(?::\d\d)?(?:\s*[-\u2013]\s*\d{1,2}(?::\d\d)?)?\s*[ap]\.?m\.?"
TV_LISTING = re.compile(
    rf"^(?P<title>[A-Z0-9À-Þ][^\n()]{{0,80}}?)[ \u00a0]*\((?P<inside>[^()\n]{{0,40}}{HOUR}"
    r"[^()\n]{0,30})\)[ \t]*:[ \t]+",
    re.MULTILINE,
)
QUOTED_HOUR = re.compile(
    rf"(?:^|/[ \t]*)[\"\u201c](?P<title>[^\"\u201d\n]{{1,80}}?),?[\"\u201d],?[ \t]+{HOUR}",
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
    rf"^(?P<title>[A-Z0-9][A-Z0-9 '\u2019&:,!?-]{{0,60}}[A-Z0-9!?])\.[ \t]+(?P<stars>{STARS})\."
    r"|^(?P<capitals>[A-Z0-9][A-Z0-9 '\u2019&,!?.-]{0,60}[A-Z0-9!?]):[ \t]*"
    r"\((?P<grade>[A-F][+\-]?)\)",
    re.MULTILINE,
)


# A capsule headed by its title in capitals and a dash: "GREASE - is the word! The film ...".
CAPITALS_DASH = re.compile(
    r"^(?P<title>[A-Z0-9À-Þ][A-Z0-9À-Þ '\u2019&!?.]{1,60}[A-Z0-9À-Þ!?])"
    r"(?:[ \t]+[-\u2013\u2014][ \t]+"
    r"(?=[^\n]{40})|,[ \t]+(?=[a-zà-ÿ][^\n]{20}))",
    re.MULTILINE,
)


def capsules(text: str) -> Iterator[Proposal]:
    for capsule in CAPSULE.finditer(text):
        end = capsule.end("stars")
        yield proposal("title", capsule.group("title"), text, capsule.start(), end, "capsule")
        yield proposal("verdict", capsule.group("stars"), text, capsule.start(), end, "capsule")
    if (dashed := CAPITALS_DASH.search(text)) and len(re.findall(r"[A-Z]", dashed.group(1))) > 2:
        end = dashed.end("title")
        yield proposal("title", dashed.group("title"), text, dashed.start(), end, "capsule")
    for capsule in CAPITALS_STARS.finditer(text):
        title, stars = capsule.group("title") or capsule.group("capitals"), capsule.group("stars")
        end = capsule.end("stars") + 1 if stars else capsule.end()
        yield proposal("title", title, text, capsule.start(), end, "capsule")
        grade = stars or capsule.group("grade")
        yield proposal("verdict", grade, text, capsule.start(), end, "capsule")
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
    if found := list(disc_titles(text)):
        yield from found
        return
    for pattern in (TV_LISTING, QUOTED_HOUR):
        hour = pattern.search(text)
        if hour and plausible_title(hour.group("title").strip()):
            title = hour.group("title").strip()
            yield proposal("title", title, text, hour.start("title"), hour.end(), "heading")
            return
    for match in LISTING.finditer(text):
        title = match.group("title").strip()
        inside = match.group("inside").strip()
        # "Phil Conners (Murray) is a weatherman": a part and its actor, named in full elsewhere.
        surname = re.search(rf"\b[A-Z][\w'\u2019-]+[ \u00a0]{re.escape(inside)}\b", text)
        if plausible_title(title) and title_case(title) and not (is_name(inside) or surname):
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


# A disc round-up names the film before its studio and rating: "Mandy Moore's acting debut A
# Walk To Remember (Warner Bros, Rated PG, DVD-$26.98 SRP)".
DISC_BRACKET = re.compile(
    r"(?P<title>(?:[A-Z0-9][\w'\u2019:&-]*|of|the|to|a|an|and|in|on|at|for|with)"
    r"(?:[ ](?:[A-Z0-9][\w'\u2019:&-]*|of|the|to|a|an|and|in|on|at|for|with)){0,9})"
    r"[ \u00a0]+\((?:[^()\n,]{2,40},[ \t]*)?(?:Rated[ \t]+(?P<cert>PG-13|NC-17|PG|G|R|NR|X)|"
    r"Not Rated|Unrated)\b[^()\n]{0,40}\)"
)


def disc_titles(text: str) -> Iterator[Proposal]:
    for match in DISC_BRACKET.finditer(text):
        words = match.group("title").split()
        while words and not words[0][0].isupper():
            words = words[1:]  # "debut A Walk To Remember": the title's first word is capital
        title = " ".join(words)
        if title and plausible_title(title) and title_case(title):
            start = match.end("title") - len(title)
            yield proposal("title", title, text, start, match.end(), "heading")
            if match.group("cert"):
                yield proposal(
                    "certificate", match.group("cert"), text, start, match.end(), "heading"
                )
            return


def title_case(body: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", body)
    return 0 < len(words) <= 10 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


# A listicle's entry: "The Witness" over "2018 - Dir: Kyu-Jang Cho".
YEAR_DIRECTOR = re.compile(
    r"^[ \t]*(?P<year>(?:18|19|20)\d\d)[ \t]*[-\u2013\u2014|,·][ \t]*(?:Dir\.?|Director|"
    r"Directed by|Dirigida por|Dirigido por|Regie|Réal\.?|Regia|Directora)[ \t]*:?[ \t]*"
    rf"(?P<people>{NAME})[ \t]*$",
    re.MULTILINE,
)


def year_director_lines(text: str) -> Iterator[Proposal]:
    for match in YEAR_DIRECTOR.finditer(text):
        start, end = match.start("year"), match.end("people")
        yield proposal("year", match.group("year"), text, start, end, "heading")
        yield proposal("director", match.group("people"), text, start, end, "heading")
        above = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        if above and plausible_title(above) and title_case(above) and len(above) < 80:
            at = text.rindex(above, 0, match.start())
            yield proposal("title", above, text, at, at + len(above), "heading")


# A TV pick's credit bracket on its own line, under the title (and the hour and channel):
# "(Anand Tucker, 2007)", "(BBFC Rating 15, Mel Brooks, 1968)".
PICK_BRACKET = re.compile(
    r"^[ \t]*\((?:(?:(?:BBFC|MPAA)(?:[ \t]+Rating)?|Cert(?:ificate)?\.?|Rated)[ \t]+"
    r"(?P<certificate>[A-Z0-9][A-Z0-9-]{0,5}),[ \t]*)?"
    rf"(?P<people>{NAME}(?:[ \t]*(?:&|and|,)[ \t]*{NAME})*),[ \t]*"
    r"(?P<year>(?:18|19|20)\d\d)\)[ \t]*$",
    re.MULTILINE,
)
# The hour and channel of a broadcast: "9pm, Film4", "10.20pm, Sky Movies Drama".
BROADCAST = re.compile(r"^\s*\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b", re.IGNORECASE)


def pick_brackets(text: str, names: Container[str]) -> Iterator[Proposal]:
    for match in PICK_BRACKET.finditer(text):
        start, end = match.start() + match.group(0).index("("), match.end()
        end = start + len(match.group(0).strip())
        people = [(n, o) for n, o in split_list(match.group("people")) if is_name(n, names)]
        if not people:
            continue
        yield proposal("year", match.group("year"), text, start, end, "heading")
        for name, _offset in people:
            yield proposal("director", name, text, start, end, "heading")
        if match.group("certificate"):
            at = match.start("certificate")
            label_at = text.rindex("(", 0, at) + 1
            cert = match.group("certificate")
            yield proposal("certificate", cert, text, label_at, at + len(cert), "heading")
        above = [line for line in text[: match.start()].rstrip().split("\n")[-3:] if line.strip()]
        while above and BROADCAST.match(above[-1]):
            above.pop()
        if above and plausible_title(title := above[-1].strip()) and len(title) < 80:
            at = text.rindex(title, 0, match.start())
            yield proposal("title", title, text, at, at + len(title), "heading")


# A festival line-up's entry on one line: "Chlorine / Italy (Director: Lamberto Sanfelice,
# Screenwriters: Lamberto Sanfelice, Elisa Amoruso) — Jenny, 17, dreams ... Cast: Sara
# Serraiocco, Ivan Franek. [World Premiere]".
LINEUP = re.compile(
    r"^[ \t]*(?P<title>[A-Z0-9À-Þ][^\n/()]{0,80}?) / [^\n/()]{2,60}? "
    r"\((?P<credits>[^()\n]{5,300})\)[ \t]+[\u2014\u2013-][ \t]+(?P<story>[^\n]+?)"
    r"(?:[ \t]+Cast:[ \t]*(?P<cast>[^\n\[]+?))?[ \t.]*(?:\[[^\]\n]{2,40}\])?[ \t]*$",
    re.MULTILINE,
)
# "Director: A, Screenwriters: B, C", "Director and screenwriter: D": each credit of the entry.
LINEUP_CREDIT = re.compile(
    r"(?P<label>[A-Za-z][A-Za-z ]{1,40}):[ \t]*(?P<names>[^:]+?)(?=,[ \t]*[A-Za-z ]{2,40}:|$)"
)


def lineup_entries(text: str, names: Container[str]) -> Iterator[Proposal]:
    for match in LINEUP.finditer(text):
        title_end = match.start("title") + len(match.group("title").rstrip())
        title = match.group("title").strip()
        yield proposal("title", title, text, match.start("title"), title_end, "entry")
        at = match.start("credits")
        for credit in LINEUP_CREDIT.finditer(match.group("credits")):
            label = credit.group("label").lower()
            fields = [
                f for word, f in (("direct", "director"), ("writ", "writer")) if word in label
            ]
            for name, offset in split_list(credit.group("names")):
                if not is_name(name, names):
                    continue
                name_at = at + credit.start("names") + offset
                quote_start = at + credit.start()
                for claim_field in fields:
                    yield proposal(
                        claim_field, name, text, quote_start, name_at + len(name), "entry"
                    )
        story_start = match.start("story")
        story_end = story_start + len(match.group("story").rstrip())
        if story_end - story_start > 40:
            yield proposal("synopsis", "", text, story_start, story_end, "entry")
        if match.group("cast"):
            cast_at = match.start("cast")
            for name, offset in split_list(match.group("cast").rstrip(" .")):
                if is_name(name, names):
                    name_at = cast_at + offset
                    yield proposal("cast", name, text, name_at, name_at + len(name), "entry")
