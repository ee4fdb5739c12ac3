"""Merging films from the admin: the film list's action, the page that asks which film to keep,
the possible duplicates' links to it, and the addresses and history it leaves."""

import pytest
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse

from catalog.merging import merge_films
from catalog.models import AUTOMATIC_FIELDS, DuplicateStatus, Film, FilmRedirect, PossibleDuplicate
from catalog.tests.builders import make_claim
from catalog.tests.film_merges import source_with

pytestmark = pytest.mark.django_db


def changelist():
    return reverse("admin:catalog_film_changelist")


def test_merge_action_with_fewer_than_two_selected_shows_an_error(admin_client, films):
    keep, _ = films

    response = admin_client.post(
        changelist(),
        {"action": "merge_films", "_selected_action": [keep.pk], "index": 0},
        follow=True,
    )

    assert "Select at least two films to merge." in response.text
    assert Film.objects.count() == 2


def test_merge_action_asks_which_film_to_keep_the_one_kept_by_hand_first(admin_client, films):
    keep, duplicate = films
    Film.objects.filter(pk=duplicate.pk).update(automatic_fields=AUTOMATIC_FIELDS, source_count=3)

    response = admin_client.post(
        changelist(),
        {"action": "merge_films", "_selected_action": [duplicate.pk, keep.pk], "index": 0},
    )

    assert response.status_code == 200
    assert response.templates[0].name == "admin/catalog/film/merge_films.html"
    text = response.text
    assert f'value="{keep.pk}" checked' in text
    assert "red-hot-1993-2" in text and "kept by hand" in text and "8 automatic fields" in text
    assert "redirect permanently" in text and 'name="post" value="yes"' in text
    assert Film.objects.count() == 2, "nothing happens before the editor confirms"


def test_confirming_the_merge_merges_and_says_what_was_done(admin_client, admin_user, films):
    keep, duplicate = films
    make_claim(source_with(), duplicate)

    response = admin_client.post(
        changelist(),
        {
            "action": "merge_films",
            "_selected_action": [keep.pk, duplicate.pk],
            "post": "yes",
            "keep": keep.pk,
        },
        follow=True,
    )

    assert not Film.objects.filter(pk=duplicate.pk).exists()
    assert (
        "Merged Red Hot (1993) into Red Hot (1993): 1 claim moved; "
        "/films/red-hot-1993-2/ now redirects."
    ) in response.text
    assert Film.history.get(id=duplicate.pk, history_type="-").history_user == admin_user


def test_merge_action_is_offered_only_to_who_may_change_and_delete_films(
    client, django_user_model, films
):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    client.force_login(editor)
    keep, duplicate = films
    merge_page = f"{reverse('admin:catalog_film_merge')}?ids={keep.pk},{duplicate.pk}"

    def offered_with(*codenames):
        editor.user_permissions.set(Permission.objects.filter(codename__in=codenames))
        return 'value="merge_films"' in client.get(changelist()).text

    assert not offered_with("view_film", "change_film")
    assert client.get(merge_page).status_code == 403
    assert not offered_with("view_film", "delete_film")
    assert offered_with("view_film", "change_film", "delete_film")
    assert client.get(merge_page).status_code == 200


def test_a_possible_duplicate_links_to_the_merge_of_its_films(admin_client, films):
    keep, duplicate = films
    pair = PossibleDuplicate.objects.create(film_a=keep, film_b=duplicate, score=0.7, reason="x")
    merge_page = f"{reverse('admin:catalog_film_merge')}?ids={keep.pk},{duplicate.pk}"

    listing = admin_client.get(reverse("admin:catalog_possibleduplicate_changelist"))
    page = admin_client.get(merge_page)
    admin_client.post(
        changelist(),
        {
            "action": "merge_films",
            "_selected_action": [keep.pk, duplicate.pk],
            "post": "yes",
            "keep": keep.pk,
        },
    )
    again = admin_client.get(merge_page, follow=True)

    assert merge_page.replace(",", "%2C") in listing.text or merge_page in listing.text
    assert "Merge these films…" in listing.text
    assert page.status_code == 200 and "Which film to keep?" in page.text
    assert f'action="{changelist()}"' in page.text
    assert not PossibleDuplicate.objects.filter(pk=pair.pk).exists(), "settled"
    assert "someone may have merged them already" in again.text


def test_a_pair_judged_different_offers_no_merge(admin_client, films):
    keep, duplicate = films
    PossibleDuplicate.objects.create(
        film_a=keep, film_b=duplicate, score=0.7, reason="x", status=DuplicateStatus.DIFFERENT
    )

    listing = admin_client.get(reverse("admin:catalog_possibleduplicate_changelist"))

    assert "Merge these films…" not in listing.text


def test_a_slug_changed_in_the_admin_leaves_a_redirect(admin_client, client, catalogue_data):
    from catalog.tests.admin_forms import change_form_data

    red_hot = Film.objects.get(slug="red-hot-1993")
    url = reverse("admin:catalog_film_change", args=[red_hot.pk])

    admin_client.post(url, change_form_data(admin_client.get(url), slug="red-hot"))

    assert Film.objects.get(pk=red_hot.pk).slug == "red-hot"
    response = client.get("/films/red-hot-1993/")
    assert response.status_code == 301 and response["Location"] == "/films/red-hot/"
    listed = admin_client.get(reverse("admin:catalog_filmredirect_changelist"))
    assert "red-hot-1993" in listed.text
    assert admin_client.get(reverse("admin:catalog_filmredirect_add")).status_code == 403


def test_a_film_restored_from_its_history_takes_its_address_back(admin_client, films):
    from catalog.tests.admin_forms import change_form_data

    keep, duplicate = films
    merge_films(keep, [duplicate])
    deleted = Film.history.get(id=duplicate.pk, history_type="-")
    revert = reverse("admin:catalog_film_simple_history", args=[duplicate.pk, deleted.history_id])

    response = admin_client.post(revert, change_form_data(admin_client.get(revert)))

    assert response.status_code == 302
    assert Film.objects.get(pk=duplicate.pk).slug == "red-hot-1993-2"
    assert not FilmRedirect.objects.filter(Q(old_slug="red-hot-1993-2")).exists()
