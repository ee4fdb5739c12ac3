"""Sources' "Add from a page…": pasted, uploaded or fetched, proposals reviewed, then saved."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.forms import NEW_PERSON
from catalog.models import Claim, Film, Person, Source
from catalog.tests.admin_forms import bound_values

pytestmark = pytest.mark.django_db

ADD = reverse("admin:catalog_source_add-from-page")
PAGE = """Red Hot (1993)
A drama directed by Paul Haggis.
Starring Balthazar Getty as Alexei, Carla Guggino as Valentina and Jane Newcomer as Anna.
Running time: 95 min
"""


@pytest.fixture
def editor_client(client, catalogue_data):
    user = User.objects.create_user("alice", password="a-long-enough-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def review_data(response, **changes) -> dict:
    """The review form as the page shows it, with `changes` applied (name: value)."""
    data = bound_values(response.context["source_form"])
    data.update(bound_values(response.context["formset"].management_form))
    for form in response.context["formset"]:
        data.update(bound_values(form))
    data["step"] = "review"
    data.update(changes)
    return data


def form_index(response, value) -> int:
    for number, form in enumerate(response.context["formset"]):
        if form["value"].value() == value:
            return number
    raise AssertionError(f"no proposal of {value!r}")


def test_the_source_list_offers_adding_from_a_page(editor_client):
    page = editor_client.get(reverse("admin:catalog_source_changelist")).text
    assert f'href="{ADD}"' in page and "Add from a page…" in page


def test_the_page_steps_lead_back_to_the_sources(editor_client):
    page = editor_client.get(ADD).text
    crumbs = page[page.index('<ol class="breadcrumbs">') : page.index("</ol>")]

    assert f'href="{reverse("admin:catalog_source_changelist")}"' in crumbs
    assert '<li aria-current="page">' in crumbs


def test_a_pasted_page_is_reviewed_then_saved_as_one_more_source(editor_client):
    review = editor_client.post(ADD, {"text": PAGE})
    assert review.status_code == 200
    assert "Check what the page says" in review.text
    source_form = review.context["source_form"]
    red_hot = Film.objects.get(slug="red-hot-1993")
    assert source_form["film"].value() == red_hot.pk
    guggino = form_index(review, "Carla Guggino")
    newcomer = form_index(review, "Jane Newcomer")
    data = review_data(
        review,
        title="Red Hot at a video shop",
        **{f"form-{newcomer}-person": NEW_PERSON},
    )
    # The near spelling was linked to the film's Carla Gugino.
    assert data[f"form-{guggino}-person"] == str(Person.objects.get(slug="carla-gugino").pk)

    saved = editor_client.post(ADD, data)

    source = Source.objects.get(title="Red Hot at a video shop")
    assert saved.status_code == 302
    assert saved.url == reverse("admin:catalog_source_change", args=[source.pk])
    claims = Claim.objects.filter(source=source)
    assert claims.get(character="Valentina").person.slug == "carla-gugino"
    assert claims.get(character="Anna").person.name == "Jane Newcomer"
    assert source.text == PAGE.rstrip()  # the archived text, its trailing line break trimmed
    film_page = editor_client.get(red_hot.get_absolute_url()).text
    assert "Red Hot at a video shop" in film_page
    assert f"/sources/{source.slug}/?claim=" in film_page


def test_unticked_proposals_are_not_saved(editor_client):
    review = editor_client.post(ADD, {"text": PAGE})
    newcomer = form_index(review, "Jane Newcomer")
    data = review_data(review, title="Shop")
    del data[f"form-{newcomer}-keep"]
    editor_client.post(ADD, data)
    assert not Claim.objects.filter(source__title="Shop", value="Jane Newcomer").exists()
    assert not Person.objects.filter(name="Jane Newcomer").exists()


def test_an_unknown_person_needs_the_editors_word(editor_client):
    review = editor_client.post(ADD, {"text": PAGE})
    again = editor_client.post(ADD, review_data(review, title="Shop"))
    assert again.status_code == 200
    assert "Choose who this is, or “a new person”" in again.text
    assert not Source.objects.filter(title="Shop").exists()


def test_a_claim_added_by_hand_is_saved_with_its_passage(editor_client):
    review = editor_client.post(ADD, {"text": PAGE})
    extra = review.context["formset"].total_form_count() - 1
    data = review_data(
        review,
        title="Shop",
        **{
            f"form-{extra}-keep": "on",
            f"form-{extra}-field": "genre",
            f"form-{extra}-value": "drama",
            f"form-{extra}-quote": "A drama directed",
            f"form-{form_index(review, 'Jane Newcomer')}-person": NEW_PERSON,
            # The finder reads "A drama" itself; the editor keeps their own passage instead.
            f"form-{form_index(review, 'drama')}-keep": "",
        },
    )
    editor_client.post(ADD, data)
    claim = Claim.objects.get(source__title="Shop", field="genre", value="drama")
    assert claim.quote_start == PAGE.index("A drama directed")


def test_a_passage_not_in_the_page_is_refused_and_nothing_saved(editor_client):
    review = editor_client.post(ADD, {"text": PAGE})
    extra = review.context["formset"].total_form_count() - 1
    before = Claim.objects.count()
    data = review_data(
        review,
        title="Shop",
        **{
            f"form-{extra}-field": "year",
            f"form-{extra}-value": "1995",
            f"form-{extra}-quote": "released in 1995",
            f"form-{form_index(review, 'Jane Newcomer')}-person": NEW_PERSON,
        },
    )
    again = editor_client.post(ADD, data)
    assert again.status_code == 200
    assert "does not occur" in again.text or "not found" in again.text
    assert Claim.objects.count() == before
    assert not Source.objects.filter(title="Shop").exists()


def test_a_page_about_no_catalogued_film_offers_a_new_film(editor_client):
    review = editor_client.post(ADD, {"text": "Die Hard (1988)\nDirected by John McTiernan.\n"})
    form = review.context["source_form"]
    assert form["film"].value() == "new"
    assert form["new_title"].value() == "Die Hard"
    data = review_data(review, title="Die Hard page")
    data[f"form-{form_index(review, 'John McTiernan')}-person"] = NEW_PERSON
    editor_client.post(ADD, data)
    assert Film.objects.get(title="Die Hard").year == 1988


def test_markup_in_a_page_is_kept_as_text_and_never_rendered(editor_client):
    text = "Red Hot (1993)\n<script>alert('x')</script> <b>bold</b>\n"
    review = editor_client.post(ADD, {"text": text})
    assert "<script>alert" not in review.text
    assert "&lt;script&gt;alert" in review.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Paste the page&#x27;s text, upload a saved page or give its address."),
        ({"text": "x", "url": "https://example.org/"}, "Give the page one way only"),
        ({"url": "file:///etc/passwd"}, "Only http and https addresses can be fetched"),
        ({"url": "http://127.0.0.1:1/"}, "an address of the server&#x27;s own network"),
        ({"text": "x", "film": "no-such-film"}, "No film has the address “no-such-film”."),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(editor_client, data, message):
    before = Source.objects.count()
    response = editor_client.post(ADD, data)
    assert response.status_code == 200
    assert message in response.text
    assert Source.objects.count() == before


def test_a_binary_upload_is_refused(editor_client):
    upload = SimpleUploadedFile("page.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    response = editor_client.post(ADD, {"upload": upload})
    assert response.status_code == 200
    assert "errornote" in response.text
    assert "Check what the page says" not in response.text


def test_an_oversized_upload_is_refused(editor_client, settings):
    settings.PAGE_MAX_BYTES = 100
    upload = SimpleUploadedFile("page.txt", b"Red Hot " * 100)
    response = editor_client.post(ADD, {"upload": upload})
    assert "The file is larger than 100\xa0bytes" in response.text


def test_other_file_kinds_are_refused(editor_client):
    upload = SimpleUploadedFile("page.pdf", b"%PDF-1.4")
    response = editor_client.post(ADD, {"upload": upload})
    assert "File extension “pdf” is not allowed" in response.text


def test_fetching_can_be_turned_off(editor_client, settings):
    settings.PAGE_FETCH = False
    response = editor_client.post(ADD, {"url": "https://example.org/red-hot"})
    assert "This site does not fetch pages" in response.text


class PageHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (
            "<html><head><title>Red Hot | Video Shop</title>"
            '<meta property="article:published_time" content="2008-08-12T10:00:00Z">'
            f"</head><body><pre>{PAGE}</pre>"
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        """The tests' requests are not logged."""


