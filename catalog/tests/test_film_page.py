import re

import pytest
from django.urls import reverse

from catalog.models import Field, Film, Genre, Role
from catalog.tests.builders import (
    make_claim,
    make_credit,
    make_film,
    make_person,
    make_review,
    make_source,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def film():
    return make_film(title="Red Hot", slug="red-hot", year=1993, certificate="PG", runtime=95)


def test_film_page_shows_the_record(client, film):
    film.genres.add(Genre.objects.create(name="Drama", slug="drama"))

    response = client.get(film.get_absolute_url())

    assert response.status_code == 200
    assert "<h1>Red Hot" in response.text
    assert "95 min" in response.text
    assert "Drama" in response.text


def test_film_page_marks_year_conflict(client, film):
    agreeing = make_source(title="Agreeing", text="• 1993 • PG")
    dissenting = make_source(title="Dissenting", text="Released: 1995")
    make_claim(agreeing, film, Field.YEAR, "1993", quote="• 1993")
    make_claim(dissenting, film, Field.YEAR, "1995", quote="Released: 1995")

    response = client.get(film.get_absolute_url())

    rows = {row.key: row for row in response.context["comparison"].rows}
    year = rows[Field.YEAR]
    assert year.has_conflict
    assert [cell.status for cell in year.cells] == ["agrees", "conflicts"]
    assert 'id="field-year" class="row-conflict"' in response.text
    assert "✗</span> conflicts" in response.text
    assert "supported by 1 of 2 sources" in response.text
    summary = " ".join(response.text.split())
    assert (
        "the record says <strong>1993</strong>, as 1 of 2 sources do; Dissenting says “1995”."
        in summary
    )


def test_every_claim_links_to_its_passage(client, film):
    source = make_source(title="Listing", text="• 1993 • 1 hr 35 min")
    year = make_claim(source, film, Field.YEAR, "1993", quote="• 1993")
    runtime = make_claim(source, film, Field.RUNTIME, "1 hr 35 min")

    response = client.get(film.get_absolute_url())

    for claim in (year, runtime):
        assert f'href="/sources/{source.slug}/?claim={claim.pk}#claim-{claim.pk}"' in response.text


def test_runtime_written_differently_still_agrees(client, film):
    source = make_source(text="Runtime 1 hr 35 min")
    make_claim(source, film, Field.RUNTIME, "1 hr 35 min")

    response = client.get(film.get_absolute_url())

    runtime = next(row for row in response.context["comparison"].rows if row.key == Field.RUNTIME)
    assert not runtime.has_conflict


def test_source_contradicting_itself_is_marked(client, film):
    carla = make_person("Carla Gugino")
    make_credit(film, carla, character="Valentina")
    source = make_source(text="Valentina (Carla Gugino) ... Christine, played by Carla Gugino")
    make_claim(
        source,
        film,
        Field.CAST,
        "Carla Gugino",
        quote="Valentina (Carla Gugino)",
        person=carla,
        character="Valentina",
    )
    make_claim(
        source,
        film,
        Field.CAST,
        "Carla Gugino",
        quote="Christine, played by Carla Gugino",
        person=carla,
        character="Christine",
    )

    response = client.get(film.get_absolute_url())

    [row] = response.context["comparison"].cast
    assert row.has_conflict
    assert "Christine" in response.text and "Valentina" in response.text


def test_cast_matches_spelling_variants_to_one_person(client, film):
    armin = make_person("Armin Mueller-Stahl")
    make_credit(film, armin, character="Dimitri")
    one = make_source(text="Dimitri (Armin Mueller-Stall)")
    other = make_source(text="Armin Mueller-Stahl as Dimitri")
    make_claim(
        one,
        film,
        Field.CAST,
        "Armin Mueller-Stall",
        quote="Dimitri (Armin Mueller-Stall)",
        person=armin,
        character="Dimitri",
    )
    make_claim(
        other,
        film,
        Field.CAST,
        "Armin Mueller-Stahl",
        quote="Armin Mueller-Stahl as Dimitri",
        person=armin,
        character="Dimitri",
    )

    response = client.get(film.get_absolute_url())

    [row] = response.context["comparison"].cast
    assert [cell.status for cell in row.cells] == ["agrees", "agrees"]
    assert "as “Armin Mueller-Stall”" in response.text


def test_person_named_by_a_source_but_not_credited_conflicts(client, film):
    source = make_source(text="starring Hugh O'Brian")
    make_claim(
        source,
        film,
        Field.CAST,
        "Hugh O'Brian",
        quote="starring Hugh O'Brian",
        person=make_person("Hugh O'Brian"),
    )

    response = client.get(film.get_absolute_url())

    [row] = response.context["comparison"].cast
    assert row.credit is None and row.has_conflict
    assert "not in the record's cast" in response.text


def test_director_claim_agrees_with_the_credit_by_person(client, film):
    haggis = make_person("Paul Haggis")
    make_credit(film, haggis, role=Role.DIRECTOR)
    source = make_source(text="directed by Paul Haggis")
    make_claim(
        source, film, Field.DIRECTOR, "Paul Haggis", quote="directed by Paul Haggis", person=haggis
    )

    response = client.get(film.get_absolute_url())

    director = next(row for row in response.context["comparison"].rows if row.key == Field.DIRECTOR)
    assert director.record == "Paul Haggis" and not director.has_conflict


def test_synopses_and_reviews_side_by_side(client, film):
    one = make_source(title="One", text="Alexi loves rock and roll. Ludicrous.")
    two = make_source(title="Two", text="Tom finds a red violin. Captivating.")
    make_claim(one, film, Field.SYNOPSIS, "Alexi loves rock and roll.")
    make_claim(two, film, Field.SYNOPSIS, "Tom finds a red violin.")
    make_review(one, film, excerpt="Ludicrous.", verdict="negative")
    make_review(
        two, film, excerpt="Captivating.", verdict="positive", score=5.5, score_out_of=10, votes=326
    )

    response = client.get(film.get_absolute_url())

    assert "Alexi loves rock and roll." in response.text
    assert "Tom finds a red violin." in response.text
    assert "5.5 / 10" in response.text and "326 votes" in response.text


AUTOMATIC = '<span class="status status-automatic"'


def test_film_page_marks_the_automatic_record_values(client, film):
    film.genres.add(Genre.objects.create(name="Drama", slug="drama"))
    make_credit(film, make_person("Carla Gugino"), character="Valentina")
    source = make_source(text="1993. PG. Drama.")
    make_claim(source, film, Field.YEAR, "1993")
    make_claim(source, film, Field.CERTIFICATE, "PG")
    # As an import leaves it, once an editor has confirmed the certificate.
    Film.objects.filter(pk=film.pk).update(automatic_fields=["year", "genres", "cast"])

    response = client.get(film.get_absolute_url())

    rows = {row.key: row for row in response.context["comparison"].rows}
    assert rows[Field.YEAR].automatic and rows[Field.GENRE].automatic
    assert not rows[Field.CERTIFICATE].automatic and not rows[Field.TITLE].automatic
    text = " ".join(response.text.split())
    assert (
        "Three of the record's fields (year, genre and cast) are automatic: filled in from the "
        "consensus of the sources, not yet confirmed by an editor." in text
    )
    assert f"<dd>1993 {AUTOMATIC}" in text and f"<dd>Drama {AUTOMATIC}" in text
    assert "<dd>PG</dd>" in text and "<dd>95 min</dd>" in text
    assert f'<td class="record-cell"> 1993 {AUTOMATIC}' in text
    assert '<td class="record-cell"> PG <span class="support">' in text
    assert f'<td class="record-cell">Valentina {AUTOMATIC}' in text
    assert "The record's cast is automatic" in text


def test_film_kept_by_hand_shows_no_automatic_marker(client, film):
    make_credit(film, make_person("Carla Gugino"), character="Valentina")
    make_claim(make_source(text="1993"), film, Field.YEAR, "1993")

    response = client.get(film.get_absolute_url())

    assert film.automatic_fields == []
    assert "status-automatic" not in response.text and "automatic:" not in response.text


def test_language_and_country_are_shown_as_the_sources_write_them(client, film):
    one = make_source(text="English. United Kingdom, France.")
    two = make_source(text="Language: French")
    make_claim(one, film, Field.LANGUAGE, "English")
    make_claim(one, film, Field.COUNTRY, "United Kingdom")
    make_claim(one, film, Field.COUNTRY, "France")
    make_claim(two, film, Field.LANGUAGE, "French")

    response = client.get(film.get_absolute_url())

    comparison = response.context["comparison"]
    rows = {row.key: row for row in comparison.rows}
    # The record keeps no language or country, so there is nothing for a source to conflict with.
    assert [cell.status for cell in rows[Field.LANGUAGE].cells] == ["not-compared"] * 2
    assert [value.text for value in rows[Field.COUNTRY].cells[0].values] == [
        "United Kingdom",
        "France",
    ]
    assert not comparison.all_conflicts
    assert 'id="field-language"' in response.text and 'id="field-country"' in response.text
    assert "not kept in the record" in response.text


def test_unknown_film_is_404(client):
    assert client.get(reverse("catalog:film-detail", args=["no-such-film"])).status_code == 404


def populate(film, sources: int, cast: int):
    """Give `film` that many sources, each claiming year, genre and the whole cast, and a review."""
    people = [make_person() for _ in range(cast)]
    for person in people:
        make_credit(film, person, character=f"Role of {person.name}")
    for n in range(sources):
        text = f"Year 1993. Drama. {' '.join(f'{p.name} plays X{n}.' for p in people)} Fine."
        source = make_source(text=text)
        make_claim(source, film, Field.YEAR, "1993", quote="Year 1993.")
        make_claim(source, film, Field.GENRE, "Drama")
        for person in people:
            make_claim(
                source,
                film,
                Field.CAST,
                person.name,
                quote=f"{person.name} plays X{n}.",
                person=person,
                character=f"X{n}",
            )
        make_review(source, film, excerpt="Fine.")


def test_film_page_query_count_does_not_grow_with_credits_or_sources(
    client, django_assert_num_queries
):
    small, large = make_film(), make_film()
    populate(small, sources=2, cast=3)
    populate(large, sources=6, cast=40)

    # film, genres, the page cache's generation; then, not cached yet: claims (with source and
    # person), credits (with person), reviews (with source), decisions (with person and editor),
    # consensus values, sources flagged as another film
    with django_assert_num_queries(9):
        client.get(small.get_absolute_url())
    with django_assert_num_queries(9):
        response = client.get(large.get_absolute_url())
    assert len(response.context["comparison"].cast) == 40


def test_film_page_is_served_from_the_cache_until_something_on_it_changes(
    client, django_assert_num_queries
):
    film = make_film(title="Red Hot", year=1993)
    source = make_source(title="A listing", text="1993 1995")
    claim = make_claim(source, film, Field.YEAR, "1993")
    first = client.get(film.get_absolute_url())

    with django_assert_num_queries(3):  # film, genres, generation
        again = client.get(film.get_absolute_url())
    assert again.content == first.content

    claim.value, claim.quote, claim.quote_start = "1995", "1995", None
    claim.full_clean()
    claim.save()  # raises the film's version
    assert "1995" in client.get(film.get_absolute_url()).text

    source.title = "A renamed listing"
    source.save()  # raises the catalogue's generation
    assert "A renamed listing" in client.get(film.get_absolute_url()).text


def section_headings(response) -> list[str]:
    return re.findall(r'<h2 id="([\w-]+)">', response.text)


def test_film_page_leaves_out_the_cast_and_reviews_no_source_gives(client, film):
    make_claim(make_source(text="Released 1993."), film, Field.YEAR, "1993")

    response = client.get(film.get_absolute_url())

    assert section_headings(response) == ["record-heading", "summary-heading", "comparison-heading"]
    assert "Its one source agrees with the record on every field it states." in response.text


def test_film_page_without_sources_says_so_and_leaves_out_where_they_disagree(client, film):
    response = client.get(film.get_absolute_url())

    assert section_headings(response) == ["record-heading", "comparison-heading"]
    assert "No source describes this film yet." in response.text


def test_reviews_show_the_sources_that_review_the_film_with_votes_in_thousands(client, film):
    silent = make_source(title="Silent", text="1993")
    make_claim(silent, film, Field.YEAR, "1993")
    rated = make_source(title="Rated", text="Rated 6.1 by 12345 voters. Fine.")
    make_review(rated, film, excerpt="Fine.", score=6.1, score_out_of=10, votes=12345)

    response = client.get(film.get_absolute_url())

    assert [source.title for source, _, _ in response.context["reviews"]] == ["Rated"]
    assert "from 12,345 votes" in response.text
    assert "No review." not in response.text
