"""The claim finder on page shapes met on pages it was not written against: listings, capsules,
cards and tables, on small texts written for these tests."""

import pytest

from catalog.extraction import Proposal, find_claims


def claims(text: str) -> list[Proposal]:
    found = find_claims(text)
    for claim in found:
        assert text[claim.start : claim.start + len(claim.quote)] == claim.quote
    return found


def facts(found: list[Proposal]) -> set[tuple[str, str, str]]:
    """(field, value, character) of each proposal but the plot's and the tagline's."""
    return {(c.field, c.value, c.character) for c in found if c.field not in PASSAGES}


PASSAGES = ("synopsis", "tagline")


def test_a_head_line_with_the_site_after_a_dash_gives_the_title():
    found = facts(claims("Harbour Lights (2011) - Video Shop\n\nA quiet drama about a keeper.\n"))
    assert ("title", "Harbour Lights", "") in found
    assert ("year", "2011", "") in found


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


def test_a_tv_listing_entry():
    text = (
        "What's on TV\n\n"
        "Harbour Lights (Showtime, 8-9:35 p.m.): A keeper's widow (Lena Holm) runs the light "
        "alone after the storm. (TV-14, D,L,S)\n"
    )
    found = facts(claims(text))
    assert ("title", "Harbour Lights", "") in found
    assert ("certificate", "TV-14", "") in found
    assert ("title", "What's on TV", "") not in found


@pytest.mark.parametrize(
    "head, title, verdict",
    [
        ("HARBOUR LIGHTS: (B+) A keeper's widow runs the light alone.", "HARBOUR LIGHTS", "B+"),
        ("\u201cHARBOUR LIGHTS\u201d (PG-13) 3.5 STARS", "HARBOUR LIGHTS", "3.5 STARS"),
        ("Harbour Lights (PG-13) B-", "Harbour Lights", "B-"),
    ],
)
def test_a_capsule_head_with_its_grade(head, title, verdict):
    found = facts(claims(head + "\n"))
    assert {("title", title, ""), ("verdict", verdict, "")} <= found


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


def test_a_french_film_card_on_one_line():
    text = (
        "Le Phare 1h 42min / Drame, Comédie De Nora Ekdahl Par Tomas Vinter Avec Lena Holm, "
        "Oskar Berg Date de sortie 4 juillet 2007\n"
    )
    found = facts(claims(text))
    assert {
        ("title", "Le Phare", ""),
        ("runtime", "1h 42min", ""),
        ("genre", "Drame", ""),
        ("genre", "Comédie", ""),
        ("director", "Nora Ekdahl", ""),
        ("writer", "Tomas Vinter", ""),
        ("cast", "Lena Holm", ""),
        ("cast", "Oskar Berg", ""),
    } <= found


def test_honours_before_an_actor_in_brackets():
    text = "Ada (Oscar-winner Lena Holm) keeps the light on the island after the storm.\n"
    assert ("cast", "Lena Holm", "Ada") in facts(claims(text))


def test_the_critics_mark_the_audiences_and_the_critics_average():
    text = (
        "Harbour Lights\nSuécia, 2011\nDrama, 98 minutos\n"
        "Nota da casa: 8/10\nNota do IMDB: 7,7/10\nNota do Metacritic: 90/100\n"
    )
    found = facts(claims(text))
    assert {("verdict", "8/10", ""), ("user_rating", "7,7/10", "")} <= found
    assert ("verdict", "90/100", "") not in found
    assert {("year", "2011", ""), ("runtime", "98 minutos", ""), ("genre", "Drama", "")} <= found
    assert {claim for claim in found if claim[0] == "title"} == {("title", "Harbour Lights", "")}


def test_a_mark_without_its_scale_and_a_closing_recommendation():
    found = facts(claims("Regia di Nora Ekdahl vedi scheda film\nVOTO : 7.\nBello.\nDa vedere.\n"))
    assert ("director", "Nora Ekdahl", "") in found
    assert ("verdict", "7", "") in found
    assert ("verdict", "Da vedere", "") in found


