"""Small things a reader or an editor meets: a filter's error announced with its field, and a
source's text over the size limit refused in words."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from catalog.models import Source

pytestmark = pytest.mark.django_db

ADD_FROM_PAGE = reverse("admin:catalog_source_add-from-page")


def test_a_filter_error_is_what_its_field_is_described_by(client):
    text = client.get(reverse("catalog:film-list"), {"year_min": "nineteen"}).text

    field = re.search(r'<input[^>]*name="year_min"[^>]*>', text)
    assert field is not None
    described_by = re.search(r'aria-describedby="([^"]+)"', field.group(0))
    assert described_by is not None
    for id_ in described_by.group(1).split():
        assert f'id="{id_}"' in text, id_
    error = text[text.index(f'id="{described_by.group(1)}"') :]
    assert "Enter a whole number." in error[:200]


@pytest.fixture
def editor_client(client, catalogue_data):
    user = User.objects.create_user("alice", password="a-long-enough-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_a_pasted_page_over_the_limit_is_refused_with_the_limit(editor_client, settings):
    settings.PAGE_MAX_BYTES = 100

    response = editor_client.post(ADD_FROM_PAGE, {"text": "Red Hot " * 100})

    assert response.status_code == 200
    assert "The text is larger than 100\xa0bytes; paste a smaller part of the page." in (
        response.text
    )


def test_a_source_added_by_hand_over_the_limit_is_refused_with_the_limit(editor_client, settings):
    settings.PAGE_MAX_BYTES = 100

    response = editor_client.post(
        reverse("admin:catalog_source_add"),
        {"title": "A long page", "slug": "a-long-page", "kind": "web", "text": "Red Hot " * 100},
    )

    assert response.status_code == 200
    assert "The text is larger than 100\xa0bytes" in response.text
    assert not Source.objects.filter(slug="a-long-page").exists()


def test_a_form_larger_than_the_site_takes_says_so(editor_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = editor_client.post(ADD_FROM_PAGE, {"text": "Red Hot " * 1000})

    assert response.status_code == 413
    text = " ".join(response.text.split())
    assert "<h1>Too large to take</h1>" in text
    assert "The form sent was larger than 1000 bytes, the most this site takes." in text


def test_a_form_with_more_fields_than_the_site_takes_says_so(editor_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10

    response = editor_client.post(ADD_FROM_PAGE, {f"field{n}": "x" for n in range(20)})

    assert response.status_code == 413
    assert "had more than 10 fields" in response.text
