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
        ("Also starring Ole Berg, this Nora Ekdahl-directed film is a quiet joy.", "Nora Ekdahl"),
    ],
)
def test_the_maker_of_the_film_named_in_passing(text, director):
    assert ("director", director, "") in facts(claims(text))


def test_the_writer_joined_to_the_script_they_penned():
    found = facts(claims("A Nora Ekdahl-penned script carries the film through its winter."))
    assert ("writer", "Nora Ekdahl", "") in found
    assert not any(value.endswith("-penned") for _field, value, _ in found)


def test_a_prize_joined_to_its_film_names_no_maker():
    found = facts(claims("The Oscar-nominated comedy returns to the island in winter."))
    assert not any(field in ("director", "writer") for field, _value, _ in found)


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


def test_the_words_glued_to_a_directors_name_are_not_of_it():
    found = facts(claims("Director Nora EkdahlHarbour Lights is a quiet island drama.\n"))
    assert ("director", "Nora Ekdahl", "") in found


def test_a_name_with_a_capital_of_its_own_is_whole():
    found = facts(claims("Directed by Anna MacLeod and Leo DiMarco, it is a quiet drama.\n"))
    assert {("director", "Anna MacLeod", ""), ("director", "Leo DiMarco", "")} <= found


def test_the_co_writer_of_the_directors_screenplay():
    text = (
        "Harbour Lights is a 1993 drama directed by Nora Ekdahl from a screenplay co-written "
        "with Per Lind."
    )
    found = facts(claims(text))
    assert {("director", "Nora Ekdahl", ""), ("writer", "Per Lind", "")} <= found


def test_the_director_a_sentence_gives_the_film_to_by_its_title():
    text = "Harbour Lights\n\nNora Ekdahl's Harbour Lights follows a widow who keeps a lighthouse."
    assert ("director", "Nora Ekdahl", "") in facts(claims(text))


def test_the_star_whose_film_a_review_calls_it_is_no_director():
    text = "Harbour Lights\n\nLena Dahl's Harbour Lights is a joy. Lena Dahl stars as Karin."
    assert not [fact for fact in facts(claims(text)) if fact[0] == "director"]


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
