"""What the editors changed lately, read from the history django-simple-history keeps.

Only editors' changes count (a history row with a user): the loaders and importers write without
one. A film changes with its own record and with its credits, claims and reviews.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import IntegerField, Model, QuerySet, Value

from catalog.models import Claim, Credit, Film, Review, Source

# Each history table: the model it keeps, and the column naming the film or source it changes.
HISTORIES: list[tuple[type[Model], str]] = [
    (Film, "id"),
    (Credit, "film_id"),
    (Claim, "film_id"),
    (Review, "film_id"),
    (Source, "id"),
]


@dataclass(frozen=True)
class Change:
    subject: Film | Source
    at: datetime
    added: bool  # the film or source itself was added, rather than edited

    @property
    def kind(self) -> str:
        return "film" if isinstance(self.subject, Film) else "source"


def latest_edits(per_table: int) -> QuerySet:
    """The last `per_table` rows editors wrote in each history table, newest first, as (table,
    subject's id, history type, date): one query, each table read through its date index."""
    parts = []
    for table, (model, column) in enumerate(HISTORIES):
        history = model.history.model  # type: ignore[attr-defined]
        latest = (
            history.objects.filter(history_user__isnull=False)
            .order_by("-history_date")
            .values("history_id")[:per_table]
        )
        parts.append(
            history.objects.filter(history_id__in=latest)
            .order_by()  # a part of a union has no order of its own
            .annotate(table=Value(table, output_field=IntegerField()))
            .values_list("table", column, "history_type", "history_date")
        )
    first, *rest = parts
    return first.union(*rest, all=True).order_by("-history_date")


def recent_changes(sources: Iterable[Source], limit: int = 8) -> list[Change]:
    """The films and sources editors changed last, each once, newest first; those since deleted
    are left out. `sources` are every source, as the page has already read them."""
    latest: dict[tuple[type[Model], int], tuple[datetime, bool]] = {}
    # Enough rows for `limit` subjects when each was saved a few times in a row.
    for table, pk, history_type, at in latest_edits(per_table=limit * 4):
        model, column = HISTORIES[table]
        subject = (Source if model is Source else Film), pk
        latest.setdefault(subject, (at, history_type == "+" and column == "id"))
    film_ids = [pk for model, pk in latest if model is Film]
    films = Film.objects.only("title", "slug", "year").in_bulk(film_ids) if film_ids else {}
    found: dict[type[Model], dict[int, Film | Source]] = {
        Film: dict(films),
        Source: {source.pk: source for source in sources},
    }
    changes = [
        Change(still, at, added)
        for (model, pk), (at, added) in latest.items()
        if (still := found[model].get(pk)) is not None
    ]
    return changes[:limit]
