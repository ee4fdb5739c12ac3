"""Searching the film and people lists as readers type: misspelt, without accents or hyphens,
with a year; "Did you mean" when nothing is found; and what each costs in queries."""

import pytest
from django.urls import reverse

from catalog import search
from catalog.models import Genre, Role
from catalog.tests.builders import make_credit, make_film, make_person

pytestmark = pytest.mark.django_db
FILMS = reverse("catalog:film-list")
PEOPLE = reverse("catalog:person-list")


def titles(response) -> list[str]:
    return [film.title for film in response.context["object_list"]]


@pytest.fixture
def catalogue():
    drama = Genre.objects.create(name="Drama", slug="drama")
    Genre.objects.create(name="Comedy", slug="comedy")
    red_hot = make_film(title="Red Hot", year=1993)
    red_hot.genres.add(drama)
    make_credit(red_hot, make_person("Paul Haggis"), role=Role.DIRECTOR)
    make_credit(red_hot, make_person("Carla Gugino"), character="Valentina")
    make_credit(red_hot, make_person("Armin Mueller-Stahl"), character="Dimitri")
    make_film(title="Red Hot Riding Hood", year=1943)
    make_film(title="Jurassic Park", year=1993)
    make_film(title="The Lost World: Jurassic Park", year=1997)
    arnold = make_person("Arnold Schwarzenegger")
    make_credit(make_film(title="Junior", year=1994), arnold)
    make_credit(make_film(title="Terminator 2: Judgment Day", year=1991), arnold)
    return red_hot


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("jurasic park", ["Jurassic Park", "The Lost World: Jurassic Park"]),
        ("guggino", ["Red Hot"]),
        ("schwarzeneger", ["Junior", "Terminator 2: Judgment Day"]),
        ("muller-stahl", ["Red Hot"]),
        ("mueller stahl", ["Red Hot"]),
        ("red hot 1993", ["Red Hot"]),
        ("rd hot 1993", ["Red Hot"]),
        ("red hot guggino", ["Red Hot"]),
    ],
)
def test_the_film_list_finds_what_readers_type(client, catalogue, typed, expected):
    assert titles(client.get(FILMS, {"q": typed})) == expected


def test_the_words_as_typed_are_found_without_a_scan_index_too(client, catalogue, monkeypatch):
    monkeypatch.setattr(search, "method", lambda: "scan")

    assert titles(client.get(FILMS, {"q": "guggino"})) == ["Red Hot"]
    assert titles(client.get(FILMS, {"q": "muller stahl 1993"})) == ["Red Hot"]


def test_a_search_read_loosely_says_how(client, catalogue):
    text = client.get(FILMS, {"q": "jurasic park"}).text
    assert "No film matches “jurasic park” as typed; these match words near\n    “jurasic”." in text

    text = client.get(FILMS, {"q": "red hot 2020"}).text
    assert "None is from around 2020; the nearest years first." in text

    assert "as typed" not in client.get(FILMS, {"q": "red hot"}).text


def test_the_other_filters_hold_for_a_search_read_loosely(client, catalogue):
    assert titles(client.get(FILMS, {"q": "guggino", "genre": "drama"})) == ["Red Hot"]
    assert titles(client.get(FILMS, {"q": "guggino", "genre": "comedy"})) == []


def test_a_search_that_finds_nothing_suggests_the_nearest_titles_and_names(client, catalogue):
    response = client.get(FILMS, {"q": "jurrasik parrk"})

    assert "No films match these filters." in response.text
    assert "Did you mean:" in response.text
    jurassic_park = response.context["suggestions"].films[0]
    assert jurassic_park.title == "Jurassic Park"
    assert f'<a href="{jurassic_park.get_absolute_url()}">Jurassic Park</a>' in response.text

    response = client.get(FILMS, {"q": "gugino schwarzenegger"})
    assert [person.name for person in response.context["suggestions"].people] == [
        "Carla Gugino",
        "Arnold Schwarzenegger",
    ]
    assert 'Carla Gugino</a> <span class="muted">(person)</span>' in response.text

    assert "Did you mean" not in client.get(FILMS, {"q": "zzqxv"}).text


def test_the_people_list_suggests_the_nearest_names(client, catalogue):
    response = client.get(PEOPLE, {"q": "Carla Guggino"})

    assert "Nobody matches." in response.text
    assert [person.name for person in response.context["suggestions"].people] == ["Carla Gugino"]
    assert "Did you mean:" in response.text
    assert "Did you mean" not in client.get(PEOPLE, {"q": "Gugino"}).text


def test_search_query_counts(client, catalogue, django_assert_num_queries):
    search.method()  # found out once per process
    # The page cache's generation; genres, certificates and sources for the form; the count;
    # the page of films; their genres: as many as the list without a search.
    with django_assert_num_queries(7):
        client.get(FILMS, {"q": "red hot"})
    # And the vocabulary, and a count for the misspellings read as near words.
    with django_assert_num_queries(9):
        client.get(FILMS, {"q": "jurasic park"})
    # And a count for the year only ranking the films, before the misspellings.
    with django_assert_num_queries(10):
        client.get(FILMS, {"q": "rd hot 1993"})
    # Nothing found: the counts (no page of films), the vocabulary, the films and the people
    # near the words.
    with django_assert_num_queries(9):
        client.get(FILMS, {"q": "jurrasik parrk"})
    # The people list: the generation, the count (no page of people), the vocabulary, the
    # films and the people near the words.
    with django_assert_num_queries(5):
        client.get(PEOPLE, {"q": "Carla Guggino"})
