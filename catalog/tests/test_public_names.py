"""Public pages name the editor behind a decision by their name, never by their login."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from catalog.models import Film
from catalog.tests.admin_forms import as_opened

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_hot(catalogue_data) -> Film:
    return Film.objects.get(slug="red-hot-1993")


def settle_the_year(client, film: Film, editor: User) -> str:
    """The film page's text once `editor` has settled the year on 1993."""
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    url = reverse("admin:catalog_film_resolve", args=[film.pk, "year"])
    form = client.get(url).context["form"]
    choice = next(
        value for value, label in form.fields["choice"].choices if label.startswith("1993")
    )
    client.post(url, as_opened(form, choice=choice, reason="Copyright notice: 1993."))
    client.logout()
    return " ".join(client.get(film.get_absolute_url()).text.split())


def test_a_decision_names_its_editor_by_their_name(client, red_hot):
    editor = User.objects.create_user(
        "alice_m_2024", first_name="Alice", last_name="Martin", is_staff=True
    )

    text = settle_the_year(client, red_hot, editor)

    assert "“Copyright notice: 1993.” — Alice Martin," in text
    assert "alice_m_2024" not in text


def test_an_editor_without_a_name_is_an_editor(client, red_hot):
    editor = User.objects.create_user("bob_admin", is_staff=True)

    text = settle_the_year(client, red_hot, editor)

    assert "“Copyright notice: 1993.” — an editor," in text
    assert "bob_admin" not in text
