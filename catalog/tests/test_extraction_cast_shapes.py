"""The claim finder on the people of page shapes it was not written against: cast lists and
tables, credit lines and actors named in prose, on small texts written for these tests."""

import pytest

from catalog.tests.extraction_texts import claims, facts


def test_an_actor_named_with_and_without_the_part_is_one_proposal():
    text = (
        "Harbour Lights\n\n"
        "Starring Lena Holm as Ada and Oskar Berg.\n\n"
        "Lena Holm is a delight, and Oskar Berg matches her.\n"
    )
    cast = [c for c in claims(text) if c.field == "cast"]
    lena = [(c.value, c.character) for c in cast if c.value == "Lena Holm"]
    assert lena == [("Lena Holm", "Ada")]
    assert [c.value for c in cast].count("Oskar Berg") == 1


def test_the_plot_passage_leaves_the_cast_sentence_to_the_cast():
    text = (
        "Harbour Lights\n\n"
        "Ada (Lena Holm) keeps the lighthouse on a northern island, where a storm brings a "
        "stranger to her door and, with him, a secret her family has kept for forty years. "
        "Starring Lena Holm and Oskar Berg.\n"
    )
    plots = [c for c in claims(text) if c.field == "synopsis"]
    assert plots and all("Starring" not in c.quote for c in plots)


def test_credits_in_a_capsule_sentence():
    text = (
        "Harbour Lights\n\n"
        "A keeper's widow runs the light alone. Written and directed by Nora Ekdahl. "
        "With Lena Holm, Oskar Berg, and Maja Lund.\n"
    )
    found = facts(claims(text))
    assert {("director", "Nora Ekdahl", ""), ("writer", "Nora Ekdahl", "")} <= found
    assert {("cast", name, "") for name in ("Lena Holm", "Oskar Berg", "Maja Lund")} <= found


def test_a_film_in_brackets_after_its_director_is_no_part():
    text = "Nora Ekdahl (Harbour Lights) directs the proceedings with a light touch.\n"
    found = facts(claims(text))
    assert ("director", "Nora Ekdahl", "") in found
    assert not [claim for claim in found if claim[0] == "cast"]


@pytest.mark.parametrize(
    "table",
    [
        "Rolle | Darsteller |\n---|---|\nAda | Lena Holm |\nNils | Oskar Berg |\n",
        "Darsteller  Rolle\nLena Holm Ada\nOskar Berg Nils\n",
    ],
)
def test_a_cast_table_headed_by_its_columns(table):
    found = facts(claims("Hafenlichter\n\nBesetzung\n" + table))
    assert {("cast", "Lena Holm", "Ada"), ("cast", "Oskar Berg", "Nils")} <= found


def test_honours_before_an_actor_in_brackets():
    text = "Ada (Oscar-winner Lena Holm) keeps the light on the island after the storm.\n"
    assert ("cast", "Lena Holm", "Ada") in facts(claims(text))


def test_a_listicle_entry_with_a_year_and_director_line():
    text = "Three thrillers to stream\nHarbour Lights\n2018 \u2013 Dir: Nora Ekdahl\nA widow.\n"
    found = facts(claims(text))
    assert {
        ("title", "Harbour Lights", ""),
        ("year", "2018", ""),
        ("director", "Nora Ekdahl", ""),
    } <= found


@pytest.mark.parametrize(
    "rows",
    [
        "Ana Torrent ... Elena\nPedro Casablanc ... Tomás (uncredited)\n",
        "\tAna Torrent\t...\tElena\n\tPedro Casablanc\t...\tTomás\n",
        # A picture's caption repeats the name before it.
        "Ana Torrent Ana Torrent ... Elena\nPedro Casablanc Pedro Casablanc ... Tomás\n",
    ],
)
def test_a_cast_table_copied_as_actor_dots_part(rows):
    text = f"La frontera (2005)\n\nCast overview, first billed only:\n{rows}\nRuntime: 95 min\n"
    cast = [c for c in claims(text) if c.field == "cast"]
    assert {(c.value, c.character) for c in cast} == {
        ("Ana Torrent", "Elena"),
        ("Pedro Casablanc", "Tomás"),
    }
    assert all("\n" not in c.quote for c in cast)


