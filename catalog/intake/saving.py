"""An added page saved: its source, the claims the editor kept, in one transaction.

Every claim is checked as every claim is (its quote verbatim in the source's text, at its place),
saved through the ORM so history records it, and the film's counts, search text, consensus and
cached pages follow as for any other edit. Nothing is written unless all of it can be.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from catalog import derived
from catalog.models import (
    AUTOMATIC_FIELDS,
    PERSON_FIELDS,
    Claim,
    Field,
    Film,
    NameVariant,
    Person,
    Source,
)
from catalog.normalise import fold, normalise
from catalog.slugs import unique_slug

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

REASON = "Added from a page"


@dataclass
class SourceDetails:
    title: str
    text: str
    publisher: str = ""
    url: str = ""
    retrieved_on: datetime.date | None = None
    notes: str = ""


@dataclass
class NewFilm:
    title: str
    year: int | None = None


@dataclass
class KeptClaim:
    """A proposal the editor kept, as they left it."""

    field: str
    value: str
    quote: str
    start: int | None = None
    character: str = ""
    person: Person | None = None
    # A person not yet in the catalogue, made only because the editor said so.
    new_person: str = ""


@dataclass
class Saved:
    source: Source
    film: Film
    claims: list[Claim] = field(default_factory=list)
    new_people: list[Person] = field(default_factory=list)
    new_spellings: list[NameVariant] = field(default_factory=list)


def save_page(
    details: SourceDetails,
    film: Film | NewFilm,
    kept: list[KeptClaim],
    editor: AbstractBaseUser | None = None,
) -> Saved:
    """Create the source and its claims; raise ValidationError, saving nothing, if any is wrong."""
    with transaction.atomic():
        source = make_source(details)
        target = make_film(film) if isinstance(film, NewFilm) else film
        saved = Saved(source=source, film=target)
        errors: list[str] = []
        for number, claim in enumerate(kept, 1):
            try:
                saved.claims.append(make_claim(source, target, claim, saved))
            except ValidationError as error:
                errors += [
                    f"Claim {number} ({claim.field} “{claim.value}”): {m}" for m in messages(error)
                ]
        if errors:
            raise ValidationError(errors)
        # The new source's claims count in this film's consensus at once, and in the source's
        # own trust once it is learnt again.
        derived.refresh([target.pk], [source.pk])
    return saved


def make_source(details: SourceDetails) -> Source:
    source = Source(
        title=details.title.strip(),
        slug=unique_slug(Source, details.title, "page"),
        kind=Source.Kind.WEB_PAGE,
        publisher=details.publisher.strip(),
        url=details.url.strip(),
        retrieved_on=details.retrieved_on,
        notes=details.notes.strip(),
        text=details.text,
    )
    source.clean()
    source.full_clean()
    save(source)
    return source


def make_film(new: NewFilm) -> Film:
    """A film the page is the first source of: the editor gave its title and year; the rest of
    its record follows the consensus of its sources until an editor confirms it."""
    automatic = [name for name in AUTOMATIC_FIELDS if name not in ("title", "year")]
    film = Film(title=new.title.strip(), year=new.year, automatic_fields=automatic)
    film.slug = unique_slug(Film, f"{film.title} {film.year or ''}", "film")
    film.full_clean(exclude=["genres"])
    save(film)
    return film


def make_claim(source: Source, film: Film, kept: KeptClaim, saved: Saved) -> Claim:
    person = kept.person
    if person is None and kept.new_person and kept.field in PERSON_FIELDS:
        person = new_person(kept.new_person, saved)
    if person is not None and kept.field in PERSON_FIELDS:
        add_spelling(person, kept.value, saved)
    claim = Claim(
        source=source,
        film=film,
        field=kept.field,
        value=kept.value.strip(),
        normalised=normalise(kept.field, kept.value),
        person=person if kept.field in PERSON_FIELDS else None,
        character=kept.character.strip() if kept.field == Field.CAST else "",
        quote=kept.quote,
        quote_start=kept.start,
    )
    claim.full_clean()
    save(claim)
    return claim


def new_person(name: str, saved: Saved) -> Person:
    """The person the editor confirmed as new, made once however many claims name them."""
    for person in saved.new_people:
        if fold(person.name) == fold(name):
            return person
    person = Person(name=name.strip(), slug=unique_slug(Person, name, "person"))
    person.full_clean()
    save(person)
    saved.new_people.append(person)
    return person


def add_spelling(person: Person, written: str, saved: Saved) -> None:
    """A spelling the page uses for a known person becomes one of theirs ("Mueller-Stall"); a
    surname alone ("Murray" for Bill Murray) is no spelling of a name of several words."""
    written = written.strip()
    if not written or written == person.name:
        return
    if len(written.split()) == 1 < len(person.name.split()):
        return
    if NameVariant.objects.filter(person=person, name=written).exists():
        return
    variant = NameVariant(person=person, name=written)
    save(variant)
    saved.new_spellings.append(variant)


def save(obj: Source | Film | Claim | Person | NameVariant) -> None:
    """Save, with the reason django-simple-history records beside the change."""
    obj._change_reason = REASON  # type: ignore[union-attr]  # read by django-simple-history
    obj.save()


def messages(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [
            f"{name}: {m}" if name != "__all__" else m
            for name, ms in error.message_dict.items()
            for m in ms
        ]
    return list(error.messages)
