import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from catalog.changes import recent_changes
from catalog.counts import refresh_counts, refresh_source_counts
from catalog.models import Field, Film, Source
from catalog.tests.builders import make_claim, make_credit, make_film, make_source

pytestmark = pytest.mark.django_db


def headings(html: str) -> list[str]:
    return re.findall(r"<h2 id=\"[\w-]+\">([^<]+)</h2>", html)


def imported(conflicts: int, **fields) -> Film:
    """A film as an importer leaves it (its record automatic), with that many conflicts."""
    film = make_film(**fields)
    Film.objects.filter(pk=film.pk).update(
        automatic_fields=["title", "year"], source_count=2, conflict_count=conflicts
    )
    return film


def edit(subject: Film | Source, editor: User) -> None:
    """Save `subject` as an editor does in the admin (the request's user kept in its history)."""
    subject._history_user = editor
    subject.save()


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


def test_home_leads_with_the_films_kept_by_hand_then_the_most_disputed(client):
    red_hot = make_film(title="Red Hot", year=1993, tagline="Rock 'n' roll in 1959.")
    Film.objects.filter(pk=red_hot.pk).update(source_count=3, conflict_count=8)
    imported(1, title="A Zoo")
    imported(3, title="Mystery Men")
    imported(0, title="Agreed On")
    make_film(title="No Sources Yet")  # kept by hand, but with nothing to compare

    response = client.get("/")

    assert headings(response.text) == ["Featured", "Most disputed"]
    assert [film.title for film in response.context["featured"]] == ["Red Hot"]
    assert [film.title for film in response.context["disputed"]] == ["Mystery Men", "A Zoo"]
    text = " ".join(response.text.split())
    assert "Rock &#x27;n&#x27; roll in 1959." in text
    assert "3 sources, disagreeing on 8 points" in text
    assert "2 sources · 3 conflicts" in text
    assert 'href="/films/?conflicts=yes&amp;sort=-conflicts"' in text


def test_home_links_to_what_the_editors_changed_lately(client):
    editor = User.objects.create_user("alice")
    red_hot, other = make_film(title="Red Hot", year=1993), make_film(title="Other")
    listing = make_source(title="A listing", text="1993 Carla")
    make_film(title="Loaded, not edited")
    edit(red_hot, editor)
    edit(listing, editor)
    claim = make_claim(listing, other, Field.YEAR, "1993")
    claim.value = claim.quote = "Carla"
    claim.quote_start = None
    claim.full_clean()
    edit(claim, editor)  # a claim edited is its film edited
    gone = make_film(title="Deleted since")
    edit(gone, editor)
    gone.delete()

    response = client.get("/")

    assert "Changed lately" in headings(response.text)
    changes = response.context["changes"]
    assert [(change.subject, change.kind, change.added) for change in changes] == [
        (other, "film", False),
        (listing, "source", False),
        (red_hot, "film", False),
    ]
    text = " ".join(response.text.split())
    day = timezone.now().strftime("%-d %b %Y")
    assert f'<a href="{red_hot.get_absolute_url()}">Red Hot (1993)</a>' in text
    listed = f'<a href="{listing.get_absolute_url()}">A listing</a> <span class="muted">· source'
    assert f"{listed} edited" in text
    assert f">{day}</time>" in text


def test_changed_lately_says_added_and_keeps_each_film_once():
    editor = User.objects.create_user("alice")
    film = make_film(title="Added by hand")
    Film.history.filter(id=film.pk).update(history_user=editor)
    source = make_source(text="1993 1994 1995")
    for value in ("1993", "1994", "1995"):
        claim = make_claim(source, film, Field.YEAR, value)
        claim.history.update(history_user=editor, history_date=timezone.now() + timedelta(1))

    [change] = recent_changes(Source.objects.all())

    assert change.subject == film and not change.added
    Film.history.filter(id=film.pk).update(history_date=timezone.now() + timedelta(2))
    assert recent_changes(Source.objects.all())[0].added


def test_home_leaves_out_the_sections_with_nothing_to_show(client):
    imported(0, title="Agreed On")

    response = client.get("/")

    assert headings(response.text) == []
    assert "Browse all 1 film</a>" in " ".join(response.text.split())


def test_empty_catalogue_says_how_to_load_it(client):
    response = client.get("/")

    assert "make run" in response.text
    assert headings(response.text) == []


def test_home_counts_have_thousands_separators(client):
    Film.objects.bulk_create(Film(title=f"Film {n}", slug=f"film-{n}") for n in range(1234))
    source = make_source(title="A dataset")
    Source.objects.filter(pk=source.pk).update(claim_count=68373)

    text = " ".join(client.get("/").text.split())

    assert "Browse all 1,234 films" in text
    assert "68,373 claims" in text


def test_home_query_count_does_not_grow_with_films(client, django_assert_num_queries):
    editor = User.objects.create_user("alice")
    for n in range(20):
        film = imported(n % 4, title=f"Imported {n}") if n % 2 else make_film()
        make_claim(make_source(text="1993"), film)
        make_credit(film)
        edit(film, editor)

    # the page cache's generation; films kept by hand; sources; the most disputed; the films'
    # total; the editors' latest changes; the films they changed
    with django_assert_num_queries(7):
        client.get("/")
