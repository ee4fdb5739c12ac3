"""Facts that stand alone: a certificate in brackets or in a sentence, and the lines that hold
one fact and nothing else (a runtime, a year under the title, a country and year, a date).
"""

import re
from collections.abc import Iterator

from catalog.extraction.lexicon import GENRES
from catalog.extraction.patterns import DATE, MONTH_YEAR, RUNTIME, YEAR, date_year
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import is_name, lines, split_list
from catalog.extraction.vocabulary import OTHER_LABELS
from catalog.normalise import fold

CERT = r"(?:PG-13|NC-17|PG|NR|G|R|X|U|12A|15|18|TV-(?:Y7?|G|PG|14|MA)|Unrated|Not Rated)"
PAREN_CERT = re.compile(
    rf"\((?P<cert>{CERT}|MA15\+|M15\+)(?:\)(?=\s*$|\s*[.;]|\s+\d)|[,;]\s*\d{{2,3}}\s*min"
    r"|,[ \t]*(?P<codes>[A-Z](?:,[ \t]*[A-Z]){0,5})\))",
    re.MULTILINE,
)


# "(R for violence and language throughout)": the board's certificate and its reasons.
CERT_FOR = re.compile(rf"\((?P<cert>{CERT})\s+for\s+(?P<advisory>[^()\n]{{3,200}})\)")
# A capsule's tail: "1 hr. 49 R (violence)", "2 hrs. 20 PG-13 (language)", "1 hr. 39 No MPAA
# rating".
RUNTIME_CERT = re.compile(
    r"(?<![\w.])(?P<runtime>\d\s*hrs?\.(?:\s*\d{1,2})?)\s+"
    rf"(?P<cert>{CERT}|No MPAA rating)(?!\w)(?:[ \t]*\((?P<advisory>[^()\n]{{2,80}})\))?"
)
# "The film is rated R for strong language.": the board's certificate in a sentence.
RATED_FOR = re.compile(
    r"\b(?:is |was |been )?[Rr]ated (?P<cert>PG-13|NC-17|PG|G|R|NR|X)(?![\w-])"
    r"(?:\s+for\s+(?P<advisory>[^.\n()]{3,200}))?"
)
FSK = re.compile(r"\bFSK[ \t]+(?:ab[ \t]+)?(?:0|6|12|16|18)\b")
# An age mark as Russian, Polish or Ukrainian pages print one: "12+", "16+".
AGE_MARK = re.compile(r"(?<![\w+])(?:0|6|12|14|16|18)\+(?![\w+])")


def paren_certificates(text: str) -> Iterator[Proposal]:
    """ "(PG-13)" closing a capsule, "(R for violence)", "FSK ab 12", "16+": the certificate
    the page gives, with the reasons the board gave where it says them."""
    for match in PAREN_CERT.finditer(text):
        yield proposal(
            "certificate", match.group("cert"), text, match.start(), match.end(), "paren"
        )
        # "(TV-14, D,L,S)": a TV rating's letters for dialogue, language, sex.
        for code in re.findall(r"[A-Z]", match.group("codes") or ""):
            yield proposal("content_advisory", code, text, match.start(), match.end(), "paren")
    for match in CERT_FOR.finditer(text):
        yield proposal(
            "certificate", match.group("cert"), text, match.start(), match.end(), "paren"
        )
        advisory = match.group("advisory").strip()
        yield proposal("content_advisory", advisory, text, match.start(), match.end(), "paren")
    for match in RATED_FOR.finditer(text):
        start, end = match.start(), match.end()
        yield proposal("certificate", match.group("cert"), text, start, end, "paren")
        if advisory := match.group("advisory"):
            yield proposal("content_advisory", advisory.strip(), text, start, end, "paren")
    for match in RUNTIME_CERT.finditer(text):
        start, end = match.start(), match.end()
        yield proposal("runtime", match.group("runtime"), text, start, end, "paren")
        if match.group("cert") != "No MPAA rating":
            yield proposal("certificate", match.group("cert"), text, start, end, "paren")
        if advisory := match.group("advisory"):
            yield proposal("content_advisory", advisory.strip(), text, start, end, "paren")
    for pattern in (FSK, AGE_MARK):
        for match in pattern.finditer(text):
            yield proposal("certificate", match.group(0), text, match.start(), match.end(), "paren")


