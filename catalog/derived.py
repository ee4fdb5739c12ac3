"""Everything derived from the claims and decisions, kept by one owner.

What the catalogue derives, and when:

- in the writer's transaction, by ``refresh`` (every write path calls it: decisions, merges, an
  added page, the admin's saves): the consensus of the films written, solved with the sources'
  stored trust (catalog.trust.solve_films), the automatic fields of their records that follow it
  (catalog.records.refill), their counts of sources and conflicts (catalog.counts), and the
  counts of the sources written;
- once the transaction commits (``changed``, also called by the signal receivers of
  catalog.signals for every save through the ORM): the search text of the films whose titles or
  names changed (catalog.search), the counters cached pages are keyed by (catalog.pagecache),
  and, when claims or decisions changed, one re-learning of every source's trust in the
  background (catalog.tasks), however many writes asked for it.

Whatever a transaction changes, the work on commit is done once, in a fixed number of queries.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from catalog import counts, records, search, tasks, trust
from catalog.models import Claim, Credit, Generation, Source


def refresh(
    films: Iterable[int] = (),
    sources: Iterable[int] = (),
    *,
    consensus: bool = True,
    record: bool | None = None,
    counts_too: bool = True,
    moved: Iterable[tuple[int, int | None, int | None]] = (),
) -> None:
    """Bring what is derived from the claims and decisions of `films` up to date now, and the
    counts of `sources`; the rest follows on commit.

    `consensus=False` for a write that changes no claim or decision (a film's record, a credit):
    the consensus does not read them. `record`: whether the films' automatic fields follow
    their consensus (by default, when it was solved again); `record=False, counts_too=False`
    for a writer that reads the consensus before it changes the record itself (a merge), and
    refreshes again once it has. `moved`: single
    claims made, deleted or moved, as (source, film before, film after), whose sources' counts
    change by one rather than being counted again.
    """
    film_ids = sorted(set(films))
    source_ids = sorted(set(sources))
    with transaction.atomic(savepoint=False):  # the writer's own transaction, if it has one
        for source, before, after in moved:
            counts.count_moved_claim(source, before, after)
        if film_ids:
            if consensus:
                trust.solve_films(film_ids)
            if consensus if record is None else record:
                records.refill(film_ids)
            if counts_too:
                counts.store_counts(film_ids)
        if source_ids:
            counts.refresh_source_counts(Source.objects.filter(pk__in=source_ids))
        changed(search=film_ids, learn=consensus and bool(film_ids))


@dataclass
class Pending:
    """What the open transaction changed, for the work done once it commits."""

    search: set[int] = field(default_factory=set)
    """Films whose titles or people may have changed."""
    people: set[int] = field(default_factory=set)
    """People whose names changed: the films they are on."""
    shared: bool = False
    """Something many film pages show changed (a source, a person, a genre, the trust)."""
    learn: bool = False
    """Claims or decisions changed: the sources' trust is to be learnt again."""
    touched: bool = False


_local = threading.local()


def pending() -> Pending:
    if getattr(_local, "pending", None) is None:
        _local.pending = Pending()
    return _local.pending


def changed(
    *,
    search: Iterable[int] = (),
    people: Iterable[int] = (),
    shared: bool = False,
    learn: bool = False,
) -> None:
    """Note a change; its derived data follows when the transaction commits (at once outside
    one). A transaction rolled back leaves its notes to the next commit, which redoes work that
    was not needed and no harm."""
    noted = pending()
    noted.search.update(search)
    noted.people.update(people)
    noted.shared |= shared
    noted.learn |= learn
    noted.touched = True
    # Every change registers the flush; the first to run does the work, the others find none.
    transaction.on_commit(flush)


def flush() -> None:
    """The work a commit leaves: search texts, cached pages' counters, trust to learn."""
    done = pending()
    if not done.touched:
        return
    _local.pending = None
    films = set(done.search)
    if done.people:
        people = sorted(done.people)
        for model in (Credit, Claim):
            films.update(
                model.objects.filter(person__in=people)
                .order_by()
                .values_list("film_id", flat=True)
                .distinct()
            )
    if films:
        search.refresh(films)
    Generation.bump(shared=done.shared)
    if done.learn:
        tasks.schedule_learning()
