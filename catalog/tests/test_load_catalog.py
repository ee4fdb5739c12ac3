import json

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Claim, Film, Source

pytestmark = pytest.mark.django_db(transaction=True)


def fixture_file(tmp_path, quote="Released in 1993", name="catalogue.json"):
    rows = [
        {
            "model": "catalog.source",
            "pk": 901,
            "fields": {
                "title": "A listing",
                "slug": "a-listing",
                "text": "Red Hot. Released in 1993.",
            },
        },
        {
            "model": "catalog.film",
            "pk": 901,
            "fields": {"title": "Red Hot", "slug": "red-hot", "year": 1993},
        },
        {
            "model": "catalog.claim",
            "pk": 901,
            "fields": {
                "source": 901,
                "film": 901,
                "field": "year",
                "value": "1993",
                "quote": quote,
            },
        },
    ]
    path = tmp_path / name
    path.write_text(json.dumps(rows))
    return str(path)


def test_load_fills_in_quote_positions_and_normalised_values(tmp_path):
    call_command("load_catalog", fixture_file(tmp_path), verbosity=0)

    claim = Claim.objects.get()
    assert claim.quote_start == 9
    assert claim.normalised == "1993"


def test_loading_twice_creates_no_duplicates(tmp_path):
    path = fixture_file(tmp_path)
    call_command("load_catalog", path, verbosity=0)
    call_command("load_catalog", path, verbosity=0)

    assert (Source.objects.count(), Film.objects.count(), Claim.objects.count()) == (1, 1, 1)


def test_if_empty_keeps_editors_changes(tmp_path):
    path = fixture_file(tmp_path)
    call_command("load_catalog", path, verbosity=0)
    Film.objects.update(year=1994)

    call_command("load_catalog", path, if_empty=True, verbosity=0)

    assert Film.objects.get().year == 1994


def test_quote_missing_from_source_fails_clearly_and_loads_nothing(tmp_path):
    with pytest.raises(CommandError, match="does not occur verbatim"):
        call_command("load_catalog", fixture_file(tmp_path, quote="Released in 1995"), verbosity=0)

    assert not Source.objects.exists() and not Film.objects.exists()


def test_malformed_fixture_fails_clearly_and_leaves_the_database_as_it_was(tmp_path):
    call_command("load_catalog", fixture_file(tmp_path), verbosity=0)
    broken = tmp_path / "broken.json"
    broken.write_text(
        '[{"model": "catalog.film", "pk": 902, "fields": {"title": "Half"}}, {"model": '
    )

    with pytest.raises(CommandError, match="broken"):
        call_command(
            "load_catalog", fixture_file(tmp_path, name="again.json"), str(broken), verbosity=0
        )

    assert list(Film.objects.values_list("title", flat=True)) == ["Red Hot"]
