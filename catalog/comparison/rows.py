"""A comparison's rows: what each source says on one row, how that stands against the record,
and the words the film page puts it in."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby
from typing import ClassVar

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from catalog import consensus
from catalog.certificates import System
from catalog.models import Claim, ConsensusValue, Credit, Decision, Field, Person, Source
from catalog.normalise import fold
from catalog.trust import FIELD_TYPES

# What a cast claim naming the person without a character is matched on: it supports the
# credit whatever the character, without contradicting it.
BARE_MENTION = "*"
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def in_words(number: int) -> str:
    """One to nine in words, other numbers in figures (as Django's `apnumber` writes them)."""
    return NUMBER_WORDS[number - 1] if 0 < number < 10 else str(number)


def plural(number: int) -> str:
    return "" if number == 1 else "s"


class Status(StrEnum):
    AGREES = "agrees"
    CONFLICTS = "conflicts"
    SILENT = "silent"
    NOT_COMPARED = "not-compared"


@dataclass
class Value:
    """One value as a source writes it, with every passage where it says so."""

    text: str
    claims: list[Claim]
    agrees: bool | None
    # Naming an actor without a character neither supports nor contradicts the credit.
    neutral: bool = False
    # How the record files the word, shown beside it: "filed under Thriller", "MPAA".
    note: str = ""

    @property
    def claim(self) -> Claim:
        return self.claims[0]

    @property
    def more(self) -> list[Claim]:
        return self.claims[1:]

    @property
    def spellings(self) -> list[str]:
        """For a cast value, how its claims spell the person's name where the record does not."""
        if self.claim.field != Field.CAST:
            return []
        spellings = []
        for text, run in groupby(self.claims, key=lambda claim: claim.value):
            person = next(run).person
            if person is None or text != person.name:
                spellings.append(text)
        return spellings


@dataclass
class Cell:
    """What one source says on one row, and how that stands against the record."""

    source: Source
    values: list[Value]
    status: Status
    multi_valued: bool = False

    @property
    def claims(self) -> list[Claim]:
        return [claim for value in self.values for claim in value.claims]

    @property
    def contradicts_itself(self) -> bool:
        return not self.multi_valued and len({v.agrees for v in self.values}) > 1

    @property
    def dissenting_values(self) -> list[Value]:
        return [value for value in self.values if value.agrees is False]

    def dissent(self, width: int = 60) -> str:
        """What the source says otherwise than the record: 'TV Guide says “1995”'."""
        quoted = ", ".join(
            f"“{Truncator(value.text).chars(width)}”" for value in self.dissenting_values
        )
        return f"{self.source.title} says {quoted}"


@dataclass
class Row:
    key: str
    label: str
    record: str
    cells: list[Cell]
    decision: Decision | None = None
    consensus: ConsensusValue | None = None
    # The record's value was filled in from the sources' consensus; no editor has confirmed it.
    automatic: bool = False
    # False for the fields the record keeps no value for (UNRECORDED_FIELDS).
    recorded: bool = True
    # The rating system of the record's certificate, where known (catalog.certificates).
    system: System | None = None

    # Where the row stands on the film page, before its key.
    section: ClassVar[str] = "field"
    # What the page says of a row the record has no value for. Marked safe: fixed words, their
    # apostrophe shown as written.
    absence: ClassVar[SafeString] = mark_safe("not in the record")

    @property
    def anchor(self) -> str:
        """The row's id on the film page: "field-year"."""
        return f"{self.section}-{self.key}"

    @property
    def differs_from_consensus(self) -> bool:
        """The record says something else than what the sources most likely mean."""
        if self.consensus is None or not self.record:
            return False
        value_type = consensus.VALUE_TYPES[FIELD_TYPES.get(self.consensus.field, "person")]
        return value_type.normalise(self.record) != self.consensus.normalised

    @property
    def has_conflict(self) -> bool:
        return any(cell.status == Status.CONFLICTS for cell in self.cells)

    @property
    def stating(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.status != Status.SILENT]

    @property
    def supporting(self) -> list[Cell]:
        return [
            cell
            for cell in self.cells
            if any(value.agrees and not value.neutral for value in cell.values)
        ]

    @property
    def dissenting(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.dissenting_values]

    @property
    def unresolved(self) -> bool:
        return self.has_conflict and self.decision is None

    def dissent(self, width: int = 60) -> str:
        """Which sources say otherwise than the record, and what: 'TV Guide says “1995”'."""
        return "; ".join(cell.dissent(width) for cell in self.dissenting)

    @property
    def support(self) -> str:
        """Under the record's value: "supported by 2 of 3 sources"."""
        if supporting := len(self.supporting):
            stating = len(self.stating)
            return f"supported by {supporting} of {stating} source{plural(stating)}"
        return "no source says this"

    @property
    def backing(self) -> str:
        """After the record's value in the list of conflicts: "as 2 of 3 sources do"."""
        if supporting := len(self.supporting):
            stating = len(self.stating)
            if stating == 1:
                return "as the one source stating it does"
            return f"as {supporting} of {stating} sources do"
        return "which no source says"

    def objection(self, cell: Cell) -> str:
        """One dissenting source in the list of conflicts."""
        return cell.dissent(60)

    @property
    def objections(self) -> str:
        """The dissenting sources in the list of conflicts: 'TV Guide says “1995”; ...'."""
        return "; ".join(self.objection(cell) for cell in self.dissenting)

    @property
    def decision_basis(self) -> str:
        """After "chosen by the editors": 'from two sources; TV Guide says “1995”'."""
        supporting = len(self.supporting)
        return "; ".join(
            [
                f"from {in_words(supporting)} source{plural(supporting)}",
                *(cell.dissent(40) for cell in self.dissenting),
            ]
        )


@dataclass(kw_only=True)
class CastRow(Row):
    person: Person
    credit: Credit | None = None

    section: ClassVar[str] = "cast"
    absence: ClassVar[SafeString] = mark_safe("not in the record's cast")

    def objection(self, cell: Cell) -> str:
        # A source naming someone the record has not cast, without a character.
        if not cell.dissenting_values[0].claim.character:
            return f"{cell.source.title} names them in the cast"
        return super().objection(cell)


def claim_anchor(claim: Claim) -> str:
    """The id of the row on the film page that shows the claim: "field-year", "cast-jan-niklas"."""
    if claim.field == Field.CAST:
        return f"{CastRow.section}-{claim.person.slug if claim.person else ''}"
    return f"{Row.section}-{claim.field}"


def accepted_values(record: set[str], stated: set[tuple[str, ...]]) -> set[str]:
    """The values a row accepts: the record's; with none, the one value every source gives (its
    keys: a genre word may be filed under two genres). `stated`: each value's keys.

    With `conflicts`, the one rule of what a conflict is: the film page's rows and the stored
    counts (catalog.counts) both follow it."""
    if record:
        return record
    return set(next(iter(stated))) if len(stated) == 1 else set()


def accepted_characters(character: str | None) -> set[str]:
    """A cast row accepts the credit's character and a bare mention; with no credit, nothing."""
    return {fold(character), BARE_MENTION} if character is not None else set()


def conflicts(stated: set[str], accepted: set[str]) -> bool:
    """A row conflicts when a source states a value the row does not accept."""
    return not stated <= accepted


def as_keys(found: str | tuple[str, ...]) -> tuple[str, ...]:
    return (found,) if isinstance(found, str) else found


def make_cell(
    source: Source,
    claims: Iterable[Claim],
    accepted: set[str] | None,
    key: Callable[[Claim], str | tuple[str, ...]],
    label: Callable[[Claim], str],
    multi_valued: bool,
) -> Cell:
    """Group a source's claims by value; `accepted` None means the row is not compared.

    `key` gives what a claim is matched on; a claim with several keys (a genre word filed under
    two genres) agrees when the record accepts every one of them.
    """
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(label(claim), []).append(claim)
    values = []
    stated: set[str] = set()
    for text, group in grouped.items():
        keys = as_keys(key(group[0]))
        stated.update(keys)
        agrees = None if accepted is None else accepted.issuperset(keys)
        values.append(Value(text, group, agrees=agrees, neutral=keys == (BARE_MENTION,)))
    if not values:
        status = Status.SILENT
    elif accepted is None:
        status = Status.NOT_COMPARED
    elif not conflicts(stated, accepted):
        status = Status.AGREES
    else:
        status = Status.CONFLICTS
    return Cell(source, values, status, multi_valued)
