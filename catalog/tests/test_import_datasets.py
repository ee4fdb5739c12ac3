"""`manage.py import_datasets`: on the pinned packages' real files, a few rows of each
(``--limit``), its progress on the error stream, and the seed fixtures reloaded over its rows."""

import io

import pytest
from django.core.management import CommandError, call_command

from catalog.datasets import DATASETS
from catalog.models import Claim, Film, Source
from catalog.progress import Progress
from catalog.tests.dataset_files import import_all

pytestmark = pytest.mark.django_db


def test_progress_is_plain_text_on_the_error_stream():
    stream = io.StringIO()
    progress = Progress(stream)

    progress.start("OMDb", 17472)
    for done in range(0, 17473, 1000):
        progress.update(done)
    progress.update(17472)
    progress.done(" rows")

    lines = stream.getvalue().splitlines()
    assert lines[0] == "OMDb 0/17,472" and lines[-1] == "OMDb 17,472/17,472 rows"
    assert len(lines) == 5  # a line a quarter when not on a terminal


def test_the_command_imports_a_few_rows_of_each_pinned_dataset():
    out, err = io.StringIO(), io.StringIO()

    call_command("import_datasets", limit=30, stdout=out, stderr=err)

    assert Source.objects.filter(kind=Source.Kind.DATASET).count() == 3
    for dataset in DATASETS.values():
        source = Source.objects.get(slug=dataset.slug)
        assert "Only the first 30 of its" in source.notes
        assert source.claims.exists()
    assert "Record:" in out.getvalue() and "OMDb 30/30" in err.getvalue()
    for claim in Claim.objects.order_by("pk")[::25]:
        claim.full_clean()

    call_command("import_datasets", limit=30, stdout=out, stderr=err)  # again: nothing to do

    assert "OMDb: already loaded." in out.getvalue()


def test_the_command_names_unknown_datasets():
    with pytest.raises(CommandError, match="No such dataset: imdb"):
        call_command("import_datasets", "imdb", verbosity=0)


def test_reloading_the_fixtures_leaves_the_imported_rows_alone(files):
    call_command("load_catalog", verbosity=0)
    import_all(files)
    imported = Film.objects.exclude(automatic_fields=[])
    before = list(imported.values_list("pk", "title", "year", "source_count", "conflict_count"))

    call_command("load_catalog", verbosity=0)

    assert list(imported.values_list("pk", "title", "year", "source_count", "conflict_count")) == (
        before
    )
    assert not Claim.history.filter(source__kind=Source.Kind.DATASET).exists()
    assert Film.objects.get(slug="red-hot-1993").history.exists()
