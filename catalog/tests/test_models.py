import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from catalog.models import Claim, Field, Film, Role
from catalog.tests.builders import (
    make_claim,
    make_credit,
    make_film,
    make_person,
    make_review,
    make_source,
)

pytestmark = pytest.mark.django_db


def test_claim_quote_must_occur_verbatim_in_its_source():
    source = make_source(text="Released in 1993 by the studio.")
    claim = Claim(
        source=source, film=make_film(), field=Field.YEAR, value="1995", quote="Released in 1995"
    )

    with pytest.raises(ValidationError) as error:
        claim.full_clean()

    assert "does not occur verbatim" in str(error.value.message_dict["quote"])


def test_claim_quote_is_placed_where_it_occurs():
    source = make_source(text="Header. Released in 1993 by the studio.")

    claim = make_claim(source, make_film(), value="1993", quote="Released in 1993")

    assert claim.quote_start == 8
    assert source.text[claim.quote_start : claim.quote_end] == "Released in 1993"


def test_claim_quote_differing_only_in_case_or_spacing_is_refused():
    source = make_source(text="Released in 1993.")
    claim = Claim(
        source=source, film=make_film(), field=Field.YEAR, value="1993", quote="released  in 1993"
    )

    with pytest.raises(ValidationError):
        claim.full_clean()


def test_edited_quote_is_found_again():
    source = make_source(text="In 1993. Later, in 1993 again.")
    claim = make_claim(source, make_film(), value="1993", quote="In 1993")

    claim.quote = "Later, in 1993"
    claim.full_clean()

    assert claim.quote_start == 9


def test_claim_normalised_value_is_filled_in():
    source = make_source(text="Runtime: 1 hr 35 min")

    claim = make_claim(source, make_film(), field=Field.RUNTIME, value="1 hr 35 min")

    assert claim.normalised == "95"


def test_cast_claim_must_name_a_person():
    source = make_source(text="Alexi (Balthazar Getty)")
    claim = Claim(
        source=source,
        film=make_film(),
        field=Field.CAST,
        value="Balthazar Getty",
        character="Alexi",
        quote="Alexi (Balthazar Getty)",
    )

    with pytest.raises(ValidationError) as error:
        claim.full_clean()

    assert "person" in error.value.message_dict


def test_database_refuses_a_character_on_a_year_claim():
    source = make_source(text="1993")
    with pytest.raises(IntegrityError):
        Claim.objects.create(
            source=source,
            film=make_film(),
            field=Field.YEAR,
            value="1993",
            quote="1993",
            quote_start=0,
            character="Alexi",
        )


def test_database_refuses_an_empty_quote():
    with pytest.raises(IntegrityError):
        Claim.objects.create(
            source=make_source(), film=make_film(), field=Field.YEAR, value="1993", quote=""
        )


def test_database_refuses_a_character_on_a_director_credit():
    with pytest.raises(IntegrityError):
        make_credit(make_film(), role=Role.DIRECTOR, character="Alexi")


def test_database_refuses_an_implausible_year():
    with pytest.raises(IntegrityError):
        make_film(year=1066)


def test_review_excerpt_must_occur_in_its_source():
    source = make_source(text="A captivating drama.")
    review = make_review(source, make_film(), excerpt="A captivating drama.")
    review.excerpt = "A boring drama."

    with pytest.raises(ValidationError):
        review.full_clean()


def test_one_review_per_source_and_film():
    source, film = make_source(), make_film()
    make_review(source, film)
    with pytest.raises(IntegrityError):
        make_review(source, film)


def test_str_and_urls():
    film = make_film(title="Red Hot", slug="red-hot-1993", year=1993)
    person = make_person("Carla Gugino")

    assert str(film) == "Red Hot (1993)"
    assert film.get_absolute_url() == "/films/red-hot-1993/"
    assert str(person) == "Carla Gugino"


def test_quote_edited_in_a_browser_textarea_still_matches():
    source = make_source(text="Elvis 45s\n\npromising student")
    claim = Claim(
        source=source,
        film=make_film(),
        field=Field.SYNOPSIS,
        value="Elvis 45s\r\n\r\npromising student",
        quote="Elvis 45s\r\n\r\npromising student",
    )

    claim.full_clean()

    assert claim.quote == "Elvis 45s\n\npromising student" and claim.quote_start == 0


def test_moving_a_claim_to_another_film_raises_both_films_versions():
    red_hot, red_heat = make_film(title="Red Hot"), make_film(title="Red Heat", year=1988)
    claim = make_claim(make_source(text="Released in 1993."), red_hot)
    claim = Claim.objects.get(pk=claim.pk)
    versions = dict(Film.objects.values_list("pk", "version"))

    claim.film = red_heat
    claim.save()

    assert dict(Film.objects.values_list("pk", "version")) == {
        pk: version + 1 for pk, version in versions.items()
    }
