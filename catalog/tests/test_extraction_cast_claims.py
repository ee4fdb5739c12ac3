"""The claim finder on who plays whom, one page shape at a time, on small texts written for
these tests: asides in brackets, "as" and "played by", cast lists and tables, known names."""

from catalog.extraction.people import NameIndex
from catalog.tests.extraction_texts import claims
from catalog.tests.extraction_texts import short_facts as facts


def test_prose_character_then_actor_in_parentheses():
    text = (
        "In a fishing town, young Marit (Sofie Lindgren) finds a letter. Her uncle Anders "
        "(Per Olav Strand) will not say who wrote it, and the new priest, Father Jon "
        "(Erik Dahl), takes an interest."
    )
    found = facts(claims(text))
    assert ("cast", "Sofie Lindgren", "Marit") in found
    assert ("cast", "Per Olav Strand", "Anders") in found
    assert ("cast", "Erik Dahl", "Father Jon") in found


def test_prose_actor_then_character_in_parentheses():
    text = "Darsteller: Heino Brandt (Fritz), Lisa Kern (Anna / Lotte), Max Ober (Kommissar Roth)"
    found = facts(claims(text))
    assert ("cast", "Heino Brandt", "Fritz") in found
    assert ("cast", "Lisa Kern", "Anna / Lotte") in found
    assert ("cast", "Max Ober", "Kommissar Roth") in found


def test_actor_as_plays_portrays_character():
    text = (
        "Clara Voss plays Helen, a photographer. Tomás Ruiz portrays Daniel, her brother, "
        "while Ben Okafor takes on the role of Victor. With Ada Pike as Mrs. Hale."
    )
    found = facts(claims(text))
    assert ("cast", "Clara Voss", "Helen") in found
    assert ("cast", "Tomás Ruiz", "Daniel") in found
    assert ("cast", "Ben Okafor", "Victor") in found
    assert ("cast", "Ada Pike", "Mrs. Hale") in found


def test_character_played_by_actor():
    text = (
        "The plot follows a pianist named Ilya, played by Marc Devon, and Rosa, a dancer, "
        "depicted by Anna Bell."
    )
    found = facts(claims(text))
    assert ("cast", "Marc Devon", "Ilya") in found
    assert ("cast", "Anna Bell", "Rosa") in found


def test_cast_list_with_character_on_the_next_line():
    text = (
        "Top Cast\n\n"
        "  • Mara Quinn (small)\n    Mara Quinn\n    Edie\n"
        "  • Tobias Wren\n    Inspector Hale\n"
        "  • Joan de la Cruz (small)\n    Joan de la Cruz\n    Mrs. Ortega\n"
    )
    found = facts(claims(text))
    assert ("cast", "Mara Quinn", "Edie") in found
    assert ("cast", "Tobias Wren", "Inspector Hale") in found
    assert ("cast", "Joan de la Cruz", "Mrs. Ortega") in found


def test_cast_list_with_repeated_names_between_blank_lines():
    text = (
        "Top Billed Cast\n\nAlan Chow\n\nAlan Chow\n\nDetective Lam\n\n"
        "Mei Ling\n\nMei Ling\n\nAmy\n"
    )
    found = facts(claims(text))
    assert ("cast", "Alan Chow", "Detective Lam") in found
    assert ("cast", "Mei Ling", "Amy") in found


def test_cast_table_rows_with_dots():
    text = (
        "Cast & Crew\n-\nRoy Kent (Actor) .. Capt. Miles Hart\n"
        "Dee Fox (Actress) .. Nurse Amy Cole\n"
    )
    found = facts(claims(text))
    assert ("cast", "Roy Kent", "Capt. Miles Hart") in found
    assert ("cast", "Dee Fox", "Nurse Amy Cole") in found


def test_surname_only_mention_is_resolved_to_the_full_name_on_the_page():
    text = (
        "Starring Hugh Jarrow and Nell Brandt.\n\n"
        "Detective Cole (Jarrow) hunts a forger; Brandt plays Ivy, his sister."
    )
    found = claims(text)
    cole = next(c for c in found if c.character == "Detective Cole")
    assert (cole.value, cole.person) == ("Jarrow", "Hugh Jarrow")
    ivy = next(c for c in found if c.character == "Ivy")
    assert (ivy.value, ivy.person) == ("Brandt", "Nell Brandt")


def test_a_misspelt_name_stays_misspelt():
    text = "His uncle, Dimitri (Armin Mueller-Stall), smuggles in records."
    found = facts(claims(text))
    assert ("cast", "Armin Mueller-Stall", "Dimitri") in found


def test_known_names_tell_a_one_word_name_from_a_word():
    text = "Starring: Madonna, Rupert Everett"
    assert ("cast", "Madonna", "") not in facts(claims(text))
    index = NameIndex([(1, "Madonna", []), (2, "Rupert Everett", [])])
    assert ("cast", "Madonna", "") in facts(claims(text, names=index))


def test_a_capitalised_place_in_a_list_is_not_a_cast_member():
    text = "Starring Lena Holm and Oskar Berg, the film was shot in Old Town Square."
    found = facts(claims(text))
    assert ("cast", "Lena Holm", "") in found
    assert not any(value == "Old Town Square" for _field, value, _c in found)


def test_cast_list_with_the_character_on_the_same_line():
    text = (
        "Cast\nJohn Doe as Sheriff Brody\nMary Jane - Ellen\nPeter Pan (Captain Hook)\n"
        "Anna Berg ... Mrs. Lind\n"
    )
    found = claims(text)
    assert facts(found) == {
        ("cast", "John Doe", "Sheriff Brody"),
        ("cast", "Mary Jane", "Ellen"),
        ("cast", "Peter Pan", "Captain Hook"),
        ("cast", "Anna Berg", "Mrs. Lind"),
    }


def test_names_one_a_line_under_a_heading_are_each_an_actor():
    text = "Regie\nJens Wollin\n\nDarsteller\nKnut Hallmann\nRike Sommer\nVera Ostrowski\n"
    assert facts(claims(text)) == {
        ("director", "Jens Wollin", ""),
        ("cast", "Knut Hallmann", ""),
        ("cast", "Rike Sommer", ""),
        ("cast", "Vera Ostrowski", ""),
    }


def test_actor_in_parentheses_when_the_page_lists_the_actor():
    text = (
        "Reparto: Chris Prado, Bryce Dalla\n\n"
        "En esta entrega, Owen Grady (Chris Prado) vuelve a la isla con Claire Dearing "
        "(Bryce Dalla)."
    )
    found = facts(claims(text))
    assert ("cast", "Chris Prado", "Owen Grady") in found
    assert ("cast", "Bryce Dalla", "Claire Dearing") in found


def test_actor_before_parentheses_when_the_page_writes_it_so():
    text = (
        "La película cuenta la historia de Ana (Ana Torrent) y su padre. Fernando Fernán Gómez "
        "(Fernando) apenas habla; Isabel Tellería (Isabel) juega en el campo."
    )
    found = facts(claims(text))
    assert ("cast", "Fernando Fernán Gómez", "Fernando") in found
    assert ("cast", "Isabel Tellería", "Isabel") in found


def test_cast_table_after_a_lead_in_line():
    text = (
        "Cast\n\n  Cast overview, first billed only:\n    Jon Brandt      ...    Hector\n"
        "    Ada Lund        ...    Helen's Maid\n"
    )
    assert facts(claims(text)) >= {
        ("cast", "Jon Brandt", "Hector"),
        ("cast", "Ada Lund", "Helen's Maid"),
    }
