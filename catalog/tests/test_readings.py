"""A reader's search read as typed, then more loosely: a year, German spellings, misspellings
within an edit or two, words written together, and suggestions when nothing is found."""

import pytest

from catalog import readings, search
from catalog.models import Film, Role
from catalog.readings import Query, Reading, Search, parse, spellings
from catalog.search import Spelling
from catalog.tests.builders import make_credit, make_film, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["indexed", "scan"])
def method(request, monkeypatch):
    """Every test both ways: over the database's index, and by the scan of a SQLite without FTS5."""
    if request.param == "scan":
        monkeypatch.setattr(search, "method", lambda: "scan")


def found(text: str) -> list[str]:
    """The titles the first reading that finds any films finds, in its order."""
    for reading in Search(text).readings():
        if titles := list(reading.films(Film.objects.all()).values_list("title", flat=True)):
            return titles
    return []


@pytest.fixture
def catalogue():
    red_hot = make_film(title="Red Hot", year=1993)
    make_credit(red_hot, make_person("Paul Haggis"), role=Role.DIRECTOR)
    make_credit(red_hot, make_person("Carla Gugino"), character="Valentina")
    make_credit(red_hot, make_person("Armin Mueller-Stahl"), character="Dimitri")
    make_film(title="Red Hot Riding Hood", year=1943)
    make_film(title="Hot Shots!", year=1991)
    make_film(title="Jurassic Park", year=1993)
    make_film(title="The Lost World: Jurassic Park", year=1997)
    arnold = make_person("Arnold Schwarzenegger")
    make_credit(make_film(title="Junior", year=1994), arnold)
    make_credit(make_film(title="Terminator 2: Judgment Day", year=1991), arnold)
    make_credit(make_film(title="Heimat", year=1984), make_person("Hans Müller"))
    make_film(title="1941", year=1979)
    return red_hot


def test_a_year_is_taken_out_of_the_words():
    assert parse("Red Hot 1993") == Query(("red", "hot"), 1993)
    assert parse("2001 1968") == Query(("2001",), 1968)
    assert parse("red hot") == Query(("red", "hot"))
    assert parse("1869 2101 19930") == Query(("1869", "2101", "19930"))


def test_german_spellings_of_a_word():
    assert Spelling("mueller") in spellings("muller")
    assert Spelling("muller", prefix=False) in spellings("mueller")
    assert Spelling("schroeder") in spellings("schroder")
    assert spellings("red") == (Spelling("red"),)


def test_words_as_typed_begin_words_in_any_order(catalogue):
    assert found("hot red") == ["Red Hot", "Red Hot Riding Hood"]
    assert found("gugin haggis") == ["Red Hot"]


def test_misspellings_an_edit_or_two_away_find_the_film(catalogue):
    assert found("jurasic park") == ["Jurassic Park", "The Lost World: Jurassic Park"]
    assert found("jursic park") == ["Jurassic Park", "The Lost World: Jurassic Park"]
    assert found("guggino") == ["Red Hot"]
    assert found("gugnio") == ["Red Hot"]
    assert found("schwarzeneger") == ["Junior", "Terminator 2: Judgment Day"]


def test_names_without_their_accents_or_hyphens_find_the_film(catalogue):
    for text in ["muller-stahl", "mueller stahl", "Müller-Stahl", "MUELLER-STAHL", "muellerstahl"]:
        assert found(text) == ["Red Hot"], text
    assert found("mueller") == ["Heimat", "Red Hot"]
    assert found("muller") == ["Heimat", "Red Hot"]


def test_a_year_narrows_the_films_give_or_take_one(catalogue):
    assert found("red hot 1993") == ["Red Hot"]
    assert found("red hot 1994") == ["Red Hot"]
    assert found("1943 red hot") == ["Red Hot Riding Hood"]
    assert found("rd hot 1993") == ["Red Hot"]
    # The year itself first, then a year off.
    assert found("1993") == ["Jurassic Park", "Red Hot", "Junior"]


def test_a_year_no_film_matches_ranks_them_nearest_first(catalogue):
    assert found("red hot 1960") == ["Red Hot Riding Hood", "Red Hot"]
    assert found("red hot 2020") == ["Red Hot", "Red Hot Riding Hood"]


def test_a_year_in_a_title_is_a_word_too(catalogue):
    assert found("1941") == ["1941"]
    assert found("1941 1979") == ["1941"]


def test_exact_spellings_rank_before_corrected_ones(catalogue):
    make_film(title="Red Hat", year=1993)
    reading = Reading(
        Query(("red", "hot")),
        ((Spelling("red"),), (Spelling("hot"), Spelling("hat", prefix=False, distance=1))),
        corrected=("hot",),
    )

    films = reading.films(Film.objects.all()).values_list("title", flat=True)

    assert list(films) == ["Red Hot", "Red Hot Riding Hood", "Red Hat"]


def test_a_word_found_as_typed_is_not_corrected(catalogue):
    make_film(title="Gugina")

    assert Search("gugino haggis").corrected().corrected == ()
    assert list(Search("gugino hot shots").readings())[-1].corrected == ()


def test_a_rare_word_one_edit_from_a_common_one_is_corrected(catalogue):
    make_film(title="All a Bir-r-r-rd", year=1950)
    for n in range(readings.RARER):
        make_film(title=f"Red Planet {n}")

    assert Search("rd hot").corrected().corrected == ("rd",)
    assert found("rd hot") == ["Red Hot", "Red Hot Riding Hood"]


def test_a_search_that_finds_nothing_suggests_the_nearest_titles_and_names(catalogue):
    suggested = Search("jurrasik parrk").suggestions()
    assert [film.title for film in suggested.films] == [
        "Jurassic Park",
        "The Lost World: Jurassic Park",
    ]

    suggested = Search("gugino schwarzenegger").suggestions()
    assert [person.name for person in suggested.people] == [
        "Carla Gugino",
        "Arnold Schwarzenegger",
    ]
    assert suggested.films == []

    assert not Search("zzqxv").suggestions()
    assert not Search("!!!").suggestions()
