"""The claim finder on the head lines of page shapes it was not written against: titles, a
review's head, and lines on top that name no film, on small texts written for these tests."""

import pytest

from catalog.normalise import fold
from catalog.tests.extraction_texts import claims, facts


def test_a_head_line_with_the_site_after_a_dash_gives_the_title():
    found = facts(claims("Harbour Lights (2011) - Video Shop\n\nA quiet drama about a keeper.\n"))
    assert ("title", "Harbour Lights", "") in found
    assert ("year", "2011", "") in found


def test_an_abbreviation_in_a_title_line_is_no_sentence():
    text = (
        "Daily Archives: May 3, 1996\n\nSgt. Harbour\n\n"
        "A sergeant runs the island's only lighthouse with more charm than sense, and the "
        "village loves him for it until the storm.\n"
    )
    assert ("title", "Sgt. Harbour", "") in facts(claims(text))


def test_a_channel_before_the_title():
    text = "Montag, 11. November\n\nZDF: Hafenlichter\n\nEine Witwe hütet den Leuchtturm.\n"
    assert ("title", "Hafenlichter", "") in facts(claims(text))


def test_a_sites_address_on_top_is_no_title():
    found = facts(claims("movie-base.net\n\nComedy\n\nA comedian looks back on his long career.\n"))
    assert not [fact for fact in found if fact[0] == "title"]


def test_crew_cards_under_their_heading():
    text = (
        "Harbour Lights\n\nTop Billed Cast\nLena Holm\nAda\nOskar Berg\nJon\n"
        "Featured Crew\nNora Ekdahl\nDirector, Screenplay\nPer Lind\nNovel\n"
    )
    found = facts(claims(text))
    assert {
        ("director", "Nora Ekdahl", ""),
        ("writer", "Nora Ekdahl", ""),
        ("writer", "Per Lind", ""),
        ("cast", "Lena Holm", "Ada"),
        ("cast", "Oskar Berg", "Jon"),
    } == {fact for fact in found if fact[0] in ("director", "writer", "cast")}


def test_a_head_line_that_names_the_film_before_the_word_review():
    found = facts(claims("Friday, 19 January 2018\n\nHarbour Lights: Movie Review\n\nA drama.\n"))
    assert ("title", "Harbour Lights", "") in found


def test_the_films_other_title_on_a_line_under_its_first():
    found = facts(claims("Harbour Lights\naka Fyrlyktan\n\nA keeper tends the light alone.\n"))
    assert {("title", "Harbour Lights", ""), ("title", "Fyrlyktan", "")} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Writers: Lena Holm (screenplay), Lena Holm (book)\nStars: Oskar Berg, Ada Brandt\n",
        "harbour-lights.jpg\n\nA keeper tends the light alone.\n",
    ],
)
def test_a_label_line_or_a_pictures_file_name_on_top_is_no_title(text):
    assert not [c for c in claims(text) if c.field == "title"]


def test_a_book_named_by_its_title_before_its_author():
    found = claims("Directed by Ada Brandt\n\nBased on The Long Night by Lena Holm\n")
    assert {c.value for c in found if c.field == "writer"} == {"Lena Holm"}


@pytest.mark.parametrize(
    "line",
    ["Harbour Lights | The Film Site", "Harbour Lights Review", "Harbour Lights Movie Review"],
)
def test_a_first_line_without_the_sites_words_after_the_title(line):
    found = facts(claims(f"{line}\n\nA keeper tends the light.\n"))
    assert [value for field, value, _c in found if field == "title"] == ["Harbour Lights"]


def test_a_posters_caption_names_the_title_the_page_writes_again():
    text = (
        'Film "Harbour Lights, 2011". Alles zum Film auf der Seite\n\nHarbour Lights\n\n4.2 \n\n'
        "Harbour Lights - Poster\n\n2011 / Tschechien / Drama\n"
    )
    assert ("title", "Harbour Lights", "") in facts(claims(text))


def test_a_review_head_with_the_critics_mark_in_brackets():
    found = facts(
        claims("Film review: Harbour Lights (4 out of 5)\n\nA keeper waits for a ship.\n")
    )
    assert ("title", "Harbour Lights", "") in found
    assert ("verdict", "4 out of 5", "") in found


def test_a_title_and_the_word_review_after_a_space():
    found = facts(claims("Harbour Lights Review\n\nA keeper waits for a ship that never comes.\n"))
    assert ("title", "Harbour Lights", "") in found