def test_an_infobox_cast_ends_at_the_next_row():
    text = (
        "Harbour Lights\n\nDirected by\tNora Ekdahl\nStarring\nLena Holm\nOskar Berg\n"
        "Cinematography\tPer Lind\nRunning time\t98 minutes\n"
    )
    cast = {(c.value, c.character) for c in claims(text) if c.field == "cast"}
    assert cast == {("Lena Holm", ""), ("Oskar Berg", "")}


def test_a_cast_of_actor_and_part_in_turn_without_blank_lines():
    text = (
        "The Cage Man\n1992 · Drama\n\nCast\nJacky Cheung\nSheriff Wu\nAnthony Wong\nChau\n"
        "Lau Ching-Wan\nMao Mao\nCrew\nAnn Hui\nDirector\n"
    )
    cast = {(c.value, c.character) for c in claims(text) if c.field == "cast"}
    assert cast == {
        ("Jacky Cheung", "Sheriff Wu"),
        ("Anthony Wong", "Chau"),
        ("Lau Ching-Wan", "Mao Mao"),
    }


def test_oscar_is_a_first_name_in_a_cast_label():
    text = "Competición\n\nReparto: Penélope Cruz, Oscar Martínez\nGénero: Comedia\n"
    cast = {c.value for c in claims(text) if c.field == "cast"}
    assert cast == {"Penélope Cruz", "Oscar Martínez"}


def test_a_review_headed_by_its_credits_and_facts():
    text = (
        "septembre 2008\n"
        "La Vie derrière soi (The Life Behind) de Vadim PERELMAN, avec Uma THURMAN, "
        "Evan Rachel WOOD\nEtats-Unis, 2007, 1h30, drame\n"
        "Diana, une adolescente rebelle, se retrouve dans les toilettes de son lycée.\n"
    )
    found = facts(claims(text))
    assert {
        ("title", "La Vie derrière soi", ""),
        ("title", "The Life Behind", ""),
        ("director", "Vadim PERELMAN", ""),
        ("cast", "Uma THURMAN", ""),
        ("cast", "Evan Rachel WOOD", ""),
        ("year", "2007", ""),
        ("runtime", "1h30", ""),
        ("genre", "drame", ""),
    } <= found
    assert not [fact for fact in found if fact[0] == "cast" and fact[1] == "The Life Behind"]


def test_a_credits_page_that_glues_as_to_the_actor():
    text = (
        "Full Cast & Crew\n\nCast (in credits order) complete, awaiting verification\n"
        "Gene Kellyas Don Lockwood\nDebbie Reynoldsas Kathy Selden (as Debbie Reynolds)\n"
        "Rest of cast listed alphabetically:\n"
        "Frank Capraas Self (archive footage) (uncredited)\nProduced by\nArthur Freed\n"
    )
    cast = [c for c in claims(text) if c.field == "cast"]
    assert {(c.value, c.character) for c in cast} == {
        ("Gene Kelly", "Don Lockwood"),
        ("Debbie Reynolds", "Kathy Selden"),
        ("Frank Capra", "Self"),
    }
    assert all("\n" not in c.quote for c in cast)


def test_a_cast_section_ends_at_the_next_section_and_crew_rows_are_no_cast():
    text = (
        "Cast\nCast overview, first billed only:\nAna Torrent ... Elena\nLuis Tosar ... Policía\n"
        "See full cast »\nStoryline\nElena, a teacher, moves to a village in the south where "
        "she meets a group of immigrants.\nWriters\nJuan Pérez ... (screenplay)\n"
        "Marta Ruiz ... (story)\nCrew\nCarlos Gil ... director of photography\n"
        "Rosa Díaz ... editor\n"
    )
    cast = [c for c in claims(text) if c.field == "cast"]
    assert {(c.value, c.character) for c in cast} == {
        ("Ana Torrent", "Elena"),
        ("Luis Tosar", "Policía"),
    }


