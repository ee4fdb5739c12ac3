import pytest
from django.urls import reverse

from catalog.models import Field, NameVariant, Person, Role
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def armin():
    person = make_person("Armin Mueller-Stahl")
    NameVariant.objects.create(person=person, name="Armin Mueller-Stall")
    film = make_film(title="Red Hot", year=1993)
    make_credit(film, person, character="Dimitri")
    source = make_source(title="A review", text="his uncle, Dimitri (Armin Mueller-Stall)")
    make_claim(
        source,
        film,
        Field.CAST,
        "Armin Mueller-Stall",
        quote="Dimitri (Armin Mueller-Stall)",
        person=person,
        character="Dimitri",
    )
    return person


def test_people_list_is_searchable_by_any_spelling(client, armin):
    make_person("Carla Gugino")
    url = reverse("catalog:person-list")

    response = client.get(url, {"q": "Mueller-Stall"})

    assert [p.name for p in response.context["object_list"]] == ["Armin Mueller-Stahl"]
    assert "1 person" in response.text
    assert "Nobody matches" in client.get(url, {"q": "zzz"}).text


def test_person_page_shows_filmography_variants_and_what_sources_say(client, armin):
    response = client.get(armin.get_absolute_url())

    assert response.status_code == 200
    text = response.text
    assert "<h1>Armin Mueller-Stahl</h1>" in text
    assert "“Armin Mueller-Stall”" in text
    assert "Dimitri" in text and "1993" in text
    assert "spelt “Armin Mueller-Stall”" in text


def test_person_page_query_count_does_not_grow_with_films(client, django_assert_num_queries):
    person = make_person("Busy Actor")
    source = make_source(text="Busy Actor as X")
    for _ in range(10):
        film = make_film()
        make_credit(film, person, role=Role.CAST, character="X")
        make_claim(
            source,
            film,
            Field.CAST,
            "Busy Actor",
            quote="Busy Actor as X",
            person=person,
            character="X",
        )

    # the page cache's generation, person, variants, credits with films, claims with films and
    # sources
    with django_assert_num_queries(5):
        client.get(person.get_absolute_url())


def test_people_list_query_count(client, django_assert_num_queries):
    for _ in range(30):
        make_person()
    # the page cache's generation, count, page of people, their films counted
    with django_assert_num_queries(4):
        client.get(reverse("catalog:person-list"))


def test_person_page_leaves_out_what_it_has_nothing_for(client):
    named = make_person("Only Named")
    source = make_source(text="starring Only Named")
    make_claim(source, make_film(), Field.CAST, "Only Named", "starring Only Named", person=named)
    nobody = make_person("Nobody Yet")

    named_page = client.get(named.get_absolute_url()).text
    nobody_page = " ".join(client.get(nobody.get_absolute_url()).text.split())

    assert "filmography-heading" not in named_page and 'id="sources-heading"' in named_page
    assert "Every source spells the name this way." in named_page
    assert "<h2" not in nobody_page.split("<main", 1)[1]
    assert "The record credits Only Named on no film." in named_page
    assert "credits Nobody Yet on no film, and no source names them." in nobody_page
    assert "Every source spells" not in nobody_page


def test_people_counts_have_thousands_separators(client):
    person = make_person("Busy Actor")
    film = make_film()
    Person.objects.bulk_create(Person(name=f"Extra {n}", slug=f"extra-{n}") for n in range(1200))
    make_credit(film, person)

    response = client.get(reverse("catalog:person-list"))

    assert "1,201 people" in response.text
    assert "Page 1 of 25" in response.text
