import re

import pytest
from django.urls import reverse

from catalog import search
from catalog.counts import refresh_counts
from catalog.models import Field, Film, Genre, NameVariant
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source

pytestmark = pytest.mark.django_db
URL = reverse("catalog:film-list")


def titles(response) -> list[str]:
    return [film.title for film in response.context["object_list"]]


@pytest.fixture
def catalogue():
    drama = Genre.objects.create(name="Drama", slug="drama")
    comedy = Genre.objects.create(name="Comedy", slug="comedy")
    red_hot = make_film(title="Red Hot", year=1993, certificate="PG", runtime=95)
    red_hot.genres.add(drama)
    later = make_film(title="Later Drama", year=2005, certificate="R", runtime=130)
    later.genres.add(drama)
    make_film(title="Early Comedy", year=1950, certificate="U", runtime=80).genres.add(comedy)
    armin = make_person("Armin Mueller-Stahl")
    NameVariant.objects.create(person=armin, name="Armin Mueller-Stall")
    make_credit(red_hot, armin, character="Dimitri")
    one = make_source(title="One", slug="one", text="1993 1995")
    two = make_source(title="Two", slug="two", text="1993 2005")
    make_claim(one, red_hot, Field.YEAR, "1995")
    make_claim(two, red_hot, Field.YEAR, "1993")
    make_claim(two, later, Field.YEAR, "2005")
    refresh_counts(Film.objects.all())
    return red_hot


def test_lists_films_with_a_results_count(client, catalogue):
    response = client.get(URL)

    assert titles(response) == ["Early Comedy", "Later Drama", "Red Hot"]
    assert "3 films" in response.text


def test_filters_by_year_range_and_genre(client, catalogue):
    response = client.get(URL, {"year_min": 1990, "year_max": 2010, "genre": "drama"})

    assert titles(response) == ["Later Drama", "Red Hot"]
    assert "<title>Films: 1990 to 2010, Drama" in response.text


def test_filters_by_certificate_and_runtime(client, catalogue):
    assert titles(client.get(URL, {"certificate": "PG"})) == ["Red Hot"]
    assert titles(client.get(URL, {"runtime_min": 90, "runtime_max": 120})) == ["Red Hot"]


def test_search_finds_a_person_by_a_misspelt_variant(client, catalogue):
    assert titles(client.get(URL, {"q": "Mueller-Stall"})) == ["Red Hot"]
    assert titles(client.get(URL, {"q": "red hot"})) == ["Red Hot"]


def test_search_runs_over_the_databases_full_text_index():
    # PostgreSQL's GIN index, or SQLite's FTS5 table (catalog.search, migration 0011)
    assert search.method() in {"postgresql", "fts5"}


def test_filters_by_source_and_conflicts(client, catalogue):
    assert titles(client.get(URL, {"source": "two"})) == ["Later Drama", "Red Hot"]
    assert titles(client.get(URL, {"conflicts": "yes"})) == ["Red Hot"]
    assert titles(client.get(URL, {"conflicts": "no"})) == ["Early Comedy", "Later Drama"]


def test_sorts_by_year_sources_and_conflicts(client, catalogue):
    assert titles(client.get(URL, {"sort": "-year"})) == ["Later Drama", "Red Hot", "Early Comedy"]
    assert titles(client.get(URL, {"sort": "-sources"})) == [
        "Red Hot",
        "Later Drama",
        "Early Comedy",
    ]
    assert titles(client.get(URL, {"sort": "-conflicts"}))[0] == "Red Hot"
    assert titles(client.get(URL, {"sort": "title"})) == ["Early Comedy", "Later Drama", "Red Hot"]


def test_sort_menu_reads_as_people_say_it(client, catalogue):
    response = client.get(URL, {"sort": "-conflicts"})

    menu = response.text[response.text.index('<select name="sort"') :]
    menu = menu[: menu.index("</select>")]
    assert re.findall(r">([^<]+)</option>", menu) == [
        "Title A to Z",
        "Title Z to A",
        "Newest first",
        "Oldest first",
        "Most sources first",
        "Fewest sources first",
        "Most conflicts first",
        "Fewest conflicts first",
    ]
    assert '<option value="-conflicts" selected>Most conflicts first</option>' in menu
    assert "<title>Films: most conflicts first" in response.text


def test_no_match_says_so(client, catalogue):
    response = client.get(URL, {"q": "no such film"})

    assert response.status_code == 200
    assert "No films match these filters." in response.text


@pytest.mark.parametrize(
    "params",
    [{"year_min": "abc"}, {"genre": "no-such-genre"}, {"sort": "nonsense"}, {"source": "nope"}],
)
def test_invalid_parameters_show_the_form_error_not_a_server_error(client, catalogue, params):
    response = client.get(URL, params)

    assert response.status_code == 200
    assert 'class="field-error"' in response.text
    assert titles(response) == []


def test_page_past_the_end_shows_the_last_page(client, catalogue):
    response = client.get(URL, {"page": 9999})

    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_pagination_keeps_the_filters(client):
    drama = Genre.objects.create(name="Drama", slug="drama")
    for n in range(25):
        make_film(title=f"Film {n:02}", year=1993).genres.add(drama)

    response = client.get(URL, {"genre": "drama", "year_min": 1990})

    assert 'href="?genre=drama&amp;year_min=1990&amp;page=2" rel="next"' in response.text
    second = client.get(URL, {"genre": "drama", "year_min": 1990, "page": 2})
    assert len(titles(second)) == 5 and "Page 2 of 2" in second.text


def test_query_count_does_not_depend_on_page_size(client, django_assert_num_queries):
    drama = Genre.objects.create(name="Drama", slug="drama")
    for n in range(45):
        make_film(title=f"Film {n:02}").genres.add(drama)

    # the page cache's generation; genres, certificates and sources for the form; count; page of
    # films; their genres
    with django_assert_num_queries(7):
        client.get(URL, {"page": 1})
    with django_assert_num_queries(7):
        client.get(URL, {"page": 3})


def test_film_count_has_thousands_separators(client):
    Film.objects.bulk_create(Film(title=f"Film {n}", slug=f"film-{n}") for n in range(1234))

    response = client.get(URL)

    assert "1,234 films" in response.text
    assert "Page 1 of 62" in response.text