@pytest.fixture
def page_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/red-hot"
    httpd.shutdown()


def test_a_page_is_fetched_from_its_address(editor_client, settings, page_server):
    settings.PAGE_FETCH_PRIVATE = True  # the test's own server is on this machine
    review = editor_client.post(ADD, {"url": page_server})
    form = review.context["source_form"]
    assert form["url"].value() == page_server
    assert "Red Hot" in form["title"].value()
    assert form["retrieved_on"].value() is not None
    assert form["notes"].value() == "The page is dated 2008-08-12."
    assert "Carla Guggino" in form["text"].value()


def test_staff_outside_the_editors_group_cannot_add_pages(client, catalogue_data):
    User.objects.create_user("bob", password="a-long-enough-password", is_staff=True)
    client.login(username="bob", password="a-long-enough-password")
    assert client.get(ADD).status_code == 403


def test_a_page_with_no_film_facts_can_still_be_saved_for_claims_by_hand(editor_client):
    review = editor_client.post(
        ADD, {"text": "Opening hours: nine to five.\n", "film": "/films/red-hot-1993/"}
    )
    assert review.context["proposed"] == 0
    assert "Found 0 claims" in review.text
    editor_client.post(ADD, review_data(review, title="Shop hours"))
    source = Source.objects.get(title="Shop hours")
    assert source.text == "Opening hours: nine to five."
    assert not source.claims.exists()
