"""Editors settle a conflict: the record takes a value, and the decision keeps who, when, why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.db.models import F, Max

from catalog import derived
from catalog.comparison import CastRow, Comparison, Row, comparable
from catalog.models import Claim, Credit, Decision, Field, Film, Role, Source
from catalog.normalise import fold, normalise
from catalog.record_fields import record_value
from catalog.trust import supports

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# Single-valued fields an editor settles by picking one value; genres and people are edited
# directly in the film's form, since a film can have several of them.
RESOLVABLE_FIELDS = [
    Field.TITLE,
    Field.YEAR,
    Field.CERTIFICATE,
    Field.RUNTIME,
    Field.SETTING,
    Field.PERIOD,
    Field.FILMING_LOCATION,
    Field.CONTENT_ADVISORY,
    Field.TAGLINE,
]
NOT_IN_CAST = "not-in-cast"


@dataclass
class Option:
    """One value the sources give, however each spells it, with the claims that give it."""

    key: str
    texts: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.texts[0]

    @property
    def sources(self) -> list[Source]:
        return list({claim.source_id: claim.source for claim in self.claims}.values())

    @property
    def label(self) -> str:
        sources = ", ".join(source.title for source in self.sources)
        return f"{' / '.join(self.texts)} (said by {sources})"


def is_resolvable(row: Row) -> bool:
    return isinstance(row, CastRow) or row.key in RESOLVABLE_FIELDS


def options(row: Row) -> list[Option]:
    """The distinct values the sources give on a row, most supported first."""
    grouped: dict[str, Option] = {}
    for cell in row.cells:
        for value in cell.values:
            claim = value.claim
            if isinstance(row, CastRow):
                if not claim.character:
                    continue  # naming the actor without a character offers no value to choose
                key = fold(claim.character)
            else:
                key = comparable(claim)
            option = grouped.setdefault(key, Option(key))
            if value.text not in option.texts:
                option.texts.append(value.text)
            option.claims.extend(value.claims)
    return sorted(grouped.values(), key=lambda option: -len(option.sources))


def wording(row: Row, option: Option) -> str:
    """The text to record for `option`: the record's own wording when it already says that."""
    if row.record:
        held = fold(row.record) if isinstance(row, CastRow) else normalise(row.key, row.record)
        if held == option.key:
            return row.record
    return option.text


@transaction.atomic
def decide(
    film: Film,
    row: Row,
    text: str,
    claims: list[Claim],
    reason: str,
    editor: User | None = None,
    *,
    then_recompute: bool = True,
) -> Decision:
    """Give the record `text` on `row`, and keep the decision with its claims and reason.

    The editors' word counts in the consensus: it moves this film's values at once, and the
    trust of the sources it proves right or wrong once the trust is learnt again (in the
    background). `then_recompute=False` leaves the consensus to the caller, who settles many
    rows at once.
    """
    summary = f"Resolved {row.label}: {reason}"
    if isinstance(row, CastRow):
        settle_character(film, row, text, summary)
        decision = Decision.objects.create(
            film=film,
            field=Field.CAST,
            person=row.person,
            value="" if text == NOT_IN_CAST else text,
            reason=reason,
            editor=editor,
        )
    else:
        setattr(film, row.key, record_value(row.key, text))
        give_reason(film, summary)
        film.full_clean(exclude=["genres"])
        film.save()
        decision = Decision.objects.create(
            film=film, field=row.key, value=text, reason=reason, editor=editor
        )
    decision.claims.set(claims)
    Film.objects.filter(pk=film.pk).update(version=F("version") + 1)  # the page shows decisions
    derived.refresh([film.pk], consensus=then_recompute)
    return decision


def settle_from_consensus(
    film: Film, comparison: Comparison, editor: User | None = None
) -> list[Decision]:
    """Give the record the consensus wherever it differs, as decisions citing the claims."""
    decisions = []
    for row in comparison.rows + comparison.cast:
        value = row.consensus
        if value is None or not is_resolvable(row):
            continue
        if row.record and not row.differs_from_consensus:
            continue
        claims = [claim for cell in row.cells for claim in cell.claims if supports(claim, value)]
        reason = f"Set from the consensus of the sources (confidence {value.confidence:.2f})."
        decisions.append(
            decide(film, row, value.value, claims, reason, editor, then_recompute=False)
        )
    return decisions


def settle_character(film: Film, row: CastRow, text: str, summary: str) -> None:
    """Set the credit's character; "not in the cast" removes the credit."""
    credit = row.credit
    if text == NOT_IN_CAST:
        if credit:
            give_reason(credit, summary)
            credit.delete()
        return
    if credit is None:
        billing = film.credits.aggregate(last=Max("billing"))["last"] or 0
        credit = Credit(film=film, person=row.person, role=Role.CAST, billing=billing + 1)
    credit.character = text
    give_reason(credit, summary)
    credit.save()


def give_reason(obj: models.Model, reason: str) -> None:
    """The reason django-simple-history records with the next save or delete of `obj`."""
    # simple-history reads the attribute from the instance; no model's type declares it.
    obj._change_reason = reason  # type: ignore[attr-defined]
