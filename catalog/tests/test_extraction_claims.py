"""The claim finder, one page shape at a time, on small texts written for these tests."""

import pytest

from catalog.extraction import Fact, Proposal
from catalog.extraction.people import NameIndex
from catalog.extraction.proposal import LONG_FIELDS
from catalog.tests.extraction_texts import claims


def facts(found: list[Proposal]) -> set[tuple[str, str, str]]:
    """(field, value, character) of each short-field proposal."""
    return {(c.field, c.value, c.character) for c in found if c.field not in LONG_FIELDS}


def test_every_field_the_finder_names_is_a_claim_field():
    from catalog.models import Field

    text = SHAPES_TOGETHER
    assert {claim.field for claim in claims(text)} <= set(Field.values)


def test_label_lines():
    text = (
        "Harbour Lights\n\n"
        "Directed by: Nora Ekdahl\n"
        "Writers: Nora Ekdahl, Tomas Vinter (novel)\n"
        "Cast: Lena Holm, Oskar Berg and Maja Lund\n"
        "Running time: 1 hr 42 min\n"
        "Genre: Drama, Mystery\n"
        "Rated: PG-13\n"
        "Year: 2011\n"
    )
    found = facts(claims(text))
    assert {
        ("director", "Nora Ekdahl", ""),
        ("writer", "Nora Ekdahl", ""),
        ("writer", "Tomas Vinter", ""),
        ("cast", "Lena Holm", ""),
        ("cast", "Oskar Berg", ""),
        ("cast", "Maja Lund", ""),
        ("runtime", "1 hr 42 min", ""),
        ("genre", "Drama", ""),
        ("genre", "Mystery", ""),
        ("certificate", "PG-13", ""),
        ("year", "2011", ""),
    } <= found


def test_label_above_its_value_and_table_rows():
    text = (
        "Directed by\n\nIvo Marek\n\nStarring:\n|\nAnna Veselá\nPetr Dvořák\n|\n"
        "Running time | 97 minutes |\nCountry | Czechia |\n"
    )
    found = facts(claims(text))
    assert {
        ("director", "Ivo Marek", ""),
        ("cast", "Anna Veselá", ""),
        ("cast", "Petr Dvořák", ""),
        ("runtime", "97 minutes", ""),
        ("country", "Czechia", ""),
    } <= found


def test_bullet_strip():
    text = "  • PG\n  • 2004\n  • 1 hr 35 min\n  • 6.1  (1,204)\n  • Comedy, Romance\n\nA story."
    found = claims(text)
    assert {
        ("certificate", "PG", ""),
        ("year", "2004", ""),
        ("runtime", "1 hr 35 min", ""),
        ("user_rating", "6.1", ""),
        ("votes", "1,204", ""),
        ("genre", "Comedy", ""),
        ("genre", "Romance", ""),
    } <= facts(found)
    year = next(claim for claim in found if claim.field == "year")
    assert year.quote == "• 2004"


def test_inline_bullet_and_bar_strips():
    found = facts(claims("• R • 1988 • 111 min • 7.1 (40,001)\n\nR | 98 min | Crime, Drama\n"))
    assert ("runtime", "111 min", "") in found
    assert ("votes", "40,001", "") in found
    assert ("genre", "Crime", "") in found


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


def test_video_guide_tail():
    text = (
        "Night Ferry ★★½ 1991 (PG) A stowaway boy and a widowed captain cross the Baltic. "
        "Gentle and slow. 95m/C VHS, DVD. Nils Aberg, Kari Moen, Leif Strand; D: Ole Brekke; "
        "W: Ole Brekke, Sigrid Lie; C: Jon Ness; M: Per Holm."
    )
    found = claims(text)
    assert {
        ("runtime", "95m", ""),
        ("cast", "Nils Aberg", ""),
        ("cast", "Kari Moen", ""),
        ("cast", "Leif Strand", ""),
        ("director", "Ole Brekke", ""),
        ("writer", "Ole Brekke", ""),
        ("writer", "Sigrid Lie", ""),
    } <= facts(found)
    assert not any(claim.value in ("Jon Ness", "Per Holm") for claim in found)


def test_video_guide_with_cast_label_and_head_line():
    text = (
        "Night Ferry ★★½ 1991 (PG)\n"
        "A stowaway boy and a widowed captain cross the Baltic. Gentle and slow. "
        "95m/C VHS. Cast: Nils Aberg, Kari Moen; D: Ole Brekke; W: Sigrid Lie."
    )
    found = claims(text)
    assert {
        ("title", "Night Ferry", ""),
        ("year", "1991", ""),
        ("certificate", "PG", ""),
        ("cast", "Kari Moen", ""),
        ("writer", "Sigrid Lie", ""),
    } <= facts(found)
    synopsis = next(claim for claim in found if claim.field == "synopsis")
    assert synopsis.quote == "A stowaway boy and a widowed captain cross the Baltic."
    verdicts = {claim.value for claim in found if claim.field == "verdict"}
    assert verdicts == {"★★½", "Gentle and slow."}


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


