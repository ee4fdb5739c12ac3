"""The claim finder on page shapes met on pages it was not written against: listings, cards,
labels and infobox rows, on small texts written for these tests."""

import pytest

from catalog.tests.extraction_texts import claims, facts


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


def test_a_line_of_country_year_and_length():
    found = facts(claims("Stilles Wasser\nDeutschland 1992, 89 Minuten\n\nRegie: Ada Holm\n"))
    assert {("year", "1992", ""), ("runtime", "89 Minuten", "")} <= found


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


def test_a_genre_label_with_topics_after_a_bar():
    found = facts(claims("Competición\n\nGénero: Comedia. Drama | Cine dentro del cine\n"))
    genres = {fact[1] for fact in found if fact[0] == "genre"}
    assert genres == {"Comedia", "Drama", "Cine dentro del cine"}


def test_an_empty_label_over_the_next_label_has_no_value():
    text = (
        "Titel\nHafenlichter\nRegisseur\nIvo Marek\nAutor\nDrehbuch-Autor\nKomponist\n"
        "Land\nDeutschland\nSlogan\nZertifikation\n12\nBudget\n"
    )
    found = claims(text)
    assert ("director", "Ivo Marek", "") in facts(found)
    assert ("certificate", "12", "") in facts(found)
    assert not {"writer", "tagline"} & {claim.field for claim in found}


def test_a_festival_line_up_entry_on_one_line():
    text = (
        "WORLD CINEMA DOCUMENTARY COMPETITION\n"
        "Harbour Lights / Czech Republic (Director: Ivo Marek, Screenwriters: Ivo Marek, "
        "Jana Dvorak) \u2014 An old keeper tends the last lighthouse of a lake that is drying "
        "out, and waits for a ship. Cast: Petr Holub, Eva Sykora. [World Premiere]\n"
    )
    found = claims(text)
    assert {(c.field, c.value) for c in found if c.field != "synopsis"} == {
        ("title", "Harbour Lights"),
        ("director", "Ivo Marek"),
        ("writer", "Ivo Marek"),
        ("writer", "Jana Dvorak"),
        ("cast", "Petr Holub"),
        ("cast", "Eva Sykora"),
    }
    (plot,) = [c for c in found if c.field == "synopsis"]
    assert plot.value.startswith("An old keeper") and plot.value.endswith("waits for a ship.")


def test_a_card_that_bullets_each_label_and_each_value():
    text = (
        "Hafenlichter\n- Genre\n- Drama\n- Darsteller\n- Ivo Marek, Jana Dvorak, Petr Holub\n"
        "- Regie\n- Eva Sykora\n"
    )
    found = facts(claims(text))
    assert ("director", "Eva Sykora", "") in found
    assert ("genre", "Drama", "") in found
    assert {value for field, value, _ in found if field == "cast"} == {
        "Ivo Marek",
        "Jana Dvorak",
        "Petr Holub",
    }


def test_a_blogs_categories_give_only_the_genres_among_them():
    text = "Category: Trivia, Drama, Reviews\n\nHarbour Lights (1991)\n\nDirector: Ivo Marek\n"
    found = facts(claims(text))
    assert {value for field, value, _ in found if field == "genre"} == {"Drama"}


@pytest.mark.parametrize(
    "line", ["Starttermin\n12 März 2011", "Année de la production 2011", "Kinostart: 2011"]
)
def test_a_start_date_or_a_year_of_production_label_gives_the_year(line):
    found = facts(claims("Hafenlichter\n\nRegie: Ivo Marek\n" + line + "\n"))
    assert {value for field, value, _ in found if field == "year"} == {"2011"}


def test_a_short_credit_line_without_a_colon():
    text = "Harbour Lights\n\nDurée 1h40\nScénario Ivo Marek\nRegie Jana Dvorak\n"
    found = facts(claims(text))
    assert ("writer", "Ivo Marek", "") in found
    assert ("director", "Jana Dvorak", "") in found


