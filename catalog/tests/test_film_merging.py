"""Merging films (catalog.merging.films): what moves, what the kept record keeps, the old
addresses, history, and the film admin's action."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog import search
from catalog.merging import merge_films, record_old_address
from catalog.models import (
    AUTOMATIC_FIELDS,
    Claim,
    Credit,
    Decision,
    DuplicateStatus,
    Field,
    Film,
    FilmRedirect,
    Genre,
    PossibleDuplicate,
    Review,
    Role,
    SourceAgreement,
)
from catalog.tests.builders import (
    make_claim,
    make_credit,
    make_film,
    make_person,
    make_review,
    make_source,
)

pytestmark = pytest.mark.django_db

TEXT = "Red Hot (1993), 95 min, rated PG. Directed by Paul Haggis. Carla Gugino as Valentina."


@pytest.fixture
def films():
    """The film editors keep and a duplicate of it, each with a source of its own."""
    keep = make_film(title="Red Hot", slug="red-hot-1993", year=1993)
    duplicate = make_film(title="Red Hot", slug="red-hot-1993-2", year=1993)
    return keep, duplicate


def source_with(text=TEXT):
    return make_source(text=text)


def test_claims_reviews_decisions_credits_and_genres_move_to_the_film_kept(films):
    keep, duplicate = films
    source = source_with()
    claim = make_claim(source, duplicate, field=Field.YEAR, value="1993")
    review = make_review(source, duplicate)
    decision = Decision.objects.create(
        film=duplicate, field=Field.YEAR, value="1993", reason="The sources agree."
    )
    gugino = make_person("Carla Gugino")
    credit = make_credit(duplicate, gugino, character="Valentina")
    drama = Genre.objects.create(name="Drama", slug="drama")
    duplicate.genres.add(drama)

    result = merge_films(keep, [duplicate])

    for moved in (claim, review, decision, credit):
        moved.refresh_from_db()
        assert moved.film_id == keep.pk
    assert list(keep.genres.all()) == [drama]
    assert not Film.objects.filter(pk=duplicate.pk).exists()
    assert (result.claims_moved, result.reviews_moved, result.decisions_moved) == (1, 1, 1)
    assert (result.credits_moved, result.genres_added, result.duplicates_dropped) == (1, 1, 0)
    assert SourceAgreement.objects.filter(film=keep, source=source).exists(), "agreements too"


def test_a_credit_the_kept_film_has_is_dropped_and_the_others_billed_after_its_own(films):
    keep, duplicate = films
    haggis, gugino, stahl = (make_person(n) for n in ("Paul Haggis", "Carla Gugino", "Armin"))
    make_credit(keep, haggis, role=Role.DIRECTOR)
    kept_gugino = make_credit(keep, gugino, character="Valentina", billing=1)
    make_credit(duplicate, haggis, role=Role.DIRECTOR)
    make_credit(duplicate, gugino, billing=1)  # no character: the kept one says more
    make_credit(duplicate, stahl, character="Uncle Dimitri", billing=2)

    result = merge_films(keep, [duplicate])

    cast = list(keep.credits.filter(role=Role.CAST).values_list("person", "character", "billing"))
    assert cast == [(gugino.pk, "Valentina", 1), (stahl.pk, "Uncle Dimitri", 2)]
    assert keep.credits.filter(role=Role.DIRECTOR).count() == 1
    assert Credit.objects.filter(person=gugino).get() == kept_gugino
    assert (result.credits_moved, result.duplicates_dropped) == (1, 2)


def test_a_review_by_a_source_that_reviewed_the_kept_film_is_dropped(films):
    keep, duplicate = films
    source = source_with()
    kept_review = make_review(source, keep, excerpt="Red Hot (1993)")
    make_review(source, duplicate, excerpt="95 min")

    result = merge_films(keep, [duplicate])

    assert list(Review.objects.all()) == [kept_review]
    assert result.duplicates_dropped == 1


def test_the_kept_record_wins_where_it_has_a_value_of_its_own(films):
    keep, duplicate = films
    Film.objects.filter(pk=keep.pk).update(runtime=96, certificate="R", tagline="Rock on.")
    Film.objects.filter(pk=duplicate.pk).update(runtime=95, certificate="PG", tagline="Banned.")
    source = source_with()
    make_claim(source, duplicate, field=Field.RUNTIME, value="95 min")
    make_claim(source_with(), duplicate, field=Field.CERTIFICATE, value="PG", quote="rated PG")

    result = merge_films(keep, [duplicate])

    keep.refresh_from_db()
    assert (keep.runtime, keep.certificate, keep.tagline) == (96, "R", "Rock on.")
    assert result.fields_filled == []


def test_blank_and_automatic_fields_take_a_value_only_where_the_consensus_supports_it():
    keep = make_film(title="Red Hot", year=None, automatic_fields=["runtime", "certificate"])
    Film.objects.filter(pk=keep.pk).update(runtime=100, certificate="R")
    keep.refresh_from_db()
    duplicate = make_film(
        title="Red Hot", year=1993, runtime=95, certificate="PG-13", synopsis="A rock band."
    )
    for _ in range(2):
        source = source_with()
        make_claim(source, duplicate, field=Field.YEAR, value="1993")
        make_claim(source, duplicate, field=Field.RUNTIME, value="95 min")
        make_claim(source, keep, field=Field.CERTIFICATE, value="PG", quote="rated PG")

    result = merge_films(keep, [duplicate])

    keep.refresh_from_db()
    assert keep.year == 1993, "blank, and the sources say 1993"
    assert keep.runtime == 95, "automatic, and the sources say 95"
    assert keep.certificate == "R", "automatic, but the sources say PG, not PG-13"
    assert keep.synopsis == "", "no consensus compares synopses"
    assert sorted(result.fields_filled) == ["runtime", "year"]
    assert keep.automatic_fields == ["certificate"], "the runtime came from a film kept by hand"


def test_a_value_filled_from_an_automatic_field_stays_automatic():
    keep = make_film(title="Titanic", automatic_fields=list(AUTOMATIC_FIELDS))
    duplicate = make_film(title="Titanic", year=1997, automatic_fields=list(AUTOMATIC_FIELDS))
    make_claim(source_with("Titanic (1997)"), duplicate, field=Field.YEAR, value="1997")

    merge_films(keep, [duplicate])

    keep.refresh_from_db()
    assert keep.year == 1997
    assert keep.automatic_fields == AUTOMATIC_FIELDS


def test_the_kept_films_counts_consensus_and_search_text_follow(films):
    keep, duplicate = films
    source = source_with()
    make_claim(source, duplicate, field=Field.YEAR, value="1993")
    make_claim(source, duplicate, field=Field.RUNTIME, value="95 min")
    haggis = make_person("Paul Haggis")
    make_claim(source, duplicate, field=Field.DIRECTOR, value="Paul Haggis", person=haggis)
    version = Film.objects.get(pk=keep.pk).version

    merge_films(keep, [duplicate])

    keep.refresh_from_db()
    assert keep.source_count == 1 and keep.version > version
    assert keep.consensus.filter(field=Field.RUNTIME, normalised="95").exists()
    assert list(search.matching(Film.objects.all(), "haggis")) == [keep]


def test_the_old_addresses_answer_301_to_the_film_kept(client, films):
    keep, duplicate = films

    merge_films(keep, [duplicate])

    page = client.get("/films/red-hot-1993-2/")
    assert page.status_code == 301 and page["Location"] == "/films/red-hot-1993/"
    export = client.get("/films/red-hot-1993-2/export.json")
    assert export.status_code == 301
    assert export["Location"] == "/films/red-hot-1993/export.json"
    assert client.get(page["Location"]).status_code == 200
    assert client.get("/films/red-hot-1993-3/").status_code == 404


def test_chains_of_redirects_collapse_onto_the_film_kept(films):
    keep, duplicate = films
    older = make_film(title="Red Hot")
    merge_films(duplicate, [older])
    assert FilmRedirect.objects.get(old_slug=older.slug).film == duplicate

    merge_films(keep, [duplicate])

    assert dict(FilmRedirect.objects.values_list("old_slug", "film")) == {
        older.slug: keep.pk,
        duplicate.slug: keep.pk,
    }


def test_a_changed_slug_answers_301_and_an_address_taken_back_is_the_films_again(client, films):
    keep, _ = films
    keep.slug = "red-hot"
    keep.save()
    record_old_address(keep, "red-hot-1993")

    assert client.get("/films/red-hot-1993/")["Location"] == "/films/red-hot/"

    keep.slug = "red-hot-1993"
    keep.save()
    record_old_address(keep, "red-hot")
    assert list(FilmRedirect.objects.values_list("old_slug", flat=True)) == ["red-hot"]
    assert client.get("/films/red-hot-1993/").status_code == 200


def test_possible_duplicates_between_the_films_are_settled_and_others_carried_over(films):
    keep, duplicate = films
    third, other = make_film(title="Red Hot"), make_film(title="Red Hot Mama")
    PossibleDuplicate.objects.create(film_a=keep, film_b=duplicate, score=0.9, reason="x")
    PossibleDuplicate.objects.create(film_a=duplicate, film_b=third, score=0.8, reason="y")
    PossibleDuplicate.objects.create(film_a=keep, film_b=other, score=0.5, reason="kept's")
    PossibleDuplicate.objects.create(film_a=other, film_b=duplicate, score=0.4, reason="twice")

    result = merge_films(keep, [duplicate, third])

    assert result.possible_duplicates_settled == 3
    assert list(PossibleDuplicate.objects.values_list("film_a", "film_b", "reason")) == [
        (keep.pk, other.pk, "kept's")
    ]


def test_merging_is_atomic_a_failure_midway_changes_nothing(films, monkeypatch):
    keep, duplicate = films
    claim = make_claim(source_with(), duplicate)
    credit = make_credit(duplicate)

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away after the claims moved")

    monkeypatch.setattr(Film, "delete", fail)
    with pytest.raises(RuntimeError):
        merge_films(keep, [duplicate])

    claim.refresh_from_db()
    credit.refresh_from_db()
    assert claim.film_id == credit.film_id == duplicate.pk
    assert not FilmRedirect.objects.exists()
    assert Claim.history.filter(id=claim.pk).count() == 1, "its making only"


def test_merging_a_film_into_itself_or_nothing_is_refused(films):
    keep, duplicate = films

    with pytest.raises(ValueError, match="into itself"):
        merge_films(keep, [duplicate, keep])
    with pytest.raises(ValueError, match="at least one film"):
        merge_films(keep, [])
    assert Film.objects.count() == 2


def test_history_records_each_change_with_the_reason_and_the_editor(films, django_user_model):
    keep, duplicate = films
    editor = django_user_model.objects.create_user("editor")
    claim = make_claim(source_with(), duplicate)
    credit = make_credit(duplicate)

    merge_films(keep, [duplicate], editor=editor)

    reason = "Merged Red Hot (1993) into Red Hot (1993)"
    for record in (
        Claim.history.filter(id=claim.pk).latest(),
        Credit.history.filter(id=credit.pk).latest(),
        Film.history.get(id=duplicate.pk, history_type="-"),
        Film.history.filter(id=keep.pk).latest(),
    ):
        assert record.history_change_reason == reason
        assert record.history_user == editor
    assert Claim.history.filter(id=claim.pk).latest().film_id == keep.pk


def test_a_merge_is_reverted_from_the_history(films):
    keep, duplicate = films
    claim = make_claim(source_with(), duplicate)

    merge_films(keep, [duplicate])
    Film.history.get(id=duplicate.pk, history_type="-").instance.save()
    Claim.history.filter(id=claim.pk).latest().prev_record.instance.save()

    assert Film.objects.get(pk=duplicate.pk).slug == "red-hot-1993-2"
    assert Claim.objects.get(pk=claim.pk).film_id == duplicate.pk


def merge_queries(credits: int) -> int:
    """The queries of merging a film with `credits` credits (one a duplicate) into another."""
    keep = make_film(title="Red Hot", year=1993)
    duplicate = make_film(title="Red Hot", year=1993)
    source = source_with()
    make_claim(source, duplicate)
    make_review(source, duplicate)
    shared = make_person()
    make_credit(keep, shared, role=Role.WRITER)
    make_credit(duplicate, shared, role=Role.WRITER)  # a duplicate, dropped
    for billing in range(credits - 1):
        make_credit(duplicate, billing=billing)
    duplicate.genres.add(Genre.objects.get_or_create(name="Drama", slug="drama")[0])
    with CaptureQueriesContext(connection) as queries:
        result = merge_films(keep, [duplicate])
    assert result.credits_moved == credits - 1 and result.duplicates_dropped == 1
    return len(queries)


def test_the_merges_queries_do_not_grow_with_its_credits(db):
    # The count differs between SQLite and PostgreSQL (savepoints, sequences), never with size.
    assert merge_queries(3) == merge_queries(30) == merge_queries(300)
    assert merge_queries(3) <= 80


# The admin action.


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
