"""Merging films (catalog.merging.films): what moves, what the kept record keeps, the old
addresses, history, and its queries (the film admin's action: test_film_merge_admin.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog import search
from catalog.merging import merge_films, record_old_address
from catalog.models import (
    AUTOMATIC_FIELDS,
    Claim,
    Credit,
    Decision,
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
)
from catalog.tests.film_merges import source_with

pytestmark = pytest.mark.django_db


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
    assert keep.certificate == "PG", "automatic: it follows the sources, not the other's PG-13"
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