def test_a_disc_round_up_names_the_film_before_its_studio_and_rating():
    text = (
        "Next up is the quiet debut Harbour Lights (Northern Films, Rated PG, DVD-$19.98 SRP), "
        "a gentle tale of a keeper's widow.\n"
    )
    found = facts(claims(text))
    assert {("title", "Harbour Lights", ""), ("certificate", "PG", "")} <= found


def test_a_listicle_entry_with_a_year_and_director_line():
    text = "Three thrillers to stream\nHarbour Lights\n2018 \u2013 Dir: Nora Ekdahl\nA widow.\n"
    found = facts(claims(text))
    assert {
        ("title", "Harbour Lights", ""),
        ("year", "2018", ""),
        ("director", "Nora Ekdahl", ""),
    } <= found


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


def test_a_line_of_country_year_and_length():
    found = facts(claims("Stilles Wasser\nDeutschland 1992, 89 Minuten\n\nRegie: Ada Holm\n"))
    assert {("year", "1992", ""), ("runtime", "89 Minuten", "")} <= found


def test_a_disc_reviews_grade_of_the_movie_is_no_title():
    text = (
        "Running Late\nStudio: Sterling Home Entertainment\nMovie: ***\nPicture/Sound: **\n"
        "Running time: 70 minutes\nRated: R\n"
    )
    found = facts(claims(text))
    assert ("verdict", "***", "") in found
    assert ("title", "***", "") not in found


def test_a_told_plot_under_label_lines_starts_at_its_own_line():
    text = (
        "Running Late\nStudio: Sterling Home Entertainment\nRated: R\n"
        "Carl, an ex-con, gets out of prison and at once plans a heist with his old friend "
        "Patrick (Jeremy Roberts). The heist goes wrong in every way it can, and the two men "
        "spend one long night in the city trying to save their skins and the money.\n"
    )
    plots = [c for c in claims(text) if c.field == "synopsis"]
    assert all(not c.quote.startswith("Running Late") for c in plots)


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


def test_infobox_labels_glued_to_their_values():
    text = (
        "Harbour Lights (film)\nHarbour Lights is a 2011 Swedish drama film.\n"
        "Directed byNora Ekdahl\nWritten byPer Lind\nRunning time98 minutes\n"
    )
    found = facts(claims(text))
    assert {
        ("director", "Nora Ekdahl", ""),
        ("writer", "Per Lind", ""),
        ("runtime", "98 minutes", ""),
    } <= found
    assert not [c for c in claims(text) if c.field == "tagline"]


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


def test_an_audience_average_over_a_rate_this_button():
    text = "1. Harbour Lights (2011)\n\nPG | 98 min | Drama\n\n8.1\nRate this\n79 Metascore\n"
    found = facts(claims(text))
    assert ("user_rating", "8.1", "") in found
    assert not [fact for fact in found if fact[0] == "verdict"]


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


def test_a_capsule_headed_by_title_certificate_and_length():
    text = (
        "MOVIE CAPSULES\n\nHarbour Lights (PG) 97 min. A keeper's widow (Lena Holm) runs the "
        "lighthouse alone until a stranger washes ashore. Beautifully shot and quietly moving. "
        "Rating: ***1/2\n"
    )
    found = claims(text)
    assert {
        ("title", "Harbour Lights", ""),
        ("certificate", "PG", ""),
        ("runtime", "97 min", ""),
        ("verdict", "***1/2", ""),
    } <= facts(found)
    plots = [c for c in found if c.field == "synopsis"]
    assert plots and all(c.quote.startswith("A keeper's widow") for c in plots)


def test_a_line_of_studio_certificate_and_length():
    found = facts(claims("Harbour Lights (1995)\nParamount, PG-13, 97 min.\n\nA quiet drama.\n"))
    assert {("certificate", "PG-13", ""), ("runtime", "97 min", "")} <= found


def test_a_genre_label_with_topics_after_a_bar():
    found = facts(claims("Competición\n\nGénero: Comedia. Drama | Cine dentro del cine\n"))
    genres = {fact[1] for fact in found if fact[0] == "genre"}
    assert genres == {"Comedia", "Drama", "Cine dentro del cine"}


