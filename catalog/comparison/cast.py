"""The cast's comparison: a row per person, whichever spelling each source used for the name,
in the record's billing and then in the order the sources bill the others (catalog.billing)."""

from collections import defaultdict

from catalog.billing import Billing, Naming, billing_order
from catalog.comparison.rows import BARE_MENTION, CastRow, accepted_characters, make_cell
from catalog.models import Claim, Credit, Field, Role, Source
from catalog.normalise import fold


def character_text(claim: Claim) -> str:
    return claim.character or "named, no character"


def character_key(claim: Claim) -> str:
    # Naming the person without a character supports the credit without contradicting it.
    return fold(claim.character) if claim.character else BARE_MENTION


def cast_billing(sources: list[Source], said: dict[tuple[str, int], list[Claim]]) -> Billing:
    """The order the sources bill the people they cast (catalog.billing)."""
    namings = (
        Naming(source.pk, claim.person_id, claim.value, (claim.quote_start or 0, claim.pk))
        for source in sources
        for claim in said[Field.CAST, source.pk]
        if claim.person_id is not None
    )
    return billing_order(namings, {source.pk: source.trust for source in sources})


def billing_note(sources: list[Source], billing: Billing) -> str:
    """Under a cast in the sources' order: whose order it is, or that no source bills it."""
    lead = next((source for source in sources if source.pk == billing.lead), None)
    if lead is None:
        return ""
    if billing.billed:
        return f"In the order {lead.title} bills them."
    return f"No source bills this cast: {lead.title} lists it in alphabetical order."


def compare_cast(
    sources: list[Source],
    said: dict[tuple[str, int], list[Claim]],
    credits: list[Credit],
    billed: Billing | None = None,
) -> list[CastRow]:
    """A row per person, whichever spelling each source used; a column per source's characters.

    The record's billing orders the rows; its ties, and the people it does not cast, follow the
    order the sources bill them in (`billed`, found here when not given).
    """
    cast_credits = {c.person_id: c for c in credits if c.role == Role.CAST}
    people = {c.person_id: c.person for c in cast_credits.values()}
    by_person: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for source in sources:
        for claim in said[Field.CAST, source.pk]:
            person = claim.person
            assert person is not None, "a cast claim names its person (Claim.clean)"
            people[person.pk] = person
            by_person[person.pk, source.pk].append(claim)
    billed = billed or cast_billing(sources, said)
    in_sources = {person: n for n, person in enumerate(billed.people)}

    def billing(person_id: int) -> tuple[bool, int, int, str]:
        credit = cast_credits.get(person_id)
        return (
            credit is None,
            credit.billing if credit else 0,
            in_sources.get(person_id, len(in_sources)),
            people[person_id].name,
        )

    rows = []
    for person_id in sorted(people, key=billing):
        credit = cast_credits.get(person_id)
        accepted = accepted_characters(credit.character if credit else None)
        cells = [
            make_cell(s, by_person[person_id, s.pk], accepted, character_key, character_text, False)
            for s in sources
        ]
        record = (credit.character or "(no character)") if credit else ""
        person = people[person_id]
        rows.append(CastRow(person.slug, person.name, record, cells, person=person, credit=credit))
    return rows