@pytest.mark.parametrize("line", ["Our Review", "Latest Review"])
def test_a_heading_that_says_which_review_names_no_film(line):
    found = facts(claims(line + "\n\nA keeper waits for a ship that never comes.\n"))
    assert not any(field == "title" for field, _, _ in found)


def test_a_head_whose_brackets_hold_the_stars_the_year_the_day_seen_and_the_length():
    text = (
        "Reviews June 2002\n\nHarbour Lights (3.5 stars, 2002, seen 6/28/2002, 2:21, rated "
        "PG-13):\n\nA keeper waits for a ship that never comes.\n"
    )
    found = facts(claims(text))
    assert {
        ("title", "Harbour Lights", ""),
        ("year", "2002", ""),
        ("verdict", "3.5 stars", ""),
        ("runtime", "2:21", ""),
        ("certificate", "PG-13", ""),
    } <= found


def test_the_heads_title_again_with_its_other_title_in_brackets():
    text = (
        "Harbour Lights (1962)\n\nHarbour Lights (Les Feux du port)\nDirected by Ivo Marek\n\n"
        "Harbour Lights (Blu-ray)\n"
    )
    titles = {value for field, value, _ in facts(claims(text)) if field == "title"}
    assert titles == {"Harbour Lights", "Les Feux du port"}


def test_a_line_naming_the_film_and_its_year_then_its_premise():
    text = (
        "October 25, 2012\n\nHarbour Lights\n\nFrom my marathon.\n\n"
        "Harbour Lights, 1982. A keeper waits for a ship that never comes to the harbour.\n"
    )
    found = claims(text)
    assert {("title", "Harbour Lights", ""), ("year", "1982", "")} <= facts(found)
    assert [c.value for c in found if c.field == "synopsis"] == [
        "A keeper waits for a ship that never comes to the harbour."
    ]


def test_a_plot_opening_on_its_place_and_year_names_no_film():
    text = "Plot\n\nLisbon, 1975. A keeper waits for a ship that never comes to the harbour.\n"
    assert not any(c.field == "title" and c.value == "Lisbon" for c in claims(text))


def test_the_day_a_blogger_viewed_the_film_is_no_title_and_no_year():
    text = "Viewed in\n2005\nPremise\nA keeper waits for a ship that never comes to the harbour.\n"
    found = facts(claims(text))
    assert not any(field in ("title", "year") for field, _, _ in found)


def test_the_reviews_byline_under_its_heading_is_no_writer():
    text = (
        "Harbour Lights (1991)\n\nHarbour Lights Review\n\nwritten by Jana Dvorak\n\n"
        "A keeper waits for a ship. Written by Ivo Marek, the script is spare.\n"
    )
    writers = {value for field, value, _ in facts(claims(text)) if field == "writer"}
    assert "Jana Dvorak" not in writers


def test_a_quoted_head_line_over_a_small_de_credit_line():
    text = (
        '"FAROS 2"\n\nde Ivo Marek, Jana Dvorak\n\nLa secuencia de los faros sigue en FAROS 2, '
        "la continuación de FAROS, con nuevas aventuras junto al mar.\n"
    )
    found = claims(text)
    assert {
        ("title", "FAROS 2", ""),
        ("director", "Ivo Marek", ""),
        ("director", "Jana Dvorak", ""),
    } <= facts(found)
    assert [c.quote for c in found if c.field == "title"] == ["FAROS 2"]


def test_a_description_heading_on_top_is_no_title():
    text = (
        "Beschreibung\nWir könnten sagen, dass Faros nach seinem Kinostart einen Namen gemacht "
        "hat und riesige Kassenverkäufe eingefahren hat.\n"
    )
    assert not [c for c in claims(text) if c.field == "title" and c.value == "Beschreibung"]


def test_a_count_of_views_over_the_title_is_no_title():
    text = (
        "12 Visualizações\n\nLuz do Porto\n\nUma viúva guarda o farol sozinha durante o inverno.\n"
    )
    titles = {value for field, value, _ in facts(claims(text)) if field == "title"}
    assert titles == {"Luz do Porto"}


def test_a_title_in_the_first_cell_of_a_grade_grid():
    text = "Harbour Lights |\n|\nSpannung | Musik | Gesamt |\n** | **** | 64% |\nInhalt:\nEine.\n"
    assert ("title", "Harbour Lights", "") in facts(claims(text))