def test_credit_lines_that_name_the_part_in_brackets():
    text = (
        "La frontera (2005) (TV)\n\nWriting credits\nJuan Pérez (writer) &\nMarta Ruiz (writer)\n"
        "George Feifer (novel)\nCarlos Gil (director of photography)\n"
    )
    found = facts(claims(text))
    assert {
        ("writer", "Juan Pérez", ""),
        ("writer", "Marta Ruiz", ""),
        ("writer", "George Feifer", ""),
    } <= found
    assert not [fact for fact in found if fact[1] == "Carlos Gil"]


def test_a_title_with_an_abbreviation_and_a_cast_heading_over_a_list_on_one_line():
    text = (
        "Mr. Saturday Night (1992)\nGenre\nComedy, Drama\nRuntime\n119 min\n"
        "Cast\nBilly Crystal, David Paymer, Julie Warner\n"
    )
    found = facts(claims(text))
    assert ("title", "Mr. Saturday Night", "") in found
    assert {("cast", name, "") for name in ("Billy Crystal", "David Paymer", "Julie Warner")} <= (
        found
    )


@pytest.mark.parametrize(
    "line",
    [
        "Cast: {}.",
        "The cast includes {}.",
        "(Focus) {}.",
    ],
)
def test_an_actor_far_down_a_long_list_is_quoted_short(line):
    people = [f"{first} {last}" for first in ("Ada", "Lena", "Oskar") for last in ("Holm", "Berg")]
    people += ["Maja Lund", "Nils Sand", "Per Lind", "Karin Dahl"]
    text = f"Harbour Lights\n\n{line.format(', '.join(people))}\n"
    cast = [c for c in claims(text) if c.field == "cast"]
    assert {c.value for c in cast} == set(people)
    assert all(len(c.quote) <= 100 for c in cast)
    assert any(c.quote == "Karin Dahl" for c in cast)


@pytest.mark.parametrize(
    ("heading", "rows"),
    [
        ("Cast and characters", "Lena Holm - Ada\nOskar Berg - Jon\n"),
        ("Actors", "Lena Holm\tAda\nOskar Berg\tJon\n"),
    ],
)
def test_cast_rows_parted_by_a_dash_or_a_tab(heading, rows):
    text = f"Harbour Lights (2011)\n\n{heading}\n{rows}"
    cast = {(c.value, c.character) for c in claims(text) if c.field == "cast"}
    assert cast == {("Lena Holm", "Ada"), ("Oskar Berg", "Jon")}


def test_a_character_and_actor_aside_is_quoted_with_its_closing_bracket():
    text = "Detroit\n\nMelvin Dismukes (John Boyega), a security guard, protects a store.\n"
    cast = [c for c in claims(text) if c.field == "cast"]
    assert [(c.value, c.character, c.quote) for c in cast] == [
        ("John Boyega", "Melvin Dismukes", "Melvin Dismukes (John Boyega)")
    ]


@pytest.mark.parametrize(
    "rows",
    [
        "Written by\nMark Boal\nJohn Hersey\nStarring\nLena Holm\n",
        "Screenplay by | Mark Boal |\nBased on | The Secret Life by John Hersey |\n",
    ],
)
def test_writers_a_line_each_or_after_their_work(rows):
    found = facts(claims(f"Harbour Lights\n\n{rows}"))
    assert {("writer", "Mark Boal", ""), ("writer", "John Hersey", "")} <= found


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Other strong showings include Lena Holm as a persecuted Soviet spy.", "Lena Holm"),
        ("The best turn comes from Oskar Berg as Ada\u2019s fearful husband.", "Oskar Berg"),
        ("The crew stays with them (Oskar Berg plays the other American) for days.", "Oskar Berg"),
        ("The keeper is ordered about by a German General (Oskar Berg) for a week.", "Oskar Berg"),
    ],
)
def test_words_that_describe_a_part_give_the_actor_without_a_character(sentence, actor):
    cast = {(c.value, c.character) for c in claims(sentence) if c.field == "cast"}
    assert cast == {(actor, "")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbour Lights (written and directed by Oskar Berg) is a small film.",
        "It draws on a play by Lena Holm (THE LONG NIGHT) and little else.",
        "Read the Daily Courier's (Oskar Berg) review before you go.",
    ],
)
def test_a_credit_a_work_or_someones_in_brackets_is_no_part(sentence):
    assert not [c for c in claims(sentence) if c.field == "cast"]


