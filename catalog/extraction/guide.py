"""Video-guide entries and newspaper capsules: a head, a plot line, a judgement, the credits.

"Broadcast News ★★★½ 1987 (R) / The acclaimed, witty analysis of ... Incisive and funny,
though often simply idealistic. 132m/C VHS, DVD . William Hurt, ...; D: James L. Brooks; W: ..."
and '"Dave" -- 3 stars: Kevin Kline as Dave Kovic, a regular guy ... (PG-13)'.
"""

import re
from collections.abc import Container, Iterator

from catalog.extraction.castlists import cast_list
from catalog.extraction.entries import CAPSULE
from catalog.extraction.headlines import CERT, STARS, YEAR, plausible_title
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, clean_name, is_name, sentences, split_list
from catalog.extraction.verdicts import judge

GUIDE = re.compile(r"\b(?P<runtime>\d{2,3}m)/(?:C|B|BW|B&W|C/BW)\b[^.\n]*\.\s*(?P<credits>[^\n]+)")
QUALIFIER = re.compile(r"\s*\((?:[a-zà-ÿ][^()]*)\)\s*$")


# The entry's head on the blurb's line: "Broadcast News ★★★½ 1987 (R) The acclaimed ...",
# the guide's marks (bones, stars) maybe lost in the copy.
GUIDE_HEAD = re.compile(
    rf"(?P<title>[^\n()]{{1,80}}?)[ \t]+(?:(?P<stars>{STARS}|[^\w\s(]{{1,5}})[ \t]+)?"
    rf"(?P<year>{YEAR})[ \t]+\((?P<cert>{CERT})\)[ \t]+(?=[A-Z\u00c0-\u00de\"\u201c])"
)


def guide_claims(text: str, names: Container[str]) -> Iterator[Proposal]:
    for match in GUIDE.finditer(text):
        yield proposal(
            "runtime", match.group("runtime"), text, match.start(), match.end("runtime"), "guide"
        )
        yield from credits(text, match, names)
        line_start = text.rfind("\n", 0, match.start()) + 1
        head = GUIDE_HEAD.match(text, line_start, match.start())
        if head and plausible_title(head.group("title").strip()):
            yield from head_claims(text, head)
        yield from blurb(text, match.start(), head.end() if head else line_start)


def head_claims(text: str, head: re.Match[str]) -> Iterator[Proposal]:
    start, end = head.start(), head.end("cert") + 1
    yield proposal("title", head.group("title").strip(), text, start, end, "guide")
    yield proposal("year", head.group("year"), text, start, end, "guide")
    yield proposal("certificate", head.group("cert"), text, start, end, "guide")
    if head.group("stars") and re.fullmatch(STARS, head.group("stars")):
        yield proposal("verdict", head.group("stars"), text, start, end, "guide")


def credits(text: str, match: re.Match[str], names: Container[str]) -> Iterator[Proposal]:
    """The credit tail: the cast first ("Cast:" or not), then "D:", "W:", "C:", "M:" parts."""
    begin = match.start("credits")
    for part in re.finditer(r"[^;]+", match.group("credits")):
        segment = part.group(0)
        start = begin + part.start()
        head = re.match(r"\s*(?:(?P<key>Cast|D|W|C|M|P)\s*:)?\s*", segment)
        assert head is not None
        key = head.group("key") or ("Cast" if part.start() == 0 else "")
        body = segment[head.end() :].rstrip()
        if key == "M" or (key and key not in ("Cast", "D", "W")):
            break
        body = re.split(r"(?<=[a-z]{2})\.\s", body)[0].rstrip(".")
        value = Span(body, start + head.end())
        if key == "Cast":
            quote_start = match.start() if part.start() == 0 else start
            yield from cast_list(text, value, quote_start, names, actor_first=True)
        elif key in ("D", "W"):
            claim_field = "director" if key == "D" else "writer"
            for item, at in split_list(value.text):
                item = clean_name(QUALIFIER.sub("", item))
                if is_name(item, names):
                    yield proposal(
                        claim_field, item, text, start, value.start + at + len(item), "guide"
                    )


def blurb(text: str, marker: int, begin: int) -> Iterator[Proposal]:
    """The sentences from `begin` (the line's, or its head's end) to the runtime: the plot,
    then (when there are two or more) the guide's one-line judgement."""
    told = sentences(Span(text[begin:marker].rstrip(), begin))
    if not told:
        return
    if len(told) > 1 and len(told[-1].text) < 120:
        judgement = told.pop()
        yield proposal("verdict", judgement.text, text, judgement.start, judgement.end, "guide")
    yield proposal("synopsis", "", text, told[0].start, told[-1].end, "guide")


