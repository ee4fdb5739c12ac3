import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Claim, Film, Person, Source
from catalog.tests.admin_forms import change_form_data
from catalog.tests.builders import make_film

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_hot():
    call_command("loaddata", "red_hot", verbosity=0)
    return Film.objects.get(slug="red-hot-1993")


@pytest.mark.parametrize(
    "model", ["film", "source", "person", "credit", "review", "claim", "genre", "namevariant"]
)
def test_every_model_has_a_working_admin_list_and_search(admin_client, red_hot, model):
    url = reverse(f"admin:catalog_{model}_changelist")

    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "Gugino"}).status_code == 200


def test_film_admin_shows_the_conflicts(admin_client, red_hot):
    response = admin_client.get(reverse("admin:catalog_film_change", args=[red_hot.pk]))

    assert response.status_code == 200
    text = response.text
    assert (
        "<strong>Year</strong> — record: 1993; Red Hot — review and details (TV Guide) says “1995”"
        in text
    )
    assert "Overview, plot and top cast says “Christine”" in text or "says “Christine”" in text
    assert 'id="credits-group"' in text and 'id="claims-group"' in text


def test_film_admin_filters_the_films_with_automatic_fields(admin_client, red_hot):
    imported = make_film(title="Imported", automatic_fields=["title", "year"])
    url = reverse("admin:catalog_film_changelist")

    automatic = admin_client.get(url, {"record": "automatic"}).context["cl"].result_list
    confirmed = admin_client.get(url, {"record": "confirmed"}).context["cl"].result_list

    assert list(automatic) == [imported]
    assert list(confirmed) == [red_hot]
    assert "Confirmed by editors" in admin_client.get(url).text


def test_film_admin_shows_the_automatic_fields_and_what_confirms_them(admin_client, red_hot):
    imported = make_film(title="Imported", automatic_fields=["title", "genres", "cast"])

    response = admin_client.get(reverse("admin:catalog_film_change", args=[imported.pk]))
    kept = admin_client.get(reverse("admin:catalog_film_change", args=[red_hot.pk]))

    assert "Automatic fields" in response.text
    assert "Title, Genre, Cast" in response.text
    assert "Changing the title, year, certificate, runtime or genres here and saving" in (
        response.text
    )
    assert "None: every field is as the editors set it." in kept.text


def test_changing_an_automatic_field_in_the_admin_removes_its_mark_on_the_film_page(
    admin_client, client
):
    film = make_film(title="Imported", year=1994, automatic_fields=["title", "year"])
    assert 'id="field-year"' in client.get(film.get_absolute_url()).text  # cached as it is
    url = reverse("admin:catalog_film_change", args=[film.pk])

    admin_client.post(url, change_form_data(admin_client.get(url), year="1995"))

    text = " ".join(client.get(film.get_absolute_url()).text.split())
    assert "<dd>1995</dd>" in text
    assert '<dd>Imported <span class="status status-automatic"' in text


def test_person_search_finds_a_misspelt_variant(admin_client, red_hot):
    response = admin_client.get(reverse("admin:catalog_person_changelist"), {"q": "Mueller-Stall"})

    assert "Armin Mueller-Stahl" in response.text


def test_admin_refuses_a_claim_whose_quote_is_not_in_the_source(admin_client, red_hot):
    source = Source.objects.get(slug="streaming-listing-red-hot")
    before = Claim.objects.count()

    response = admin_client.post(
        reverse("admin:catalog_claim_add"),
        {
            "source": source.pk,
            "film": red_hot.pk,
            "field": "year",
            "value": "1994",
            "quote": "released in 1994",
            "normalised": "",
            "person": "",
            "character": "",
            "note": "",
        },
    )

    assert response.status_code == 200
    assert "does not occur verbatim" in response.text
    assert Claim.objects.count() == before


def test_admin_film_list_query_count_does_not_grow(
    admin_client, django_assert_max_num_queries, red_hot
):
    with django_assert_max_num_queries(12):
        admin_client.get(reverse("admin:catalog_film_changelist"))
    with django_assert_max_num_queries(12):
        admin_client.get(reverse("admin:catalog_person_changelist"))
    assert Person.objects.count() > 10


def test_claim_and_review_lists_filter_by_source_without_loading_its_text(admin_client, red_hot):
    tv_guide = Source.objects.get(slug="tv-guide-red-hot")
    with CaptureQueriesContext(connection) as queries:
        for model in ("claim", "review"):
            url = reverse(f"admin:catalog_{model}_changelist")
            assert admin_client.get(url).status_code == 200
            filtered = admin_client.get(url, {"source": tv_guide.slug})
            expected = getattr(tv_guide, f"{model}s").count()
            assert filtered.context["cl"].result_count == expected > 0

    # a dataset's text runs to megabytes: a list of its claims reads their source's title only
    assert not [q["sql"] for q in queries if '"catalog_source"."text"' in q["sql"]]


def test_provenance_is_read_only_once_recorded(admin_client, red_hot):
    claim = Claim.objects.filter(film=red_hot).first()
    source = claim.source

    claim_page = admin_client.get(reverse("admin:catalog_claim_change", args=[claim.pk]))
    source_page = admin_client.get(reverse("admin:catalog_source_change", args=[source.pk]))
    film_page = admin_client.get(reverse("admin:catalog_film_change", args=[red_hot.pk]))

    assert 'name="source"' not in claim_page.text and 'name="quote_start"' not in claim_page.text
    assert 'name="text"' not in source_page.text
    assert 'name="claims-0-quote"' not in film_page.text
    assert 'name="claims-0-person"' in film_page.text
