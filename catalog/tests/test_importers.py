"""Importing the datasets (catalog.importing, catalog.records), and the editors' work on them.

Tiny hand-made files in tmp_path, in each dataset's own layout (catalog/tests/dataset_files.py);
the command on the pinned packages' real files is test_import_datasets.py's.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from catalog import importing
from catalog.catalogue import Catalogue
from catalog.comparison import comparison_for
from catalog.counts import refresh_counts
from catalog.datasets import DATASETS
from catalog.datasets.omdb import read as read_omdb
from catalog.decisions import decide
from catalog.importing import import_dataset
from catalog.models import (
    AUTOMATIC_FIELDS,
    Claim,
    ConsensusValue,
    Film,
    Genre,
    NameVariant,
    Person,
    PossibleDuplicate,
    PossibleDuplicatePerson,
    Role,
    Source,
)
from catalog.records import fill_records
from catalog.tests.dataset_files import GGPLOT_LINES, VEGA_RECORDS, film, import_all

pytestmark = pytest.mark.django_db


def test_every_quote_is_its_rows_line_where_quote_start_says(files):
    import_all(files)

    texts = dict(Source.objects.values_list("pk", "text"))
    claims = Claim.objects.values_list("source_id", "quote", "quote_start")
    assert claims.count() > 50
    for source, quote, start in claims:
        assert texts[source][start : start + len(quote)] == quote
        assert "\n" not in quote
    for claim in Claim.objects.order_by("pk")[::10]:
        claim.full_clean()  # the model's own check of the invariant


def test_each_dataset_is_one_source_with_its_licence_and_citation(files):
    import_all(files)

    omdb, ggplot, vega = (Source.objects.get(slug=DATASETS[n].slug) for n in DATASETS)
    assert {omdb.kind, ggplot.kind, vega.kind} == {Source.Kind.DATASET}
    assert omdb.licence.startswith("CC0") and "Wikidata" in omdb.citation
    assert ggplot.licence.startswith("GPL-2") and "Wickham" in ggplot.citation
    assert vega.licence.startswith("BSD-3-Clause") and "known data quality issues" in vega.notes
    assert all(source.url.startswith("https://") for source in (omdb, ggplot, vega))
    assert "tab-separated" in omdb.notes
    assert ggplot.text == (files["ggplot2movies"]).read_text()
    assert vega.text == (files["vega"]).read_text()
    assert "1 rows without a title" in vega.notes


def test_the_omdb_table_is_rendered_as_tab_separated_lines(files):
    reading = read_omdb(files["omdb"])

    header, titanic, *_ = reading.text.split("\n")
    assert header.split("\t")[:4] == ["ID", "imdbID", "Title", "Year"]
    cells = titanic.split("\t")
    assert cells[5] == "194"  # a whole REAL without ".0"
    assert cells[12] == ""  # NULL
    assert reading.rows[0].line == titanic and reading.rows[0].start == len(header) + 1


def test_row_values_become_claims(files):
    import_all(files, ["omdb"])

    said = {
        (claim.field, claim.value)
        for claim in Claim.objects.filter(film__title="Titanic").select_related("person")
    }
    assert {
        ("title", "Titanic"),
        ("year", "1997"),
        ("certificate", "PG-13"),
        ("runtime", "194"),
        ("genre", "Drama"),
        ("genre", "Romance"),
        ("director", "James Cameron"),
        ("writer", "James Cameron"),
        ("cast", "Kate Winslet"),
        ("cast", "Leonardo DiCaprio"),
        ("language", "English"),
        ("country", "United States"),
    } == said
    sinatra = Claim.objects.filter(film__title="Ocean's 11", field="cast")
    assert sorted(sinatra.values_list("value", flat=True)) == [
        "Dean Martin",
        "Frank Sinatra",
        "Sammy Davis, Jr.",
    ]


def test_a_vega_file_not_laid_out_one_record_a_line_gets_a_canonical_rendering(files, tmp_path):
    compact = tmp_path / "compact.json"
    compact.write_text(json.dumps(VEGA_RECORDS), encoding="utf-8")

    import_dataset(DATASETS["vega"], Catalogue.load(), path=compact)

    source = Source.objects.get(slug=DATASETS["vega"].slug)
    assert "canonical rendering" in source.notes
    assert source.text.startswith('[\n{"Title": "Titanic"')
    for claim in source.claims.all():
        assert source.text[claim.quote_start : claim.quote_end] == claim.quote


def test_the_same_film_across_datasets_is_one_film_with_every_source(files):
    import_all(files)

    titanic = film("Titanic")
    assert titanic.source_count == 3
    assert titanic.claims.values("source").distinct().count() == 3
    godfather = film("The Godfather")  # "Godfather, The" in the IMDb snapshot
    assert godfather.source_count == 2
    assert Film.objects.filter(title__icontains="Godfather").count() == 1


def test_the_record_is_filled_from_the_consensus_and_marked_automatic(files):
    import_all(files)

    titanic = film("Titanic")
    # Vega says 1998; two sources say 1997.
    assert (titanic.year, titanic.runtime, titanic.certificate) == (1997, 194, "PG-13")
    assert titanic.automatic_fields == AUTOMATIC_FIELDS
    assert ConsensusValue.objects.get(film=titanic, field="year").normalised == "1997"
    assert titanic.conflict_count >= 1 and titanic.unresolved_count == titanic.conflict_count
    credits = {(c.person.name, c.role) for c in titanic.credits.select_related("person")}
    assert credits == {
        ("James Cameron", Role.DIRECTOR),
        ("James Cameron", Role.WRITER),
        ("Kate Winslet", Role.CAST),
        ("Leonardo DiCaprio", Role.CAST),
    }
    # Vega's "Thriller/Suspense" is filed under the list's Thriller.
    assert set(titanic.genres.values_list("name", flat=True)) == {
        "Drama",
        "Romance",
        "Thriller",
    }
    intouchables = film("The Intouchables")
    directors = intouchables.credits.filter(role=Role.DIRECTOR).values_list("person__name")
    assert sorted(name for (name,) in directors) == ["Olivier Nakache", "Éric Toledano"]


def test_the_counts_are_those_comparison_would_store(files):
    import_all(files)
    imported = Film.objects.exclude(automatic_fields=[])
    stored = list(imported.values_list("pk", "source_count", "conflict_count", "unresolved_count"))

    refresh_counts(imported)

    again = list(imported.values_list("pk", "source_count", "conflict_count", "unresolved_count"))
    assert stored == again
    assert any(conflicts for _, _, conflicts, _ in stored)


def test_red_hot_joins_its_dataset_row_and_stays_as_its_editors_set_it(files):
    call_command("load_catalog", verbosity=0)
    red_hot = Film.objects.get(slug="red-hot-1993")
    counted = {"source_count", "conflict_count", "unresolved_count"}

    def record():
        stored = Film.objects.filter(pk=red_hot.pk).values().get()
        return {name: value for name, value in stored.items() if name not in counted}

    before = record()
    credits = list(red_hot.credits.values_list("pk", "person", "role", "character"))
    genres = list(red_hot.genres.values_list("pk", flat=True))
    claims = red_hot.claims.count()

    summaries = import_all(files)

    assert record() == before
    assert list(red_hot.credits.values_list("pk", "person", "role", "character")) == credits
    assert list(red_hot.genres.values_list("pk", flat=True)) == genres
    joined = red_hot.claims.filter(source__slug=DATASETS["ggplot2movies"].slug)
    assert set(joined.values_list("quote", flat=True)) == {GGPLOT_LINES[1]}
    assert red_hot.claims.count() == claims + joined.count()
    assert Film.objects.get(pk=red_hot.pk).source_count == 4
    assert [summary.films_joined for summary in summaries] == [0, 1, 0]
    assert not Film.objects.filter(slug="red-hot-1993-2").exists()
    # Vega's Red Hot of 1994, with nothing else to go on, is only listed.
    imported = Film.objects.exclude(pk=red_hot.pk).get(title="Red Hot")
    assert imported.claims.get(field="year").normalised == "1994"
    duplicate = PossibleDuplicate.objects.get(film_a=red_hot, film_b=imported)
    assert "the editors keep that film by hand" in duplicate.reason


def test_a_second_import_duplicates_nothing(files):
    import_all(files)
    counts = [model.objects.count() for model in (Source, Film, Claim, Person, NameVariant)]

    summaries = import_all(files)

    assert all(summary.already_loaded for summary in summaries)
    assert [model.objects.count() for model in (Source, Film, Claim, Person, NameVariant)] == counts


def test_an_interrupted_import_leaves_no_half_loaded_source(files, monkeypatch):
    import_all(files, ["omdb"])
    before = [model.objects.count() for model in (Source, Film, Claim, Person, NameVariant)]
    real_insert = importing.insert_rows

    def insert_then_fail(model, fields, rows, *args, **kwargs):
        real_insert(model, fields, rows, *args, **kwargs)
        if model is Claim:
            raise KeyboardInterrupt

    monkeypatch.setattr(importing, "insert_rows", insert_then_fail)
    with pytest.raises(KeyboardInterrupt):
        import_dataset(DATASETS["ggplot2movies"], Catalogue.load(), path=files["ggplot2movies"])

    assert not Source.objects.filter(slug=DATASETS["ggplot2movies"].slug).exists()
    assert [model.objects.count() for model in (Source, Film, Claim, Person, NameVariant)] == before


def test_people_are_one_by_folded_name_and_near_names_are_listed_not_merged(files):
    import_all(files)

    toledano = Person.objects.get(name="Éric Toledano")
    assert list(toledano.variants.values_list("name", flat=True)) == ["Eric Toledano"]
    assert Person.objects.filter(name__in=["Jon Voight", "John Voight"]).count() == 2
    pair = PossibleDuplicatePerson.objects.get()
    assert {pair.person_a.name, pair.person_b.name} == {"Jon Voight", "John Voight"}
    assert "one letter apart" in pair.reason


def test_an_editors_decision_or_change_confirms_an_automatic_field(files):
    import_all(files)
    titanic = film("Titanic")
    row = comparison_for(titanic).row("year")

    decide(titanic, row, "1997", [], "Two of three sources, and the release.")

    titanic.refresh_from_db()
    assert "year" not in titanic.automatic_fields
    titanic.runtime = 195
    titanic.save()
    titanic.refresh_from_db()
    assert "runtime" not in titanic.automatic_fields and "title" in titanic.automatic_fields
    titanic.genres.remove(Genre.objects.get(name="Romance"))
    titanic.refresh_from_db()
    assert "genres" not in titanic.automatic_fields

    fill_records()  # a later import keeps what the editors confirmed

    titanic.refresh_from_db()
    assert titanic.runtime == 195
    assert not titanic.genres.filter(name="Romance").exists()


def test_the_film_admin_form_confirms_the_fields_an_editor_changes(files, admin_client):
    from catalog.tests.admin_forms import change_form_data

    import_all(files)
    titanic = film("Titanic")
    url = reverse("admin:catalog_film_change", args=[titanic.pk])

    response = admin_client.post(url, change_form_data(admin_client.get(url), certificate="12A"))

    assert response.status_code == 302
    titanic.refresh_from_db()
    assert titanic.certificate == "12A"
    assert titanic.automatic_fields == [f for f in AUTOMATIC_FIELDS if f != "certificate"]


def test_the_possible_duplicates_are_in_the_admin_for_editors(files, client, django_user_model):
    call_command("load_catalog", verbosity=0)
    import_all(files)
    editor = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    films = client.get(reverse("admin:catalog_possibleduplicate_changelist"), {"q": "red hot"})
    people = client.get(reverse("admin:catalog_possibleduplicateperson_changelist"))
    filtered = client.get(reverse("admin:catalog_possibleduplicate_changelist"), {"why": "kept"})

    assert films.status_code == people.status_code == filtered.status_code == 200
    red_hot = Film.objects.get(slug="red-hot-1993")
    assert reverse("admin:catalog_film_change", args=[red_hot.pk]) in films.text
    assert "Jon Voight" in people.text and "Both in People" in people.text
    assert "Red Hot" in filtered.text
