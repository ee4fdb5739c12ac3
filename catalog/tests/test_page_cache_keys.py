"""What the page cache keys on: the parameters a page reads, never junk ones nor the Host; kept
in bytes-bounded memory, or in Redis when CACHE_URL says so, and never needed to serve a page."""

import json
import os

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse

from catalog.caches import BoundedMemoryCache
from catalog.tests.builders import make_claim, make_film, make_source

pytestmark = pytest.mark.django_db

FILMS = reverse("catalog:film-list")


def test_unknown_and_empty_parameters_are_served_the_page_without_them(
    client, django_assert_num_queries
):
    make_film(title="Red Hot", year=1993)
    page = client.get(FILMS).content

    for junk in ("?utm_source=x", "?q=&genre=&sort=", "?a=1&b=2&c=3"):
        with django_assert_num_queries(1):  # the generation: served from the cache
            again = client.get(FILMS + junk)
        assert again.content == page, junk


def test_junk_parameters_do_not_fill_the_cache(client):
    make_film(title="Red Hot", year=1993)
    client.get(FILMS)
    before = cache_size()

    for n in range(20):
        client.get(FILMS, {f"junk{n}": n})

    assert cache_size() == before


def cache_size() -> int:
    """How many entries the page cache holds, in memory or in Redis."""
    backend = caches["default"]
    if isinstance(backend, BoundedMemoryCache):
        return len(backend._cache)
    return backend._cache.get_client().dbsize()


def test_parameters_a_page_reads_still_make_their_own_pages(client):
    make_film(title="Red Hot", year=1993)
    make_film(title="Blue Velvet", year=1986)

    assert "Blue Velvet" in client.get(FILMS).text
    assert "Blue Velvet" not in client.get(FILMS, {"q": "red"}).text
    assert "Blue Velvet" not in client.get(FILMS, {"year_min": 1990}).text


def test_a_page_links_never_carry_a_junk_parameter(client):
    for n in range(25):
        make_film(title=f"Film {n:02}")

    text = client.get(FILMS, {"junk": "evil", "sort": "-year"}).text

    assert "junk" not in text and "evil" not in text
    assert "?sort=-year&amp;page=2" in text


def test_a_source_page_keeps_its_claim_and_page_parameters(client):
    source = make_source(text="1993 and 1995")
    claim = make_claim(source, make_film(), value="1995")
    url = source.get_absolute_url()

    assert 'id="claim-' in client.get(url, {"claim": claim.pk, "junk": "x"}).text
    assert (
        client.get(url, {"claim": claim.pk}).content
        == client.get(url, {"claim": claim.pk, "other": "y"}).content
    )


def structured_data(html: str) -> dict:
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_a_hostile_host_header_never_reaches_a_cached_page(client, settings):
    settings.SITE_URL = "https://films.example.org"
    film = make_film(title="Red Hot", year=1993)

    first = client.get(film.get_absolute_url(), HTTP_HOST="127.0.0.1:6666").text
    later = client.get(film.get_absolute_url()).text

    assert structured_data(first)["url"] == "https://films.example.org/films/" + film.slug + "/"
    assert "6666" not in first and "6666" not in later
    exported = client.get(
        reverse("catalog:film-json", args=[film.slug]), HTTP_HOST="127.0.0.1:6666"
    )
    assert exported.json()["record"]["url"].startswith("https://films.example.org/")


def test_the_memory_cache_is_bounded_in_bytes_least_recently_used_first():
    memory = BoundedMemoryCache("bounded-test", {"OPTIONS": {"MAX_BYTES": 10_000}})
    memory.clear()
    for n in range(5):
        memory.set(f"page-{n}", b"x" * 3000)
        memory.get("page-0")  # read often: kept

    assert memory.get("page-0") is not None
    assert memory.get("page-4") is not None
    assert [memory.get(f"page-{n}") for n in (1, 2)] == [None, None]
    assert memory._usage.total <= 10_000


def test_the_memory_cache_keeps_no_value_larger_than_its_bound_and_forgets_deleted_ones():
    memory = BoundedMemoryCache("bounded-test-2", {"OPTIONS": {"MAX_BYTES": 10_000}})
    memory.clear()
    memory.set("small", b"x" * 100)

    memory.set("huge", b"x" * 20_000)
    memory.delete("small")

    assert memory.get("huge") is None
    assert memory._usage.total == 0


@pytest.mark.skipif(not os.environ.get("CACHE_URL"), reason="CACHE_URL names no Redis server")
def test_with_cache_url_pages_are_kept_in_redis(client, django_assert_num_queries):
    assert isinstance(caches["default"], RedisCache)
    make_film(title="Red Hot", year=1993)
    first = client.get(FILMS)

    with django_assert_num_queries(1):
        again = client.get(FILMS)

    assert again.content == first.content
    assert cache_size() > 0


def test_a_shared_cache_that_is_down_costs_the_page_nothing(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    make_film(title="Red Hot", year=1993)

    response = client.get(FILMS)

    assert response.status_code == 200 and "Red Hot" in response.text
    assert any("The page cache did not answer" in r.getMessage() for r in caplog.records)
