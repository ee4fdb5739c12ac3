"""Film search over titles and every spelling of everyone's name, kept up to date with edits."""

import pytest

from catalog import search
from catalog.merging import merge_people
from catalog.models import Field, Film, NameVariant, Role
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["indexed", "scan"])
def method(request, monkeypatch):
    """Every test both ways: over the database's index, and by the scan of a SQLite without FTS5."""
    if request.param == "scan":
        monkeypatch.setattr(search, "method", lambda: "scan")


def found(text: str) -> list[str]:
    return sorted(search.matching(Film.objects.all(), text).values_list("title", flat=True))


@pytest.fixture
def red_hot():
    film = make_film(title="Red Hot", year=1993)
    make_credit(film, make_person("Paul Haggis"), role=Role.DIRECTOR)
    pena = make_person("George de la Peña")
    NameVariant.objects.create(person=pena, name="George De La Pena")
    make_credit(film, pena, character="Sasha")
    make_film(title="Hot Shots!", year=1991)
    return film


def test_words_begin_words_of_the_title_or_a_name_in_any_order(red_hot):
    assert found("red hot") == ["Red Hot"]
    assert found("hot") == ["Hot Shots!", "Red Hot"]
    assert found("HAGG paul") == ["Red Hot"]
    assert found("hot haggis") == ["Red Hot"]
    assert found("ot") == []  # inside a word, not at its start
    assert found("red haggis shots") == []


def test_accents_case_and_punctuation_are_folded(red_hot):
    assert found("peña") == found("PENA") == found("pena,") == ["Red Hot"]
    assert found("shots!") == ["Hot Shots!"]
    assert found("!!!") == []


def test_a_title_a_source_gives_is_found_too(red_hot):
    make_claim(make_source(text="Known abroad as Caliente."), red_hot, Field.TITLE, "Caliente")
    assert found("caliente") == ["Red Hot"]


def test_edits_show_in_search_at_once(red_hot):
    carla = make_person("Carla Gugino")
    make_credit(red_hot, carla, character="Valentina")
    assert found("gugino") == ["Red Hot"]

    NameVariant.objects.create(person=carla, name="Carla Guggino")
    assert found("guggino") == ["Red Hot"]

    red_hot.title = "Red Hot (1993)"
    red_hot.save()
    assert found("1993 gugino") == ["Red Hot (1993)"]

    red_hot.credits.filter(person=carla).delete()
    assert found("gugino") == []


def test_merged_people_are_found_by_every_name(red_hot):
    film = make_film(title="Other")
    hugh = make_person("Hugh O'Brian")
    make_credit(film, hugh)
    kept = make_person("Hugh O'Brien")
    make_credit(red_hot, kept)

    merge_people(kept, [hugh])

    assert found("o brian") == ["Other", "Red Hot"]


def test_a_full_refresh_rewrites_only_what_changed(red_hot):
    Film.objects.filter(pk=red_hot.pk).update(search_text="")
    assert search.needs_refresh()

    assert search.refresh() == 1
    assert not search.needs_refresh()
    assert found("haggis") == ["Red Hot"]
    assert search.refresh() == 0
