"""Merging films: the film kept takes everything the others had, and their addresses.

``merge_films`` is the editors' merge (the film admin's action). Into the film kept move the
others' claims, reviews (one per source: the kept film's own review stays), decisions, credits (a
credit the kept film already has, the same person in the same role with the same character or
none, is dropped) and genres. The kept record wins: a field it leaves blank, or one still
automatic (``Film.automatic_fields``), takes another film's value only where the consensus of all
the claims, now together, supports that value; a field the consensus does not compare (tagline,
synopsis, ending) keeps the kept film's value. A field stays automatic only while the films it
took values from had it automatic too.

``join_twins`` folds imported films into a film the editors keep by hand, as the importers now
join such rows (catalog.matching, catalog.merging.twins): the claims and reviews move, and the kept
record is left exactly as the editors set it (the twin's record, the importer's reading of those
claims, goes with the twin).

Both leave each merged film's address answering 301 to the film kept (earlier redirects to it
follow, so a chain is one hop), settle the possible duplicates between the films merged and carry
their others over to the film kept, record every change in django-simple-history with its reason
and editor (the merged film's deletion too, so it can be restored from its history), and
recompute the consensus, counts and search text of the film kept; in one transaction. Rows move
in bulk: a merge's queries do not grow with the number of its credits or claims.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from catalog import consensus, derived
from catalog.bulk import delete_rows
from catalog.merging.base import mark, reason, record_history
from catalog.models import (
    AUTOMATIC_COLUMNS,
    Claim,
    ConsensusValue,
    Credit,
    Decision,
    Film,
    FilmRedirect,
    PossibleDuplicate,
    Review,
)
from catalog.normalise import normalise
from catalog.trust import EDITED_FORMS, FIELD_TYPES

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

# The film's own columns the consensus compares: the only ones a merge fills in from another film.
FILLED = [name for name in FIELD_TYPES if name in {f.name for f in Film._meta.concrete_fields}]


@dataclass
class FilmMergeResult:
    """What a merge did, counted for the editor's message."""

    keep: Film
    merged_titles: list[str] = field(default_factory=list)
    old_slugs: list[str] = field(default_factory=list)
    claims_moved: int = 0
    credits_moved: int = 0
    reviews_moved: int = 0
    decisions_moved: int = 0
    genres_added: int = 0
    # Credits and reviews the kept film already had, deleted instead of moved; in a join, the
    # twin's credits too (its record, read from the claims that moved).
    duplicates_dropped: int = 0
    # The kept film's blank or automatic fields that took a merged film's value.
    fields_filled: list[str] = field(default_factory=list)
    possible_duplicates_settled: int = 0


@dataclass
class _Kept:
    """The kept film's credits and genres as the merge goes, to find the duplicates."""

    characters: dict[tuple[int, str], set[str]]
    billing: dict[str, int]
    genres: set[int]


def merge_films(
    keep: Film, merged: Iterable[Film], editor: "AbstractBaseUser | None" = None
) -> FilmMergeResult:
    """Merge the `merged` films into `keep`, redirect their addresses, delete them."""
    merged_ids = list(dict.fromkeys(film.pk for film in merged))
    if not merged_ids:
        raise ValueError(f"Choose at least one film to merge into {keep}.")
    if keep.pk in merged_ids:
        raise ValueError(f"Cannot merge {keep} into itself: keep one, merge the others.")
    with transaction.atomic():
        kept, films = _lock(keep.pk, merged_ids, str(keep))
        result = FilmMergeResult(keep=kept)
        _move_all(kept, films, editor, result, "Merged {} into {}", record=True)
        # The consensus of all the claims, now together, decides what the record takes.
        derived.refresh([kept.pk], record=False, counts_too=False)
        automatic = _fill(kept, films, result)
        why = reason(f"Merged {', '.join(result.merged_titles)} into {kept}")
        _save(kept, automatic, why, editor)
        # The record filled in follows its consensus (the credits joined lose their repeats),
        # and is counted.
        derived.refresh([kept.pk], consensus=False, record=True)
    return result


def join_twins(
    twins: Mapping[int, Sequence[int]], editor: "AbstractBaseUser | None" = None
) -> list[FilmMergeResult]:
    """Fold each kept film's twins (kept film id -> twin ids) into it, its record untouched."""
    results = []
    with transaction.atomic():
        for keep_id, twin_ids in twins.items():
            kept, films = _lock(keep_id, list(twin_ids), f"Film {keep_id}")
            result = FilmMergeResult(keep=kept)
            _move_all(kept, films, editor, result, "Joined {} to {}", record=False)
            why = reason(f"Joined {', '.join(result.merged_titles)} to {kept}")
            _save(kept, None, why, editor)
            results.append(result)
        if results:
            derived.refresh([result.keep.pk for result in results])
    return results


