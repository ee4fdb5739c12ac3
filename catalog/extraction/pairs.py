"""Actors and their parts named as two lists in one sentence, in the same order: "stars Sam Neill
and Laura Dern as Alan Grant and Ellie Sattler", "Ole Berg, Anna Vos and Ivo Marek play Jon, Ada
and Per"."""

import re
from collections.abc import Container, Iterator

from catalog.extraction.cast import CHARACTER, near
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import NAME, clean_name, is_name, split_list

AND = r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
PAIRED = re.compile(
    rf"(?P<actors>{NAME}(?:{AND}{NAME})+)[ \t]+"
    r"(?:(?:play|star|appear|are cast)[ \t]+(?:as[ \t]+)?|as[ \t]+)"
    rf"(?P<parts>{CHARACTER}(?:{AND}{CHARACTER})+)(?=[\s,.;:!?)]|$)"
)
TRIGGER = re.compile(r"\s(?:as|play|star|appear)\s")


def paired_parts(text: str, names: Container[str]) -> Iterator[Proposal]:
    """Each actor of the first list with the part of the second at the same place."""
    for match in near(PAIRED, TRIGGER, text, 200):
        actors = [clean_name(actor) for actor, _at in split_list(match.group("actors"))]
        parts = [part for part, _at in split_list(match.group("parts"))]
        if len(actors) != len(parts) or not all(
            len(actor.split()) > 1 and is_name(actor, names) for actor in actors
        ):
            continue
        start = match.start("actors") + match.group("actors").index(actors[0])
        for actor, part in zip(actors, parts, strict=True):
            yield proposal("cast", actor, text, start, match.end(), "paired", character=part)


def without_single_parts(found: list[Proposal]) -> list[Proposal]:
    """The proposals, without the one actor and part that "X as Y" reads inside a pairing."""
    spans = [(claim.start, claim.end) for claim in found if claim.rule == "paired"]
    return [
        claim
        for claim in found
        if claim.rule != "plays" or not any(a <= claim.start < b for a, b in spans)
    ]
