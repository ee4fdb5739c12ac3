"""The claim finder on the people a review names in its prose, with the words reviews put around
a name: the work an actor is known from, a prize, a trade in the story, the film's director."""

import pytest

from catalog.tests.extraction_texts import claims, facts


def test_an_actor_in_brackets_with_a_work_they_are_known_from():
    text = (
        "Harbour Lights (1991)\n\nThe keeper is Tom Vane (Ivo Marek from \u201cThe Coast\u201d), "
        "and his mother (Jana Dvorak from Low Tide) keeps the house.\n"
    )
    found = facts(claims(text))
    assert ("cast", "Ivo Marek", "Tom Vane") in found
    assert ("cast", "Jana Dvorak", "") in found


def test_a_character_called_by_a_trade_behind_the_camera_is_still_a_character():
    text = (
        "Harbour Lights (1991)\n\nLena is teamed up with writer Tom Vane (Ivo Marek) on a film "
        "about the storm, while director Petr Holub (Nightfall) looks on.\n"
    )
    found = facts(claims(text))
    assert ("cast", "Ivo Marek", "Tom Vane") in found
    assert not any(value == "Petr Holub" for field, value, _ in found if field == "cast")


def test_played_by_an_actor_named_with_what_they_are_known_for():
    text = (
        "Harbour Lights (1991)\n\nWe meet Tom Vane, played by Nightfall Oscar Nominee Ivo Marek, "
        "waits for his bride Lena Holm (played by Low Tide\u2019s Jana Dvorak), sadly.\n"
    )
    found = facts(claims(text))
    assert ("cast", "Ivo Marek", "Tom Vane") in found
    assert ("cast", "Jana Dvorak", "Lena Holm") in found


def test_the_films_director_named_after_a_comma():
    text = "Harbour Lights (1991)\n\nNow its director, Ivo Marek (of Nightfall), tells a tale.\n"
    assert ("director", "Ivo Marek", "") in facts(claims(text))


def test_a_director_in_the_plot_after_a_comma_is_not_the_films():
    text = "Harbour Lights (1991)\n\nThe keeper meets a director, Ivo Marek, who films the light.\n"
    assert ("director", "Ivo Marek", "") not in facts(claims(text))


def test_the_cast_named_after_the_likes_of_with_a_middle_initial():
    text = (
        "Harbour Lights (1991)\n\nThe supporting cast is good, with the likes of Jana Dvorak, "
        "Petr E. Holub, Eva Sykora and Tom Vane all in top form.\n"
    )
    cast = {value for field, value, _ in facts(claims(text)) if field == "cast"}
    assert cast == {"Jana Dvorak", "Petr E. Holub", "Eva Sykora", "Tom Vane"}


def test_a_trade_after_as_belongs_to_the_part_not_to_an_actor():
    text = (
        "Harbour Lights (1991)\n\nIvo Marek stars as conceited actor Tom Vane, who loses his "
        "voice on the eve of the premiere.\n"
    )
    found = facts(claims(text))
    assert ("cast", "Ivo Marek", "Tom Vane") in found
    assert not any(value == "Tom Vane" for field, value, _ in found if field == "cast")


def test_an_actors_described_part_after_a_possessive():
    text = (
        "Harbour Lights (1991)\n\nJana Dvorak's wonderfully vicious Queen Lena steals every "
        "scene, and Ivo Marek's time at Cannes shows.\n"
    )
    found = facts(claims(text))
    assert ("cast", "Jana Dvorak", "Queen Lena") in found
    assert not any(character == "Cannes" for field, _, character in found if field == "cast")


def test_spanish_parts_after_como_with_an_article_a_small_title_and_a_known_work():
    text = (
        "Faros (1991)\n\nNos trae las voces de Ivo Marek como el Farero, Jana Dvorak como la "
        "princesa Lena y Petr Holub (Mareas) como el Gato con Botas.\n"
    )
    found = facts(claims(text))
    assert ("cast", "Ivo Marek", "Farero") in found
    assert ("cast", "Jana Dvorak", "princesa Lena") in found
    assert ("cast", "Petr Holub", "Gato con Botas") in found


def test_a_director_named_by_their_direction_and_a_writer_by_the_prize_for_the_script():
    text = (
        "Harbour Lights (1991)\n\nThe acting and Ivo Marek\u2019s direction make it memorable. "
        "Jana Dvorak won an Oscar for her screenplay.\n"
    )
    found = facts(claims(text))
    assert ("director", "Ivo Marek", "") in found
    assert ("writer", "Jana Dvorak", "") in found