def test_directed_and_starring_in_prose():
    text = (
        '"Salt Roads" is a 2009 drama directed by veteran filmmaker Ines Falk and starring '
        "Omar Haddad, Lea Sommer, and Jon Rask."
    )
    found = facts(claims(text))
    assert {
        ("title", "Salt Roads", ""),
        ("year", "2009", ""),
        ("genre", "drama", ""),
        ("director", "Ines Falk", ""),
        ("cast", "Omar Haddad", ""),
        ("cast", "Lea Sommer", ""),
        ("cast", "Jon Rask", ""),
    } <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regie: Jana Sommer\nDrehbuch: Jana Sommer, Udo Kehl\nDarsteller: Tim Roth, Eva Mai\n"
            "Laufzeit: 104 Minuten\nGenre: Komödie\nErscheinungsjahr: 2016\nFSK: ab 12 Jahren\n",
            {
                ("director", "Jana Sommer", ""),
                ("writer", "Udo Kehl", ""),
                ("cast", "Eva Mai", ""),
                ("runtime", "104 Minuten", ""),
                ("genre", "Komödie", ""),
                ("year", "2016", ""),
                ("certificate", "ab 12 Jahren", ""),
            },
        ),
        (
            "Réalisé par : Claire Dumont\nScénario : Claire Dumont, Paul Vidal\n"
            "Avec : Léa Martin, Hugo Bernard\nDurée : 1h 38min\nGenre : Comédie dramatique\n"
            "Année : 2018\n",
            {
                ("director", "Claire Dumont", ""),
                ("writer", "Paul Vidal", ""),
                ("cast", "Léa Martin", ""),
                ("cast", "Hugo Bernard", ""),
                ("runtime", "1h 38min", ""),
                ("genre", "Comédie dramatique", ""),
                ("year", "2018", ""),
            },
        ),
        (
            "Dirección: Lucía Prieto\nGuion: Lucía Prieto\nReparto: Pablo Ortiz, Ana Gil\n"
            "Duración: 96 min.\nGénero: Drama\nAño: 2012\nSinopsis: Un pescador gallego "
            "encuentra un barco vacío en la ría y decide no decir nada a nadie.\n",
            {
                ("director", "Lucía Prieto", ""),
                ("writer", "Lucía Prieto", ""),
                ("cast", "Pablo Ortiz", ""),
                ("cast", "Ana Gil", ""),
                ("runtime", "96 min", ""),
                ("genre", "Drama", ""),
                ("year", "2012", ""),
            },
        ),
        (
            "- Regia / Marco Bellini\n- Sceneggiatura / Marco Bellini , Sara Conti\n"
            "- Interpreti / Luca Ferri, Giulia Neri\n- Durata / 102\n- Genere / Commedia\n"
            "- Anno / 2010\n",
            {
                ("director", "Marco Bellini", ""),
                ("writer", "Sara Conti", ""),
                ("cast", "Luca Ferri", ""),
                ("cast", "Giulia Neri", ""),
                ("runtime", "102", ""),
                ("genre", "Commedia", ""),
                ("year", "2010", ""),
            },
        ),
    ],
    ids=["german", "french", "spanish", "italian"],
)
def test_labels_in_other_languages(text, expected):
    assert expected <= facts(claims(text))


def test_spanish_synopsis_label():
    found = claims("Sinopsis: Un pescador gallego encuentra un barco vacío en la ría y calla.")
    synopsis = next(claim for claim in found if claim.field == "synopsis")
    assert synopsis.quote.startswith("Un pescador gallego")


def test_a_misspelt_name_stays_misspelt():
    text = "His uncle, Dimitri (Armin Mueller-Stall), smuggles in records."
    found = facts(claims(text))
    assert ("cast", "Armin Mueller-Stall", "Dimitri") in found


def test_plot_section_is_one_synopsis_to_the_next_heading():
    text = (
        "Plot\nA lighthouse keeper on a northern island finds a child washed ashore and "
        "raises her in secret while the village searches for the ship's crew.\n\n"
        "Years later, the girl learns the truth.\n\nReception\nThe film was praised."
    )
    found = claims(text)
    synopsis = [claim for claim in found if claim.field == "synopsis"]
    assert len(synopsis) == 1
    assert synopsis[0].quote.startswith("A lighthouse keeper")
    assert synopsis[0].quote.endswith("learns the truth.")


