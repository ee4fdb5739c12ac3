"""The automatic part of a film's record follows the consensus on every write, and after every
learning of the sources' trust; what an editor confirmed stays as they set it."""

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog import derived, findings, records
from catalog.intake.saving import KeptClaim, NewFilm, SourceDetails, save_page
from catalog.merging import merge_films
from catalog.models import (
    AUTOMATIC_FIELDS,
    ConsensusValue,
    Field,
    Film,
    Role,
    Source,
    confirm_fields,
)
from catalog.records import refill, relearn
from catalog.tests.admin_forms import change_form_data
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source

pytestmark = pytest.mark.django_db


def imported(**fields) -> Film:
    """A film as an import leaves it: one listing names its year and its lead, and the record
    follows the consensus."""
    fields.setdefault("automatic_fields", AUTOMATIC_FIELDS)
    film = make_film(title="Jurassic Park", year=1993, **fields)
    lead = make_person("Sam Neill")
    make_credit(film, lead, character="Alan Grant", billing=1)
    listing = make_source(text="Jurassic Park (1993). Sam Neill as Alan Grant.", title="Listing")
    make_claim(listing, film, Field.YEAR, "1993")
    make_claim(
        listing,
        film,
        Field.CAST,
        "Sam Neill",
        quote="Sam Neill",
        person=lead,
        character="Alan Grant",
    )
    derived.refresh([film.pk], [listing.pk])
    return Film.objects.get(pk=film.pk)


def add_page(film: Film, text: str, kept: list[KeptClaim]) -> Film:
    save_page(SourceDetails(title="A review", text=text), film, kept)
    return Film.objects.get(pk=film.pk)


def cast_of(film: Film) -> list[tuple[str, str]]:
    credits = film.credits.filter(role=Role.CAST).order_by("billing", "pk")
    return list(credits.values_list("person__name", "character"))


def laura_dern() -> KeptClaim:
    return KeptClaim(
        Field.CAST,
        "Laura Dern",
        "Laura Dern as Ellie Sattler",
        character="Ellie Sattler",
        new_person="Laura Dern",
    )


def test_a_pages_new_actor_joins_the_automatic_cast_with_their_character():
    film = imported()
    text = "Jurassic Park stars Laura Dern as Ellie Sattler."

    after = add_page(film, text, [laura_dern()])

    assert cast_of(after) == [("Sam Neill", "Alan Grant"), ("Laura Dern", "Ellie Sattler")]
    assert after.version > film.version, "a form opened before is refused, not saved over"
    assert after.conflict_count == film.conflict_count == 0


def test_a_pages_runtime_fills_an_automatic_films_empty_runtime():
    film = imported()
    assert film.runtime is None

    after = add_page(film, "Jurassic Park runs 127 minutes.", [runtime_claim()])

    assert after.runtime == 127
    assert after.version > film.version


def runtime_claim() -> KeptClaim:
    return KeptClaim(Field.RUNTIME, "127 minutes", "127 minutes")


def test_what_an_editor_confirmed_stays_as_they_set_it():
    film = imported(automatic_fields=["title", "year", "certificate"])

    after = add_page(
        film,
        "Jurassic Park stars Laura Dern as Ellie Sattler, 127 minutes.",
        [
            laura_dern(),
            KeptClaim(Field.RUNTIME, "127 minutes", "127 minutes"),
        ],
    )

    assert cast_of(after) == [("Sam Neill", "Alan Grant")]
    assert after.runtime is None
    assert after.conflict_count == 1, "the page's actor, whom the confirmed cast lacks"


def test_an_editors_change_of_a_credit_confirms_the_cast_and_survives_a_later_page(
    admin_client,
):
    film = imported()
    credit = film.credits.get()
    url = reverse("admin:catalog_credit_change", args=[credit.pk])
    data = change_form_data(admin_client.get(url), character="Dr. Alan Grant")

    assert admin_client.post(url, data).status_code == 302
    confirmed = Film.objects.get(pk=film.pk)
    assert "cast" not in confirmed.automatic_fields
    assert "year" in confirmed.automatic_fields, "only the credit's role is confirmed"

    after = add_page(confirmed, "Jurassic Park stars Laura Dern as Ellie Sattler.", [laura_dern()])

    assert cast_of(after) == [("Sam Neill", "Dr. Alan Grant")]


