import pytest

from catalog.counts import refresh_counts, refresh_source_counts
from catalog.models import Film
from catalog.tests.builders import make_claim, make_film, make_source

pytestmark = pytest.mark.django_db


def test_home_lists_films_and_sources_linked(client):
    film = make_film(title="Red Hot", year=1993)
    source = make_source(title="A listing", text="1993")
    make_claim(source, film)
    refresh_counts(Film.objects.all())
    refresh_source_counts()

    response = client.get("/")

    assert response.status_code == 200
    assert f'<a href="{film.get_absolute_url()}">Red Hot</a>' in response.text
    assert f'<a href="{source.get_absolute_url()}">A listing</a>' in response.text
    assert "1 source" in response.text and "1 claim" in response.text


def test_home_query_count_does_not_grow_with_films(client, django_assert_num_queries):
    for _ in range(20):
        make_claim(make_source(text="1993"), make_film())

    # the page cache's generation, films, their total, sources
    with django_assert_num_queries(4):
        client.get("/")


def test_empty_catalogue_says_how_to_load_it(client):
    assert "make run" in client.get("/").text