def test_setting_and_period_where_stated():
    text = (
        "The film is set in the 1930s Vienna. In 1944, the family flees. It takes place in "
        "the bustling city of Lisbon."
    )
    found = facts(claims(text))
    assert ("period", "the 1930s", "") in found
    assert ("setting", "Vienna", "") in found
    assert ("period", "1944", "") in found
    assert ("setting", "Lisbon", "") in found


def test_review_verdict_sentence():
    text = (
        "Harbour Lights\n\nA keeper finds a child on the shore and raises her as his own "
        "while the village looks for the wreck. Years pass and she grows curious.\n\n"
        "The most tedious seafaring drama in years, it mistakes silence for depth and "
        "fails to make its beautiful coast matter."
    )
    verdict = [claim for claim in claims(text) if claim.field == "verdict"]
    assert [(v.value, v.quote[:20]) for v in verdict] == [("negative", "The most tedious sea")]


def test_tagline_above_the_overview():
    text = (
        "Harbour Lights (2011)\n\nSome secrets wash ashore.\n\nOverview\n"
        "A lighthouse keeper finds a child washed ashore and raises her in secret."
    )
    tagline = [claim for claim in claims(text) if claim.field == "tagline"]
    assert [claim.quote for claim in tagline] == ["Some secrets wash ashore."]


def test_structured_facts_only_where_the_text_says_them():
    text = "Harbour Lights\n\nA keeper finds a child on the shore. 102 min. With Lena Holm.\n"
    structured = [
        Fact("director", "Nora Ekdahl"),
        Fact("cast", "Lena Holm"),
        Fact("runtime", "PT1H42M"),
        Fact("genre", "Drama"),
    ]
    found = claims(text, structured=structured)
    assert ("cast", "Lena Holm", "") in facts(found)
    assert ("runtime", "102 min", "") in facts(found)
    assert not any(claim.value in ("Nora Ekdahl", "Drama") for claim in found)


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


SHAPES_TOGETHER = "\n\n".join(
    [
        "Harbour Lights (2011)",
        "  • PG\n  • 1 hr 42 min\n  • 6.1  (1,204)",
        "Directed by: Nora Ekdahl\nCast: Lena Holm (Marit), Oskar Berg",
        "The story follows Marit (Lena Holm), a keeper, set in the 1930s Bergen.",
        'In conclusion, "Harbour Lights" is a captivating drama.',
    ]
)


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


def test_infobox_cell_over_several_lines():
    text = (
        "Directed by | Kathy Bigelo |\nStarring | John Boyer\nWill Poult\nAlgee Smythe |\n"
        "Running time | 143 minutes |\n"
    )
    found = facts(claims(text))
    assert {
        ("cast", "John Boyer", ""),
        ("cast", "Will Poult", ""),
        ("cast", "Algee Smythe", ""),
    } <= found
    assert ("runtime", "143 minutes", "") in found


@pytest.mark.parametrize(
    "text",
    [
        '"Night Ferry" -- *** A stowaway boy crosses the Baltic with a widowed captain. (PG-13)',
        "NIGHT FERRY (PG-13, 118 min.) A stowaway boy crosses the Baltic with a widowed captain.",
    ],
    ids=["quoted", "capitals"],
)
def test_newspaper_capsule(text):
    found = claims(text)
    assert ("certificate", "PG-13", "") in facts(found)
    assert any(claim.field == "title" and claim.value.lower() == "night ferry" for claim in found)
    synopsis = [claim.quote for claim in found if claim.field == "synopsis"]
    assert synopsis == ["A stowaway boy crosses the Baltic with a widowed captain."]


def test_french_credit_sentence():
    found = facts(claims("Un film de Claire Dumont, avec Léa Martin et Hugo Bernard."))
    assert {
        ("director", "Claire Dumont", ""),
        ("cast", "Léa Martin", ""),
        ("cast", "Hugo Bernard", ""),
    } <= found


def test_credit_lines_without_colons():
    text = (
        "Les Petits Matins\nDate de sortie 4 juillet 2007 (1h 25min)\nDe Pierre Lenoir\n"
        "Avec Léa Martin, Hugo Bernard et Anne Roy\n"
    )
    assert {
        ("title", "Les Petits Matins", ""),
        ("year", "2007", ""),
        ("runtime", "1h 25min", ""),
        ("director", "Pierre Lenoir", ""),
        ("cast", "Léa Martin", ""),
        ("cast", "Hugo Bernard", ""),
        ("cast", "Anne Roy", ""),
    } <= facts(claims(text))