@pytest.mark.parametrize(
    "line, grade",
    [
        ("My ratings: 4/5", "4/5"),
        ("Harbourco grade: B", "B"),
        ("Subjective Rating: 8/10 (Great, 4/4). One of the best films of its year.", "8/10"),
    ],
)
def test_a_critics_mark_under_a_qualified_label(line, grade):
    text = (
        "Harbour Lights Review\n\nI think the keeper is fine and the sea is finer.\n\n"
        + line
        + "\n"
    )
    assert ("verdict", grade, "") in facts(claims(text))


@pytest.mark.parametrize("line", ["User rating: 7/10", "Average rating: 3.5/5 (Good)"])
def test_the_audiences_mark_is_no_critics_grade(line):
    text = "Harbour Lights (1991)\n\nA keeper waits for a ship.\n\n" + line + "\n"
    assert not any(field == "verdict" for field, _, _ in facts(claims(text)))


def test_a_cast_label_over_a_bulleted_name_a_line():
    text = (
        "Harbour Lights (1991)\n\n- Director:Ivo Marek\n- Cast:\n- C Thomas Vane\n"
        "- Jana Dvorak\n- J Smith-Holub\n"
    )
    cast = {value for field, value, _ in facts(claims(text)) if field == "cast"}
    assert cast == {"C Thomas Vane", "Jana Dvorak", "J Smith-Holub"}


def test_a_strip_of_facts_then_the_plot_after_a_dash_on_one_line():
    plot = "When a storm cuts the town off, the keeper of the lighthouse takes in the strangers."
    text = "Harbour Lights (1991)\n\nDrama, Thriller | 1 hour 40 minutes - " + plot + "\n"
    found = claims(text)
    assert {
        ("genre", "Drama", ""),
        ("genre", "Thriller", ""),
        ("runtime", "1 hour 40 minutes", ""),
    } <= facts(found)
    assert [c.value for c in found if c.field == "synopsis"] == [plot]


def test_a_card_that_opens_on_its_sites_scores():
    text = (
        "IMDB \u2b50\ufe0f7.1\nRT 80%\U0001f37f64%\nMetacritic 70%\nTMDB 69%\n"
        "Drama | 1 hour 40 minutes - When a storm cuts the town off, the keeper takes them in.\n"
    )
    found = facts(claims(text))
    assert {
        ("user_rating", "7.1", ""),
        ("user_rating", "64%", ""),
        ("user_rating", "69%", ""),
    } <= found
    assert not any(field == "title" for field, _, _ in found)
    assert not any(value in ("80%", "70%") for _, value, _ in found)


def test_a_genre_label_without_its_colon_over_a_list_mostly_of_genres():
    text = "Harbour Lights Review\n\nGenre Part-Animated/Family/Comedy.\n\nA keeper waits.\n"
    found = claims(text)
    genres = {c.value for c in found if c.field == "genre"}
    assert genres == {"Part-Animated", "Family", "Comedy"}
    assert not any(c.field == "tagline" for c in found)


def test_a_line_that_opens_on_the_word_genre_is_no_list_of_genres():
    text = "Harbour Lights Review\n\nGenre Films Of The Year And Other Lists\n\nA keeper waits.\n"
    assert not any(c.field == "genre" for c in claims(text))


def test_a_restriction_label_gives_the_certificate():
    text = "Harbour Lights (1991)\n\nGenre: Drama\nRestriction: R\nRuntime: 121 Minutes\n"
    assert ("certificate", "R", "") in facts(claims(text))


def test_a_guide_line_of_sentences_with_a_shortened_director_label():
    text = (
        "Harbour Lights ****\nCzechy 1991. Reż. Ivo Marek. Aktorzy: Jana Dvorak, Petr Holub.\n"
        "Dramat o latarniku.\n"
    )
    found = facts(claims(text))
    assert ("director", "Ivo Marek", "") in found
    assert {("cast", "Jana Dvorak", ""), ("cast", "Petr Holub", "")} <= found