def _lock(keep_id: int, merged_ids: list[int], name: str) -> tuple[Film, list[Film]]:
    """The films, locked so that two editors merging at once cannot both move the same rows."""
    found = {
        f.pk: f for f in Film.objects.select_for_update().filter(pk__in=[keep_id, *merged_ids])
    }
    if keep_id not in found:
        raise ValueError(f"{name} no longer exists: someone may have merged it already.")
    if missing := [pk for pk in merged_ids if pk not in found]:
        raise ValueError(
            f"{len(missing)} of the films to merge no longer exist: "
            "someone may have merged them already."
        )
    return found[keep_id], [found[pk] for pk in merged_ids]


def _move_all(
    keep: Film,
    films: list[Film],
    editor: "AbstractBaseUser | None",
    result: FilmMergeResult,
    wording: str,
    *,
    record: bool,
) -> None:
    """Move every film's rows to `keep`, carry their addresses and possible duplicates over,
    delete them. With `record` their credits and genres join the kept record too."""
    characters: dict[tuple[int, str], set[str]] = defaultdict(set)
    billing: dict[str, int] = defaultdict(int)
    for person, role, character, billed in Credit.objects.filter(film=keep).values_list(
        "person_id", "role", "character", "billing"
    ):
        characters[person, role].add(character)
        billing[role] = max(billing[role], billed)
    through = Film.genres.through
    genres = set(through.objects.filter(film=keep).values_list("genre_id", flat=True))
    kept = _Kept(characters, billing, genres)
    now = timezone.now()
    for film in films:
        why = reason(wording.format(film, keep))
        _move_claims(keep, film, why, editor, now, result)
        _move_reviews(keep, film, why, editor, now, result)
        result.decisions_moved += Decision.objects.filter(film=film).update(film=keep)
        _move_credits(keep, film, kept, why, editor, now, result, record=record)
        if record:
            new = [
                genre
                for genre in through.objects.filter(film=film).values_list("genre_id", flat=True)
                if genre not in kept.genres
            ]
            through.objects.bulk_create([through(film_id=keep.pk, genre_id=g) for g in new])
            kept.genres.update(new)
            result.genres_added += len(new)
        result.merged_titles.append(str(film))
        result.old_slugs.append(film.slug)
    _carry_possible_duplicates(keep, films, result)
    _carry_addresses(keep, films)
    for film in films:
        mark(film, reason(wording.format(film, keep)), editor)
        film.delete()


def _move_claims(
    keep: Film,
    film: Film,
    why: str,
    editor: "AbstractBaseUser | None",
    now: datetime,
    result: FilmMergeResult,
) -> None:
    claims = list(Claim.objects.filter(film=film))
    Claim.objects.filter(film=film).update(film=keep)
    for claim in claims:
        claim.film_id = keep.pk
    record_history(claims, "~", why, editor, now)
    result.claims_moved += len(claims)


def _move_reviews(
    keep: Film,
    film: Film,
    why: str,
    editor: "AbstractBaseUser | None",
    now: datetime,
    result: FilmMergeResult,
) -> None:
    """A film has one review per source: the kept film's own stays, the other is dropped."""
    reviewed = set(Review.objects.filter(film=keep).order_by().values_list("source_id", flat=True))
    reviews = list(Review.objects.filter(film=film).order_by("pk"))
    moved = [review for review in reviews if review.source_id not in reviewed]
    dropped = [review for review in reviews if review.source_id in reviewed]
    Review.objects.filter(pk__in=[review.pk for review in moved]).update(film=keep)
    delete_rows(Review, "id", [review.pk for review in dropped])
    for review in moved:
        review.film_id = keep.pk
    record_history(moved, "~", why, editor, now)
    record_history(dropped, "-", why, editor, now)
    result.reviews_moved += len(moved)
    result.duplicates_dropped += len(dropped)


def _move_credits(
    keep: Film,
    film: Film,
    kept: _Kept,
    why: str,
    editor: "AbstractBaseUser | None",
    now: datetime,
    result: FilmMergeResult,
    *,
    record: bool,
) -> None:
    """The film's credits join the kept film's, billed after them, unless the kept film has the
    person in that role already (with the same character, or either has none)."""
    moved: list[Credit] = []
    dropped: list[Credit] = []
    for credit in Credit.objects.filter(film=film).order_by("role", "billing", "pk"):
        characters = kept.characters.get((credit.person_id, credit.role), set())
        duplicate = bool(characters) and (
            not credit.character or credit.character in characters or "" in characters
        )
        if not record or duplicate:
            dropped.append(credit)
            continue
        kept.billing[credit.role] += 1
        credit.film_id, credit.billing = keep.pk, kept.billing[credit.role]
        kept.characters[credit.person_id, credit.role].add(credit.character)
        moved.append(credit)
    Credit.objects.bulk_update(moved, ["film", "billing"])
    delete_rows(Credit, "id", [credit.pk for credit in dropped])
    record_history(moved, "~", why, editor, now)
    record_history(dropped, "-", why, editor, now)
    result.credits_moved += len(moved)
    result.duplicates_dropped += len(dropped)