def test_genres_parted_by_full_stops_and_a_rating_with_its_votes_below():
    text = "Género: Comedia. Drama | Sátira\nNota media: 6,6\n12.345 votos\n"
    assert {
        ("genre", "Comedia", ""),
        ("genre", "Drama", ""),
        ("genre", "Sátira", ""),
        ("user_rating", "6,6", ""),
        ("votes", "12.345", ""),
    } <= facts(claims(text))


def test_year_and_runtime_in_brackets_after_the_title():
    found = facts(claims("Sea Fog (1993, 95 min) A captain and his son drift in a fog bank."))
    assert {("year", "1993", ""), ("runtime", "95 min", "")} <= found


def test_a_title_that_is_a_label_word():
    text = "Running Time\nDirector: Josh Baker\nRunning time: 70 min\n"
    assert {("title", "Running Time", ""), ("runtime", "70 min", "")} <= facts(claims(text))


def test_cast_table_after_a_lead_in_line():
    text = (
        "Cast\n\n  Cast overview, first billed only:\n    Jon Brandt      ...    Hector\n"
        "    Ada Lund        ...    Helen's Maid\n"
    )
    assert facts(claims(text)) >= {
        ("cast", "Jon Brandt", "Hector"),
        ("cast", "Ada Lund", "Helen's Maid"),
    }


def test_keyword_strips_and_more_links_are_not_genres():
    text = (
        "Plot Keywords:\n\nTrojan | Greek | Fate | Epic | See more »\n\n"
        "Genres:\n\nAction | Romance more\n"
    )
    genres = {value for field, value, _c in facts(claims(text)) if field == "genre"}
    assert genres == {"Action", "Romance"}


def test_a_byline_is_not_a_director():
    found = facts(claims("Oscars night\nBy Jill Serrano\n\nThe ceremony ran long."))
    assert not any(field == "director" for field, _v, _c in found)


@pytest.mark.parametrize(
    ("sentence", "setting", "period"),
    [
        ("The story is set in 1987 in a rural, New Hampshire town.", "New Hampshire", "1987"),
        ("Die Geschichte spielt im Herbst 1989 in einer Kleinstadt in der Uckermark.", "Uckermark",
         "Herbst 1989"),
        ("L'action se déroule à Marseille dans les années 1930.", "Marseille", "les années 1930"),
        ("La película está ambientada en Buenos Aires en 1978.", "Buenos Aires", "1978"),
        ("Il film è ambientato a Napoli negli anni Cinquanta.", "Napoli", "anni Cinquanta"),
        ("Taking place in contemporary Chicago, it follows four widows.", "Chicago", ""),
    ],
)  # fmt: skip
def test_where_and_when_the_story_is_set(sentence, setting, period):
    found = {(c.field, c.value) for c in claims(f"Harbour Lights\n\n{sentence}\n")}
    assert ("setting", setting) in found
    assert not period or ("period", period) in found


def test_a_plot_under_its_heading_ends_before_the_judgement():
    text = (
        "American Steel\n\nInhalt:\nNachdem er in Florida eine junge Frau getötet hat, zieht sich "
        "ein Fotograf auf das Anwesen seiner Mutter in Paraguay zurück. Ein Agent folgt ihm. "
        "Schlecht erfundene, schießwütig inszenierte Kolportage auf niedrigstem Niveau.\n"
    )
    found = claims(text)
    plots = [c for c in found if c.field == "synopsis"]
    assert plots and all("Schlecht" not in c.quote for c in plots)
    assert any(c.field == "verdict" and "Schlecht" in c.quote for c in found)


def test_a_season_of_a_year_is_the_storys_time_unless_after_the_films_year():
    told = claims("Stilles Land\n\n1992, 89 Minuten\n\nEine Kleinstadt im Herbst 1989.\n")
    assert ("period", "Herbst 1989") in {(c.field, c.value) for c in told}
    released = claims("Harbour Lights (2023)\n\nDer Film startet im Herbst 2024 im Kino.\n")
    assert not [c for c in released if c.field == "period"]


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Una película torpe y absurda, llena de incoherencias de principio a fin.", "negative"),
        ("Un film sublime et maîtrisé, porté par une actrice remarquable de bout en bout.",
         "positive"),
    ],
)  # fmt: skip
def test_a_reviews_judgement_in_spanish_and_french(sentence, verdict):
    text = f"Mi crítica\n\nLa vi ayer en el cine con mis amigos del barrio.\n\n{sentence}\n"
    found = [c for c in claims(text) if c.field == "verdict"]
    assert [(c.value, c.quote) for c in found] == [(verdict, sentence)]