def test_a_labelled_plot_without_the_site_it_credits():
    text = (
        "Competición\n\nSinopsis: Un millonario decide hacer una película para dejar huella y "
        "contrata a los mejores. (FILMAFFINITY)\nGénero: Comedia\n"
    )
    plots = [c for c in claims(text) if c.field == "synopsis"]
    assert [c.value for c in plots] == [
        "Un millonario decide hacer una película para dejar huella y contrata a los mejores."
    ]


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


@pytest.mark.parametrize(
    ("line", "runtime"), [("Durée : 77'", "77'"), ("Durata: 90\u2019", "90\u2019")]
)
def test_minutes_marked_by_an_apostrophe(line, runtime):
    assert ("runtime", runtime, "") in facts(claims(f"Les grands\n\n{line}\nGenre : Comédie\n"))


def test_a_certificate_rated_in_a_sentence():
    found = facts(claims("Harbour Lights\n\nThe film is rated R for strong language.\n"))
    assert ("certificate", "R", "") in found


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
    ("text", "grade"),
    [
        ("Harbour Lights (2011)\n\nA keeper tends the light alone.  Grade: B+\n", "B+"),
        ("Harbour Lights (2011)\n\nThe acting is quite good.\nMy Rating: 7.5\n", "7.5"),
        ("Harbour Lights (2011)\n\nWatch it whenever you can.\nVERDICT\n⭐️⭐️⭐️⭐️\n", "⭐️⭐️⭐️⭐️"),
    ],
)
def test_a_critics_grade_closing_a_paragraph_or_on_its_own_line(text, grade):
    assert ("verdict", grade, "") in facts(claims(text))


def test_a_bare_rating_label_without_its_scale_is_no_critics_grade():
    found = facts(claims("Harbour Lights (2011)\nRating: 7\n"))
    assert not any(field == "verdict" for field, _value, _character in found)


@pytest.mark.parametrize(
    ("line", "title", "year", "grade"),
    [
        ("Day 41: Harbour Lights (2011) - Rank 3.5/5", "Harbour Lights", "2011", "3.5/5"),
        ("[6.25/10] Harbour Lights (2011)", "Harbour Lights", "2011", "6.25/10"),
        ("Harbour Lights [2011]", "Harbour Lights", "2011", None),
        ("Blu-ray review: Harbour Lights [2011]", "Harbour Lights", "2011", None),
    ],
)
def test_head_lines_with_a_number_a_score_or_a_year_in_square_brackets(line, title, year, grade):
    found = facts(claims(f"Monday, 3 May 2021\n\n{line}\n\nA keeper tends the light.\n"))
    assert ("title", title, "") in found
    assert ("year", year, "") in found
    assert grade is None or ("verdict", grade, "") in found


def test_a_head_line_that_names_the_film_before_the_word_review():
    found = facts(claims("Friday, 19 January 2018\n\nHarbour Lights: Movie Review\n\nA drama.\n"))
    assert ("title", "Harbour Lights", "") in found


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
    ("sentence", "setting", "period"),
    [
        ("Set in occupied Norway in 1942, a keeper hides a pilot.", "occupied Norway", "1942"),
        (
            "Set during WWII in Nazi occupied Norway, a keeper hides a pilot.",
            "Nazi occupied Norway",
            "WWII",
        ),
        ("In the cold war, a keeper is recruited to watch the coast.", None, "the cold war"),
    ],
)
def test_settings_under_occupation_and_named_eras(sentence, setting, period):
    found = facts(claims(sentence))
    assert setting is None or ("setting", setting, "") in found
    assert ("period", period, "") in found


def test_a_runtime_said_in_passing_as_so_many_minutes_long():
    found = facts(claims("While 140 minutes long, the film zips along at a fast pace."))
    assert ("runtime", "140 minutes", "") in found


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


