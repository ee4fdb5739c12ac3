"""Twins: imported films that are a film the editors keep by hand, made by the importers before
they joined dataset rows to kept films (catalog.matching).

Such an importer listed every row matching a kept film as a possible duplicate of it and made the
row a film of its own. ``find_twins`` weighs those pairs again, by the rules the importers follow
now (``FilmMatcher.match`` over the kept films, their records and the rows they already have): an
imported film is a twin of the kept film that one of its rows joins, when none of its rows is
ruled out by that film or joins another. A pair an editor judged different is left alone, and so
is an imported film an editor has worked on (a field confirmed, a decision, a change in its
history): merging it is for the editors, in the film admin. ``join_twins``
(catalog.merging.films) then folds each twin into its kept film.
"""

from collections import defaultdict

from django.db.models import Q

from catalog.catalogue import dataset_entries, record_entries
from catalog.matching import Entry, FilmMatcher, weigh
from catalog.models import (
    AUTOMATIC_FIELDS,
    Credit,
    Decision,
    DuplicateStatus,
    Film,
    PossibleDuplicate,
)


def find_twins() -> dict[int, list[int]]:
    """Each kept film's twins, by id: kept film -> the imported films to fold into it."""
    kept = set(Film.objects.filter(automatic_fields=[]).values_list("pk", flat=True))
    if not kept:
        return {}
    pairs = (
        PossibleDuplicate.objects.exclude(status=DuplicateStatus.DIFFERENT)
        .filter(Q(film_a__in=kept) | Q(film_b__in=kept))
        .values_list("film_a_id", "film_b_id")
    )
    listed: set[int] = set()
    with_kept: set[int] = set()
    for a, b in pairs:
        for film, other in ((a, b), (b, a)):
            if film in kept and other not in kept:
                with_kept.add(film)
                listed.add(other)
    candidates = listed - worked_on(listed)
    if not candidates:
        return {}

    matcher = FilmMatcher()
    for film, entry in dataset_entries(with_kept):
        matcher.add(film, entry)
    for film, entry in record_entries(with_kept):
        matcher.add(film, entry, kept=True)
    rows: dict[str, list[tuple[int, Entry]]] = defaultdict(list)
    entries: dict[int, list[Entry]] = defaultdict(list)
    for film, entry in dataset_entries(candidates):
        rows[entry.dataset].append((film, entry))
        entries[film].append(entry)

    joins: dict[int, set[int]] = defaultdict(set)
    for dataset_rows in rows.values():
        outcomes = matcher.match([entry for _, entry in dataset_rows])
        for (film, _), outcome in zip(dataset_rows, outcomes, strict=True):
            if outcome.film is not None:
                joins[film].add(outcome.film)
    twins: dict[int, list[int]] = defaultdict(list)
    for film in sorted(joins):
        if len(joins[film]) != 1:
            continue
        [joined] = joins[film]
        known = matcher.films[joined]
        # Every row of the twin is compatible with the kept film, and of a dataset it lacks.
        if all(
            entry.dataset not in known.datasets
            and (evidence := weigh(entry, known)) is not None
            and evidence.compatible
            for entry in entries[film]
        ):
            twins[joined].append(film)
    return dict(twins)


def worked_on(films: set[int]) -> set[int]:
    """Of `films`, those an editor has worked on: merging them is the editors' to decide."""
    untouched = set(AUTOMATIC_FIELDS)
    touched = {
        pk
        for pk, automatic in Film.objects.filter(pk__in=films).values_list("pk", "automatic_fields")
        if set(automatic) != untouched
    }
    touched |= set(Film.history.filter(id__in=films).values_list("id", flat=True))
    touched |= set(Credit.history.filter(film_id__in=films).values_list("film_id", flat=True))
    touched |= set(Decision.objects.filter(film__in=films).values_list("film_id", flat=True))
    return touched