def test_a_part_named_with_herself_before_the_actor_in_brackets():
    text = (
        "Harbour Lights (1991)\n\nThe first to drown is Lena herself (the Oscar-winning Jana "
        "Dvorak), and the keeper mourns her.\n"
    )
    assert ("cast", "Jana Dvorak", "Lena") in facts(claims(text))


def test_actors_named_by_their_presence_and_their_cameo():
    text = (
        "Regia di Petr Holub vedi scheda film\nCredibile il cast (da segnalare la presenza di "
        "Ivo Marek e il cameo di Jana Dvorak) ma la sceneggiatura non brilla.\n"
    )
    found = facts(claims(text))
    assert {("cast", "Ivo Marek", ""), ("cast", "Jana Dvorak", "")} <= found


def test_a_word_of_praise_before_a_surname_in_brackets():
    text = (
        "Latarnik (1991)\nAktorzy: Jana Dvorak, Ivo Marek.\n\nDni mijają, a Lena (zjawiskowa "
        "Dvorak) czeka na męża.\n"
    )
    assert ("cast", "Dvorak", "Lena") in facts(claims(text))


def test_a_listed_actor_with_the_part_in_brackets_but_not_a_work_of_theirs():
    text = (
        "Faróis (1991)\n\nElenco: Ivo Marek, Jana Dvorak e Petr Holub.\n\nSinopse: Ivo Marek "
        "(Tomás Vane) é um pacato faroleiro, e Petr Holub (The Long Tide) o visita.\n"
    )
    found = facts(claims(text))
    assert ("cast", "Ivo Marek", "Tomás Vane") in found
    assert not any(character == "Long Tide" for field, _, character in found if field == "cast")


def test_the_critics_word_on_a_part_before_the_part():
    text = "Acting: 7 - Lena Dahl is superb as Karin Holm and the village is well cast.\n"
    assert ("cast", "Lena Dahl", "Karin Holm") in facts(claims(text))


def test_a_word_hyphened_before_the_actors_name_is_not_their_first_name():
    text = "A post-Harbour Lena Holm stars as a keeper's widow who runs the light alone.\n"
    found = facts(claims(text))
    assert ("cast", "Lena Holm", "") in found
    assert ("cast", "Harbour Lena Holm", "") not in found


def test_the_players_of_a_list_of_names_that_shine_together():
    text = (
        "Harbour Lights\n\nLena Holm, Oskar Berg and Anna Vos shine in a storm of the first rank.\n"
    )
    found = facts(claims(text))
    assert {
        ("cast", "Lena Holm", ""),
        ("cast", "Oskar Berg", ""),
        ("cast", "Anna Vos", ""),
    } <= found


def test_a_title_that_stars_someone_names_no_ensemble():
    found = facts(claims("Harbour Lights\n\nHarbour Lights stars Lena Holm as a keeper's widow.\n"))
    assert ("cast", "Harbour Lights", "") not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "W obsadzie znaleźli się m.in. Lena Holm, Oskar Berg i Ada Lind.",
        "A solid drama with very strong lead players in Lena Holm, the beautiful Oskar Berg and "
        "even a not-so-annoying Ada Lind.",
        "Nel cast del film anche Lena Holm, Oskar Berg e Ada Lind.",
    ],
)
def test_players_listed_after_a_word_for_the_cast_each_maybe_described(sentence):
    found = facts(claims(f"Fyren\n\n{sentence}\n"))
    assert {
        ("cast", "Lena Holm", ""),
        ("cast", "Oskar Berg", ""),
        ("cast", "Ada Lind", ""),
    } <= found


def test_a_list_after_a_word_for_the_cast_ends_at_a_trade_or_a_label():
    found = facts(claims("Fyren\n\nThe cast: Lena Holm, Oskar Berg and the director Ada Lind.\n"))
    assert ("cast", "Lena Holm", "") in found
    assert ("cast", "Ada Lind", "") not in found
    found = facts(claims("Fyren\n\nThe cast of Lena Holm, Oskar Berg Speelduur 98 minuten.\n"))
    assert ("cast", "Oskar Berg Speelduur", "") not in found


@pytest.mark.parametrize(
    "sentence", ["Lena Holm v hlavní roli laskavé komedie.", "In the title role, Lena Holm shines."]
)
def test_the_player_named_with_the_lead_part(sentence):
    assert ("cast", "Lena Holm", "") in facts(claims(f"Fyren\n\n{sentence}\n"))


