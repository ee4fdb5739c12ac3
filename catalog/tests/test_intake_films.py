"""Which catalogued film an added page is about."""

import pytest

from catalog.intake.films import film_candidates, proposed
from catalog.models import Role
from catalog.tests.builders import make_credit, make_film, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_hots():
    haggis = make_person("Paul Haggis")
    gugino = make_person("Carla Gugino")
    ninety_three = make_film(title="Red Hot", year=1993)
    make_credit(ninety_three, haggis, role=Role.DIRECTOR)
    make_credit(ninety_three, gugino)
    fifty_two = make_film(title="Red Hot", year=1952)
    make_film(title="Red Hot Riding Hood", year=1943)
    return ninety_three, fifty_two


def test_the_film_of_the_same_title_and_year_is_proposed(red_hots):
    ninety_three, _ = red_hots
    candidates = film_candidates(["Red Hot"], 1993, ["Paul Haggis"])
    assert [c.film for c in candidates][:2] == [ninety_three, red_hots[1]]
    assert candidates[0].reasons == ("same title", "same year", "1 person in common")
    assert proposed(candidates) == ninety_three


def test_a_longer_title_holding_the_same_words_is_no_candidate(red_hots):
    titles = [c.film.title for c in film_candidates(["Red Hot"], None, [])]
    assert "Red Hot Riding Hood" not in titles


def test_namesakes_without_a_year_or_people_are_left_to_the_editor(red_hots):
    candidates = film_candidates(["Red Hot"], None, [])
    assert len(candidates) == 2
    assert proposed(candidates) is None


def test_people_in_common_find_a_film_under_another_title(red_hots):
    ninety_three, _ = red_hots
    candidates = film_candidates(["Heißes Blut"], 1993, ["Paul Haggis", "Carla Gugino"])
    assert [c.film for c in candidates] == [ninety_three]
    assert proposed(candidates) == ninety_three


def test_people_in_common_without_the_year_leave_the_choice_to_the_editor(red_hots):
    candidates = film_candidates(["Heißes Blut"], None, ["Paul Haggis", "Carla Gugino"])
    assert [c.film for c in candidates] == [red_hots[0]]
    assert proposed(candidates) is None


def test_a_page_about_an_uncatalogued_film_has_no_candidates(red_hots):
    assert film_candidates(["Die Hard"], 1988, ["Bruce Willis"]) == []


def test_a_year_far_from_the_films_rules_it_out_as_the_proposal(red_hots):
    candidates = film_candidates(["Red Hot"], 1970, [])
    assert proposed(candidates) is None


def test_a_year_two_off_with_three_people_in_common_is_still_the_film(red_hots):
    ninety_three, _ = red_hots
    make_credit(ninety_three, make_person("Donald Sutherland"))
    people = ["Paul Haggis", "Carla Gugino", "Donald Sutherland"]
    assert proposed(film_candidates(["Red Hot"], 1995, people)) == ninety_three
    assert proposed(film_candidates(["Red Hot"], 1995, people[:2])) is None