# A capsule headed in capitals: "NIGHT FERRY (PG-13, 118 min.) A stowaway boy crosses ...".
CAPITALS_HEAD = re.compile(
    r"^(?P<title>[A-Z0-9][A-Z0-9 '\u2019&:,.!?-]{1,80}[A-Z0-9!?])\s*"
    r"\((?P<cert>PG-13|NC-17|PG|G|R|NR|X|Unrated|Not rated)"
    r"(?:[,;]\s*(?P<runtime>\d{2,3}\s*min(?:utes)?\.?))?\)[ \t]*(?P<rest>[^\n]*)",
    re.MULTILINE,
)


# A capsule headed by its title and certificate, then a dash: "Star Trek Generations (PG) --
# Captain Kirk (William Shatner) joins ... ***", the critic's stars closing it.
CERT_CAPSULE = re.compile(
    rf"^(?P<title>[A-Z0-9\"\u201c][^\n()]{{0,80}}?)[ \t]*(?:(?P<stars>{STARS})[ \t]*)?"
    r"\((?P<cert>PG-13|NC-17|PG|G|R|NR|X|Unrated|Not rated)\)[ \t]*"
    r"(?:(?:--|\u2013|\u2014|:)|(?P<runtime>\d{2,3}[ \t]*min(?:utes)?\.?|\d[ \t]*hrs?\.?"
    r"(?:[ \t]*\d{1,2}[ \t]*(?:min\.?)?)?)(?:[ \t]*(?:--|\u2013|\u2014|:))?)[ \t]*"
    rf"(?P<rest>[^\n]{{40,}}?)(?:[ \t]+(?:Rating:[ \t]*)?(?P<closing>{STARS}))?[ \t]*$",
    re.MULTILINE,
)


def capsule_claims(text: str) -> Iterator[Proposal]:
    """A capsule's plot: what follows '"Dave" -- 3 stars:' (or a capitals head) on its line,
    up to the closing certificate."""
    for match in CERT_CAPSULE.finditer(text):
        yield from cert_capsule(text, match)
    for match in CAPSULE.finditer(text):
        end = text.find("\n", match.end())
        yield from capsule_plot(text, match.end(), end if end >= 0 else len(text))
    for match in CAPITALS_HEAD.finditer(text):
        head_end = match.start("rest")
        yield proposal("title", match.group("title"), text, match.start(), head_end, "capsule")
        yield proposal("certificate", match.group("cert"), text, match.start(), head_end, "capsule")
        if match.group("runtime"):
            yield proposal(
                "runtime",
                match.group("runtime").rstrip("."),
                text,
                match.start(),
                head_end,
                "capsule",
            )
        yield from capsule_plot(text, match.start("rest"), match.end("rest"))


def cert_capsule(text: str, match: re.Match[str]) -> Iterator[Proposal]:
    title = match.group("title").strip().strip('"\u201c\u201d')
    if not plausible_title(title) or len(title.split()) > 10:
        return
    head_end = match.end("cert") + 1
    yield proposal("title", title, text, match.start(), head_end, "capsule")
    if runtime := match.group("runtime"):
        yield proposal(
            "runtime", runtime.rstrip("."), text, match.start(), match.end("runtime"), "capsule"
        )
    yield proposal("certificate", match.group("cert"), text, match.start(), head_end, "capsule")
    for grade in ("stars", "closing"):
        if match.group(grade):
            at = match.start(grade) if grade == "closing" else match.start()
            yield proposal("verdict", match.group(grade), text, at, match.end(grade), "capsule")
    told = sentences(Span(match.group("rest"), match.start("rest")))
    # The plot, then the critic's judgement in the capsule's closing sentences.
    cut = next((i for i, s in enumerate(told) if i and judge(s.text)[0] >= 1), len(told))
    plot, judged = told[:cut], told[cut:]
    yield proposal("synopsis", "", text, plot[0].start, plot[-1].end, "capsule")
    if judged:
        yield proposal("verdict", "", text, judged[0].start, judged[-1].end, "capsule")


def capsule_plot(text: str, begin: int, end: int) -> Iterator[Proposal]:
    body = re.sub(r"\s*\([^()]{1,8}\)\s*$", "", text[begin:end].lstrip(": \t"))
    start = text.index(body, begin) if body else begin
    if len(body.strip()) > 40:
        yield proposal("synopsis", "", text, start, start + len(body.rstrip()), "capsule")
