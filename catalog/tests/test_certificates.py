"""Certificates filed under their rating systems (catalog.certificates), on the film page and in
the film list's filter."""

import pytest
from django.urls import reverse

from catalog.certificates import BBFC, MPAA, filed, in_order, label, record_system
from catalog.comparison import comparison_for
from catalog.datasets import DATASETS
from catalog.models import Field, Source
from catalog.tests.builders import make_claim, make_film, make_source

OMDB = DATASETS["omdb"].slug


@pytest.mark.parametrize(
    ("word", "source", "passage", "system"),
    [
        ("PG-13", "", "", MPAA),
        ("NC-17", "", "", MPAA),
        ("Not Rated", "", "", MPAA),
        ("Unrated", "", "", MPAA),
        ("Approved", "", "", MPAA),
        ("12A", "", "", BBFC),
        ("R18", "", "", BBFC),
        ("15", OMDB, "", BBFC),  # only the BBFC has it, whatever the source
        # "PG" is both systems' word: the source says whose.
        ("PG", OMDB, "", MPAA),
        ("PG", DATASETS["vega"].slug, "", MPAA),
        ("PG", "a-page", "• PG", None),
        ("PG", "a-page", "BBFC: PG", BBFC),
        ("PG", "a-page", "Rated PG by the MPAA", MPAA),
        ("X", DATASETS["ggplot2movies"].slug, "", MPAA),
        ("Open", DATASETS["vega"].slug, "", None),  # no system's word
    ],
)
def test_a_sources_word_is_filed_under_its_system_where_known(word, source, passage, system):
    assert filed(word, source, passage) == system


def test_every_word_the_datasets_use_is_filed_but_vegas_open():
    # The certificates of the three datasets in the full catalogue.
    words = ["R", "PG", "PG-13", "G", "NC-17", "M/PG", "GP", "M", "X", "Not Rated"]
    for slug in (dataset.slug for dataset in DATASETS.values()):
        assert {filed(word, slug) for word in words} == {MPAA}
        assert filed("Open", slug) is None


def test_the_records_certificate_takes_the_system_its_sources_file_it_under():
    assert record_system("PG", [("PG", MPAA), ("R", MPAA)]) == MPAA
    assert record_system("PG", [("Rated PG", BBFC)]) == BBFC
    assert record_system("PG", [("PG", None)]) is None
    assert record_system("PG", [("PG", MPAA), ("PG", BBFC)]) is None
    assert record_system("12A", []) == BBFC


def test_lists_label_certificates_by_system_in_order():
    assert label("PG-13") == "PG-13 (MPAA)"
    assert label("PG") == "PG (MPAA)"  # the datasets' system, of the two that have it
    assert label("15") == "15 (BBFC)"
    assert label("Open") == "Open"
    assert in_order(["Open", "R", "15", "G", "PG-13", "Not Rated", "12A", "PG"]) == [
        "G",
        "PG",
        "PG-13",
        "R",
        "Not Rated",
        "12A",
        "15",
        "Open",
    ]


@pytest.mark.django_db
def test_film_page_shows_the_system_beside_the_certificate_and_the_words_as_written(client):
    film = make_film(title="Titanic", year=1997, certificate="PG-13")
    line = "tt0120338\tTitanic\t1997\tPG-13"
    dataset = make_source(title="Films from Wikidata", slug=OMDB, kind="dataset", text=line)
    page = make_source(title="A listing", text="Rated pg-13 for disaster")
    make_claim(dataset, film, Field.CERTIFICATE, "PG-13", quote=line)
    make_claim(page, film, Field.CERTIFICATE, "pg-13", quote="Rated pg-13")

    response = client.get(film.get_absolute_url())

    row = next(r for r in response.context["comparison"].rows if r.key == Field.CERTIFICATE)
    assert row.system == MPAA
    # Each source's column as it writes the word: "A listing" first, by title.
    assert [[value.text for value in cell.values] for cell in row.cells] == [["pg-13"], ["PG-13"]]
    assert all(value.note == "MPAA" for cell in row.cells for value in cell.values)
    text = " ".join(response.text.split())
    assert 'PG-13 (<abbr title="Motion Picture Association (United States)">MPAA</abbr>)' in text
    assert not row.has_conflict


@pytest.mark.django_db
def test_a_certificate_no_source_files_shows_alone():
    film = make_film(certificate="PG")
    page = make_source(title="A listing", kind=Source.Kind.WEB_PAGE, text="• PG")
    make_claim(page, film, Field.CERTIFICATE, "PG", quote="• PG")

    row = comparison_for(film).row(Field.CERTIFICATE)
    assert row is not None and row.system is None
    assert row.cells[0].values[0].note == ""


@pytest.mark.django_db
def test_the_filter_lists_each_certificate_with_its_system(client):
    for certificate in ("R", "PG", "PG-13", "15", "Open", "PG"):
        make_film(certificate=certificate)
    url = reverse("catalog:film-list")

    response = client.get(url)

    choices = list(response.context["filter"].form.fields["certificate"].choices)
    assert choices == [
        ("", "Any"),
        ("PG", "PG (MPAA)"),
        ("PG-13", "PG-13 (MPAA)"),
        ("R", "R (MPAA)"),
        ("15", "15 (BBFC)"),
        ("Open", "Open"),
    ]
    filtered = client.get(url, {"certificate": "PG-13"})
    assert len(filtered.context["object_list"]) == 1
    assert "<title>Films: PG-13 (MPAA)" in filtered.text