def test_a_tv_pick_with_its_credit_bracket_under_the_hour_and_channel():
    text = (
        "Film picks\n\nHarbour Lights\n9pm, Film4\n(BBFC Rating 15, Ivo Marek, 1991)\n\n"
        "A keeper tends his lamp as his ailing Dad (Petr Holub) watches the storm.\n"
    )
    found = claims(text)
    assert {
        ("title", "Harbour Lights", ""),
        ("director", "Ivo Marek", ""),
        ("year", "1991", ""),
    } <= facts(found)
    assert ("certificate", "15", "") in facts(found)
    assert not [c for c in found if c.field == "tagline"]
    assert ("cast", "Petr Holub", "") in facts(found)


def test_a_portuguese_blog_grade_under_its_own_label():
    text = (
        "Harbour Lights\n\nDireção: Ivo Marek\n\nCrítica: um filme lento, mas bonito.\n\n"
        "Avaliação: ***\n"
    )
    assert ("verdict", "***", "") in facts(claims(text))


def test_a_streaming_cards_labels_in_a_machines_words():
    text = (
        "Une veuve garde le phare seule tout l'hiver, pendant que le village attend le bateau.\n"
        "Sortie: 2011-01-31\nEtoiles: Lena Dahl, Ole Berg\nDirecteur: Nora Ekdahl\n\n"
        "Uma viúva guarda o farol.\nLançado: Sep 18, 1964\nSterren: Anna Vos, Piet Smit\n"
    )
    found = facts(claims(text))
    assert {
        ("cast", "Lena Dahl", ""),
        ("cast", "Ole Berg", ""),
        ("director", "Nora Ekdahl", ""),
    } <= found
    assert {("cast", "Anna Vos", ""), ("cast", "Piet Smit", "")} <= found
    found = facts(claims("Canção do Farol\n\nLançado: Sep 18, 1964\n\nIMDb: 6\n"))
    assert ("year", "1964", "") in found


def test_an_italian_card_names_its_original_title_and_its_story():
    text = (
        "Titolo in lingua originale:\nIl faro (Stai calmo)\n"
        "Regia: Nora Ekdahl\nSoggetto: Nora Ekdahl e Per Lind.\n"
    )
    found = facts(claims(text))
    assert {("title", "Il faro (Stai calmo)", ""), ("writer", "Per Lind", "")} <= found
    assert ("language", "Il faro (Stai calmo)", "") not in found


@pytest.mark.parametrize("phrase", ["Interdit aux mineurs", "Vietato ai minori"])
def test_a_classification_for_adults_only_is_a_certificate(phrase):
    text = f"The Harbour\nA keeper's widow runs the light alone.\nClassification\n{phrase}\n"
    assert ("certificate", phrase, "") in facts(claims(text))


def test_a_casting_label_among_the_crew_names_no_actor():
    text = "Il faro\nRegia: Nora Ekdahl\nCast: Lena Holm (Karin) Oskar Berg (Nils)\n"
    text += "Casting: Anna Vos\n"
    found = facts(claims(text))
    assert ("cast", "Lena Holm", "Karin") in found
    assert ("cast", "Anna Vos", "") not in found


def test_a_casting_label_alone_names_the_cast():
    found = facts(
        claims("Le Phare\n\nRéalisation : Nora Ekdahl\nCasting : Lena Holm, Oskar Berg\n")
    )
    assert {("cast", "Lena Holm", ""), ("cast", "Oskar Berg", "")} <= found


@pytest.mark.parametrize("value", ["« Hamnljus »", "\u201cHamnljus\u201d"])
def test_an_original_title_label_gives_the_title_inside_its_quotation_marks(value):
    found = facts(claims(f"Le Phare (2011) de Nora Ekdahl\n\nTitre original : {value}\n"))
    assert ("title", "Hamnljus", "") in found


def test_an_infobox_cell_under_its_label_with_a_wikis_language_mark_between_names():
    text = (
        "Le Phare\nLe Phare est un film dramatique suédois réalisé par Nora Ekdahl.\n"
        "Scénario |\nPer Lind (sv) Nora Ekdahl |\nMusique |\nOskar Berg |\n"
    )
    found = facts(claims(text))
    assert {("writer", "Per Lind", ""), ("writer", "Nora Ekdahl", "")} <= found
    assert ("writer", "Oskar Berg", "") not in found