def lone_facts(text: str) -> Iterator[Proposal]:
    """A line that holds one fact and nothing else: a runtime ("1h 44m", "125 min 24 sek"),
    or near the top of the page a year under the title ("La Tête haute" / "2015")."""
    shown = 0
    above = ""
    for line in lines(text):
        body = line.text.strip()
        if not body:
            continue
        shown += 1
        start = line.start + len(line.text) - len(line.text.lstrip())
        # "Viewed in" / "2005": the year under a label of something else is that thing's.
        under_other, above = fold(above.rstrip(":")) in OTHER_LABELS, body
        if RUNTIME.fullmatch(body):
            yield proposal("runtime", body, text, start, start + len(body), "strip")
        elif YEAR.fullmatch(body) and shown <= 15 and not under_other:
            yield proposal("year", body, text, start, start + len(body), "strip")
        elif shown <= 15 and ". " in body[:42] and (opening := GUIDE_OPENING.match(body)):
            # "Polska 2018. Reż. Ewa Bukowska. Aktorzy: ...": a guide's line opens on where and
            # when, then credits.
            made = MADE_IN.fullmatch(opening.group("made"))
            if made:
                end = start + len(body)
                yield proposal("country", made.group("country"), text, start, end, "strip")
                yield proposal("year", made.group("year"), text, start, end, "strip")
        elif body.count(", ") >= 3 and (credited := credited_strip(body)):
            # "Sverige, 2009, Teresa Fabik, 94 minuter": where, when, by whom and how long.
            end = start + len(body)
            for claim_field, value in credited:
                yield proposal(claim_field, value, text, start, end, "strip")
        elif (made := MADE_IN.fullmatch(body) or GLUED_MADE.match(body)) and shown <= 15:
            if MONTH_YEAR.match(body):
                continue
            # "EUA, 2017", "Frankreich / Belgien 2019": where and when, on a line of their own.
            end = start + len(body)
            yield proposal("country", made.group("country"), text, start, end, "strip")
            yield proposal("year", made.group("year"), text, start, end, "strip")


GUIDE_OPENING = re.compile(
    r"(?P<made>[^.\n]{4,40})\.[ \t]+(?=(?:[^.\n]{0,40}?\b(?:van|von|de|di|by|od)[ \t]+[A-ZÀ-Þ]|"
    r"(?:Reż|Rež|Regie|Dir|Réal|Reg)\.|[^\W\d_]+:))"
)


def credited_strip(body: str) -> list[tuple[str, str]]:
    """The facts of a line of a country, a year, the director's name and the length parted by
    commas, as a catalogue closes its entry; nothing for a line of anything else."""
    cells = [cell.strip() for cell in body.rstrip(".").split(", ")]
    if not 4 <= len(cells) <= 5 or not re.fullmatch(r"[A-ZÀ-Þ][\w .-]{1,30}", cells[0]):
        return []
    found = [("country", cells[0])]
    for cell in cells[1:]:
        if YEAR.fullmatch(cell):
            found.append(("year", cell))
        elif RUNTIME.fullmatch(cell):
            found.append(("runtime", cell))
        elif is_name(cell):
            found.append(("director", cell))
        else:
            return []
    kinds = [claim_field for claim_field, _value in found]
    return found if {"year", "runtime", "director"} <= set(kinds) else []


# "USA2023, ab 6. Oktober 2023": a streaming card's country glued to its year.
GLUED_MADE = re.compile(r"(?P<country>[A-Z]{2,3}(?:/[A-Z]{2,3})*)(?P<year>(?:19|20)\d\d)\b")
MADE_IN = re.compile(
    r"(?P<country>[A-ZÀ-Þ][\w.]+(?:(?:[ /]|,[ ]|[ ]/[ ])[A-ZÀ-Þ][\w.]+){0,3}),?[ ]+"
    r"(?P<year>(?:18|19|20)\d\d)"
)


def date_lines(text: str) -> Iterator[Proposal]:
    """A date alone on its line beside the title or the runtime, as a listing prints the
    release ("09-03-1980" over "1h 44m"), for a page that gives no other year."""
    shown = [line for line in lines(text) if line.text.strip()][:30]
    for index, line in enumerate(shown):
        body = line.text.strip()
        found = DATE.fullmatch(body)
        if not found:
            continue
        around = [other.text.strip() for other in shown[max(0, index - 1) : index + 2]]
        if any(RUNTIME.fullmatch(other) or other.isupper() for other in around if other != body):
            start = line.start + len(line.text) - len(line.text.lstrip())
            yield proposal("year", date_year(found), text, start, start + len(body), "released")
            return


def is_fact_line(body: str) -> bool:
    """ "Suécia, 2011", "Drama, 98 minutos", "1h 44m": a line of facts, never a title."""
    items = [item for item, _at in split_list(body)]
    kinds = [
        fold(item) in GENRES or bool(RUNTIME.fullmatch(item) or YEAR.fullmatch(item))
        for item in items
    ]
    return bool(MADE_IN.fullmatch(body) or GLUED_MADE.match(body)) or (bool(kinds) and all(kinds))


# A certificate a card's line of facts holds alone ("PG" between "1993" and "1h 41m").
LONE_CERTIFICATE = re.compile(CERT)


def lone_certificates(text: str) -> Iterator[Proposal]:
    """A certificate alone on its line near the top, beside a year or a runtime alone on theirs
    (a card's facts one a line: "1993" / "PG" / "1h 41m")."""
    shown = [line for line in list(lines(text))[:40] if line.text.strip()][:15]
    for index, line in enumerate(shown):
        body = line.text.strip()
        if not LONE_CERTIFICATE.fullmatch(body):
            continue
        beside = [other.text.strip() for other in shown[max(0, index - 1) : index + 2]]
        if any(YEAR.fullmatch(other) or RUNTIME.fullmatch(other) for other in beside):
            start = line.start + len(line.text) - len(line.text.lstrip())
            yield proposal("certificate", body, text, start, start + len(body), "strip")
            return
