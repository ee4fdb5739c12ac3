"""Merging duplicate people: the domain function, the old addresses, and the admin action."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from catalog.counts import refresh_counts
from catalog.merging import merge_people
from catalog.models import (
    Claim,
    Credit,
    Decision,
    Field,
    Film,
    NameVariant,
    Person,
    PersonRedirect,
    Role,
)
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source

pytestmark = pytest.mark.django_db

TEXT = "Uncle Dimitri (Armin Mueller-Stall) smuggles in records; Armin Mueller-Stahl as Dimitri."


@pytest.fixture
def armins():
    """The person on the record and a duplicate a source made by misspelling him."""
    keep = Person.objects.create(name="Armin Mueller-Stahl", slug="armin-mueller-stahl")
    duplicate = Person.objects.create(name="Armin Mueller-Stall", slug="armin-mueller-stall")
    return keep, duplicate


def cast_claim(source, film, person, value):
    return make_claim(source, film, field=Field.CAST, value=value, person=person)


def test_credits_claims_decisions_and_variants_move_to_the_person_kept(armins):
    keep, duplicate = armins
    film, other_film = make_film(), make_film()
    source = make_source(text=TEXT)
    credit = make_credit(film, duplicate, character="Dimitri")
    claim = cast_claim(source, film, duplicate, "Armin Mueller-Stall")
    decision = Decision.objects.create(
        film=film, field=Field.CAST, person=duplicate, value="Dimitri", reason="Two sources agree."
    )
    variant = NameVariant.objects.create(person=duplicate, name="A. Mueller-Stall")
    make_credit(other_film, keep, role=Role.DIRECTOR)

    result = merge_people(keep, [duplicate])

    for moved in (credit, claim, decision, variant):
        moved.refresh_from_db()
        assert moved.person == keep
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert (result.credits_moved, result.claims_moved, result.decisions_moved) == (1, 1, 1)
    assert result.variants_moved == 2, "the moved variant and the merged name"
    assert result.duplicates_dropped == 0
    assert keep.credits.count() == 2


def test_the_merged_name_becomes_a_variant_of_the_person_kept(armins):
    keep, duplicate = armins

    merge_people(keep, [duplicate])

    assert list(keep.variants.values_list("name", flat=True)) == ["Armin Mueller-Stall"]


def test_a_variant_the_person_kept_already_has_is_not_duplicated(armins):
    keep, duplicate = armins
    NameVariant.objects.create(person=keep, name="Armin Mueller-Stall")
    NameVariant.objects.create(person=duplicate, name="Armin Mueller-Stahl")

    result = merge_people(keep, [duplicate])

    assert list(keep.variants.values_list("name", flat=True)) == ["Armin Mueller-Stall"]
    assert result.variants_moved == 0
    assert result.duplicates_dropped == 1


def test_a_credit_the_person_kept_already_has_is_dropped_not_duplicated(armins):
    keep, duplicate = armins
    film = make_film()
    kept_credit = make_credit(film, keep, character="Dimitri", billing=3)
    make_credit(film, duplicate, character="Dimitri", billing=9)
    make_credit(film, duplicate, role=Role.WRITER)

    result = merge_people(keep, [duplicate])

    credits = Credit.objects.filter(film=film)
    assert credits.count() == 2
    assert set(credits.values_list("person", flat=True)) == {keep.pk}
    assert credits.get(role=Role.CAST) == kept_credit
    assert (result.credits_moved, result.duplicates_dropped) == (1, 1)


def test_several_people_merge_at_once(armins):
    keep, duplicate = armins
    third = make_person("Armin Müller-Stahl")
    film = make_film()
    make_credit(film, duplicate, character="Dimitri")
    make_credit(film, third, character="Dimitri")

    result = merge_people(keep, [duplicate, third])

    assert Credit.objects.get(film=film).person == keep
    assert result.duplicates_dropped == 1
    assert set(keep.variants.values_list("name", flat=True)) == {
        "Armin Mueller-Stall",
        "Armin Müller-Stahl",
    }
    assert set(PersonRedirect.objects.values_list("old_slug", flat=True)) == {
        duplicate.slug,
        third.slug,
    }


def test_chains_of_redirects_collapse_onto_the_person_kept(armins):
    keep, duplicate = armins
    older = make_person("Armin Muller Stall")
    merge_people(duplicate, [older])
    assert PersonRedirect.objects.get(old_slug=older.slug).person == duplicate

    merge_people(keep, [duplicate])

    assert dict(PersonRedirect.objects.values_list("old_slug", "person")) == {
        older.slug: keep.pk,
        duplicate.slug: keep.pk,
    }


def test_the_old_address_answers_301_to_the_person_kept(client, armins):
    keep, duplicate = armins
    merge_people(keep, [duplicate])

    response = client.get("/people/armin-mueller-stall/")

    assert response.status_code == 301
    assert response["Location"] == "/people/armin-mueller-stahl/"
    page = client.get(response["Location"])
    assert "“Armin Mueller-Stall”" in page.text


def test_an_address_no_one_had_is_still_not_found(client, armins):
    assert client.get("/people/armin-mueller-stal/").status_code == 404


def test_merging_is_atomic_a_failure_midway_changes_nothing(armins, monkeypatch):
    keep, duplicate = armins
    film = make_film()
    credit = make_credit(film, duplicate, character="Dimitri")
    claim = cast_claim(make_source(text=TEXT), film, duplicate, "Armin Mueller-Stall")
    version = Film.objects.get(pk=film.pk).version

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away after the credits moved")

    monkeypatch.setattr(Claim, "save", fail)
    with pytest.raises(RuntimeError):
        merge_people(keep, [duplicate])

    credit.refresh_from_db()
    claim.refresh_from_db()
    assert credit.person == duplicate, "the credit moved first, and its move was undone"
    assert claim.person == duplicate
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert not keep.variants.exists()
    assert not PersonRedirect.objects.exists()
    assert Film.objects.get(pk=film.pk).version == version


def test_merging_a_person_into_themselves_is_refused(armins):
    keep, duplicate = armins

    with pytest.raises(ValueError, match="into themselves"):
        merge_people(keep, [duplicate, keep])

    assert Person.objects.count() == 2


def test_merging_nobody_is_refused(armins):
    keep, _ = armins

    with pytest.raises(ValueError, match="at least one person"):
        merge_people(keep, [])


def test_history_records_each_change_with_the_reason_and_the_editor(armins, django_user_model):
    keep, duplicate = armins
    editor = django_user_model.objects.create_user("editor")
    film = make_film()
    credit = make_credit(film, duplicate, character="Dimitri")
    claim = cast_claim(make_source(text=TEXT), film, duplicate, "Armin Mueller-Stall")

    merge_people(keep, [duplicate], editor=editor)

    reason = "Merged Armin Mueller-Stall into Armin Mueller-Stahl"
    for record in (
        Credit.history.filter(id=credit.pk).latest(),
        Claim.history.filter(id=claim.pk).latest(),
        NameVariant.history.get(name="Armin Mueller-Stall"),
        Person.history.get(id=duplicate.pk, history_type="-"),
    ):
        assert record.history_change_reason == reason
        assert record.history_user == editor
    assert Credit.history.filter(id=credit.pk).latest().person_id == keep.pk


def test_merging_raises_the_films_version_and_refreshes_its_counts(catalogue_data):
    keep = Person.objects.get(slug="armin-mueller-stahl")
    film = Film.objects.get(slug="red-hot-1993")
    conflicts = film.conflict_count
    # As if a source had saved the misspelling as a person of its own.
    keep.variants.filter(name="Armin Mueller-Stall").delete()
    duplicate = Person.objects.create(name="Armin Mueller-Stall", slug="armin-mueller-stall")
    claim = Claim.objects.get(film=film, person=keep, value="Armin Mueller-Stall")
    claim.person = duplicate
    claim.save()
    refresh_counts(Film.objects.filter(pk=film.pk))
    assert Film.objects.get(pk=film.pk).conflict_count != conflicts, "the duplicate's own cast row"
    version = Film.objects.get(pk=film.pk).version

    merge_people(keep, [duplicate])

    film.refresh_from_db()
    assert film.version > version
    assert film.conflict_count == conflicts


# The admin action.


def changelist():
    return reverse("admin:catalog_person_changelist")


def test_merge_action_with_fewer_than_two_selected_shows_an_error(admin_client, armins):
    keep, _ = armins

    response = admin_client.post(
        changelist(),
        {"action": "merge_people", "_selected_action": [keep.pk], "index": 0},
        follow=True,
    )

    assert "Select at least two people to merge." in response.text
    assert Person.objects.count() == 2


def test_merge_action_asks_which_person_to_keep(admin_client, armins):
    keep, duplicate = armins
    make_credit(make_film(), keep, character="Dimitri")
    NameVariant.objects.create(person=keep, name="A. Mueller-Stahl")

    response = admin_client.post(
        changelist(),
        {"action": "merge_people", "_selected_action": [duplicate.pk, keep.pk], "index": 0},
    )

    assert response.status_code == 200
    assert response.templates[0].name == "admin/catalog/person/merge_people.html"
    text = response.text
    assert "Armin Mueller-Stahl" in text and "Armin Mueller-Stall" in text
    assert "A. Mueller-Stahl" in text
    assert f'value="{keep.pk}" checked' in text, "the person with most credits is the default"
    assert "redirect permanently" in text
    assert 'name="post" value="yes"' in text
    assert "No, take me back" in text
    assert Person.objects.count() == 2, "nothing happens before the editor confirms"


def test_confirming_the_merge_merges_and_says_what_was_done(admin_client, admin_user, armins):
    keep, duplicate = armins
    film = make_film()
    make_credit(film, duplicate, character="Dimitri")
    cast_claim(make_source(text=TEXT), film, duplicate, "Armin Mueller-Stall")

    response = admin_client.post(
        changelist(),
        {
            "action": "merge_people",
            "_selected_action": [keep.pk, duplicate.pk],
            "post": "yes",
            "keep": keep.pk,
        },
        follow=True,
    )

    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert keep.credits.count() == 1 and keep.claims.count() == 1
    assert (
        "Merged Armin Mueller-Stall into Armin Mueller-Stahl: 1 credit, 1 claim, "
        "1 name variant moved; /people/armin-mueller-stall/ now redirects."
    ) in response.text
    assert Person.history.get(id=duplicate.pk, history_type="-").history_user == admin_user


def test_merge_action_is_offered_only_to_who_may_change_and_delete_people(
    client, django_user_model, armins
):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    client.force_login(editor)

    def offered_with(*codenames):
        editor.user_permissions.set(Permission.objects.filter(codename__in=codenames))
        return 'value="merge_people"' in client.get(changelist()).text

    assert not offered_with("view_person", "change_person")
    assert not offered_with("view_person", "delete_person")
    assert offered_with("view_person", "change_person", "delete_person")


def test_person_redirects_are_listed_in_the_admin_but_not_made_by_hand(admin_client, armins):
    keep, duplicate = armins
    merge_people(keep, [duplicate])

    response = admin_client.get(reverse("admin:catalog_personredirect_changelist"), {"q": "stall"})

    assert "armin-mueller-stall" in response.text
    assert admin_client.get(reverse("admin:catalog_personredirect_add")).status_code == 403
