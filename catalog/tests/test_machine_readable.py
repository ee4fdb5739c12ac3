import json
import re
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from catalog.models import Claim, Film
from catalog.structured_data import iso_duration

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_hot():
    call_command("load_catalog", verbosity=0)
    return Film.objects.get(slug="red-hot-1993")


def structured_data(html: str) -> dict:
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_film_page_carries_schema_org_movie(client, red_hot):
    data = structured_data(client.get(red_hot.get_absolute_url()).text)

    assert data["@type"] == "Movie" and data["name"] == "Red Hot"
    assert data["datePublished"] == "1993"
    assert data["contentRating"] == "PG"
    assert data["duration"] == "PT1H35M"
    assert data["director"][0]["name"] == "Paul Haggis"
    carla = next(a for a in data["actor"] if a["actor"]["name"] == "Carla Gugino")
    assert carla == {**carla, "@type": "PerformanceRole", "characterName": "Valentina"}
    assert data["aggregateRating"]["ratingValue"] == 5.5
    assert data["aggregateRating"]["ratingCount"] == 326
    assert len(data["review"]) == 3


@pytest.mark.parametrize(("minutes", "duration"), [(95, "PT1H35M"), (60, "PT1H"), (45, "PT45M")])
def test_iso_duration(minutes, duration):
    assert iso_duration(minutes) == duration


def test_json_export_holds_the_record_and_every_claim_with_its_quote(client, red_hot):
    response = client.get(f"/films/{red_hot.slug}/export.json")

    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["record"]["year"] == 1993
    assert len(data["claims"]) == Claim.objects.filter(film=red_hot).count()
    sources = {source["slug"]: source for source in data["sources"]}
    for claim in data["claims"]:
        assert claim["quote"] in Claim.objects.get(pk=claim["id"]).source.text
        assert claim["source"] in sources
    assert {"field": "year", "value": "1995", "source": "tv-guide-red-hot"}.items() <= next(
        c for c in data["claims"] if c["value"] == "1995"
    ).items()


def test_export_of_unknown_film_is_404(client):
    assert client.get("/films/nope/export.json").status_code == 404


def test_sitemap_lists_films_people_and_sources(client, red_hot):
    # /sitemap.xml is an index of the sections' sitemaps: the pages are listed in those.
    index = client.get("/sitemap.xml")
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index.text)
    response = SimpleNamespace(
        status_code=index.status_code,
        text="".join(client.get(section).text for section in sections),
    )

    assert response.status_code == 200
    assert "/films/red-hot-1993/</loc>" in response.text
    assert "/people/carla-gugino/</loc>" in response.text
    assert "/sources/tv-guide-red-hot/</loc>" in response.text


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


def test_unknown_page_is_a_404_in_the_site_design(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text
    assert 'href="/films/"' in response.text