def test_a_name_after_a_spanish_a_still_names_the_part():
    found = claims("Desde la ventana, ve a Tae-Ho (Lena Holm) cruzar la calle.")
    assert ("Lena Holm", "Tae-Ho") in {(c.value, c.character) for c in found if c.field == "cast"}


@pytest.mark.parametrize(
    ("sentence", "writers"),
    [
        (
            "Based on the best seller by Lena Holm and Ada Brandt, adapted for the screen by "
            "Oskar Berg.",
            {"Lena Holm", "Ada Brandt", "Oskar Berg"},
        ),
        ("A play by Lena Holm as adapted by Oskar Berg.", {"Lena Holm", "Oskar Berg"}),
        ("A careful treatment of Lena Holm's slender novel about first love.", {"Lena Holm"}),
    ],
)
def test_writers_of_the_book_and_of_its_adaptation(sentence, writers):
    found = claims(sentence)
    assert {c.value for c in found if c.field == "writer"} == writers
    assert not [c for c in found if c.field == "cast"]


def test_an_actor_credited_for_directing_is_no_cast_member():
    found = claims("Harbour Lights was directed by actor Oskar Berg for television.")
    assert ("director", "Oskar Berg") in {(c.field, c.value) for c in found}
    assert not [c for c in found if c.field == "cast"]


@pytest.mark.parametrize(
    ("sentence", "director"),
    [
        ("It is easy to see why Lena Holm, the director, took it on.", "Lena Holm"),
        ("With Lena Holm directing, the film was sure to please.", "Lena Holm"),
    ],
)
def test_a_director_named_before_the_role(sentence, director):
    assert ("director", director, "") in facts(claims(sentence))


def test_a_director_of_another_film_is_not_the_films():
    found = facts(claims("It stars Lena Holm, the director of Harbour Lights, in a small part."))
    assert not any(field == "director" for field, _value, _character in found)


def test_a_capsule_closing_on_its_cast_and_an_actor_who_plays_a_description():
    text = (
        "A careful film. Ada Brandt is good here, as is Mia Stone who plays her maid. "
        "Lena Holm, Oskar Berg, Ada Brandt. (1991)"
    )
    cast = {value for field, value, _character in facts(claims(text)) if field == "cast"}
    assert cast == {"Lena Holm", "Oskar Berg", "Ada Brandt", "Mia Stone"}


def test_a_crew_list_that_names_each_part_in_brackets():
    text = (
        "Harbour Lights (1991)\n"
        "Crew: Ivo Marek (Director), Jana Dvorak (Producer), Petr Holub (Screenplay), "
        "Eva Sykora (Editor)\n"
    )
    found = facts(claims(text))
    assert ("director", "Ivo Marek", "") in found
    assert ("writer", "Petr Holub", "") in found
    assert not any(value in ("Jana Dvorak", "Eva Sykora") for _, value, _ in found)


def test_a_one_word_name_between_two_names_of_a_cast_list():
    text = "Harbour Lights (1991)\n\nStars: Ivo Marek, Zendaya, Jana Dvorak and Petr Holub.\n"
    cast = {value for field, value, _ in facts(claims(text)) if field == "cast"}
    assert cast == {"Ivo Marek", "Zendaya", "Jana Dvorak", "Petr Holub"}


def test_a_one_word_item_closing_a_cast_list_is_no_name():
    text = "Harbour Lights (1991)\n\nStars: Ivo Marek, Jana Dvorak, Others\n"
    cast = {value for field, value, _ in facts(claims(text)) if field == "cast"}
    assert cast == {"Ivo Marek", "Jana Dvorak"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the direction of newcomer Ivo Marek, this is a quiet film about a keeper.",
        "Sous la direction de Ivo Marek, le film suit un gardien de phare.",
    ],
)
def test_a_director_named_under_the_direction_of(sentence):
    assert ("director", "Ivo Marek", "") in facts(claims("Harbour Lights\n\n" + sentence + "\n"))


def test_a_capsule_closing_on_a_sentence_of_its_actors_alone():
    text = (
        "The keeper tends his light and waits for a ship that never comes. Ivo Marek, "
        "Jana Dvorak. (1991) \u2014 A. Critic\n"
    )
    cast = {value for field, value, _ in facts(claims(text)) if field == "cast"}
    assert cast == {"Ivo Marek", "Jana Dvorak"}


