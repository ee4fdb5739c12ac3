"""Cut a source's text into runs so every claim's passage can be highlighted and linked to."""

from dataclasses import dataclass, field
from itertools import pairwise

from django.utils.text import Truncator

from catalog.models import Claim


@dataclass
class Run:
    text: str
    claims: list[Claim] = field(default_factory=list)
    starts: list[Claim] = field(default_factory=list)
    current: bool = False

    @property
    def title(self) -> str:
        """What the claims covering the run say: "Year: 1993; Director: Paul Haggis"."""
        return "; ".join(
            f"{claim.get_field_display()}: {Truncator(claim.value).chars(40)}"
            for claim in self.claims
        )


def runs(text: str, claims: list[Claim], current: int | None = None, offset: int = 0) -> list[Run]:
    """Split `text` at every quote's start and end; each run knows which claims cover it.

    Passages may overlap (a sentence quoted for the year and for the director), so a run can be
    covered by several claims; `starts` holds the claims whose passage begins with the run.
    `text` may be a part of the source's text that starts at `offset`.
    """
    end_of_text = offset + len(text)
    # Each claim whose passage starts in `text`, with where it starts.
    placed = [
        (c, start)
        for c in claims
        if (start := c.quote_start) is not None and offset <= start < end_of_text
    ]
    cuts = sorted(
        {offset, end_of_text}
        | {start for _, start in placed}
        | {min(c.quote_end, end_of_text) for c, _ in placed}
    )
    result = []
    for begin, end in pairwise(cuts):
        covering = [(c, start) for c, start in placed if start <= begin and end <= c.quote_end]
        result.append(
            Run(
                text=text[begin - offset : end - offset],
                claims=[c for c, _ in covering],
                starts=[c for c, start in covering if start == begin],
                current=any(c.pk == current for c, _ in covering),
            )
        )
    return result
