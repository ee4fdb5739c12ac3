"""What the claim finder tests share: its proposals on a text, each quote checked in place."""

from catalog.extraction import Proposal, find_claims
from catalog.extraction.proposal import LONG_FIELDS

PASSAGES = ("synopsis", "tagline")


def claims(text: str, **kwargs) -> list[Proposal]:
    """The finder's proposals on `text`, having checked that each quote stands where it says."""
    found = find_claims(text, **kwargs)
    for claim in found:
        assert text[claim.start : claim.start + len(claim.quote)] == claim.quote
    return found


def facts(found: list[Proposal]) -> set[tuple[str, str, str]]:
    """(field, value, character) of each proposal but the plot's and the tagline's."""
    return {(c.field, c.value, c.character) for c in found if c.field not in PASSAGES}


def short_facts(found: list[Proposal]) -> set[tuple[str, str, str]]:
    """(field, value, character) of each short-field proposal: none of the long passages."""
    return {(c.field, c.value, c.character) for c in found if c.field not in LONG_FIELDS}
