import pytest

from catalog.counts import refresh_source_counts
from catalog.models import Field, Source
from catalog.passages import runs
from catalog.tests.builders import make_claim, make_film, make_source

pytestmark = pytest.mark.django_db


def test_source_page_shows_archived_text_with_passages_marked(client):
    source = make_source(title="Listing", text="Red Hot\n\n• 1993\n• PG")
    film = make_film(title="Red Hot")
    year = make_claim(source, film, Field.YEAR, "1993", quote="• 1993")

    response = client.get(source.get_absolute_url())

    assert response.status_code == 200
    assert (
        f'<span class="anchor" id="claim-{year.pk}"></span><mark class="passage"' in response.text
    )
    assert ">• 1993</mark>" in response.text


def test_followed_claim_is_highlighted_with_a_way_back(client):
    source = make_source(text="• 1993 • PG")
    film = make_film(title="Red Hot")
    year = make_claim(source, film, Field.YEAR, "1993", quote="• 1993")
    make_claim(source, film, Field.CERTIFICATE, "PG", quote="• PG")

    response = client.get(year.get_absolute_url())

    assert response.text.count('class="passage current"') == 1
    assert '<mark class="passage current" title="Year: 1993">• 1993</mark>' in response.text
    assert f'href="{film.get_absolute_url()}#field-year">Back to the comparison' in response.text


def test_source_page_escapes_the_archived_text(client):
    source = make_source(text="<script>alert(1)</script> 1993")

    response = client.get(source.get_absolute_url())

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_source_page_query_count_does_not_grow_with_claims(client, django_assert_num_queries):
    source = make_source(text=" ".join(f"word{n}" for n in range(100)))
    film = make_film()
    for n in range(50):
        make_claim(source, film, Field.TAGLINE, f"word{n}")

    # the page cache's generation, source, the claims' count (not stored yet) and page, films it
    # may confuse, its text; then for the comparison of the page's films: films, genres, claims,
    # credits, reviews, decisions
    with django_assert_num_queries(12):
        client.get(source.get_absolute_url())


def test_overlapping_passages_split_into_runs():
    source = make_source(text="The 1993 drama by Paul Haggis.")
    film = make_film()
    sentence = make_claim(source, film, Field.GENRE, "drama", quote="The 1993 drama")
    year = make_claim(source, film, Field.YEAR, "1993")

    pieces = runs(source.text, [sentence, year], current=year.pk)

    assert "".join(piece.text for piece in pieces) == source.text
    assert [(p.text, len(p.claims), p.current) for p in pieces] == [
        ("The ", 1, False),
        ("1993", 2, True),
        (" drama", 1, False),
        (" by Paul Haggis.", 0, False),
    ]
    assert pieces[0].starts == [sentence] and pieces[1].starts == [year]


def test_source_list_shows_each_source_with_its_counts(client, django_assert_num_queries):
    film = make_film()
    for n in range(5):
        make_claim(make_source(title=f"Listing {n}", text="1993"), film)

    refresh_source_counts()
    # the page cache's generation, count, page of sources with their stored counts
    with django_assert_num_queries(3):
        response = client.get("/sources/")

    assert response.status_code == 200
    assert "Listing 4" in response.text
    assert [s.claim_count for s in response.context["object_list"]] == [1] * 5


def test_source_page_summarises_agreeing_conflicting_and_unique_claims(client):
    film = make_film(year=1993, runtime=95)
    one = make_source(title="One", text="1993. 1 hr 35 min. 1995")
    two = make_source(title="Two", text="1995")
    make_claim(one, film, Field.YEAR, "1993")
    make_claim(one, film, Field.RUNTIME, "1 hr 35 min")
    make_claim(two, film, Field.YEAR, "1995")

    assert client.get(one.get_absolute_url()).context["summary"] == {
        "agrees": 1,
        "conflicts": 0,
        "unique": 1,
    }
    assert client.get(two.get_absolute_url()).context["summary"]["conflicts"] == 1


def test_large_source_shows_its_claims_a_page_at_a_time_with_the_text_around_them(client):
    lines = [f"row {n},Film {n},{1900 + n}" for n in range(250)]
    source = make_source(title="A dataset", text="\n".join(lines) + "\n")
    film = make_film()
    claims = [
        make_claim(source, film, Field.YEAR, str(1900 + n), quote=lines[n]) for n in range(250)
    ]
    refresh_source_counts()

    first = client.get(source.get_absolute_url())
    followed = client.get(claims[240].get_absolute_url())

    assert "page 1 of 3" in first.text and "row 0,Film 0,1900" in first.text
    assert "row 150,Film 150" not in first.text  # only the lines of this page's claims
    assert followed.context["page_obj"].number == 3
    assert '<mark class="passage current"' in followed.text
    assert "row 240,Film 240,2140</mark>" in followed.text


def test_source_without_claims_shows_its_text_alone(client):
    source = make_source(title="Not yet quoted", text="Some page.")

    response = client.get(source.get_absolute_url())

    assert "summary-heading" not in response.text and "claims-heading" not in response.text
    assert "No claim of the catalogue quotes this source yet." in response.text
    assert 'id="text-heading"' in response.text and "Some page." in response.text


def test_source_counts_have_thousands_separators(client):
    source = make_source(title="A dataset", text="1993")
    make_claim(source, make_film(), Field.YEAR, "1993")
    Source.objects.filter(pk=source.pk).update(claim_count=366136, film_count=17472)

    page = client.get(source.get_absolute_url()).text
    listing = client.get("/sources/").text

    assert "Claims (366,136)" in page and "each of its 366,136 claims" in page
    assert "<td>17,472</td>" in listing and "<td>366,136</td>" in listing