def test_a_score_out_of_four_stars_with_two_decimals():
    found = facts(claims("Harbour Lights (2011)\n3.00 out of 4stars\n\nA keeper, alone.\n"))
    assert ("verdict", "3.00 out of 4stars", "") in found


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Harbour Lights (2011) was written and directed by my favorite director, Lena Holm. "
            "A keeper tends the light alone. It's a subtle masterpiece in my opinion.",
            "It's a subtle masterpiece in my opinion.",
        ),
        (
            "Harbour Lights (2011)\n\nStarring Lena Holm, the film is rated PG-13 for some "
            "violence. My hopes were high, but I can't lie; I was rather underwhelmed.",
            "My hopes were high, but I can't lie; I was rather underwhelmed.",
        ),
    ],
)
def test_the_critics_judgement_in_the_first_person_over_the_credits(text, verdict):
    found = [c.quote for c in claims(text) if c.field == "verdict"]
    assert found == [verdict]


@pytest.mark.parametrize(
    ("lines", "rating", "votes"),
    [
        ("IMDb RATING\n7.3/10\n120K\nYOUR RATING", "7.3/10", "120K"),
        ("2011 · 1h 35m · 7.3/10 · 120K", "7.3/10", "120K"),
        ("Rating: 6.8/10 from 12,345 users", "6.8/10", "12,345"),
        ("User Rating: 7.1/10 (2,345 votes)", "7.1/10", "2,345"),
    ],
)
def test_the_audiences_rating_with_its_scale_and_its_votes(lines, rating, votes):
    found = facts(claims(f"Harbour Lights\n{lines}\n"))
    assert ("user_rating", rating, "") in found
    assert ("votes", votes, "") in found
    assert not any(field == "verdict" for field, _value, _character in found)


def test_a_bare_rating_out_of_ten_closing_a_review_is_the_critics():
    text = (
        "Harbour Lights review\n\nA keeper tends the light alone, and I loved it.\n\nRating: 7/10\n"
    )
    found = facts(claims(text))
    assert ("verdict", "7/10", "") in found
    assert not any(field == "user_rating" for field, _value, _character in found)


def test_a_bare_rating_out_of_ten_on_a_catalogue_page_is_the_audiences():
    found = facts(claims("Harbour Lights (2011)\nDirector: Lena Holm\nRating: 7/10\n"))
    assert ("user_rating", "7/10", "") in found


@pytest.mark.parametrize(
    "line",
    ["Harbour Lights | The Film Site", "Harbour Lights Review", "Harbour Lights Movie Review"],
)
def test_a_first_line_without_the_sites_words_after_the_title(line):
    found = facts(claims(f"{line}\n\nA keeper tends the light.\n"))
    assert [value for field, value, _c in found if field == "title"] == ["Harbour Lights"]


@pytest.mark.parametrize(
    ("sentence", "setting", "period"),
    [
        (
            "The story takes place in a small town in Texas during the summer of 1962.",
            "Texas",
            "the summer of 1962",
        ),
        ("The film, set in the Australian outback, follows a keeper.", "Australian outback", None),
        ("The film is set in post-war Vienna.", "Vienna", None),
        ("Set in the near future, the film follows a keeper.", None, "the near future"),
    ],
)
def test_settings_in_a_town_of_a_place_a_region_by_its_adjective_or_the_future(
    sentence, setting, period
):
    found = facts(claims(sentence))
    assert {v for f, v, _c in found if f == "setting"} == ({setting} if setting else set())
    assert {v for f, v, _c in found if f == "period"} == ({period} if period else set())


def test_a_plot_the_page_credits_to_the_site_it_took_it_from():
    text = (
        "Harbour Lights\n\nThis week we look at a quiet drama, rated PG.\n\n"
        "In the winter of 1942, a lighthouse keeper on a remote island hides a downed pilot "
        "from the patrols that search the coast (from IMDb).\n\n7 out of 10\n"
    )
    plots = [c.value for c in claims(text) if c.field == "synopsis"]
    assert plots == [
        "In the winter of 1942, a lighthouse keeper on a remote island hides a downed pilot "
        "from the patrols that search the coast"
    ]
