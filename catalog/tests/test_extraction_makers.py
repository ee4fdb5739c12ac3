"""The claim finder on the director a sentence names in passing, on small texts written for
these tests."""

import pytest

from catalog.tests.extraction_texts import claims, facts


@pytest.mark.parametrize(
    "text, director",
    [
        ("Nora Ekdahl's quiet period piece, made on a northern island, is a joy.", "Nora Ekdahl"),
        ("Este filme de Jorge Vaz da Silva retrata o Porto do século XVIII.", "Jorge Vaz da Silva"),
        ("Le nouveau film de Claire Dumont raconte un hiver au phare.", "Claire Dumont"),
    ],
)
def test_the_maker_of_the_film_named_in_passing(text, director):
    assert ("director", director, "") in facts(claims(text))


def test_the_author_of_a_play_or_a_novel_is_no_director():
    found = facts(claims("William Shakespeare's comedy of errors returns in a new dress."))
    assert not any(field == "director" for field, _value, _ in found)


def test_the_stars_a_review_lists_in_passing():
    text = "The film also has such co-stars as Lena Dahl, Ole Berg, and Anna Vos. It drags."
    found = facts(claims(text))
    assert {("cast", "Lena Dahl", ""), ("cast", "Ole Berg", ""), ("cast", "Anna Vos", "")} <= found


def test_a_star_as_a_part_is_no_list_of_stars():
    found = facts(claims("Lena Dahl stars as Karin Holm, a keeper's widow on the island."))
    assert ("cast", "Karin Holm", "") not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Das bewährte Team um Regisseur und Drehbuchautor Nora Ekdahl zeigt keine Müdigkeit.",
        "The film reunites screenwriter and director Nora Ekdahl with her island.",
    ],
)
def test_a_person_named_after_both_their_trades(sentence):
    found = facts(claims(f"Harbour Lights\n\n{sentence}\n"))
    assert {("director", "Nora Ekdahl", ""), ("writer", "Nora Ekdahl", "")} <= found


@pytest.mark.parametrize(
    ("sentence", "director"),
    [
        (
            '"Latarnia" w reżyserii Franka Holma to adaptacja książki Stephena Berga.',
            "Franka Holma",
        ),
        ("Stasera va in onda il film diretto nel 2018 da Paolo Holm.", "Paolo Holm"),
        ("Fyren i regi av Nora Ekdahl har premiär i dag.", "Nora Ekdahl"),
    ],
)
def test_a_director_named_inside_a_sentence_as_the_language_declines_the_name(sentence, director):
    assert ("director", director, "") in facts(claims(f"Fyren\n\n{sentence}\n"))


def test_the_author_of_the_book_and_the_year_a_sentence_gives_the_film():
    found = facts(
        claims(
            'Latarnia\n\n"Latarnia" to głośna adaptacja książki Stephena Berga.\n'
            "Il film diretto nel 2018 da Paolo Holm.\n"
        )
    )
    assert ("writer", "Stephena Berga", "") in found
    assert ("year", "2018", "") in found
