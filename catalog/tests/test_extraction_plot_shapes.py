"""The claim finder on the story of page shapes it was not written against: settings, periods
and plots, on small texts written for these tests."""

import pytest

from catalog.tests.extraction_texts import claims, facts


def test_a_told_plot_under_label_lines_starts_at_its_own_line():
    text = (
        "Running Late\nStudio: Sterling Home Entertainment\nRated: R\n"
        "Carl, an ex-con, gets out of prison and at once plans a heist with his old friend "
        "Patrick (Jeremy Roberts). The heist goes wrong in every way it can, and the two men "
        "spend one long night in the city trying to save their skins and the money.\n"
    )
    plots = [c for c in claims(text) if c.field == "synopsis"]
    assert all(not c.quote.startswith("Running Late") for c in plots)


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


@pytest.mark.parametrize(
    "opening, setting, period",
    [
        ("Lisbon, Portugal, autumn 1975.", "Lisbon, Portugal", "autumn 1975"),
        ("Der Hafen von Gdynia im Winter 1981:", "Hafen von Gdynia", "Winter 1981"),
    ],
)
def test_a_plot_that_opens_on_its_place_and_time(opening, setting, period):
    text = (
        "Harbour Lights (1991)\n\nPlot: "
        + opening
        + " An old keeper tends the last lighthouse of a lake that is drying out, and waits for "
        "a ship that never comes.\n"
    )
    found = facts(claims(text))
    assert ("setting", setting, "") in found
    assert ("period", period, "") in found


def test_a_plot_that_opens_on_a_person_and_an_age_has_no_place():
    text = (
        "Harbour Lights (1991)\n\nPlot: Marek, 45, tends the last lighthouse of a lake that is "
        "drying out, and waits for a ship that never comes.\n"
    )
    assert not any(field == "setting" for field, _, _ in facts(claims(text)))


@pytest.mark.parametrize(
    "sentence, setting, period",
    [
        (
            "Keepers who love the sea in 1939 Hamburg is the subject of this drama.",
            "Hamburg",
            "1939",
        ),
        ("It shows the fears of people in 1940 London as the bombs fall.", "London", "1940"),
        ("I expected an accurate portrayal of life in 1920s Chicago.", "Chicago", "1920s"),
    ],
)
def test_a_year_or_a_decade_before_the_place(sentence, setting, period):
    found = facts(claims("Harbour Lights (1991)\n\n" + sentence + "\n"))
    assert ("setting", setting, "") in found
    assert ("period", period, "") in found


def test_a_year_before_a_name_that_opens_a_clause_is_no_place():
    text = "Harbour Lights (1991)\n\nThe film was made in 1990 Miramax released it a year later.\n"
    assert not any(field == "setting" for field, _, _ in facts(claims(text)))


@pytest.mark.parametrize(
    "sentence, period",
    [
        ("It's 1961, the radio plays all night, and the keeper waits for a ship.", "1961"),
        ("Not only was the setting 1950's, but so was the film style.", "1950's"),
    ],
)
def test_the_year_a_story_opens_in_and_the_setting_named_as_such(sentence, period):
    assert ("period", period, "") in facts(claims("Harbour Lights (1991)\n\n" + sentence + "\n"))


def test_where_the_characters_live_together():
    text = "Harbour Lights (1991)\n\nLena and Tom, a couple of forty, live together in Gdynia.\n"
    assert ("setting", "Gdynia", "") in facts(claims(text))


def test_a_one_line_premise_under_its_heading_is_the_plot_not_a_tagline():
    text = (
        "Viewed in\n2005\nPremise\nA lonely keeper begins to doubt his old dream.\n"
        "Who should watch\nAnyone.\n"
    )
    found = claims(text)
    assert [c.value for c in found if c.field == "synopsis"] == [
        "A lonely keeper begins to doubt his old dream."
    ]
    assert not any(c.field == "tagline" for c in found)


def test_a_listing_plot_that_closes_on_the_films_prize_is_still_the_plot():
    text = (
        "Harbour Lights\n\nAbout this Broadcast\n-\n\nA lighthouse keeper on a stormy coast "
        "takes in a stranger who washed ashore, and the village begins to talk about them "
        "both. The film won an Oscar for its sound.\n"
    )
    found = [c for c in claims(text) if c.field == "synopsis"]
    assert [c.quote[:22] for c in found] == ["A lighthouse keeper on"]
    assert "Oscar" not in found[0].quote


def test_a_plot_opened_in_the_pages_own_language_is_the_synopsis():
    text = (
        "Latarnik (1991)\nReżyseria: Ivo Marek\n\nNajnowszy film Marka znów zachwyca.\n\n"
        "Film opowiada o latarniku, który przyjmuje rozbitka. Wieś zaczyna plotkować o nich obu "
        "i latarnik musi wybrać między ludźmi a światłem.\n"
    )
    found = [c for c in claims(text) if c.field == "synopsis"]
    assert [c.quote[:20] for c in found] == ["Film opowiada o lata"]


def test_the_places_and_years_a_plots_sentences_name():
    text = (
        "Harbour Lights\n\nPlot: A keeper tends his lamp in Port Vane in 1931, and his "
        "daughter runs a bar in contemporary Lisbon. The film premiered in Venice in 1992.\n"
    )
    found = facts(claims(text))
    assert {
        ("setting", "Port Vane", ""),
        ("period", "1931", ""),
        ("setting", "Lisbon", ""),
    } <= found
    assert ("setting", "Venice", "") not in found