def test_an_editors_change_of_a_credit_in_the_films_form_confirms_its_role(admin_client):
    film = imported()
    url = reverse("admin:catalog_film_change", args=[film.pk])
    data = change_form_data(admin_client.get(url))
    prefix = next(k for k in data if k.endswith("-0-character") and "credit" in k.lower())
    data[prefix] = "Dr. Alan Grant"

    assert admin_client.post(url, data).status_code == 302

    after = Film.objects.get(pk=film.pk)
    assert "cast" not in after.automatic_fields
    assert {"director", "writer", "runtime"} <= set(after.automatic_fields)


def test_a_film_a_page_makes_follows_its_sources_but_for_its_title_and_year():
    saved = save_page(
        SourceDetails(title="A review", text="Red Hot (1993) runs 95 minutes."),
        NewFilm(title="Red Hot", year=1993),
        [KeptClaim(Field.RUNTIME, "95 minutes", "95 minutes")],
    )

    film = Film.objects.get(pk=saved.film.pk)
    assert film.runtime == 95
    assert "title" not in film.automatic_fields and "year" not in film.automatic_fields


def test_refilling_an_unchanged_film_writes_nothing(django_assert_num_queries):
    film = imported()

    with django_assert_num_queries(8):
        assert refill([film.pk]) == set()

    assert Film.objects.get(pk=film.pk).version == film.version


def test_a_learning_fills_the_records_its_consensus_moved_and_then_nothing():
    film = make_film(title="Jurassic Park", automatic_fields=AUTOMATIC_FIELDS)
    lead = make_person("Sam Neill")
    # Claims loaded as an import loads them, with nothing derived yet.
    listing = make_source(text="Jurassic Park (1993). Sam Neill as Alan Grant.")
    make_claim(listing, film, Field.YEAR, "1993")
    make_claim(listing, film, Field.CAST, "Sam Neill", person=lead, character="Alan Grant")

    first = relearn()

    after = Film.objects.get(pk=film.pk)
    assert first.revalued == {film.pk}
    assert after.year == 1993
    assert cast_of(after) == [("Sam Neill", "Alan Grant")]
    assert after.version > film.version

    second = relearn()

    assert second.revalued == set()
    assert Film.objects.get(pk=film.pk).version == after.version


def test_a_film_whose_consensus_only_grew_surer_is_not_revalued():
    film = make_film()
    stored = ConsensusValue.objects.create(
        film=film, field=Field.YEAR, value="1993", normalised="1993", confidence=0.6
    )
    row = (film.pk, Field.YEAR, None, stored.value, stored.normalised)

    assert findings.changes([(*row, 0.9)], []).revalued == set()
    assert findings.changes([(film.pk, Field.YEAR, None, "1994", "1994", 0.6)], []).revalued == {
        film.pk
    }
    assert findings.changes([], []).revalued == {film.pk}, "its value is gone"


def test_films_kept_by_hand_are_never_refilled():
    film = imported(automatic_fields=[])
    source = Source.objects.get(title="Listing")
    make_claim(source, film, Field.RUNTIME, "127 min", quote="Jurassic Park")

    derived.refresh([film.pk], [source.pk])

    assert film.consensus.filter(field=Field.RUNTIME).exists()
    assert Film.objects.get(pk=film.pk).runtime is None


def test_a_film_restored_from_its_history_keeps_what_editors_confirmed_since():
    film = imported()
    film.tagline = "An adventure 65 million years in the making"
    film.save()
    snapshot = film.history.order_by("-history_id").first()
    confirm_fields(film.pk, ["cast"])  # an editor's change of a credit, made since
    assert "cast" in snapshot.automatic_fields

    snapshot.instance.save()  # what reverting to it does

    assert "cast" not in Film.objects.get(pk=film.pk).automatic_fields


def test_a_learning_whose_records_fail_to_follow_stores_nothing_and_is_redone(monkeypatch):
    film = make_film(title="Jurassic Park", automatic_fields=AUTOMATIC_FIELDS)
    listing = make_source(text="Jurassic Park (1993).")
    make_claim(listing, film, Field.YEAR, "1993")

    def fails(films):
        raise OperationalError("database is locked")

    monkeypatch.setattr(records, "refill", fails)
    with pytest.raises(OperationalError):
        relearn()
    assert not film.consensus.exists(), "the learning's values went with the failed refill"
    monkeypatch.undo()

    assert relearn().revalued == {film.pk}
    assert Film.objects.get(pk=film.pk).year == 1993


