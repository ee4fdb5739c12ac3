"""Dataset rows join the films the editors keep by hand (catalog.matching): a fresh load of the
fixtures and of the datasets' extracts (``data/``), and ``manage.py fold_twins`` on a catalogue
that an older import left with twins of them (catalog.merging.twins)."""

import io
import sqlite3
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Q

from catalog import matching
from catalog.catalogue import Catalogue, record_entries
from catalog.counts import refresh_counts
from catalog.datasets import DATASETS
from catalog.importing import import_dataset
from catalog.matching import Known, Possible, title_key, weigh
from catalog.models import (
    Claim,
    Credit,
    DuplicateStatus,
    Film,
    FilmRedirect,
    PossibleDuplicate,
    Source,
)
from catalog.records import fill_records
from catalog.tests.dataset_files import OMDB_SCHEMA

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
KEPT_REASON = "the editors keep that film by hand"


@pytest.fixture
def extracts(tmp_path) -> dict[str, Path]:
    """The extracts of the three datasets in each dataset's own layout, for the importers."""
    omdb = tmp_path / "movies.db"
    header, *lines = (DATA / "omdb_extract.tsv").read_text(encoding="utf-8").splitlines()
    with sqlite3.connect(omdb) as db:
        db.execute(OMDB_SCHEMA)
        marks = ", ".join("?" * len(header.split("\t")))
        rows = [[cell or None for cell in line.split("\t")] for line in lines]
        db.executemany(f"INSERT INTO omdb VALUES ({marks})", rows)
    db.close()
    vega = tmp_path / "movies.json"
    records = [line.split("\t", 1)[1] for line in (DATA / "vega_movies_extract.tsv").open()][1:]
    vega.write_text("[\n" + ",\n".join(r.rstrip("\n") for r in records) + "\n]\n", "utf-8")
    return {"omdb": omdb, "ggplot2movies": DATA / "ggplot2movies_extract.csv", "vega": vega}


def load(extracts) -> None:
    """The fixtures, then the extracts, as `make data` loads the catalogue."""
    call_command("load_catalog", verbosity=0)
    catalogue = Catalogue.load()
    for name, dataset in DATASETS.items():
        import_dataset(dataset, catalogue, path=extracts[name])
    fill_records()


def test_on_a_fresh_load_red_hot_has_the_imdb_row_and_no_twin(extracts):
    load(extracts)

    red_hot = Film.objects.get(slug="red-hot-1993")
    assert red_hot.source_count == 4
    imdb = Source.objects.get(slug=DATASETS["ggplot2movies"].slug)
    assert red_hot.claims.filter(source=imdb, field="runtime").get().value == "95"
    assert not Film.objects.filter(slug="red-hot-1993-2").exists()
    assert list(Film.objects.filter(title="Red Hot").values_list("slug", flat=True)) == [
        "red-hot-1993"
    ]
    assert red_hot.automatic_fields == []
    counts = ("source_count", "conflict_count", "unresolved_count")
    stored = Film.objects.filter(pk=red_hot.pk).values_list(*counts).get()
    refresh_counts(Film.objects.filter(pk=red_hot.pk))
    assert Film.objects.filter(pk=red_hot.pk).values_list(*counts).get() == stored


def test_every_film_kept_by_hand_gets_the_dataset_rows_that_describe_it(extracts):
    load(extracts)
    kept = set(Film.objects.filter(automatic_fields=[]).values_list("pk", flat=True))
    assert kept, "the fixtures' films are kept by hand"
    records = {}
    for film, entry in record_entries(kept):
        records[film] = Known(film)
        records[film].add(entry)

    described = 0
    for name, dataset in DATASETS.items():
        source = Source.objects.get(slug=dataset.slug)
        for row in dataset.read(extracts[name], None).rows:
            for film, known in records.items():
                if title_key(row.entry.title) not in known.keys:
                    continue
                evidence = weigh(row.entry, known)
                if evidence is None or not evidence.strong:
                    continue
                described += 1
                films = set(
                    Claim.objects.filter(source=source, quote_start=row.start).values_list(
                        "film", flat=True
                    )
                )
                assert films == {film}, f"{name} row {row.key} ({row.entry.title}) stayed apart"
    assert described >= 1


