"""Small builders for test data: each makes a valid object, overridable by keyword."""

from itertools import count

from django.utils.text import slugify

from catalog.models import Claim, Credit, Field, Film, Person, Review, Role, Source

_serial = count(1)


def make_source(text="The film came out in 1993, directed by Jane Doe.", **fields) -> Source:
    n = next(_serial)
    fields.setdefault("title", f"Source {n}")
    fields.setdefault("slug", slugify(fields["title"]) + f"-{n}")
    return Source.objects.create(text=text, **fields)


def make_film(**fields) -> Film:
    n = next(_serial)
    fields.setdefault("title", f"Film {n}")
    fields.setdefault("slug", slugify(fields["title"]) + f"-{n}")
    return Film.objects.create(**fields)


def make_person(name=None) -> Person:
    n = next(_serial)
    name = name or f"Person {n}"
    return Person.objects.create(name=name, slug=f"{slugify(name)}-{n}")


def make_credit(film, person=None, role=Role.CAST, **fields) -> Credit:
    return Credit.objects.create(film=film, person=person or make_person(), role=role, **fields)


def make_claim(source, film, field=Field.YEAR, value="1993", quote=None, **fields) -> Claim:
    """A claim whose quote defaults to the value itself, placed where it occurs in the source."""
    claim = Claim(
        source=source, film=film, field=field, value=value, quote=quote or value, **fields
    )
    claim.full_clean()
    claim.save()
    return claim


def make_review(source, film, excerpt=None, **fields) -> Review:
    return Review.objects.create(
        source=source, film=film, excerpt=excerpt or source.text[:20], **fields
    )