def test_a_list_of_names_the_sentence_says_are_the_players():
    text = (
        "Der Leuchtturm\n\nLena Holm, Oskar Berg, Ada Lind sind die Schauspieler und "
        "Schauspielerinnen, die den Charakteren Leben einhauchen.\n"
    )
    found = facts(claims(text))
    assert {
        ("cast", "Lena Holm", ""),
        ("cast", "Oskar Berg", ""),
        ("cast", "Ada Lind", ""),
    } <= found


def test_a_german_cast_from_one_player_over_another_to_a_third():
    text = (
        "Der Leuchtturm\n\nEs bleibt ein stilvolles Stück mit talentierter Besetzung von Lena "
        "Holm über Oskar Berg bis hin zu Ada Lind («Low Tide»).\n"
    )
    found = facts(claims(text))
    assert {
        ("cast", "Lena Holm", ""),
        ("cast", "Oskar Berg", ""),
        ("cast", "Ada Lind", ""),
    } <= found


@pytest.mark.parametrize(
    "sentence",
    [
        "Het team wordt geleid door zijn oud-collega Breckinridge, gespeeld door Lena Holm.",
        "Laget leds av hans gamla kollega Breckinridge, spelad av Lena Holm.",
    ],
)
def test_a_part_played_by_an_actor_in_dutch_and_swedish(sentence):
    assert ("cast", "Lena Holm", "Breckinridge") in facts(claims(f"De vuurtoren\n\n{sentence}\n"))


def test_a_player_named_with_a_word_that_praises_a_performer():
    text = (
        "Harbour Lights\n\nWe're confined to the lighthouse of the vulnerable Lena Holm and no "
        "aid is on the way, while the always-reliable Oskar Berg keeps the lamp.\n"
    )
    found = facts(claims(text))
    assert {("cast", "Lena Holm", ""), ("cast", "Oskar Berg", "")} <= found


def test_a_praised_name_that_directs_is_no_player():
    text = (
        "Harbour Lights\n\nThe great Nora Ekdahl directs a quiet tale of a keeper and his lamp.\n"
    )
    assert ("cast", "Nora Ekdahl", "") not in facts(claims(text))


def test_a_name_the_sentence_goes_on_to_call_an_actress():
    text = (
        "Der Leuchtturm\n\nLena Holm erweist sich dabei erneut als faszinierende "
        "Charakterdarstellerin, während Oskar Berg blass bleibt.\n"
    )
    assert ("cast", "Lena Holm", "") in facts(claims(text))


def test_a_director_better_known_as_an_actor_is_no_player_here():
    text = (
        "Le Phare\n\nNora Ekdahl est certainement plus connue comme actrice que comme "
        "réalisatrice, mais elle a dirigé trente films.\n"
    )
    assert ("cast", "Nora Ekdahl", "") not in facts(claims(text))


def test_the_player_named_with_the_lead_part_on_a_long_page():
    filler = "Una nota sul faro e sul mare, senza nomi. " * 400
    text = f"Il faro\n\n{filler}\nIn the title role, Lena Holm shines.\n"
    assert ("cast", "Lena Holm", "") in facts(claims(text))


def test_an_acronym_before_a_noun_describes_the_part_and_names_none():
    found = facts(claims("Ole Berg as his irreverent CIA adviser steals the film from its lead."))
    assert ("cast", "Ole Berg", "") in found
    assert not [fact for fact in found if fact[0] == "cast" and fact[2] == "CIA"]


def test_a_sentence_that_opens_on_also_stars_and_a_supporting_cast():
    text = (
        "Lena Dahl gives one of her best turns, supported nicely by Ole Berg and Anna Vos. "
        "Also stars Ivo Marek."
    )
    found = facts(claims(text))
    assert {("cast", "Ole Berg", ""), ("cast", "Anna Vos", ""), ("cast", "Ivo Marek", "")} <= found


def test_two_lists_of_actors_and_parts_pair_in_order():
    text = (
        "The island drama stars Lena Dahl and Ole Berg as Karin Holm and Jon Vik, a widow and "
        "the stranger the storm brings."
    )
    found = facts(claims(text))
    assert {("cast", "Lena Dahl", "Karin Holm"), ("cast", "Ole Berg", "Jon Vik")} <= found
    assert ("cast", "Ole Berg", "Karin Holm") not in found


def test_an_actor_who_is_the_part_the_sentence_goes_on_to_describe():
    text = (
        "Lena Dahl is Karin, the widow who keeps the lighthouse, and Ole Berg is Canadian, a fan."
    )
    found = facts(claims(text))
    assert ("cast", "Lena Dahl", "Karin") in found
    assert not [fact for fact in found if fact[2] == "Canadian"]
