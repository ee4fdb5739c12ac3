"""The claim finder on labels and marks of page shapes it was not written against: ratings,
grades, certificates, runtimes and verdicts, on small texts written for these tests."""

import pytest

from catalog.tests.extraction_texts import claims, facts


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


def test_a_disc_reviews_grade_of_the_movie_is_no_title():
    text = (
        "Running Late\nStudio: Sterling Home Entertainment\nMovie: ***\nPicture/Sound: **\n"
        "Running time: 70 minutes\nRated: R\n"
    )
    found = facts(claims(text))
    assert ("verdict", "***", "") in found
    assert ("title", "***", "") not in found


def test_an_audience_average_over_a_rate_this_button():
    text = "1. Harbour Lights (2011)\n\nPG | 98 min | Drama\n\n8.1\nRate this\n79 Metascore\n"
    found = facts(claims(text))
    assert ("user_rating", "8.1", "") in found
    assert not [fact for fact in found if fact[0] == "verdict"]


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


@pytest.mark.parametrize(
    ("line", "runtime"), [("Durée : 77'", "77'"), ("Durata: 90\u2019", "90\u2019")]
)
def test_minutes_marked_by_an_apostrophe(line, runtime):
    assert ("runtime", runtime, "") in facts(claims(f"Les grands\n\n{line}\nGenre : Comédie\n"))


def test_a_certificate_rated_in_a_sentence():
    found = facts(claims("Harbour Lights\n\nThe film is rated R for strong language.\n"))
    assert ("certificate", "R", "") in found


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


def test_a_runtime_said_in_passing_as_so_many_minutes_long():
    found = facts(claims("While 140 minutes long, the film zips along at a fast pace."))
    assert ("runtime", "140 minutes", "") in found


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
    "lines, rating",
    [
        ("Рейтинг\n\n8.1 КиноПоиск\n7.4 IMDb\n", {"8.1", "7.4"}),
        ("- Кинопоиск\n- 6.2 / 10\n- Выпуск\n- 2019\n", {"6.2 / 10"}),
        ("IMDb 7.1\n", {"7.1"}),
    ],
)
def test_an_audiences_score_named_by_the_catalogue_it_comes_from(lines, rating):
    found = facts(claims("Жизнь\n" + lines))
    assert {value for field, value, _ in found if field == "user_rating"} == rating
    assert not any(field == "verdict" for field, _, _ in found)


def test_a_rating_with_its_votes_in_brackets_inside_a_line():
    text = "Harbour Lights (1991)\nHarbour Lights poster Rating: 7.2/10 (12,345 votes)\n"
    found = facts(claims(text))
    assert ("user_rating", "7.2/10", "") in found
    assert ("votes", "12,345", "") in found


@pytest.mark.parametrize(
    "sentence, grade",
    [
        ("Harbour Lights (1991) rates 3 of 5 stars.", "3 of 5 stars"),
        ("All told, I give it 7 out of 10.", "7 out of 10"),
    ],
)
def test_the_critics_mark_said_in_a_sentence(sentence, grade):
    text = "Harbour Lights (1991)\n\nThe keeper is fine and the sea is finer.\n\n" + sentence + "\n"
    assert ("verdict", grade, "") in facts(claims(text))


def test_a_grade_on_a_long_head_line_leaves_room_for_the_judging_sentence():
    text = (
        "Film review: Harbour Lights (4 out of 5)\n\nA keeper waits for a ship.\n\n"
        "Overall, this is a well-crafted and moving story that I highly recommend.\n"
    )
    verdicts = [c for c in claims(text) if c.field == "verdict"]
    assert {c.value for c in verdicts} >= {"4 out of 5"}
    assert any(c.quote.startswith("Overall, this is") for c in verdicts)


def test_the_genre_a_review_names_before_its_director_and_not_a_plural_kind():
    text = (
        "Harbour Lights (1991)\n\nIn this intense Polish crime thriller directed by Ivo Marek, "
        "a keeper waits. It is a nod to classic screwball comedies.\n"
    )
    genres = {value for field, value, _ in facts(claims(text)) if field == "genre"}
    assert genres == {"crime thriller"}


def test_a_short_first_person_judgement_is_the_verdict():
    text = (
        "Harbour Lights (1991)\nReview\n\nThe story follows a keeper and his lamp on a stormy "
        "coast. I was sorely disappointed.\n"
    )
    found = [c for c in claims(text) if c.field == "verdict"]
    assert [c.quote for c in found] == ["I was sorely disappointed."]


def test_a_short_sentence_without_the_critic_is_no_verdict():
    text = (
        "Harbour Lights (1991)\nReview\n\nThe keeper tends his lamp. The storm was disappointing.\n"
    )
    assert not [c for c in claims(text) if c.field == "verdict" and len(c.quote.split()) < 6]


def test_an_italian_first_person_judgement_is_the_verdict():
    text = (
        "Regia di Ivo Marek vedi scheda film\nVOTO : 4.\nOgni volta parto speranzoso con i "
        "film del genere, e poi resto deluso.\nCosì è anche per questo film di Marek, che ho "
        "trovato tremendamente brutto.\n"
    )
    found = [c for c in claims(text) if c.field == "verdict" and len(c.quote) > 20]
    assert [c.quote[:16] for c in found] == ["Così è anche per"]


def test_a_capsules_closing_account_of_the_film_is_its_verdict():
    text = (
        "Film picks\n\nHarbour Lights\n9pm, Film4\n(Ivo Marek, 1991)\n\nA keeper tends his "
        "lamp while his daughter (Jana Dvorak) waits for the boats to come home.\n"
        "An eloquent account of a coast and its people.\n"
    )
    found = [c for c in claims(text) if c.field == "verdict"]
    assert [c.quote for c in found] == ["An eloquent account of a coast and its people."]


def test_a_length_in_passing_after_in_only():
    text = (
        "Regia di Ivo Marek vedi scheda film\nVOTO : 5.\nInutile e pretestuoso, si sgonfia in "
        "soli 70 minuti e il finale non aggiunge niente.\n"
    )
    assert ("runtime", "70 minuti", "") in facts(claims(text))


def test_a_plot_that_opens_on_its_place_and_its_time():
    text = "In Soviet Russia in the late 1950s, a young musician hears rock and roll at last."
    found = facts(claims(text))
    assert {("setting", "Soviet Russia", ""), ("period", "the late 1950s", "")} <= found


def test_a_month_that_opens_a_plot_is_no_place():
    found = facts(claims("In January in 1959, a young musician hears rock and roll at last."))
    assert not [fact for fact in found if fact[0] == "setting"]


@pytest.mark.parametrize(
    "sentence, period, place",
    [
        (
            "A teenager in Khrushchev-era Moscow risks everything for rock.",
            "Khrushchev-era",
            "Moscow",
        ),
        ("A story of love in Depression-era Texas.", "Depression-era", "Texas"),
        ("The film follows a girl in Victorian London.", "Victorian", "London"),
    ],
)
def test_the_time_as_a_word_before_the_place(sentence, period, place):
    found = facts(claims(sentence))
    assert {("setting", place, ""), ("period", period, "")} <= found


def test_a_place_after_post_war_is_the_setting_and_post_war_no_period():
    found = facts(claims("A family in post-war Berlin struggles to live."))
    assert ("setting", "Berlin", "") in found
    assert not [fact for fact in found if fact[0] == "period"]


def test_the_time_after_the_place_and_its_country():
    found = facts(claims("The film takes place in Riga, Latvia, in 1959."))
    assert {("setting", "Riga", ""), ("period", "1959", "")} <= found
