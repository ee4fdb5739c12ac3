"""The critic's word that stands on its own: a recommendation alone on its line or closing a
paragraph ("Highly recommended!", "Da vedere, con moderazione."), and a short headline that
judges the film."""

import re
from collections.abc import Iterator
from itertools import pairwise

from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import lines
from catalog.extraction.verdicts import judged_word

VERDICT_WORDS = (
    r"(?:(?:highly|strongly|not)[ \t]+)?recommended|must[- ]see|skip it|"
    r"avoid it|a must|(?:unbedingte[ \t]+)?(?:leih|kauf|seh)?empfehlung|"
    r"(?:absolut[ \t]+)?sehenswert|(?:nicht[ \t]+)?empfehlenswert|"
    r"[àa][ \t]+(?:voir|éviter|eviter)(?:[ \t]+absolument)?|(?:muy[ \t]+)?recomendable|"
    r"imperdible|(?:da[ \t]+)?(?:evitare|vedere)(?:[ \t]+assolutamente)?|"
    r"aanrader|"
    # "Watch it whenever you can.", "Don't miss it!": the critic's word to the reader.
    r"(?:don['\u2019]t[ \t]+miss[ \t]+it|(?:go[ \t]+)?(?:watch|see)[ \t]+it)(?:[ \t]+[a-z]+){0,4}"
)
VERDICT_LINE = re.compile(
    rf"^[ \t]*(?P<verdict>{VERDICT_WORDS})[ \t]*[.!]{{0,3}}[ \t]*$", re.IGNORECASE | re.MULTILINE
)
# The word to the reader closing a paragraph, with a qualifier after it: "... verso la
# normalità. Da vedere, con moderazione."
CLOSING_WORD = re.compile(
    rf"(?<=[.!?][ \t])(?P<verdict>(?:{VERDICT_WORDS})"
    r"(?:,[ \t]+[a-zà-ÿ]+(?:[ \t]+[a-zà-ÿ]+){0,2})?)[ \t]*[.!]{1,3}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def verdict_lines(text: str) -> Iterator[Proposal]:
    if found := VERDICT_LINE.search(text) or CLOSING_WORD.search(text):
        start, end = found.start("verdict"), found.end()
        quote_end = start + len(found.group(0).strip()) if found.group(0).strip() else end
        value = found.group("verdict")
        yield proposal("verdict", value, text, start, quote_end, "verdict")


# "KUNG FU PANDA 3, exprimiendo la franquicia hasta la última gota": a head line of the title in
# capitals, then the critic's gist after a comma.
CAPITALS_GIST = re.compile(
    r"^[ \t]*(?P<title>[A-Z0-9À-Þ][A-Z0-9À-Þ '\u2019&:!?-]{1,60}[A-Z0-9À-Þ!?]),[ \t]+"
    r"(?P<gist>[a-zà-ÿ][^\n.!?]{10,120}?)[.!]?[ \t]*$",
    re.MULTILINE,
)
PAGES_HEAD = re.compile(
    r"\b(?i:best of|top \d+|the best|picks?|line-?up|this week|tonight|today)\b|\b[A-Z]{3,}\b"
)


def judging_heads(text: str) -> Iterator[Proposal]:
    """A short headline over the review that judges the film in words of the lexicon, written
    as a phrase, not as a title ("Ointressant svensk film" over the critic's text); else the
    gist after the title in capitals on a head line."""
    shown = [line for line in lines(text) if line.text.strip()][:6]
    for head, below in pairwise(shown):
        body = head.text.strip()
        words = re.findall(r"[\w'\u2019-]+", body)
        if not 2 <= len(words) <= 8 or body.endswith((".", ":")) or len(below.text.strip()) < 80:
            continue
        # "The Best Years of Our Lives" is a title; a phrase writes its later words small.
        if sum(word[0].isupper() for word in words[1:]) * 2 > len(words) - 1:
            continue
        if PAGES_HEAD.search(body):
            continue  # "The best of the DIRECTV primetime lineup": the page's heading
        if any(judged_word(word) for word in words):
            start = head.start + len(head.text) - len(head.text.lstrip())
            yield proposal("verdict", body, text, start, start + len(body), "judging head")
            return
    for head in shown[:5]:
        if found := CAPITALS_GIST.match(head.text):
            gist = found.group("gist")
            at = head.start + found.start("gist")
            yield proposal(
                "verdict",
                gist,
                text,
                head.start + found.start("title"),
                at + len(gist),
                "judging head",
            )
            return
