"""A claim the finder proposes, for an editor to accept or drop."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Proposal:
    """A claim as the page states it: `quote` is text[start:start + len(quote)].

    `value` is written as the page writes it (a misspelt name stays misspelt); `person` is the
    person's full name as the page gives it, which differs from `value` only where the page
    mentions someone by surname alone and names them in full elsewhere.
    """

    field: str
    value: str
    quote: str
    start: int
    character: str = ""
    person: str = ""
    rule: str = ""

    @property
    def end(self) -> int:
        return self.start + len(self.quote)


PERSON_FIELDS = ("director", "writer", "cast")
LONG_FIELDS = ("synopsis", "tagline", "ending", "verdict")


def proposal(
    field: str, value: str, text: str, start: int, end: int, rule: str, **extra: str
) -> Proposal:
    """A proposal quoting text[start:end], trimmed of the spaces around it."""
    quote = text[start:end]
    lead = len(quote) - len(quote.lstrip())
    quote = quote.strip()
    if not value and field in LONG_FIELDS:
        value = quote
    person = extra.pop("person", "") or (value if field in PERSON_FIELDS else "")
    return Proposal(field, value.strip(), quote, start + lead, person=person, rule=rule, **extra)