def test_a_spanish_posts_date_over_the_title():
    text = "lunes, 23 de marzo de 2015\n\nLUZ DEL PUERTO.\n\nUna viuda cuida el faro sola.\n"
    assert ("title", "LUZ DEL PUERTO", "") in facts(claims(text))


def test_the_line_over_a_boards_rating_and_its_reasons_is_the_title():
    text = (
        "Screen Notes by a Critic\n\nWeek of May 3, 2019\n\nHarbour Lights\n"
        "Rated PG-13 for some peril and brief language\nIn Theaters\n"
        "A keeper's widow runs the light alone all winter.\n"
    )
    titles = {value for field, value, _ in facts(claims(text)) if field == "title"}
    assert titles == {"Harbour Lights"}


@pytest.mark.parametrize(
    "lead",
    [
        "Harbour Lights (Swedish: Hamnljus) is a 2011 Swedish drama film directed by Nora Ekdahl.",
        "Harbour Lights (Originaltitel: Hamnljus) ist ein schwedischer Spielfilm von Nora Ekdahl.",
    ],
)
def test_a_lead_gives_the_films_title_in_another_language_in_brackets(lead):
    found = facts(claims(f"Site of films\n{lead}\n"))
    assert {("title", "Harbour Lights", ""), ("title", "Hamnljus", "")} <= found
    assert ("title", "Harbour Lights (Swedish: Hamnljus)", "") not in found


def test_a_lead_gives_in_brackets_the_original_title_the_infobox_writes():
    text = (
        "Harbour Lights\nHarbour Lights (Hamnljus) est un film dramatique suédois.\n"
        "Titre original | Hamnljus |\n"
    )
    found = facts(claims(text))
    assert {("title", "Harbour Lights", ""), ("title", "Hamnljus", "")} <= found
    assert ("title", "Harbour Lights (Hamnljus)", "") not in found


def test_a_lead_whose_title_holds_a_bracket_of_its_own():
    found = facts(claims("Il faro (Stai calmo) è un film del 2011 diretto da Nora Ekdahl.\n"))
    assert ("title", "Il faro (Stai calmo)", "") in found


@pytest.mark.parametrize("slot", ["Channel4, 9pm", "12.35-2.30am ITV3", "ZDF, 20.15 Uhr"])
def test_a_schedules_slot_on_top_is_no_title(slot):
    text = f"TV films of the week\n\n{slot}\n\nA keeper's widow (Lena Holm) runs the light alone.\n"
    assert not [fact for fact in facts(claims(text)) if fact[0] == "title"]


@pytest.mark.parametrize("head", ['"Hafenlichter"', "Hafenlichter"])
def test_the_line_over_a_stack_of_bare_facts_is_the_title(head):
    text = (
        "Deutsche Filmstarts: Lena Holm hütet den Leuchtturm\n\nEine Kinowoche startet heute.\n\n"
        f"{head}\nDrama\nSchweden\n96 Minuten\nFSK 12\n\nEine Witwe hütet den Leuchtturm.\n"
    )
    found = facts(claims(text))
    assert ("title", "Hafenlichter", "") in found
    assert not [fact for fact in found if fact[0] == "title" and "Filmstarts" in fact[1]]


@pytest.mark.parametrize(
    "head",
    [
        "Movie Review: Harbour Lights (2011)",
        "Notebook Reviews: HARBOUR LIGHTS (2011)",
        "Our Reviews: Harbour Lights (2011)",
    ],
)
def test_a_review_word_and_the_sections_name_before_the_title_are_not_of_it(head):
    found = facts(claims(f"{head}\n\nA widow keeps the lighthouse on a quiet island.\n"))
    titles = [value for field, value, _ in found if field == "title"]
    assert [fold(title) for title in titles] == ["harbour lights"]
    assert ("year", "2011", "") in found


def test_a_section_of_reviews_names_the_film_after_its_colon():
    found = facts(claims("Notebook Reviews: HARBOUR LIGHTS\n\nA widow keeps the lighthouse.\n"))
    assert ("title", "HARBOUR LIGHTS", "") in found


def test_the_critics_mark_under_the_head_is_no_title():
    text = (
        "4.5 out of 5 stars\n\nA widow keeps the lighthouse on a quiet island, and keeps it well.\n"
    )
    found = facts(claims(text))
    assert not [fact for fact in found if fact[0] == "title"]
    assert ("verdict", "4.5 out of 5 stars", "") in found


