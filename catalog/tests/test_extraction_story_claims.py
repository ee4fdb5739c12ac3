"""The claim finder on the story, one page shape at a time, on small texts written for these
tests: synopses, taglines, settings, periods and verdicts."""

import pytest

from catalog.tests.extraction_texts import claims
from catalog.tests.extraction_texts import short_facts as facts


def test_spanish_synopsis_label():
    found = claims("Sinopsis: Un pescador gallego encuentra un barco vacío en la ría y calla.")
    synopsis = next(claim for claim in found if claim.field == "synopsis")
    assert synopsis.quote.startswith("Un pescador gallego")


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


@pytest.mark.parametrize(
    "plot, setting, period",
    [
        (
            "À Rome, à la fin des années 1980, Karin apprend la mort de son vieil ami.",
            "Rome",
            "fin des années 1980",
        ),
        (
            "A Londres, à l\u2019époque victorienne, Karin rêve de devenir une dame.",
            "Londres",
            "l\u2019époque victorienne",
        ),
        ("In Bergen, in the 1920s, a keeper's widow runs the light alone.", "Bergen", "the 1920s"),
        ("Le phare du nordA Bergen, Karin garde le phare seule après la tempête.", "Bergen", ""),
    ],
)
def test_a_plot_that_opens_on_its_place_and_time(plot, setting, period):
    found = facts(claims(f"Le Phare\n\nSynopsis : {plot}\n"))
    assert ("setting", setting, "") in found
    assert not period or ("period", period, "") in found


def test_a_plot_that_opens_on_a_month_names_no_place():
    found = facts(
        claims("Harbour Lights\n\nPlot: In December, a keeper's widow runs the light alone.\n")
    )
    assert not [fact for fact in found if fact[0] == "setting"]


def test_a_portuguese_review_that_calls_the_film_the_best():
    text = (
        "Direção: Nora Ekdahl\nDuração: 98 min.\n"
        "Filme: Uma viúva cuida do farol sozinha depois da tempestade, com a ajuda do filho.\n"
        "Nora Ekdahl coloca emoção e calma no cinema nacional, pra contar uma vida dura, mas "
        "cheia de sonhos. De longe o melhor filme nacional de 2011!\nNota: 8,5\n"
    )
    found = [c for c in claims(text) if c.field == "verdict"]
    assert ("positive", "De longe o melhor filme nacional de 2011!") in [
        (c.value, c.quote) for c in found
    ]
