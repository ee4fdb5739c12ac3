"""The vocabulary of film search: every word of the films' search text with how many films hold
it, in step whatever writes the text, and the words near a misspelt one."""

import tracemalloc

import pytest
from django.db import connection

from catalog import search, search_words
from catalog.bulk import update_rows
from catalog.models import Film, NameVariant, Role
from catalog.search_words import Near
from catalog.tests.builders import make_credit, make_film, make_person

pytestmark = pytest.mark.django_db


def counts(*words: str) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, films FROM catalog_search_word")
        counted = dict(cursor.fetchall())
    return {word: counted.get(word, 0) for word in words}


def every_count() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, films FROM catalog_search_word")
        return dict(cursor.fetchall())


@pytest.fixture
def red_hot():
    film = make_film(title="Red Hot", year=1993)
    make_credit(film, make_person("Paul Haggis"), role=Role.DIRECTOR)
    make_credit(film, make_person("Carla Gugino"), character="Valentina")
    make_credit(film, make_person("Armin Mueller-Stahl"), character="Dimitri")
    make_film(title="Hot Shots!", year=1991)
    return film


def test_words_are_counted_as_films_are_made_edited_and_deleted(red_hot):
    assert counts("red", "hot", "shots", "haggis", "gugino") == {
        "red": 1,
        "hot": 2,
        "shots": 1,
        "haggis": 1,
        "gugino": 1,
    }

    paul = red_hot.credits.get(role=Role.DIRECTOR).person
    paul.name = "Paul Hagis"
    paul.save()
    NameVariant.objects.create(person=paul, name="Paolo Haggis")
    assert counts("haggis", "hagis", "paolo", "paul") == {
        "haggis": 1,
        "hagis": 1,
        "paolo": 1,
        "paul": 1,
    }

    red_hot.credits.filter(person=paul).delete()
    assert counts("haggis", "hagis", "paolo", "paul") == dict.fromkeys(
        ["haggis", "hagis", "paolo", "paul"], 0
    )

    red_hot.delete()
    assert every_count() == {"hot": 1, "shots": 1}


def test_writes_that_send_no_signals_are_counted_too(red_hot):
    update_rows(Film, ["search_text"], [(" red hot zebra", red_hot.pk)])
    assert counts("zebra", "gugino", "red", "hot") == {"zebra": 1, "gugino": 0, "red": 1, "hot": 2}

    Film.objects.filter(pk=red_hot.pk).update(search_text="")
    assert counts("zebra", "red", "hot") == {"zebra": 0, "red": 0, "hot": 1}


def test_a_full_refresh_counts_every_word_once_at_the_end(red_hot):
    before = every_count()
    Film.objects.update(search_text="")
    assert every_count() == {}

    assert search.refresh() == 2
    assert every_count() == before

    # Counting film by film is on again afterwards.
    make_film(title="Red Dawn")
    assert counts("red", "dawn") == {"red": 2, "dawn": 1}


def test_near_words_are_an_edit_or_two_away_nearest_first(red_hot):
    make_film(title="Gugina")
    entries = search_words.lookup(["guggino", "gugnio", "hagis", "schwarzeneger"])

    # An edit away, then two; a swap of two letters is one edit.
    assert entries["guggino"].near[:2] == (Near("gugino", 1, 1), Near("gugina", 2, 1))
    assert entries["gugnio"].near[0] == Near("gugino", 1, 1)
    assert entries["hagis"].near[0] == Near("haggis", 1, 1)
    assert entries["schwarzeneger"] == search_words.Entry()


def test_a_short_word_is_near_the_words_one_edit_away(red_hot):
    entry = search_words.lookup(["rd"])["rd"]

    assert entry.films == 0
    assert Near("red", 1, 1) in entry.near
    assert all(near.distance == 1 for near in entry.near)


def test_a_word_may_be_two_written_together(red_hot):
    entry = search_words.lookup(["muellerstahl"])["muellerstahl"]

    assert entry.splits == (("mueller", "stahl"),)


def test_a_word_in_many_films_is_taken_as_meant(red_hot):
    for n in range(search_words.SELDOM + 1):
        make_film(title=f"Hot Night {n}")

    entries = search_words.lookup(["hot", "night"])

    assert entries["hot"] == search_words.Entry(search_words.SELDOM + 3)
    assert entries["night"] == search_words.Entry(search_words.SELDOM + 1)


def test_lookups_see_the_words_as_they_change(red_hot):
    assert search_words.lookup(["jurasic"])["jurasic"].near == ()

    make_film(title="Jurassic Park")
    assert search_words.lookup(["jurasic"])["jurasic"].near == (Near("jurassic", 1, 1),)

    Film.objects.filter(title="Jurassic Park").delete()
    assert search_words.lookup(["jurasic"])["jurasic"].near == ()


def test_a_word_longer_than_any_name_is_looked_up_as_typed_only(red_hot):
    pasted = "gugino" * 500  # a paragraph pasted as one word: its one-edit words alone, 700 MB

    tracemalloc.start()
    try:
        entries = search_words.lookup([pasted, "gugino" * 5, "guggino"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 20_000_000
    assert entries[pasted] == search_words.Entry(0)
    assert entries["gugino" * 5] == search_words.Entry(0)
    assert entries["guggino"].near[0].word == "gugino", "shorter words are still corrected"