def test_a_sentence_opening_on_two_names_is_no_list_of_actors():
    text = "The film is long. Ivo Marek, Jana Dvorak and their crew worked for a year.\n"
    assert not any(field == "cast" for field, _, _ in facts(claims(text)))


def test_a_line_of_the_stars_names_under_the_title_is_the_cast_not_a_title():
    text = (
        "Harbour Lights\n\nLena Dahl and Ole Berg\n\nRated: PG\nRelease date: May 3, 2011\n\n"
        "A widow keeps the lighthouse on a quiet island.\n"
    )
    found = facts(claims(text))
    assert {("cast", "Lena Dahl", ""), ("cast", "Ole Berg", "")} <= found
    assert [fact for fact in found if fact[0] == "title"] == [("title", "Harbour Lights", "")]


def test_a_title_of_two_first_names_is_no_line_of_stars():
    found = facts(claims("Harold and Maude\n\nRated: PG\nRelease date: 1971\n"))
    assert ("title", "Harold and Maude", "") in found
    assert not [fact for fact in found if fact[0] == "cast"]


def test_a_sentence_that_runs_on_after_a_colon_holds_its_asides():
    text = "There are only two differences: his sister is young Ada (Lena Dahl) and he wakes."
    assert ("cast", "Lena Dahl", "Ada") in facts(claims(text))


def test_the_source_of_a_quote_in_brackets_is_no_actor():
    text = (
        'Harbour Lights is "a small wonder" (The Island Times). Lena Dahl and Ole Berg are '
        "the keepers of the lighthouse."
    )
    assert not [fact for fact in facts(claims(text)) if fact[0] == "cast" and "Times" in fact[1]]


def test_a_labels_people_parted_by_a_spaced_dash():
    found = facts(claims("Título | Faro\nGuion | Nora Ekdahl - Per Lind | |\nAño | 1990 | |\n"))
    assert {("writer", "Nora Ekdahl", ""), ("writer", "Per Lind", "")} <= found


def test_a_copied_table_that_glues_each_actor_to_the_part():
    text = (
        "Harbour Lights\n\nLena DahlKarin Holm\nOle BergJon\nAnna MacLeodAda\n\n"
        "Genre: Drama\nDirector: Nora Ekdahl\n"
    )
    found = facts(claims(text))
    assert {
        ("cast", "Lena Dahl", "Karin Holm"),
        ("cast", "Ole Berg", "Jon"),
        ("cast", "Anna MacLeod", "Ada"),
    } <= found
    assert [fact for fact in found if fact[0] == "title"] == [("title", "Harbour Lights", "")]


def test_a_sentence_that_opens_on_the_cast_holds_parts_in_its_brackets():
    text = "The cast includes Lena Dahl (Karin), Ole Berg (Jon) and Anna Vos (Ada)."
    found = facts(claims(text))
    assert {
        ("cast", "Lena Dahl", "Karin"),
        ("cast", "Ole Berg", "Jon"),
        ("cast", "Anna Vos", "Ada"),
    } <= found
    assert not [claim for claim in claims(text) if claim.field == "synopsis"]


def test_a_part_named_like_someone_the_catalogue_knows_is_still_the_part():
    text = "Kate Vos plays Adele, a widow. The stranger, Guy Hamilton (Ole Berg), comes ashore."
    found = facts(claims(text, names={"kate vos", "ole berg", "adele", "guy hamilton"}))
    assert {("cast", "Kate Vos", "Adele"), ("cast", "Ole Berg", "Guy Hamilton")} <= found


def test_a_list_of_stars_over_the_cast_with_parts_is_no_list_of_parts():
    text = (
        "Harbour Lights\n2011\nStars\nLena Dahl\nOle Berg\nAnna Vos\nTop cast\n"
        "Lena Dahl\nKarin\nOle Berg\nJon\nAnna Vos\nAda\n"
    )
    found = facts(claims(text))
    assert {("cast", "Lena Dahl", "Karin"), ("cast", "Ole Berg", "Jon")} <= found
    assert ("cast", "Lena Dahl", "Ole Berg") not in found
