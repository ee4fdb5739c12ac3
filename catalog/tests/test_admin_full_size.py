"""The film admin at full size: a film with thousands of claims and over a hundred credits opens
quickly and can be saved, its inlines bounded, the rest a link away."""

import pytest
from django.conf import settings
from django.urls import reverse

from catalog.models import Claim, Credit, Field, Film, Person, Role
from catalog.tests.admin_forms import change_form_data
from catalog.tests.builders import make_film, make_source

pytestmark = pytest.mark.django_db

CLAIMS, CREDITS = 600, 140
# Django's own default: a film's form stays under it whatever the film's size.
DJANGO_DEFAULT_FIELD_LIMIT = 1000


@pytest.fixture
def big_film() -> Film:
    """A film with more claims and credits than its change form shows."""
    film = make_film(title="The Longest Day", year=1962)
    people = Person.objects.bulk_create(
        Person(name=f"Soldier {n}", slug=f"soldier-{n}") for n in range(CREDITS)
    )
    Credit.objects.bulk_create(
        Credit(film=film, person=person, role=Role.CAST, billing=n)
        for n, person in enumerate(people)
    )
    lines = [f"Soldier {n % CREDITS} as Private {n}" for n in range(CLAIMS)]
    source = make_source(text="\n".join(lines))
    position, claims = 0, []
    for n, line in enumerate(lines):
        claims.append(
            Claim(
                source=source,
                film=film,
                field=Field.CAST,
                value=f"Soldier {n % CREDITS}",
                person=people[n % CREDITS],
                character=f"Private {n}",
                quote=line,
                quote_start=position,
            )
        )
        position += len(line) + 1
    Claim.objects.bulk_create(claims)
    return film


def change_url(film: Film) -> str:
    return reverse("admin:catalog_film_change", args=[film.pk])


def test_the_change_form_shows_a_bounded_number_of_claims_and_credits(admin_client, big_film):
    response = admin_client.get(change_url(big_film))

    formsets = {
        inline.formset.prefix: inline.formset
        for inline in response.context["inline_admin_formsets"]
    }
    assert len(formsets["claims"].forms) == 50
    assert len(formsets["credits"].forms) == 100
    text = response.text
    claims = reverse("admin:catalog_claim_changelist") + f"?film__id__exact={big_film.pk}"
    credits = reverse("admin:catalog_credit_changelist") + f"?film__id__exact={big_film.pk}"
    assert f'Showing 50 of this film\'s {CLAIMS} claims: <a href="{claims}">' in text
    assert f'Showing 100 of this film\'s {CREDITS} credits: <a href="{credits}">' in text


def test_the_linked_lists_hold_every_claim_and_credit_of_the_film(admin_client, big_film):
    other = make_film(title="Another")
    Credit.objects.create(film=other, person=Person.objects.first(), role=Role.CAST)

    claims = admin_client.get(
        reverse("admin:catalog_claim_changelist"), {"film__id__exact": big_film.pk}
    )
    credits = admin_client.get(
        reverse("admin:catalog_credit_changelist"), {"film__id__exact": big_film.pk}
    )

    assert claims.context["cl"].result_count == CLAIMS
    assert credits.context["cl"].result_count == CREDITS


def test_a_film_with_every_inline_row_it_shows_can_be_saved(admin_client, big_film):
    opened = admin_client.get(change_url(big_film))
    data = change_form_data(opened, title="The Longest Day (1962)")
    shown = opened.context["inline_admin_formsets"][1].formset.forms[3].instance
    data["claims-3-note"] = "Checked against the credits."

    # What a browser posts: far fewer fields than even Django's default limit allows.
    assert len(data) < DJANGO_DEFAULT_FIELD_LIMIT <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    response = admin_client.post(change_url(big_film), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    big_film.refresh_from_db()
    assert big_film.title == "The Longest Day (1962)"
    shown.refresh_from_db()
    assert shown.note == "Checked against the credits."
    assert big_film.claims.count() == CLAIMS and big_film.credits.count() == CREDITS