def _carry_possible_duplicates(keep: Film, films: list[Film], result: FilmMergeResult) -> None:
    """Pairs among the films merged are settled; a merged film's pair with another film becomes
    the kept film's, unless the kept film has that pair already."""
    merged = {film.pk for film in films}
    group = merged | {keep.pk}
    pairs = PossibleDuplicate.objects.filter(Q(film_a__in=group) | Q(film_b__in=group))
    seen: set[frozenset[int]] = set()
    settled: list[int] = []
    carried: list[PossibleDuplicate] = []
    # The kept film's own pairs first, so that they are the ones that stay.
    for pair in sorted(pairs, key=lambda p: (keep.pk not in (p.film_a_id, p.film_b_id), p.pk)):
        a = keep.pk if pair.film_a_id in merged else pair.film_a_id
        b = keep.pk if pair.film_b_id in merged else pair.film_b_id
        if a == b or frozenset((a, b)) in seen:
            settled.append(pair.pk)
            continue
        seen.add(frozenset((a, b)))
        if (a, b) != (pair.film_a_id, pair.film_b_id):
            pair.film_a_id, pair.film_b_id = a, b
            carried.append(pair)
    PossibleDuplicate.objects.filter(pk__in=settled).delete()
    PossibleDuplicate.objects.bulk_update(carried, ["film_a", "film_b"])
    result.possible_duplicates_settled += len(settled)


def _carry_addresses(keep: Film, films: list[Film]) -> None:
    """The merged films' addresses, and the addresses that led to them, now lead to `keep`."""
    FilmRedirect.objects.filter(film__in=films).update(film=keep)
    slugs = [film.slug for film in films]
    FilmRedirect.objects.filter(old_slug__in=slugs).update(film=keep)
    known = set(FilmRedirect.objects.filter(old_slug__in=slugs).values_list("old_slug", flat=True))
    FilmRedirect.objects.bulk_create(
        [FilmRedirect(old_slug=slug, film=keep) for slug in slugs if slug not in known]
    )


def record_old_address(film: Film, old_slug: str | None) -> None:
    """`film` changed its slug (or came back from its history): its old address, if any,
    answers 301 to its new one, and an address it takes back is its own again."""
    if old_slug and old_slug != film.slug:
        FilmRedirect.objects.update_or_create(old_slug=old_slug, defaults={"film": film})
    FilmRedirect.objects.filter(old_slug=film.slug).delete()


def _fill(keep: Film, films: list[Film], result: FilmMergeResult) -> list[str]:
    """Fill the kept film's blank or automatic fields with a merged film's value the consensus
    supports (and its own does not); the fields that stay automatic."""
    agreed = dict(
        ConsensusValue.objects.filter(film=keep, person__isnull=True, field__in=FILLED).values_list(
            "field", "normalised"
        )
    )
    taken_from: dict[str, Film] = {}
    for name in FILLED:
        mine = getattr(keep, name)
        if (mine not in (None, "") and name not in keep.automatic_fields) or name not in agreed:
            continue
        if mine not in (None, "") and _compared(name, mine) == agreed[name]:
            continue
        for film in films:
            theirs = getattr(film, name)
            if theirs not in (None, "") and _compared(name, theirs) == agreed[name]:
                setattr(keep, name, theirs)
                taken_from[name] = film
                result.fields_filled.append(name)
                break

    def still_automatic(name: str) -> bool:
        if name in AUTOMATIC_COLUMNS:
            source = taken_from.get(name)
            return source is None or name in source.automatic_fields
        # Credits and genres were joined: automatic only if every film's were.
        return all(name in film.automatic_fields for film in films)

    automatic = [name for name in keep.automatic_fields if still_automatic(name)]
    # Film.save takes a changed automatic field for an editor's confirmation: the values filled
    # in that stay automatic are written first, so that the save finds them unchanged.
    if refilled := {name: getattr(keep, name) for name in taken_from if name in automatic}:
        Film.objects.filter(pk=keep.pk).update(**refilled)
    return automatic


def _compared(name: str, value: object) -> str:
    """A record value as the consensus engine compares it (catalog.trust)."""
    text = str(value)
    if name in EDITED_FORMS:
        text = normalise(name, text)
    return consensus.VALUE_TYPES[FIELD_TYPES[name]].normalise(text)


def _save(
    keep: Film, automatic: list[str] | None, why: str, editor: "AbstractBaseUser | None"
) -> None:
    """Save the kept film with the merge's reason: its version, search text and history follow.

    `automatic` are the fields that stay automatic (None: as they are)."""
    if automatic is not None:
        keep.automatic_fields = automatic
    mark(keep, why, editor)
    keep.save()