def test_the_readers_mark_after_a_head_line_leaves_its_title_and_year():
    found = facts(
        claims("Harbour Lights (2011) 3.73/5 (8)\n\nGenre: Drama\nDirector: Nora Ekdahl\n")
    )
    assert {("title", "Harbour Lights", ""), ("year", "2011", "")} <= found


def test_a_part_and_its_actors_surname_opening_a_paragraph_is_no_listings_title():
    text = (
        "With Lena Dahl at her best, the film is a small wonder.\n\n"
        "Karin Holm (Dahl) is a widow who keeps the lighthouse on a quiet island.\n"
    )
    found = facts(claims(text))
    assert ("title", "Karin Holm", "") not in found
    assert ("cast", "Dahl", "Karin Holm") in found


def test_a_certificate_head_with_a_label_run_on_after_it():
    found = facts(claims("Harbour Lights (PG-13) Release Date: June 11th, 2011\nRuntime: 98 min\n"))
    assert {("title", "Harbour Lights", ""), ("certificate", "PG-13", "")} <= found
    assert ("year", "2011", "") in found


def test_a_day_of_the_year_over_the_title_is_no_title():
    found = facts(claims("event · April 13\n\nHarbour Lights\n\nA widow keeps the lighthouse.\n"))
    assert [fact for fact in found if fact[0] == "title"] == [("title", "Harbour Lights", "")]


def test_a_guides_own_marks_after_the_title_are_not_of_it():
    found = facts(claims("Harbour Lights \u2642\u2642 1993 (PG)\nA widow keeps the lighthouse.\n"))
    assert ("title", "Harbour Lights", "") in found


def test_the_critics_summing_word_before_a_lead_is_not_of_the_title():
    text = "Ole Berg is fine.\n\nOverall, Harbour Lights is a well-meaning but clumsy drama.\n"
    titles = [claim for claim in claims(text) if claim.field == "title"]
    assert [(claim.value, claim.quote[:14]) for claim in titles] == [
        ("Harbour Lights", "Harbour Lights")
    ]


def test_a_pictures_caption_glued_before_the_head_lines_title():
    found = facts(
        claims("Harbour Lights PosterHarbour Lights (2011)\n\nA widow keeps a lighthouse.\n")
    )
    assert ("title", "Harbour Lights", "") in found


def test_a_pictures_credit_over_the_title_is_no_title():
    found = facts(claims("Image: Nordic Pictures\n\nHarbour Lights\n\nDirected by Nora Ekdahl\n"))
    assert [fact for fact in found if fact[0] == "title"] == [("title", "Harbour Lights", "")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Il faro (2004) su Rai3 alle 21,05 |\nI film in tv di stasera.\n", "Il faro"),
        (
            "Tonight\n\nPicture courtesy Film ArchiveHarbour Lights, 7pm Sundance TV. A keeper "
            "stays on.\n",
            "Harbour Lights",
        ),
        ('Program TV\n\n"Latarnia" w reżyserii Franka Holma to głośna adaptacja.\n', "Latarnia"),
        ('Stasera in tv\n\n"Il faro" un film nostalgico e ironico sul mare.\n', "Il faro"),
    ],
)
def test_a_listing_or_a_pick_names_its_film_before_its_slot_or_its_credit(text, title):
    found = facts(claims(text))
    assert ("title", title, "") in found


def test_the_year_a_listing_puts_in_brackets_before_the_channel():
    assert ("year", "2004", "") in facts(claims("Il faro (2004) su Rai3 alle 21,05 |\n"))


def test_the_line_over_a_run_of_credits_is_the_title_not_the_sites_name():
    text = (
        "Songs from the Screen\n31 augustus 2006\nThe Lighthouse\n"
        "Regie Nora Ekdahl Cast Lena Holm, Oskar Berg Speelduur 98 minuten Jaar 2006\n"
    )
    found = facts(claims(text))
    assert ("title", "The Lighthouse", "") in found
    assert ("title", "Songs from the Screen", "") not in found


def test_a_portuguese_label_for_the_films_name_and_its_local_title():
    text = "Nome do Filme : “Earth To Sky”\nTitulo Português : “Terra Chama Céu”\nAno : 2014\n"
    found = facts(claims(text))
    assert {("title", "Earth To Sky", ""), ("title", "Terra Chama Céu", "")} <= found
