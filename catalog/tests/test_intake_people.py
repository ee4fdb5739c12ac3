"""Linking the names on an added page to the catalogue's people."""

import pytest

from catalog.extraction import Page
from catalog.intake.people import link_people, names_index
from catalog.intake.proposals import propose
from catalog.models import Film, NameVariant
from catalog.tests.builders import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_hot(catalogue_data):
    return Film.objects.get(slug="red-hot-1993")


def links(names, film):
    return link_people(names, film, names_index())


def test_a_known_spelling_links_the_person(red_hot):
    found = links(["Armin Mueller-Stall", "carla gugino"], red_hot)
    assert found["Armin Mueller-Stall"].person.slug == "armin-mueller-stahl"
    assert found["carla gugino"].person.slug == "carla-gugino"


def test_a_near_spelling_links_someone_the_films_sources_name(red_hot):
    found = links(["Carla Guggino", "Armin Mueller-Stahll"], red_hot)
    assert found["Carla Guggino"].person.slug == "carla-gugino"
    assert "near spelling" in found["Carla Guggino"].how
    assert found["Armin Mueller-Stahll"].person.slug == "armin-mueller-stahl"


def test_a_near_spelling_of_someone_not_on_the_film_is_not_linked(red_hot):
    make_person("Bruce Willis")
    assert links(["Bruce Wilis"], red_hot)["Bruce Wilis"].person is None


def test_an_unknown_name_is_left_for_the_editor(red_hot):
    link = links(["Jane Newcomer"], red_hot)["Jane Newcomer"]
    assert link.person is None
    assert link.people == []
    assert "a new person" in link.how


def test_namesakes_off_the_film_are_offered_not_chosen(red_hot):
    first, second = make_person("John Smith"), make_person("John Smith")
    link = links(["John Smith"], red_hot)["John Smith"]
    assert link.person is None
    assert set(link.people) == {first, second}


def test_the_namesake_on_the_film_is_chosen(red_hot):
    make_person("Paul Haggis")
    link = links(["Paul Haggis"], red_hot)["Paul Haggis"]
    assert link.person.slug == "paul-haggis"
    assert len(link.people) == 2


def test_linking_takes_the_same_queries_for_two_names_or_twenty(
    red_hot, django_assert_max_num_queries
):
    names = [f"Someone {n}" for n in range(20)]
    names_index()
    with django_assert_max_num_queries(6):
        links(names, red_hot)


def test_the_index_follows_new_spellings(red_hot):
    assert "armin muller stahl" not in names_index()
    NameVariant.objects.create(
        person_id=red_hot.credits.first().person_id, name="Armin Müller-Stahl"
    )
    assert "armin muller stahl" in names_index()


def test_a_surname_alone_is_linked_by_the_full_name_the_page_gives(red_hot):
    text = (
        "Red Hot (1993)\n\n"
        "Donald Sutherland heads the cast. Kirov (Sutherland) is a KGB chief; his daughter "
        "Valentina (Carla Gugino) learns the piano."
    )
    intake = propose(Page(text=text, is_html=False, encoding="utf-8"), red_hot)

    kirov = next(claim for claim in intake.claims if claim.character == "Kirov")
    assert (kirov.value, kirov.named) == ("Sutherland", "Donald Sutherland")
    assert kirov.link.person.slug == "donald-sutherland"
    assert "in full as Donald Sutherland" in kirov.link.how
