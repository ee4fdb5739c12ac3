"""Every write path an editor takes costs the same queries for a film of 3 credits or 300:
settling a conflict, saving a film, a credit or a claim, adding a page, merging people or films.

Each count includes what the write derives in its transaction and on commit (catalog.derived):
the film's consensus, its counts, its search text and the page cache's counters."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse

from catalog import derived
from catalog.comparison import comparison_for
from catalog.decisions import decide
from catalog.intake.saving import KeptClaim, SourceDetails, save_page
from catalog.merging import merge_films, merge_people
from catalog.models import AUTOMATIC_FIELDS, Claim, Credit, Field, Film, Person, Role, Source
from catalog.tests.admin_forms import change_form_data
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source

pytestmark = pytest.mark.django_db

SIZES = [3, 300]


def pinned(sqlite: int, postgresql: int | None = None) -> int:
    """A count pinned per database: they differ by a savepoint or a sequence, never with size."""
    return postgresql if connection.vendor == "postgresql" and postgresql else sqlite


def film_with(credits: int) -> Film:
    """Jurassic Park as imported (its record follows the consensus) with `credits` cast
    members, two sources disagreeing on its year, and one of them giving every character."""
    film = make_film(title="Jurassic Park", year=1993, automatic_fields=AUTOMATIC_FIELDS)
    characters = [f"Character {n}" for n in range(credits)]
    text = "Jurassic Park (1993). " + "; ".join(characters)
    people = Person.objects.bulk_create(
        Person(name=f"Actor {n}", slug=f"actor-{film.pk}-{n}") for n in range(credits)
    )
    Credit.objects.bulk_create(
        Credit(film=film, person=person, role=Role.CAST, character=character, billing=n)
        for n, (person, character) in enumerate(zip(people, characters, strict=True))
    )
    listing = make_source(text=text, title="Listing")
    Claim.objects.bulk_create(
        Claim(
            source=listing,
            film=film,
            field=Field.CAST,
            value=person.name,
            person=person,
            character=character,
            quote=character,
            quote_start=text.index(character + (";" if n < credits - 1 else "")),
        )
        for n, (person, character) in enumerate(zip(people, characters, strict=True))
    )
    make_claim(listing, film, Field.YEAR, "1993")
    make_claim(make_source(text="Jurassic Park, 1994", title="Guide"), film, Field.YEAR, "1994")
    derived.refresh([film.pk], Source.objects.values_list("pk", flat=True))
    return film


@pytest.mark.parametrize("credits", SIZES)
def test_settling_a_conflict(credits, django_assert_num_queries):
    film = film_with(credits)
    editor = User.objects.create_user("ed")
    row = comparison_for(film).row(Field.YEAR)
    claims = list(film.claims.filter(field=Field.YEAR, value="1993"))

    with django_assert_num_queries(57):
        decide(film, row, "1993", claims, "The copyright notice.", editor)

    assert Film.objects.get(pk=film.pk).unresolved_count == 0
    assert film.consensus.get(field=Field.YEAR).value == "1993"


@pytest.mark.parametrize("credits", SIZES)
def test_saving_a_film_in_the_admin(credits, admin_client, django_assert_num_queries):
    film = film_with(credits)
    url = reverse("admin:catalog_film_change", args=[film.pk])
    data = change_form_data(admin_client.get(url), title="Jurassic Park (1993 release)")

    with django_assert_num_queries(43):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    assert Film.objects.get(pk=film.pk).title == "Jurassic Park (1993 release)"


@pytest.mark.parametrize("credits", SIZES)
def test_saving_a_credit_in_the_admin(credits, admin_client, django_assert_num_queries):
    film = film_with(credits)
    credit = film.credits.first()
    url = reverse("admin:catalog_credit_change", args=[credit.pk])
    data = change_form_data(admin_client.get(url), character="Dr. Alan Grant")

    with django_assert_num_queries(pinned(36, postgresql=37)):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    assert Film.objects.get(pk=film.pk).conflict_count == 2, "the year, and now this character"


@pytest.mark.parametrize("credits", SIZES)
def test_saving_a_claim_in_the_admin(credits, admin_client, django_assert_num_queries):
    film = film_with(credits)
    claim = film.claims.get(field=Field.YEAR, value="1994")
    url = reverse("admin:catalog_claim_change", args=[claim.pk])
    data = change_form_data(admin_client.get(url), note="A typing slip, said the publisher.")

    with django_assert_num_queries(56):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).note.startswith("A typing slip")


@pytest.mark.parametrize("credits", SIZES)
def test_adding_a_page_with_its_claims(credits, django_assert_num_queries):
    film = film_with(credits)
    text = "Jurassic Park, released in 1993, rated PG-13."
    kept = [
        KeptClaim(Field.TITLE, "Jurassic Park", "Jurassic Park"),
        KeptClaim(Field.YEAR, "1993", "1993"),
        KeptClaim(Field.CERTIFICATE, "PG-13", "PG-13"),
    ]

    with django_assert_num_queries(88):
        saved = save_page(SourceDetails(title="A review", text=text), film, kept)

    assert len(saved.claims) == 3
    assert Film.objects.get(pk=film.pk).source_count == 3


@pytest.mark.parametrize("credits", SIZES)
def test_merging_people(credits, django_assert_num_queries):
    film = film_with(credits)
    keep = film.credits.first().person
    duplicate = make_person(keep.name + "e")
    make_credit(film, duplicate, role=Role.WRITER)
    guide = make_source(text=f"Written by {duplicate.name}.", title="Guide")
    make_claim(guide, film, Field.WRITER, duplicate.name, person=duplicate)

    with django_assert_num_queries(68):
        merge_people(keep, [duplicate])

    assert film.credits.filter(person=keep).count() == 2


@pytest.mark.parametrize("credits", SIZES)
def test_merging_films(credits, django_assert_num_queries):
    film = film_with(credits)
    twin = make_film(title="Jurassic Park", year=1993)
    make_claim(make_source(text="1993"), twin, Field.YEAR, "1993")
    for _ in range(3):
        make_credit(twin)

    with django_assert_num_queries(74):
        result = merge_films(film, [twin])

    assert result.credits_moved == 3


def test_a_claim_made_moved_or_deleted_changes_its_sources_counts_by_one():
    source = make_source(text="1993 1995")
    first, second = make_film(), make_film()
    make_claim(source, first, Field.YEAR, "1993")

    def counted() -> tuple[int, int]:
        stored = Source.objects.get(pk=source.pk)
        return stored.claim_count, stored.film_count

    def recounted() -> tuple[int, int]:
        from catalog.counts import refresh_source_counts

        kept = counted()
        refresh_source_counts(Source.objects.filter(pk=source.pk))
        assert counted() == kept
        return kept

    derived.refresh([first.pk], [source.pk])
    claim = make_claim(source, first, Field.YEAR, "1995")
    derived.refresh([first.pk], moved=[(source.pk, None, first.pk)])
    assert recounted() == (2, 1)
    claim.film = second
    claim.save()
    derived.refresh([first.pk, second.pk], moved=[(source.pk, first.pk, second.pk)])
    assert recounted() == (2, 2)
    claim.delete()
    derived.refresh([second.pk], moved=[(source.pk, second.pk, None)])
    assert recounted() == (1, 1)
