"""Editors' work in the admin: settling conflicts, refused stale saves, history, roles."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape

from catalog.models import Credit, Decision, Film, Person, Source
from catalog.tests.admin_forms import as_opened, change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_hot(catalogue_data):
    return Film.objects.get(slug="red-hot-1993")


@pytest.fixture
def editor():
    user = User.objects.create_user("alice", password="a-long-enough-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def resolve_url(film, key):
    return reverse("admin:catalog_film_resolve", args=[film.pk, key])


def test_film_page_lists_a_resolve_link_per_conflict(editor_client, red_hot):
    response = editor_client.get(reverse("admin:catalog_film_change", args=[red_hot.pk]))

    assert resolve_url(red_hot, "year") in response.text
    assert resolve_url(red_hot, "carla-gugino") in response.text


def test_the_settling_page_leads_back_to_the_list_and_the_film(editor_client, red_hot):
    page = editor_client.get(resolve_url(red_hot, "year")).text
    crumbs = page[page.index('<ol class="breadcrumbs">') : page.index("</ol>")]

    assert f'href="{reverse("admin:catalog_film_changelist")}"' in crumbs
    assert f'href="{reverse("admin:catalog_film_change", args=[red_hot.pk])}"' in crumbs
    assert '<li aria-current="page">Resolve year' in crumbs


def test_resolving_the_year_changes_the_record_and_keeps_the_decision(
    editor_client, editor, red_hot
):
    form = editor_client.get(resolve_url(red_hot, "year")).context["form"]
    choice = next(
        value for value, label in form.fields["choice"].choices if label.startswith("1995")
    )

    response = editor_client.post(
        resolve_url(red_hot, "year"),
        as_opened(form, choice=choice, reason="The TV Guide date is right."),
    )

    assert response.status_code == 302
    red_hot.refresh_from_db()
    assert red_hot.year == 1995
    decision = Decision.objects.get()
    assert (decision.field, decision.value, decision.editor) == ("year", "1995", editor)
    assert {claim.source.slug for claim in decision.claims.all()} == {"tv-guide-red-hot"}
    assert red_hot.history.first().history_change_reason.startswith("Resolved Year")


def test_public_page_shows_the_decision_and_its_reason(client, editor_client, red_hot):
    form = editor_client.get(resolve_url(red_hot, "year")).context["form"]
    choice = next(
        value for value, label in form.fields["choice"].choices if label.startswith("1993")
    )
    editor_client.post(
        resolve_url(red_hot, "year"),
        as_opened(form, choice=choice, reason="Copyright notice: 1993."),
    )

    text = " ".join(client.get(red_hot.get_absolute_url()).text.split())

    assert "chosen by the editors</span> from two sources;" in text
    assert "Red Hot — review and details (TV Guide) says “1995”." in text
    assert "“Copyright notice: 1993.” — an editor" in text


def test_resolving_refuses_a_missing_reason_and_a_bad_value(editor_client, red_hot):
    form = editor_client.get(resolve_url(red_hot, "year")).context["form"]
    no_reason = editor_client.post(
        resolve_url(red_hot, "year"), as_opened(form, choice="0", reason="")
    )
    bad_year = editor_client.post(
        resolve_url(red_hot, "year"), as_opened(form, choice="other", other="soon", reason="B.")
    )

    assert "This field is required." in no_reason.text
    assert "“soon” is not a year." in bad_year.text
    assert not Decision.objects.exists()
    red_hot.refresh_from_db()
    assert red_hot.year == 1993


def test_resolving_a_character_sets_the_credit(editor_client, red_hot):
    form = editor_client.get(resolve_url(red_hot, "colin-buchanan")).context["form"]
    choice = next(
        value for value, label in form.fields["choice"].choices if label.startswith("Vlad ")
    )

    editor_client.post(
        resolve_url(red_hot, "colin-buchanan"),
        as_opened(form, choice=choice, reason="Credits say Vlad."),
    )

    assert Credit.objects.get(film=red_hot, person__slug="colin-buchanan").character == "Vlad"


def test_settling_every_conflict_leaves_none_unresolved(editor_client, red_hot):
    assert red_hot.unresolved_count == red_hot.conflict_count > 0
    form = editor_client.get(resolve_url(red_hot, "year")).context["form"]
    editor_client.post(resolve_url(red_hot, "year"), as_opened(form, choice="0", reason="Settled."))

    red_hot.refresh_from_db()
    assert red_hot.unresolved_count == red_hot.conflict_count - 1
    unresolved = editor_client.get(
        reverse("admin:catalog_film_changelist"), {"conflicts": "unresolved"}
    )
    assert "Red Hot" in unresolved.text


def test_stale_save_is_refused_and_says_what_changed(editor_client, red_hot):
    url = reverse("admin:catalog_film_change", args=[red_hot.pk])
    opened = editor_client.get(url)
    colleague = User.objects.create_user("bob")
    red_hot.year = 1994
    red_hot._history_user = colleague
    red_hot.save()

    response = editor_client.post(url, change_form_data(opened, certificate="PG-13"))

    assert response.status_code == 200
    assert "Someone saved this film after you opened it" in response.text
    assert "bob changed the year from “1993” to “1994”" in response.text
    red_hot.refresh_from_db()
    assert (red_hot.year, red_hot.certificate) == (1994, "PG")


def test_stale_save_is_refused_when_a_credit_changed_meanwhile(editor_client, red_hot):
    url = reverse("admin:catalog_film_change", args=[red_hot.pk])
    opened = editor_client.get(url)
    credit = Credit.objects.get(film=red_hot, person__slug="carla-gugino")
    credit.character = "Valerie"
    credit.save()

    response = editor_client.post(url, change_form_data(opened, year=1995))

    assert "changed the credit “Carla Gugino (Cast as Valerie) in Red Hot (1993)”" in response.text
    red_hot.refresh_from_db()
    assert red_hot.year == 1993


def test_fresh_save_goes_through(editor_client, red_hot):
    url = reverse("admin:catalog_film_change", args=[red_hot.pk])

    response = editor_client.post(url, change_form_data(editor_client.get(url), runtime=96))

    assert response.status_code == 302
    red_hot.refresh_from_db()
    assert red_hot.runtime == 96


def test_history_shows_a_field_level_diff_and_reverts(editor_client, red_hot):
    url = reverse("admin:catalog_film_change", args=[red_hot.pk])
    editor_client.post(url, change_form_data(editor_client.get(url), runtime=96))
    history_url = reverse("admin:catalog_film_history", args=[red_hot.pk])

    history = editor_client.get(history_url)
    assert "runtime (minutes)" in history.text.lower() and "96" in history.text
    first = red_hot.history.earliest()
    revert_url = reverse("admin:catalog_film_simple_history", args=[red_hot.pk, first.history_id])
    editor_client.post(revert_url, change_form_data(editor_client.get(revert_url)))

    red_hot.refresh_from_db()
    assert red_hot.runtime == 95


def test_editors_can_change_records_but_not_delete_sources(editor):
    assert editor.has_perm("catalog.change_film")
    assert editor.has_perm("catalog.change_claim")
    assert editor.has_perm("catalog.add_decision")
    assert not editor.has_perm("catalog.delete_source")
    assert not editor.has_perm("auth.change_user")


def test_staff_outside_the_editors_group_cannot_change_records(client, red_hot):
    staff = User.objects.create_user("visitor", password="x", is_staff=True)
    client.force_login(staff)

    change = client.get(reverse("admin:catalog_film_change", args=[red_hot.pk]))
    resolve = client.get(resolve_url(red_hot, "year"))

    assert change.status_code == 403
    assert resolve.status_code == 403


def test_create_editor_command(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-long-enough-password")

    call_command("create_editor", "carol", stdout=None)

    carol = User.objects.get(username="carol")
    assert carol.is_staff and not carol.is_superuser
    assert carol.groups.filter(name="Editors").exists()
    with pytest.raises(CommandError, match="already a user"):
        call_command("create_editor", "carol")


def test_create_editor_gives_the_name_readers_see(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-long-enough-password")

    call_command("create_editor", "dmc_1", "--name", " Dorothée Müller-Chen ", stdout=None)

    assert User.objects.get(username="dmc_1").get_full_name() == "Dorothée Müller-Chen"


def test_admin_search_finds_a_film_by_a_misspelt_person_and_by_source(editor_client, red_hot):
    url = reverse("admin:catalog_film_changelist")

    assert "Red Hot" in editor_client.get(url, {"q": "Mueller-Stall"}).text
    assert "Red Hot" in editor_client.get(url, {"q": "TV Guide"}).text
    assert "0 films" in editor_client.get(url, {"q": "Casablanca"}).text


def test_source_filter_and_person_autocomplete(editor_client, red_hot):
    films = editor_client.get(
        reverse("admin:catalog_film_changelist"), {"source": "tv-guide-red-hot"}
    )
    people = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "catalog", "model_name": "credit", "field_name": "person", "term": "Gugino"},
    )

    assert "Red Hot" in films.text
    assert [r["text"] for r in people.json()["results"]] == ["Carla Gugino"]
    assert Person.objects.count() > 1 and Source.objects.count() == 3


def test_settling_a_conflict_on_a_film_saved_meanwhile_is_refused(editor_client, red_hot):
    form = editor_client.get(resolve_url(red_hot, "year")).context["form"]
    choice = next(v for v, label in form.fields["choice"].choices if label.startswith("1995"))
    change = reverse("admin:catalog_film_change", args=[red_hot.pk])
    editor_client.post(change, change_form_data(editor_client.get(change), tagline="Hot."))

    response = editor_client.post(
        resolve_url(red_hot, "year"), as_opened(form, choice=choice, reason="TV Guide.")
    )

    assert response.status_code == 200
    assert "Someone saved this film after you opened it" in response.text
    assert "changed the tagline" in response.text
    assert not Decision.objects.exists()
    red_hot.refresh_from_db()
    assert (red_hot.year, red_hot.tagline) == (1993, "Hot.")


def test_a_revert_brings_the_films_counts_back_with_its_record(editor_client, red_hot):
    url = reverse("admin:catalog_film_change", args=[red_hot.pk])
    before = red_hot.conflict_count
    editor_client.post(url, change_form_data(editor_client.get(url), runtime=96))
    red_hot.refresh_from_db()
    assert red_hot.conflict_count == before + 1, "no source says 96 minutes"
    first = red_hot.history.earliest()
    revert_url = reverse("admin:catalog_film_simple_history", args=[red_hot.pk, first.history_id])

    editor_client.post(revert_url, change_form_data(editor_client.get(revert_url)))

    red_hot.refresh_from_db()
    assert (red_hot.runtime, red_hot.conflict_count) == (95, before)


def test_a_claim_moved_to_another_film_leaves_the_first_films_page_at_once(
    editor_client, client, red_hot
):
    other = Film.objects.create(title="Red Heat", slug="red-heat-1988", year=1988)
    claim = red_hot.claims.filter(field="year", value="1995").first()
    link = escape(claim.get_absolute_url())
    assert link in client.get(red_hot.get_absolute_url()).text  # and the page is now cached
    url = reverse("admin:catalog_claim_change", args=[claim.pk])

    moved = editor_client.post(url, change_form_data(editor_client.get(url), film=other.pk))

    assert moved.status_code == 302
    assert link not in client.get(red_hot.get_absolute_url()).text
    assert link in client.get(other.get_absolute_url()).text
