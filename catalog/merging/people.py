"""Merging duplicate people: one person keeps everything the others had, and their addresses."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import models, transaction

from catalog import derived
from catalog.merging.base import mark, reason
from catalog.models import Claim, Credit, Decision, NameVariant, Person, PersonRedirect

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser


@dataclass
class MergeResult:
    """What a merge did, counted for the editor's message."""

    keep: Person
    merged_names: list[str] = field(default_factory=list)
    old_slugs: list[str] = field(default_factory=list)
    credits_moved: int = 0
    claims_moved: int = 0
    decisions_moved: int = 0
    # Existing variants moved over, plus each merged person's own name added as a variant.
    variants_moved: int = 0
    # Credits and variants the kept person already had, deleted instead of moved.
    duplicates_dropped: int = 0


def merge_people(
    keep: Person, merged: Iterable[Person], editor: "AbstractBaseUser | None" = None
) -> MergeResult:
    """Move everything of the `merged` people to `keep`, redirect their addresses, delete them."""
    merged_ids = list(dict.fromkeys(person.pk for person in merged))
    if not merged_ids:
        raise ValueError(f"Choose at least one person to merge into {keep.name}.")
    if keep.pk in merged_ids:
        raise ValueError(f"Cannot merge {keep.name} into themselves: keep one, merge the others.")

    result = MergeResult(keep=keep)
    film_ids: set[int] = set()
    with transaction.atomic():
        # Lock the people so that two editors merging at once cannot both move the same records.
        people = {p.pk: p for p in Person.objects.select_for_update().filter(pk__in=merged_ids)}
        if not Person.objects.select_for_update().filter(pk=keep.pk).exists():
            raise ValueError(f"{keep.name} no longer exists: someone may have merged them already.")
        if missing := [pk for pk in merged_ids if pk not in people]:
            raise ValueError(
                f"{len(missing)} of the people to merge no longer exist: "
                "someone may have merged them already."
            )
        for pk in merged_ids:
            film_ids |= _merge_one(keep, people[pk], editor, result)
        # One person's claims now count together in the consensus of those films' casts.
        derived.refresh(film_ids)
    return result


def _merge_one(
    keep: Person, person: Person, editor: "AbstractBaseUser | None", result: MergeResult
) -> set[int]:
    """Merge one person into `keep`; return the ids of the films whose records changed."""
    why = reason(f"Merged {person.name} into {keep.name}")

    def save(obj: models.Model) -> None:
        mark(obj, why, editor)
        obj.save()

    def delete(obj: models.Model) -> None:
        mark(obj, why, editor)
        obj.delete()

    film_ids: set[int] = set()
    for credit in Credit.objects.filter(person=person).order_by("pk"):
        film_ids.add(credit.film_id)
        already = Credit.objects.filter(
            film_id=credit.film_id, person=keep, role=credit.role, character=credit.character
        )
        if already.exists():
            delete(credit)
            result.duplicates_dropped += 1
        else:
            credit.person = keep
            save(credit)
            result.credits_moved += 1

    for claim in Claim.objects.filter(person=person).order_by("pk"):
        film_ids.add(claim.film_id)
        claim.person = keep
        save(claim)
        result.claims_moved += 1

    for decision in Decision.objects.filter(person=person).order_by("pk"):
        film_ids.add(decision.film_id)
        decision.person = keep
        save(decision)
        result.decisions_moved += 1

    names = {keep.name, *NameVariant.objects.filter(person=keep).values_list("name", flat=True)}
    for variant in NameVariant.objects.filter(person=person).order_by("pk"):
        if variant.name in names:
            delete(variant)
            result.duplicates_dropped += 1
        else:
            variant.person = keep
            save(variant)
            names.add(variant.name)
            result.variants_moved += 1
    if person.name not in names:
        save(NameVariant(person=keep, name=person.name))
        result.variants_moved += 1

    # Addresses that led to this person lead to `keep` now, so a chain of merges is one hop.
    for earlier in PersonRedirect.objects.filter(person=person).order_by("pk"):
        earlier.person = keep
        earlier.save()
    address = PersonRedirect.objects.filter(old_slug=person.slug).first() or PersonRedirect(
        old_slug=person.slug
    )
    address.person = keep
    address.save()

    result.merged_names.append(person.name)
    result.old_slugs.append(person.slug)
    delete(person)
    return film_ids
