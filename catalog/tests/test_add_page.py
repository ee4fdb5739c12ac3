"""manage.py add_page: a page's proposals printed, as JSON, or saved with --accept."""

import json

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Claim, Source

pytestmark = pytest.mark.django_db

PAGE = """Red Hot (1993)
Directed by Paul Haggis
Running time: 95 min
Starring Balthazar Getty as Alexei and Carla Gugino as Valentina.
"""


@pytest.fixture
def page_file(tmp_path, catalogue_data):
    path = tmp_path / "red-hot.txt"
    path.write_text(PAGE)
    return path


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("add_page", *map(str, args), stdout=out)
    return out.getvalue()


def test_without_accept_it_prints_the_proposals_and_saves_nothing(page_file):
    before = Source.objects.count()
    printed = run(page_file)
    assert "Film: Red Hot (1993) (red-hot-1993)" in printed
    assert "director: Paul Haggis  -> Paul Haggis (paul-haggis)" in printed
    assert Source.objects.count() == before


def test_json_gives_the_film_and_every_claim_with_its_person(page_file):
    found = json.loads(run(page_file, "--json"))
    assert found["film"] == "red-hot-1993"
    by_value = {claim["value"]: claim for claim in found["claims"]}
    gugino = by_value["Carla Gugino"]
    assert gugino["field"] == "cast"
    assert gugino["character"] == "Valentina"
    assert gugino["person"] == "carla-gugino"
    assert PAGE[gugino["start"] :].startswith(gugino["quote"])
    assert by_value["95 min"]["person"] is None
    assert set(gugino) == {"field", "value", "character", "quote", "start", "person"}


def test_accept_saves_the_source_and_its_linked_claims(page_file):
    printed = run(page_file, "--accept")
    source = Source.objects.get(text=PAGE.rstrip())
    assert f"Saved “{source.title}”" in printed
    assert Claim.objects.filter(source=source, film__slug="red-hot-1993").count() >= 4


def test_the_film_can_be_named(page_file):
    found = json.loads(run(page_file, "--json", "--film", "red-hot-1993"))
    assert found["film"] == "red-hot-1993"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-file.html"], "No such file: no-such-file.html."),
        (["{page}", "--film", "nope"], "No film has the slug “nope”."),
        (["file:///etc/passwd"], "Only http and https addresses can be fetched"),
        (["http://127.0.0.1:1/"], "an address of the server's own network"),
    ],
)
def test_bad_input_stops_with_a_clear_message(page_file, args, message):
    args = [str(page_file) if arg == "{page}" else arg for arg in args]
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_binary_file_is_refused(tmp_path, catalogue_data):
    path = tmp_path / "picture.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    with pytest.raises(CommandError):
        run(path)
    assert not Source.objects.filter(title__icontains="picture").exists()


def test_fetching_turned_off_is_said(catalogue_data, settings):
    settings.PAGE_FETCH = False
    with pytest.raises(CommandError, match="Fetching pages is turned off"):
        run("https://example.org/red-hot")