def test_a_listings_blurb_before_the_sites_words():
    text = (
        "A keeper's widow runs the harbour light alone through the winter. The village doubts "
        "her, and the relief boat is late. (Fully subtitled) Official Web Site\n\n"
        "Director: Nora Ekdahl\n"
    )
    plots = [claim for claim in claims(text) if claim.field == "synopsis"]
    assert [plot.quote for plot in plots] == [
        "A keeper's widow runs the harbour light alone through the winter. The village doubts "
        "her, and the relief boat is late."
    ]


def test_a_mark_under_a_plot_label_is_no_plot():
    text = (
        "Acting: 7* - The cast is fine and the widow is played with care by everyone.\n"
        "Plot/Characters: 6* - I went into this expecting a thriller, which it does provide, "
        "but there is a strong romance in it.\n"
    )
    assert not [claim for claim in claims(text) if claim.field == "synopsis"]


@pytest.mark.parametrize(
    "opening",
    [
        "It's 1962, the ferry has stopped running and the island's doctor stays behind.",
        "In this quiet Norwegian drama directed by Nora Ekdahl, a keeper's widow stays behind.",
        "La premisa es simple: una viuda cuida el faro sola durante todo el invierno.",
        "Harbour Lights is a film that revolves around a keeper's widow and her winter.",
    ],
)
def test_a_reviews_paragraph_that_tells_the_story(opening):
    text = (
        "Released with no fanfare, this one is better than its poster.\n\n"
        f"{opening} The village doubts her, the relief boat is late, and the storms come "
        "one after the other while her son waits on the mainland for a letter.\n\n"
        "I liked it a lot, and the cast is fine.\n"
    )
    plots = [claim for claim in claims(text) if claim.field == "synopsis"]
    assert plots and opening[:20] in plots[0].quote


def test_a_line_that_sums_the_film_up_is_no_plot():
    text = (
        "Regia di Nora Ekdahl vedi scheda film\n"
        "Un'opera prima tutto sommato discreta, filtrata dagli occhi del giovane protagonista "
        "cresciuto sull'isola del faro.\n"
    )
    assert not [claim for claim in claims(text) if claim.field == "synopsis"]


def test_a_capitalised_line_of_who_plays_whom_is_no_tagline():
    text = (
        "Harbour Lights (1948)\n\nStarring Ada Sommer as Mary Kell.\n"
        "Rupert James Vance plays Gaff.\n\n"
        "In 1948 Cornwall, a keeper's widow runs the light alone through the winter.\n"
    )
    found = claims(text)
    assert ("cast", "Rupert James Vance", "Gaff") in facts(found)
    assert [c for c in found if c.field == "tagline"] == []


def test_a_plot_under_its_heading_and_a_sub_heading_of_its_own():
    text = (
        "Le Phare\nLe Phare est un film suédois réalisé par Nora Ekdahl, sorti en 2011.\n"
        "Synopsis\nPrésentation générale\n"
        "Karin apprend la mort de son vieil ami le gardien, et toute son enfance sur l'île "
        "remonte à la surface.\n"
    )
    plots = [c for c in claims(text) if c.field == "synopsis"]
    assert [c.quote[:5] for c in plots] == ["Karin"]


def test_the_pages_words_on_the_films_release_are_no_plot():
    text = (
        'The movie "Harbour Lights" was released on May 3, 2011. Here was our original review.\n\n'
        "Karin Holm (Lena Dahl) is a widow who keeps the lighthouse on a quiet island, and a "
        "stranger comes ashore one night in a storm.\n"
    )
    plots = [claim for claim in claims(text) if claim.field == "synopsis"]
    assert [plot.quote[:10] for plot in plots] == ["Karin Holm"]


def test_a_plot_ends_before_the_credits_that_run_on_in_its_own_line():
    plot = (
        "Lena Holm v hlavní roli laskavé komedie o ženě, která zůstane sama na majáku a netuší, "
        "že právě prožívá nejkrásnější chvíle svého života."
    )
    found = claims(f"{plot} Scénář O. Berg. Kamera P. Sand. Režie N. Ekdahl\n")
    plots = [claim for claim in found if claim.field == "synopsis"]
    assert plots and all("Scénář" not in claim.quote for claim in plots)
    assert plots[0].quote.startswith("Lena Holm")


def test_the_line_that_opens_by_placing_the_story_is_the_plot_past_the_pages_words():
    text = (
        "Program TV\n\nProgram TV na dziś oferuje dość różnorodny wybór, a wieczorem stacje "
        "telewizyjne pokażą zarówno klasykę kina, jak i komedie.\n\n"
        "Akcja filmu rozgrywa się na przełomie lat 40. i 50. w Stanach Zjednoczonych. Bankier "
        "trafia do więzienia i przez lata planuje ucieczkę z pomocą przyjaciela.\n"
    )
    plots = [claim for claim in claims(text) if claim.field == "synopsis"]
    assert plots and plots[0].quote.startswith("Akcja filmu")


def test_a_guides_line_of_facts_is_no_plot():
    text = (
        "Nederland 2007. Drama van Nora Ekdahl. Met o.a. Lena Holm en Oskar Berg.\n"
        "Een vuurtorenwachter blijft na de storm alleen achter op het eiland en wacht op een "
        "schip dat nooit komt. Ze begint brieven te schrijven aan de zee.\n"
    )
    plots = [claim for claim in claims(text) if claim.field == "synopsis"]
    assert plots and plots[0].quote.startswith("Een vuurtorenwachter")


def test_a_portuguese_story_label():
    text = (
        "Nome do Filme : “Earth To Sky”\n\n"
        "História : Três amigos descobrem um ser vindo do espaço e decidem ajudá-lo a regressar.\n"
    )
    plots = [claim for claim in claims(text) if claim.field == "synopsis"]
    assert plots and plots[0].quote.startswith("Três amigos")