def test_an_infobox_cell_of_names_run_together_is_parted_by_a_name_the_page_gives_again():
    text = (
        "Harbour Lights | |\n---|---|\nDirected by | Nora Ekdahl |\n"
        "Written by | Per Lind Nora Ekdahl |\n"
        "Harbour Lights is a 2011 Swedish drama film directed by Nora Ekdahl.\n"
    )
    found = facts(claims(text))
    assert {("writer", "Per Lind", ""), ("writer", "Nora Ekdahl", "")} <= found
    assert ("writer", "Per Lind Nora Ekdahl", "") not in found


@pytest.mark.parametrize(
    "lead, genre",
    [
        ("Le Phare est un film dramatique suédois réalisé par Nora Ekdahl.", "dramatique"),
        ("El faro es una película dramática sueca de Nora Ekdahl.", "dramática"),
    ],
)
def test_a_lead_names_the_genre_by_its_adjective(lead, genre):
    assert ("genre", genre, "") in facts(claims(f"Le Phare\n{lead}\n"))


def test_a_comedie_dramatique_is_one_genre():
    found = facts(claims("Le Phare\nLe Phare est une comédie dramatique suédoise.\n"))
    assert ("genre", "dramatique", "") not in found


def test_a_guide_entry_with_its_head_on_the_blurbs_line():
    text = (
        "Harbour Lights 1993 (PG) A widow keeps the lighthouse on a quiet island until a "
        "stranger comes ashore. Dahl is at her best. 98m/C VHS, DVD. Lena Dahl, Ole Berg; "
        "D: Nora Ekdahl; W: Per Lind.\n"
    )
    found = facts(claims(text))
    heads = {("title", "Harbour Lights", ""), ("year", "1993", ""), ("certificate", "PG", "")}
    assert heads <= found
    plot = next(claim for claim in claims(text) if claim.field == "synopsis")
    assert plot.quote.startswith("A widow keeps")


def test_genres_each_alone_on_its_line_under_a_cards_rating():
    text = "Harbour Lights\n2011\n8.0/10\nDrama\nRomance\nA widow keeps the lighthouse.\n"
    assert {("genre", "Drama", ""), ("genre", "Romance", "")} <= facts(claims(text))


def test_a_sites_menu_of_genres_gives_none():
    menu = "\n".join(["Action", "Comedy", "Drama", "Horror", "Romance", "Western"])
    found = facts(claims(f"Films\n{menu}\n\nHarbour Lights (2011)\nA widow keeps a lighthouse.\n"))
    assert not [fact for fact in found if fact[0] == "genre"]


@pytest.mark.parametrize(
    "line",
    [
        "Regie Nora Ekdahl Cast Lena Holm, Oskar Berg & Ada Lind Speelduur 98 minuten Jaar 2004",
        "Skådespelare Lena Holm, Oskar Berg, Ada Lind m fl, Regi Nora Ekdahl, Drama",
        "Den kommer hem. Scénář Tomas Vinter. Kamera Per Sand. Režie Nora Ekdahl",
    ],
)
def test_credits_run_together_without_colons_part_at_each_label(line):
    found = facts(claims("Fyren\n\nEn fyrvaktare blir ensam kvar efter stormen.\n" + line + "\n"))
    assert ("director", "Nora Ekdahl", "") in found
    people = {value for field, value, _character in found if field in ("cast", "writer")}
    assert people and not any("Nora" in value or "Kamera" in value for value in people)
    assert ("cast", "Drama", "") not in found and ("director", "Drama", "") not in found


def test_a_run_of_credits_gives_its_length_year_and_closing_genre():
    found = facts(
        claims(
            "Fyren\nRegie Nora Ekdahl Cast Lena Holm, Oskar Berg Speelduur 98 minuten Jaar 2004\n"
            "Skådespelare Lena Holm m fl, Regi Nora Ekdahl, Drama\n"
        )
    )
    assert {
        ("runtime", "98 minuten", ""),
        ("year", "2004", ""),
        ("genre", "Drama", ""),
        ("cast", "Lena Holm", ""),
        ("cast", "Oskar Berg", ""),
    } <= found


