"""The claim finder on where and when a story takes place, where the page dates it with its
place or its month, on small texts written for these tests."""

import pytest

from catalog.tests.extraction_texts import claims
from catalog.tests.extraction_texts import short_facts as facts


@pytest.mark.parametrize(
    "plot, period",
    [
        (
            "Winter, 1962: the ferry stops running and the island's doctor stays behind.",
            "Winter, 1962",
        ),
        (
            "Октябрь 1957 года, в маленьком порту рыбаки ждут шторма и не выходят в море.",
            "Октябрь 1957 года",
        ),
    ],
)
def test_a_plot_opening_on_its_date(plot, period):
    found = facts(claims(f"Synopsis:\n{plot} Nobody on the quay believes the radio.\n"))
    assert ("period", period, "") in found
    assert not any(
        field == "setting" and value.startswith(("Winter", "Октябрь")) for field, value, _ in found
    )


def test_a_plot_opening_on_its_place_and_decade():
    text = (
        "Synopsis\nGênes début des années 1950, un docker sort de prison et retrouve son frère.\n"
    )
    found = facts(claims(text))
    assert {("setting", "Gênes", ""), ("period", "début des années 1950", "")} <= found


def test_a_plot_opening_on_the_present_and_its_place():
    text = "Synopsis:\nDe nos jours, à Trieste, une vieille femme raconte sa jeunesse au juge.\n"
    found = facts(claims(text))
    assert {("setting", "Trieste", ""), ("period", "De nos jours", "")} <= found


@pytest.mark.parametrize(
    "sentence, setting, period",
    [
        ("It gives you 18th-century Naples with all its noise.", "Naples", "18th-century"),
        ("O filme retrata Porto do século XVIII com cuidado.", "Porto", "século XVIII"),
        ("Le film montre Lyon du XIXe siècle sans fard.", "Lyon", "XIXe siècle"),
        (
            "Die Geschichte entspinnt sich in einer Kölner Siedlung der 1960er Jahre.",
            "Kölner Siedlung",
            "1960er Jahre",
        ),
    ],
)
def test_a_place_dated_by_its_century_or_decade(sentence, setting, period):
    found = facts(claims(sentence))
    assert {("setting", setting, ""), ("period", period, "")} <= found


def test_a_story_dated_about_a_year_but_not_a_release():
    found = facts(claims("It drifts through smoky dance halls circa 1925. Stars everyone."))
    assert ("period", "circa 1925", "") in found
    found = facts(claims("The film was released circa 1925 in a silent cut."))
    assert not any(field == "period" for field, _value, _ in found)


def test_a_month_inside_the_plot_and_the_town_it_is_told_in():
    text = (
        "Synopsis:\nAn old sailor remembers his youth, en mars 1956, when this Maine town "
        "waited for the fleet that never came back and his brother vanished at sea.\n"
    )
    found = facts(claims(text))
    assert ("period", "mars 1956", "") in found
    assert ("setting", "Maine", "") in found


def test_a_town_named_by_its_people_is_no_place():
    text = (
        "Synopsis:\nA teacher arrives in an American town and a German village welcomes her "
        "sister, while the family waits for news that never comes from the front.\n"
    )
    found = facts(claims(text))
    assert not any(
        field == "setting" and value in ("American", "German") for field, value, _ in found
    )


@pytest.mark.parametrize(
    "sentence, setting",
    [
        (
            "Provinciale montée à Lyon pour y finir ses études, Claire trouve un travail de nuit.",
            "Lyon",
        ),
        ("Главный герой, живущий в Одессе, мечтает стать капитаном.", "Одессе"),
        ("The story shows what living was like in Scotland during World War II.", "Scotland"),
    ],
)
def test_where_the_story_goes_or_stays(sentence, setting):
    assert ("setting", setting, "") in facts(claims(sentence))


@pytest.mark.parametrize(
    "sentence, period",
    [
        ("Wydarzenia rozegrały się w 1956 roku, a twórcy odwzorowali je wiernie.", "1956"),
        ("Действие происходит в 1962 году в маленьком порту.", "1962"),
        (
            "Герой живёт в Риге начала 30-\u0445 годов прошлого века и пишет стихи.",
            "начала 30-\u0445 годов прошлого века",
        ),
    ],
)
def test_when_the_story_takes_place_in_polish_and_russian(sentence, period):
    assert ("period", period, "") in facts(claims(sentence))


def test_a_plot_in_a_suburban_place():
    text = (
        "Synopsis:\nA clerk lives a quiet life with his wife and their daughter in suburban "
        "Boston, until a new boss arrives and turns the office upside down.\n"
    )
    assert ("setting", "suburban Boston", "") in facts(claims(text))


def test_a_place_an_english_plot_sets_a_clause_in():
    text = (
        "Synopsis:\nTwo thieves are raised by the man who trained them. Reunited in Halifax, "
        "the pair and his daughter plan one last job. The film opened in Toronto.\n"
    )
    found = facts(claims(text))
    assert ("setting", "Halifax", "") in found
    assert ("setting", "Toronto", "") not in found


def test_a_german_plots_capitalised_nouns_are_no_places():
    text = (
        "Inhalt:\nDer Kommissar bringt die Familie in Gefahr und stellt die Frage, ob sein "
        "Bruder in Lebensgefahr ist, während die Stadt in Ruhe schläft.\n"
    )
    assert not any(field == "setting" for field, _value, _ in facts(claims(text)))


def test_a_tale_of_growing_up_in_a_decade():
    text = "This gentle tale of growing up in the late '50s is better than its poster."
    assert ("period", "the late '50s", "") in facts(claims(text))


def test_a_place_by_the_part_of_it_the_story_is_sunk_in():
    text = "This finds the old team mired in Glasgow's seedy underworld of smugglers and divas."
    assert ("setting", "Glasgow", "") in facts(claims(text))


def test_a_story_between_two_months_of_a_year():
    text = "Il faro\n\nLa pellicola, ambientata a Genova tra giugno e luglio del 1990, segue tre.\n"
    found = facts(claims(text))
    assert ("period", "giugno e luglio del 1990", "") in found
    assert ("setting", "Genova", "") in found


def test_a_polish_decade_and_the_place_after_it():
    text = "Latarnia\n\nAkcja rozgrywa się na przełomie lat 40. i 50. w Stanach Zjednoczonych.\n"
    found = facts(claims(text))
    assert ("period", "przełomie lat 40. i 50.", "") in found
    assert ("setting", "Stanach Zjednoczonych", "") in found


def test_a_plot_that_opens_on_its_year_gives_a_period_not_the_films_year():
    text = (
        "Maják\nMaják\nRok 1945, válka končí. Strážce majáku zůstane sám a čeká na zprávy "
        "z pevniny, které nepřicházejí.\nDrama\nPolsko, 2016, 98 min\n"
    )
    found = facts(claims(text))
    assert ("period", "1945", "") in found
    assert ("year", "1945", "") not in found
    assert ("year", "2016", "") in found


def test_a_swedish_story_placed_by_where_we_find_ourselves():
    text = "Fyren\n\nVi befinner oss i Norrland där en fyrvaktare blir ensam kvar.\n"
    assert ("setting", "Norrland", "") in facts(claims(text))
