"""The film's title, from the strongest layout the page has: a head line, a capsule or an
entry's head, else the lines that may name it."""

import re
from collections.abc import Iterator

from catalog.extraction import entries, title_lines
from catalog.extraction.headlines import head_lines, plausible_title
from catalog.extraction.proposal import Proposal, proposal
from catalog.extraction.text import lines

# The film's other title on a line of its own under its head: "aka Het Vonnis".
AKA_LINE = re.compile(
    r"^[ \t]*(?i:aka|a\.k\.a\.?|also known as)[ \t]+(?P<title>[^\n:]{2,80}?)[ \t]*$", re.MULTILINE
)


def title_claims(text: str) -> Iterator[Proposal]:
    """The film's title (with what its head line says besides) from the strongest layout."""
    all_lines = list(lines(text))[:80]
    found = list(head_lines(text, all_lines))
    found += list(entries.capsules(text))
    if not any(claim.field == "title" for claim in found):
        found += list(entries.entry_heads(text))
    if not any(claim.field == "title" for claim in found):
        found += (
            list(title_lines.run_on_title(text))
            or list(title_lines.title_over_facts(text, all_lines))
            or list(title_lines.repeated_line(text, all_lines))
            or list(title_lines.poster_caption(text))
            or list(title_lines.kind_quoted(text))
            or list(title_lines.first_line(text, all_lines))
        )
    if any(claim.field == "title" for claim in found):
        for match in AKA_LINE.finditer(text, 0, all_lines[-1].end if all_lines else 0):
            if plausible_title(match.group("title")):
                start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
                yield proposal("title", match.group("title"), text, start, match.end(), "aka")
    yield from found