def test_a_sentence_that_names_a_director_is_no_run_of_credits():
    found = facts(claims("Fyren\n\nThe film follows Regie Holm, who meets Cast Berg in 2004.\n"))
    assert not any(field in ("director", "cast") for field, _value, _character in found)


def test_slovak_labels_over_a_name_a_line_each_closed_by_a_comma():
    text = "drama\n1991, 76 min\nHrajú:\nJ. Holm,\nO. Berg,\nA. Lind\nRéžia:\nN. Ekdahl\n"
    found = facts(claims(text))
    assert {
        ("cast", "J. Holm", ""),
        ("cast", "O. Berg", ""),
        ("cast", "A. Lind", ""),
        ("director", "N. Ekdahl", ""),
        ("genre", "drama", ""),
    } <= found
    assert ("title", "drama", "") not in found


def test_a_bracket_of_facts_parted_by_semicolons():
    text = "IL FARO\n(Il faro; ITALIA 2004; Commedia; 95'; Produz.: Faro Film; Distribuz.: Mare)\n"
    found = facts(claims(text))
    assert {("genre", "Commedia", ""), ("runtime", "95'", "")} <= found
    assert not any(value.startswith(("Produz", "Faro Film")) for _f, value, _c in found)


@pytest.mark.parametrize(
    ("sentence", "runtime"),
    [
        ("Die Bilder zeichnen über 133 Minuten eine Atmosphäre des Grauens.", "133 Minuten"),
        ("Het had best wat langer mogen duren dan 50 minuten.", "50 minuten"),
    ],
)
def test_a_length_a_review_gives_in_passing(sentence, runtime):
    assert ("runtime", runtime, "") in facts(claims(f"Der Leuchtturm\n\n{sentence}\n"))


def test_a_closing_line_of_country_year_director_and_length_parted_by_commas():
    text = "Fyren\nEn fyrvaktare blir ensam kvar.\nSverige, 2009, Nora Ekdahl, 94 minuter\n"
    found = facts(claims(text))
    assert {
        ("year", "2009", ""),
        ("director", "Nora Ekdahl", ""),
        ("runtime", "94 minuter", ""),
        ("country", "Sverige", ""),
    } <= found


def test_a_line_of_names_parted_by_commas_is_no_strip_of_facts():
    text = "Fyren\n\nLena Holm, Oskar Berg, Ada Lind, Nora Ekdahl\n"
    assert not any(field == "director" for field, _v, _c in facts(claims(text)))


def test_the_year_a_sentence_says_the_film_came_out_when_no_other_is_given():
    text = "Latarnia\n\nFilm zadebiutował w 1994 roku i od lat jest na szczycie listy.\n"
    assert ("year", "1994", "") in facts(claims(text))


def test_a_czech_juniors_mark_stays_with_the_name():
    text = "drama\n1991, 76 min\nHrajú:\nJ. Holm,\nR. Berg ml.,\nA. Lind\n"
    assert ("cast", "R. Berg ml.", "") in facts(claims(text))


def test_a_guides_line_that_opens_on_where_and_when_then_credits():
    text = "Latarnia *****\nPolska 2018. Reż. Ewa Holm. Aktorzy: Lena Berg, Ada Lind.\n"
    found = facts(claims(text))
    assert {("year", "2018", ""), ("country", "Polska", "")} <= found


def test_a_plot_line_that_opens_on_the_films_genre_and_its_polish_about():
    text = (
        "Latarnia\nPolska 2018. Reż. Ewa Holm.\nDramat psychologiczny o rodzinie na skraju "
        "rozpadu i kobiecie, która czeka na męża.\n"
    )
    assert ("genre", "Dramat psychologiczny", "") in facts(claims(text))


def test_a_certificate_alone_on_its_line_among_a_cards_facts():
    found = facts(claims("Harbour Lights\n2011\nPG-13\n1h 38m\nA widow keeps a lighthouse.\n"))
    assert ("certificate", "PG-13", "") in found


def test_a_letter_alone_away_from_the_facts_is_no_certificate():
    found = facts(claims("Harbour Lights\n\nR\n\nA widow keeps a lighthouse on a quiet island.\n"))
    assert not [fact for fact in found if fact[0] == "certificate"]
