"""The consensus engine at work on the catalogue: stored values, trust, flags, editors' part."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from catalog import trust
from catalog.consensus import CopyEvidence
from catalog.models import (
    ConsensusValue,
    Decision,
    Field,
    Film,
    Source,
    SourceAgreement,
    TrustRun,
)
from catalog.tests.admin_forms import as_opened
from catalog.trust import learn, recompute, solve_films

pytestmark = pytest.mark.django_db


@pytest.fixture
def red_hot(catalogue_data):
    return Film.objects.get(slug="red-hot-1993")


def consensus(film, field, person=None) -> ConsensusValue:
    return ConsensusValue.objects.get(film=film, field=field, person__slug=person)


def test_loading_the_catalogue_computes_the_consensus(red_hot):
    year = ConsensusValue.objects.get(film=red_hot, field=Field.YEAR)

    assert year.value == "1993"
    assert 0 < year.confidence <= 1
    assert consensus(red_hot, Field.CAST, "carla-gugino").value == "Valentina"
    assert consensus(red_hot, Field.SETTING).value == "Soviet Union"


def test_every_source_gets_a_trust_score_with_its_agreement(red_hot):
    for source in Source.objects.all():
        assert 0 <= source.trust <= 1
        assert 0 < source.consensus_agreeing <= source.consensus_compared


def test_the_page_with_another_films_plot_is_flagged_on_that_film(red_hot):
    flagged = SourceAgreement.objects.filter(film=red_hot, possibly_other_film=True)

    assert [a.source.slug for a in flagged] == ["streaming-listing-red-hot"]
    listing = flagged.get()
    assert listing.story_contradicting * 2 > listing.story_compared >= 3


def test_film_page_shows_consensus_trust_and_the_flag(client, red_hot):
    text = " ".join(client.get(red_hot.get_absolute_url()).text.split())

    assert '<th scope="col">Consensus</th>' in text
    assert "confidence 0." in text or "confidence 1.00" in text
    assert "Red Hot — streaming listing</a> may describe a different film:" in text
    assert "trust 0." in text


def test_film_page_marks_where_the_record_differs_from_the_consensus(client, red_hot):
    Film.objects.filter(pk=red_hot.pk).update(year=1995)

    response = client.get(red_hot.get_absolute_url())

    year = next(row for row in response.context["comparison"].rows if row.key == Field.YEAR)
    assert year.differs_from_consensus
    assert "the record differs" in response.text


def test_source_page_explains_the_trust_in_one_sentence(client, red_hot):
    source = Source.objects.get(slug="tv-guide-red-hot")

    text = " ".join(client.get(source.get_absolute_url()).text.split())

    assert (
        f"agrees with the consensus of the sources on {source.consensus_agreeing} of "
        f"{source.consensus_compared} claims." in text
    )


def test_flagged_source_page_names_the_film(client, red_hot):
    listing = Source.objects.get(slug="streaming-listing-red-hot")

    text = " ".join(client.get(listing.get_absolute_url()).text.split())
    agreement = listing.agreements.get(possibly_other_film=True)
    assert "May describe a different film than" in text
    assert f"{agreement.story_contradiction}</p>" in text


def test_an_editors_decision_recomputes_what_it_affects(admin_client, red_hot):
    ConsensusValue.objects.filter(film=red_hot).delete()
    url = reverse("admin:catalog_film_resolve", args=[red_hot.pk, "year"])
    form = admin_client.get(url).context["form"]
    choice = next(v for v, label in form.fields["choice"].choices if label.startswith("1993"))

    admin_client.post(url, as_opened(form, choice=choice, reason="Copyright notice."))

    assert consensus(red_hot, Field.YEAR).value == "1993"


def test_editors_decisions_count_in_the_consensus(red_hot):
    editor = User.objects.create_user("ed")
    jan = red_hot.credits.get(person__slug="jan-niklas").person
    Decision.objects.create(
        film=red_hot, field=Field.CAST, person=jan, value="Yorgi", reason="Credits.", editor=editor
    )

    recompute(film_ids=[red_hot.pk])

    assert consensus(red_hot, Field.CAST, "jan-niklas").value == "Yorgi"


def test_admin_action_sets_the_record_from_the_consensus(admin_client, red_hot):
    Film.objects.filter(pk=red_hot.pk).update(year=1990, certificate="R")

    admin_client.post(
        reverse("admin:catalog_film_changelist"),
        {"action": "set_record_from_consensus", "_selected_action": [red_hot.pk]},
    )

    red_hot.refresh_from_db()
    assert (red_hot.year, red_hot.certificate) == (1993, "PG")
    decision = Decision.objects.get(field=Field.YEAR)
    assert decision.reason.startswith("Set from the consensus of the sources")
    assert {c.source.slug for c in decision.claims.all()} == {
        "film-overview-red-hot",
        "streaming-listing-red-hot",
    }


def test_admin_shows_and_filters_the_flag(admin_client, red_hot):
    change = admin_client.get(reverse("admin:catalog_film_change", args=[red_hot.pk]))
    flagged = admin_client.get(reverse("admin:catalog_film_changelist"), {"other_film": "yes"})

    assert "Red Hot — streaming listing may describe a different film" in change.text
    assert "claims about the story (characters, setting, period) contradict" in change.text
    assert "Red Hot" in flagged.text


def test_recompute_consensus_command(red_hot, capsys):
    call_command("recompute_consensus")

    assert "possibly about another film" in capsys.readouterr().out
    assert ConsensusValue.objects.filter(film=red_hot).exists()


def test_a_films_own_solve_with_the_learnt_trust_is_what_the_full_solve_found(red_hot):
    learn()
    full = stored_consensus(red_hot)

    solve_films([red_hot.pk])

    own = stored_consensus(red_hot)
    assert own.keys() == full.keys()
    for key, (value, confidence) in own.items():
        assert value == full[key][0], key
        assert confidence == pytest.approx(full[key][1], abs=1e-3), key


def test_a_films_own_solve_holds_the_trust_as_learnt(red_hot):
    learn()
    learnt = dict(Source.objects.values_list("pk", "trust"))
    runs = TrustRun.objects.count()
    editor = User.objects.create_user("ed")
    Decision.objects.create(
        film=red_hot, field=Field.YEAR, value="1995", reason="A typo.", editor=editor
    )

    solve_films([red_hot.pk])

    assert dict(Source.objects.values_list("pk", "trust")) == learnt
    assert TrustRun.objects.count() == runs


def test_a_films_own_solve_maps_its_scores_as_the_learning_did(red_hot):
    learn()
    run = TrustRun.last()
    bins = {"scores": [0.0], "probabilities": [0.42], "held_out": 50}
    run.calibration = {"disputed": bins, "undisputed": bins}
    run.save()

    solve_films([red_hot.pk])

    assert {confidence for _, confidence in stored_consensus(red_hot).values()} == {0.42}


def test_a_stored_calibration_that_cannot_be_read_leaves_the_scores_as_they_are(red_hot):
    learn()
    full = stored_consensus(red_hot)
    TrustRun.objects.update(calibration={"scores": "junk"})

    solve_films([red_hot.pk])

    assert stored_consensus(red_hot) == full


def test_learning_stores_the_copy_evidence_it_found(red_hot):
    learn()

    stored = TrustRun.last().copies
    assert stored is not None
    said = trust.said_by_sources() + trust.said_by_editors()
    assert CopyEvidence.from_dict(stored) == trust.run(said).copies


def test_a_films_own_solve_discounts_the_pairs_the_learning_found_copying(red_hot):
    learn()
    full = stored_consensus(red_hot)
    names = [str(pk) for pk in red_hot.claims.values_list("source", flat=True).distinct()]
    copying = {(a, b): (-100.0, 0.0, -100.0) for a in names for b in names if a < b}
    evidence = CopyEvidence(accuracy=dict.fromkeys(names, 0.5), pairs=copying)
    TrustRun.objects.update(copies=evidence.as_dict())

    solve_films([red_hot.pk])

    discounted = stored_consensus(red_hot)
    assert discounted.keys() == full.keys()
    assert any(discounted[key][1] != full[key][1] for key in full)


def test_stored_copy_evidence_that_cannot_be_read_discounts_nothing(red_hot):
    learn()
    TrustRun.objects.update(copies=None)
    solve_films([red_hot.pk])
    undiscounted = stored_consensus(red_hot)
    TrustRun.objects.update(copies={"pairs": "junk"})

    solve_films([red_hot.pk])

    assert trust.stored_learning().copies is None
    assert stored_consensus(red_hot) == undiscounted


def test_learning_records_when_and_stamps_every_source(red_hot, client):
    run = TrustRun.last()
    source = Source.objects.get(slug="tv-guide-red-hot")

    assert source.trust_learnt_at == run.learnt_at
    assert run.claims > 0 and run.sources == Source.objects.count()
    text = " ".join(client.get(source.get_absolute_url()).text.split())
    assert f"Trust last learnt {run.learnt_at:%-d %B %Y, %H:%M} UTC" in text


def stored_consensus(film) -> dict:
    return {
        (value.field, value.person_id): (value.value, value.confidence)
        for value in ConsensusValue.objects.filter(film=film)
    }