def test_films_merged_keep_one_credit_for_an_actor_both_credited():
    film = imported()
    twin = make_film(title="Jurassic Park", year=1993, automatic_fields=AUTOMATIC_FIELDS)
    lead = film.credits.get().person
    make_credit(twin, lead, character="Alan Grant", billing=1)
    guide = make_source(text="Jurassic Park. Sam Neill as Alan Grant.", title="Guide")
    make_claim(guide, twin, Field.CAST, "Sam Neill", person=lead, character="Alan Grant")
    derived.refresh([twin.pk], [guide.pk])

    merge_films(film, [twin])

    assert cast_of(Film.objects.get(pk=film.pk)) == [("Sam Neill", "Alan Grant")]


def test_deleting_a_source_takes_its_claims_out_of_the_consensus_the_record_and_the_counts(
    admin_client,
):
    film = imported()
    with_page = add_page(film, "Jurassic Park stars Laura Dern as Ellie Sattler.", [laura_dern()])
    page = Source.objects.get(title="A review")
    assert with_page.source_count == 2

    url = reverse("admin:catalog_source_delete", args=[page.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    after = Film.objects.get(pk=film.pk)
    assert cast_of(after) == [("Sam Neill", "Alan Grant")]
    assert after.source_count == 1
    assert not ConsensusValue.objects.filter(film=film, value="Laura Dern").exists()


def test_deleting_sources_from_the_list_refreshes_their_films(admin_client):
    film = imported()
    text = "Jurassic Park (1994) runs 127 minutes."
    add_page(film, text, [runtime_claim(), KeptClaim(Field.YEAR, "1994", "1994")])
    page = Source.objects.get(title="A review")
    assert Film.objects.get(pk=film.pk).conflict_count == 1

    data = {"action": "delete_selected", "_selected_action": [page.pk], "post": "yes"}
    assert admin_client.post(reverse("admin:catalog_source_changelist"), data).status_code == 302

    after = Film.objects.get(pk=film.pk)
    assert (after.source_count, after.conflict_count) == (1, 0)
    assert not ConsensusValue.objects.filter(film=film, field=Field.RUNTIME).exists()
    assert after.runtime is None, "no source gives a runtime any more"
    assert (after.title, after.year) == ("Jurassic Park", 1993)


def test_credits_deleted_from_the_list_confirm_each_films_role_in_one_read(admin_client):
    films = [imported() for _ in range(3)]
    credits = [film.credits.get().pk for film in films]
    data = {"action": "delete_selected", "_selected_action": credits, "post": "yes"}

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.post(reverse("admin:catalog_credit_changelist"), data)

    assert response.status_code == 302
    for film in Film.objects.filter(pk__in=[film.pk for film in films]):
        assert "cast" not in film.automatic_fields and "year" in film.automatic_fields
        assert cast_of(film) == [], "a confirmed cast is not filled in again"
    reads = [
        q
        for q in queries
        if 'SELECT "catalog_film"."id" AS "pk", "catalog_film"."automatic' in q["sql"]
    ]
    assert len(reads) == 1


def test_a_sources_delete_page_counts_what_goes_with_it_in_queries_that_do_not_grow(
    admin_client,
):
    film = imported()

    def delete_page(claims: int) -> tuple[str, int]:
        text = " ".join(f"{1900 + n}" for n in range(claims))
        dataset = make_source(text=text, title=f"A dataset of {claims}")
        for n in range(claims):
            make_claim(dataset, film, Field.YEAR, f"{1900 + n}")
        url = reverse("admin:catalog_source_delete", args=[dataset.pk])
        with CaptureQueriesContext(connection) as queries:
            page = admin_client.get(url)
        assert page.status_code == 200
        return page.text, len(queries)

    small, few = delete_page(3)
    large, many = delete_page(30)

    assert "A dataset of 30" in large and "30 claims" in large
    assert "3 claims" in small
    assert "Claim: " not in large, "no line for each claim"
    assert few == many
