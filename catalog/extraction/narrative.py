"""The long passages: the plot told as a synopsis, a tagline, and a review's verdict sentence."""

import re
from collections.abc import Iterator

from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import Span, paragraphs, sentences
from catalog.extraction.vocabulary import (
    LABELS,
    MIXED,
    NEGATIVE,
    POSITIVE,
    RECEIVED_REVIEWS,
    VERDICT_OPENERS,
)
from catalog.normalise import fold

ASIDE_NAME = re.compile(r"[A-ZÀ-Þ][\w'’-]+ \((?:[A-ZÀ-Þ][\w'’.-]+ ?){2,4}\)")
PLOT_OPENERS = re.compile(
    r"^(?:The (?:story|plot|film|movie) (?:of [\"“][^\"”]+[\"”] )?(?:follows|tells|is about|"
    r"centers|centres|revolves|focuses|takes place|starts|begins|opens)|The story of\b|"
    r"Back in\b|In (?:(?:18|19|20)\d\d|the (?:18|19|20)\d0s),|It is the year\b|Set in\b)",
)
JUDGING = re.compile(
    r"\b(?:portrayal|performance|performances|delivers|cinematography|masterfully|in conclusion|"
    r"reviews?|critics?|critiqued|acting|screenplay|directing|director|the cast|score|we|I|"
    r"audience|viewers?|box office|ticket office|recommend)\b",
    re.IGNORECASE,
)


def is_heading(block: Span) -> bool:
    """A short line without end punctuation: a section heading such as "Plot" or "Top Cast"."""
    body = block.text.strip()
    return "\n" not in body and len(body) < 40 and not re.search(r"[.!?,;]$", body)


def synopsis_claims(text: str) -> Iterator[Proposal]:
    blocks = paragraphs(text)
    found = list(headed_synopsis(text, blocks))
    if not found:
        found = list(told_synopsis(text, blocks))
    yield from found


def headed_synopsis(text: str, blocks: list[Span]) -> Iterator[Proposal]:
    """The paragraphs under a "Plot" / "Handlung" / "Synopsis" heading, to the next heading."""
    for index, block in enumerate(blocks):
        first_line = block.text.split("\n")[0].strip(" :•")
        if LABELS.get(fold(first_line)) != "synopsis" or len(first_line) > 30:
            continue
        body = [Span(block.text[len(block.text.split("\n")[0]) :].strip(), 0)]
        start = None
        if body[0].text:
            start = block.start + block.text.index(body[0].text)
        end = block.end if start is not None else None
        for following in blocks[index + 1 :]:
            if is_heading(following) or (
                LABELS.get(fold(following.text.split("\n")[0].strip(" :")))
                and len(following.text) < 40
            ):
                break
            start = following.start if start is None else start
            end = following.end
        if start is not None and end is not None and end - start > 60:
            yield proposal("synopsis", text[start:end], text, start, end, "plot heading")


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
        if opening is None or len(block.text) < 120:
            index += 1
            continue
        start = opening.start
        end = block.end
        following = index + 1
        while following < len(blocks):
            candidate = blocks[following]
            previous = blocks[following - 1]
            continuing = (
                not re.search(r"[.!?\"”)]$", previous.text) and candidate.text[:1].islower()
            )
            if not continuing and (
                is_heading(candidate) or judges(candidate) or len(candidate.text) < 120
            ):
                break
            end = cut_judgement(candidate) if not continuing else candidate.end
            following += 1
        if end - start > 200:
            yield proposal("synopsis", text[start:end], text, start, end, "told plot")
            return
        index = following


def judges(block: Span) -> bool:
    first = sentences(block)[:1]
    return bool(first and JUDGING.search(first[0].text)) or bool(VERDICT_OPENERS.match(block.text))


def cut_judgement(block: Span) -> int:
    return block.end


def tagline_claims(text: str) -> Iterator[Proposal]:
    """A one-sentence line near the top, apart from the rest: "In 1959, a young Soviet ..."."""
    blocks = paragraphs(text)[:8]
    for index, block in enumerate(blocks):
        body = block.text
        if "\n" in body or not 30 <= len(body) <= 160 or not re.search(r"[.!?…]$", body):
            continue
        if len(sentences(block)) != 1 or ":" in body or "•" in body:
            continue
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if after is None or (not is_heading(after) and len(after.text) < 200):
            continue
        yield proposal("tagline", body, text, block.start, block.end, "tagline")
        return


def verdict_claims(text: str) -> Iterator[Proposal]:
    """The sentence that best says what the review thinks, with its verdict."""
    best: tuple[float, Span, str] | None = None
    for block in paragraphs(text):
        for sentence in sentences(block):
            score, verdict = judge(sentence.text)
            if verdict and (best is None or score > best[0]):
                best = (score, sentence, verdict)
    if best and best[0] >= 2:
        _score, sentence, verdict = best
        yield proposal("verdict", verdict, text, sentence.start, sentence.end, "verdict")


def judge(sentence: str) -> tuple[float, str]:
    words = [fold(word) for word in re.findall(r"[\w'-]+", sentence)]
    positive = sum(word in POSITIVE for word in words)
    negative = sum(word in NEGATIVE for word in words)
    mixed = sum(word in MIXED for word in words)
    score = positive + negative + mixed
    if received := RECEIVED_REVIEWS.search(sentence):
        kind = received.group("kind").lower()
        verdict = (
            "mixed"
            if "mixed" in kind
            else "negative"
            if re.search(r"neg|unfav|poor|luke", kind)
            else "positive"
        )
        return score + 3, verdict
    if VERDICT_OPENERS.match(sentence):
        score += 2
    if re.match(r"^(?:The|This) (?:most|best|worst)\b", sentence):
        score += 1.5
    if not score:
        return 0, ""
    if mixed or (positive and negative and abs(positive - negative) <= 1):
        return score, "mixed"
    return score, "positive" if positive > negative else "negative"
