"""The sitemaps: an index of every page of every section, so every film, person and source is
listed; addresses on the configured site; kept in the page cache."""

import re

import pytest
from django.urls import reverse

from catalog.models import Film, Person, Source
from catalog.sitemaps import FilmSitemap, PersonSitemap
from catalog.tests.builders import make_film, make_person, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(monkeypatch):
    """Five films, three people and a source, on sitemap pages of two entries."""
    monkeypatch.setattr(FilmSitemap, "limit", 2)
    monkeypatch.setattr(PersonSitemap, "limit", 2)
    for n in range(5):
        make_film(title=f"Film {n}")
    for n in range(3):
        make_person(f"Person {n}")
    make_source()


def locations(text: str) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", text)


def test_the_index_lists_every_page_of_every_section(client, catalogue):
    index = client.get(reverse("sitemap"))

    assert index.status_code == 200
    assert index["Content-Type"] == "application/xml"
    assert "<sitemapindex" in index.text
    assert locations(index.text) == [
        "http://testserver/sitemap-films.xml",
        "http://testserver/sitemap-films.xml?p=2",
        "http://testserver/sitemap-films.xml?p=3",
        "http://testserver/sitemap-people.xml",
        "http://testserver/sitemap-people.xml?p=2",
        "http://testserver/sitemap-sources.xml",
    ]


def test_the_sections_pages_together_list_every_film_person_and_source(client, catalogue):
    listed = []
    for sitemap in locations(client.get(reverse("sitemap")).text):
        response = client.get(sitemap.removeprefix("http://testserver"))
        assert response.status_code == 200, sitemap
        listed += locations(response.text)

    expected = [
        f"http://testserver{item.get_absolute_url()}"
        for model in (Film, Person, Source)
        for item in model.objects.order_by("pk")
    ]
    assert listed == expected


def test_a_page_past_the_end_is_not_found(client, catalogue):
    assert client.get("/sitemap-films.xml", {"p": 4}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_the_sitemaps_use_the_sites_address_whatever_the_host(client, catalogue, settings):
    settings.SITE_URL = "https://films.example.org"

    index = client.get(reverse("sitemap"), HTTP_HOST="127.0.0.1:6666").text
    films = client.get("/sitemap-films.xml", HTTP_HOST="127.0.0.1:6666").text

    assert locations(index)[0] == "https://films.example.org/sitemap-films.xml"
    assert all(loc.startswith("https://films.example.org/films/") for loc in locations(films))


def test_the_sitemaps_are_served_from_the_cache_until_the_catalogue_changes(
    client, catalogue, django_assert_num_queries
):
    for address, junk in ((reverse("sitemap"), "?junk=x"), ("/sitemap-films.xml?p=2", "&junk=x")):
        first = client.get(address)
        with django_assert_num_queries(1):  # the page cache's generation
            again = client.get(address + junk)
        assert again.content == first.content
        assert again["Content-Type"] == "application/xml"

    make_film(title="Film 5")

    assert "sitemap-films.xml?p=3" in client.get(reverse("sitemap")).text


def test_robots_txt_points_at_the_index_on_the_sites_address(client, settings):
    settings.SITE_URL = "https://films.example.org"

    text = client.get("/robots.txt", HTTP_HOST="127.0.0.1:6666").text

    assert "Sitemap: https://films.example.org/sitemap.xml" in text
