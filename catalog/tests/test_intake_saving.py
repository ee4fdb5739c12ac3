"""Saving an added page: the source and the kept claims, all or nothing."""

import pytest
from django.core.exceptions import ValidationError

from catalog.intake.saving import KeptClaim, NewFilm, SourceDetails, save_page
from catalog.models import Claim, Field, Film, NameVariant, Person, Source

pytestmark = pytest.mark.django_db

TEXT = (
    "Red Hot (1993)\n"
    "Directed by Paul Haggis. With Carla Gugino as Valentina, Armin Müller-Stahl as Old Man "
    "and Jane Newcomer as Anna.\n"
    "Running time: 95 minutes"
)


def details(text=TEXT) -> SourceDetails:
    return SourceDetails(title="Red Hot at a video shop", text=text, publisher="Video Shop")


def kept_claims():
    return [
        KeptClaim(Field.YEAR, "1993", "Red Hot (1993)"),
        KeptClaim(
            Field.DIRECTOR,
            "Paul Haggis",
            "Directed by Paul Haggis",
            person=Person.objects.get(slug="paul-haggis"),
        ),
        KeptClaim(
            Field.CAST,
            "Carla Gugino",
            "Carla Gugino as Valentina",
            character="Valentina",
            person=Person.objects.get(slug="carla-gugino"),
        ),
        KeptClaim(
            Field.CAST,
            "Armin Müller-Stahl",
            "Armin Müller-Stahl as Old Man",
            character="Old Man",
            person=Person.objects.get(slug="armin-mueller-stahl"),
        ),
        KeptClaim(
            Field.CAST,
            "Jane Newcomer",
            "Jane Newcomer as Anna",
            character="Anna",
            new_person="Jane Newcomer",
        ),
        KeptClaim(Field.RUNTIME, "95 minutes", "Running time: 95 minutes"),
    ]


def test_the_page_becomes_a_source_of_the_film_with_its_claims(catalogue_data):
    film = Film.objects.get(slug="red-hot-1993")
    saved = save_page(details(), film, kept_claims())
    assert saved.source.kind == Source.Kind.WEB_PAGE
    assert saved.source.text == TEXT
    claims = Claim.objects.filter(source=saved.source)
    assert claims.count() == 6
    for claim in claims:
        assert TEXT[claim.quote_start :].startswith(claim.quote)
    cast = claims.get(character="Valentina")
    assert cast.person.slug == "carla-gugino"
    assert claims.get(field=Field.RUNTIME).normalised == "95"
    film.refresh_from_db()
    assert film.source_count == 4
    saved.source.refresh_from_db()
    assert saved.source.claim_count == 6


def test_a_known_persons_new_spelling_becomes_one_of_theirs(catalogue_data):
    save_page(details(), Film.objects.get(slug="red-hot-1993"), kept_claims())
    assert NameVariant.objects.filter(
        person__slug="armin-mueller-stahl", name="Armin Müller-Stahl"
    ).exists()


def test_a_confirmed_new_person_is_made_once(catalogue_data):
    saved = save_page(details(), Film.objects.get(slug="red-hot-1993"), kept_claims())
    assert [person.name for person in saved.new_people] == ["Jane Newcomer"]
    assert Person.objects.filter(name="Jane Newcomer").count() == 1


def test_a_page_about_a_new_film_makes_the_film(catalogue_data):
    saved = save_page(details(), NewFilm("Red Hot", 1994), kept_claims()[:1])
    assert saved.film.title == "Red Hot"
    assert saved.film.slug == "red-hot-1994"


def test_a_quote_not_in_the_page_saves_nothing(catalogue_data):
    before = (Source.objects.count(), Claim.objects.count(), Person.objects.count())
    claims = [*kept_claims(), KeptClaim(Field.YEAR, "1995", "released in 1995")]
    with pytest.raises(ValidationError) as refused:
        save_page(details(), Film.objects.get(slug="red-hot-1993"), claims)
    assert "Claim 7 (year “1995”)" in refused.value.messages[0]
    assert (Source.objects.count(), Claim.objects.count(), Person.objects.count()) == before


def test_a_person_claim_naming_nobody_is_refused(catalogue_data):
    claims = [KeptClaim(Field.CAST, "Jane Newcomer", "Jane Newcomer as Anna")]
    with pytest.raises(ValidationError, match="names the person"):
        save_page(details(), Film.objects.get(slug="red-hot-1993"), claims)
    assert not Source.objects.filter(title="Red Hot at a video shop").exists()


def test_the_save_is_kept_in_history(catalogue_data):
    saved = save_page(details(), Film.objects.get(slug="red-hot-1993"), kept_claims())
    assert saved.source.history.get().history_change_reason == "Added from a page"
    claim = saved.claims[0]
    assert claim.history.count() == 1


def test_a_surname_alone_is_no_new_spelling_and_a_new_person_takes_the_full_name(
    catalogue_data,
):
    text = "Jane Newcomer and Carla Gugino star. Anna (Newcomer) meets Valentina (Gugino)."
    kept = [
        KeptClaim(
            Field.CAST, "Newcomer", "Anna (Newcomer)", character="Anna",
            new_person="Jane Newcomer",
        ),
        KeptClaim(
            Field.CAST, "Gugino", "Valentina (Gugino)", character="Valentina",
            person=Person.objects.get(slug="carla-gugino"),
        ),
    ]  # fmt: skip

    saved = save_page(details(text), Film.objects.get(slug="red-hot-1993"), kept)

    assert [person.name for person in saved.new_people] == ["Jane Newcomer"]
    assert saved.new_spellings == []
    assert not NameVariant.objects.filter(name__in=["Newcomer", "Gugino"]).exists()