# --- Twins an older import made ---------------------------------------------------------------


@pytest.fixture
def old_import(monkeypatch):
    """The importers as they were: a match with a kept film listed, never joined."""
    match = matching.FilmMatcher.match

    def listed_only(self, entries):
        outcomes = match(self, entries)
        for outcome in outcomes:
            if outcome.film is not None and self.films[outcome.film].kept:
                outcome.possible.append(Possible(outcome.film, 0.9, f"same year; {KEPT_REASON}"))
                outcome.film = None
        return outcomes

    monkeypatch.setattr(matching.FilmMatcher, "match", listed_only)
    return monkeypatch


@pytest.fixture
def twin(extracts, old_import):
    """A catalogue with red-hot-1993-2, the IMDb row's film of its own."""
    load(extracts)
    old_import.undo()
    return Film.objects.get(slug="red-hot-1993-2")


def fold(*args) -> str:
    out = io.StringIO()
    call_command("fold_twins", *args, stdout=out)
    return out.getvalue()


def test_an_older_import_left_a_twin_of_red_hot(twin):
    red_hot = Film.objects.get(slug="red-hot-1993")
    assert red_hot.source_count == 3
    assert PossibleDuplicate.objects.filter(film_a=red_hot, film_b=twin).exists()


def test_folding_the_twins_in_loses_nothing_and_leaves_the_record_alone(twin, client):
    red_hot = Film.objects.get(slug="red-hot-1993")
    record = Film.objects.filter(pk=red_hot.pk).values(
        "title", "year", "certificate", "runtime", "setting", "synopsis", "automatic_fields"
    )
    before = record.get()
    credits = list(red_hot.credits.values_list("pk", "person", "role", "character"))
    genres = list(red_hot.genres.values_list("pk", flat=True))
    twins_claims = set(twin.claims.values_list("pk", "source", "quote"))
    claims = Claim.objects.count()

    assert "red-hot-1993: red-hot-1993-2 would fold in." in fold("--dry-run")
    assert Film.objects.filter(pk=twin.pk).exists()
    said = fold()

    assert "now redirects to it" in said and "/films/red-hot-1993-2/" in said
    assert record.get() == before
    assert list(red_hot.credits.values_list("pk", "person", "role", "character")) == credits
    assert list(red_hot.genres.values_list("pk", flat=True)) == genres
    assert twins_claims <= set(red_hot.claims.values_list("pk", "source", "quote"))
    assert Claim.objects.count() == claims
    assert not Film.objects.filter(pk=twin.pk).exists()
    assert not Credit.objects.filter(film=twin.pk).exists()
    red_hot.refresh_from_db()
    assert red_hot.source_count == 4
    assert red_hot.consensus.filter(field="runtime").exists()
    assert not PossibleDuplicate.objects.filter(Q(film_a=twin.pk) | Q(film_b=twin.pk)).exists()
    assert FilmRedirect.objects.get(old_slug="red-hot-1993-2").film == red_hot
    response = client.get("/films/red-hot-1993-2/")
    assert response.status_code == 301 and response["Location"] == "/films/red-hot-1993/"
    assert Film.history.filter(id=twin.pk, history_type="-").exists(), "restorable"

    assert fold() == "Twins: none to fold in.\n", "a second run has nothing to do"


def test_a_twin_the_editors_judged_different_or_worked_on_is_left_to_them(twin):
    pair = PossibleDuplicate.objects.get(film_b=twin)
    pair.status = DuplicateStatus.DIFFERENT
    pair.save()
    assert "none to fold in" in fold()

    pair.status = DuplicateStatus.OPEN
    pair.save()
    twin.certificate = "R"
    twin.save()  # an editor's change: the certificate is confirmed
    assert "none to fold in" in fold()
    assert Film.objects.filter(pk=twin.pk).exists()
