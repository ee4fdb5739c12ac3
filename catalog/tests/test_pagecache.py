"""Pages kept in the cache are served until something they show changes, and never after."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import ConsensusValue, Field, Genre, Person, Role
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source
from catalog.trust import recompute

pytestmark = pytest.mark.django_db

FILMS = reverse("catalog:film-list")


def test_list_pages_are_served_from_the_cache_with_one_query(client, django_assert_num_queries):
    make_claim(make_source(), make_film(title="Red Hot", year=1993))
    for url in ("/", FILMS, f"{FILMS}?q=red", reverse("catalog:person-list"), "/sources/"):
        first = client.get(url)
        with django_assert_num_queries(1):  # the page cache's generation
            again = client.get(url)
        assert again.content == first.content, url


def test_a_changed_film_shows_on_the_lists_at_once(client):
    film = make_film(title="Red Hot", year=1993)
    assert "Red Hot" in client.get(f"{FILMS}?q=red").text

    film.title = "Red Hot (re-release)"
    film.save()

    assert "Red Hot (re-release)" in client.get(f"{FILMS}?q=red").text
    assert "Red Hot (re-release)" in client.get(FILMS).text


def test_a_film_given_a_genre_shows_under_that_genre_at_once(client):
    film = make_film(title="Red Hot")
    drama = Genre.objects.create(name="Drama", slug="drama")
    assert "No films match" in client.get(FILMS, {"genre": "drama"}).text

    film.genres.add(drama)

    assert "Red Hot" in client.get(FILMS, {"genre": "drama"}).text


def test_a_new_credit_shows_on_the_persons_page_at_once(client):
    person = make_person("Carla Gugino")
    assert "credits Carla Gugino on no film" in client.get(person.get_absolute_url()).text

    make_credit(make_film(title="Red Hot"), person, role=Role.CAST, character="Valentina")

    assert "Valentina" in client.get(person.get_absolute_url()).text


def test_editing_one_film_keeps_the_other_films_pages(client, django_assert_num_queries):
    source = make_source(text="1993 1995")
    edited, other = make_film(title="Red Hot"), make_film(title="Other")
    make_claim(source, edited, Field.YEAR, "1993")
    make_claim(source, other, Field.YEAR, "1995")
    client.get(other.get_absolute_url())

    edited.title = "Red Hot (1993)"
    edited.save()

    with django_assert_num_queries(3):  # film, genres, generation: served from the cache
        client.get(other.get_absolute_url())
    assert "Red Hot (1993)" in client.get(edited.get_absolute_url()).text


def test_a_page_not_found_is_not_kept(client):
    missing = reverse("catalog:person-detail", args=["nobody"])
    assert client.get(missing).status_code == 404

    Person.objects.create(name="Nobody", slug="nobody")

    assert client.get(missing).status_code == 200


def test_a_consensus_recompute_drops_the_pages_once_not_per_row():
    sources = [make_source(text="1993 1995") for _ in range(3)]
    for n in range(10):
        film = make_film(title=f"Film {n}")
        for source, year in zip(sources, ["1993", "1993", "1995"], strict=True):
            make_claim(source, film, Field.YEAR, year)
    recompute()  # the rows to replace
    assert ConsensusValue.objects.count() == 10

    with CaptureQueriesContext(connection) as queries:
        recompute()

    raised = [q for q in queries if q["sql"].startswith('UPDATE "catalog_generation"')]
    assert len(raised) == 1
