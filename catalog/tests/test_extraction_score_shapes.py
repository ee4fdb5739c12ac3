"""The claim finder on the scores a page gives the film, the audience's and the critic's, in
shapes the other tests lack, on small texts written for these tests."""

import pytest

from catalog.tests.extraction_texts import claims
from catalog.tests.extraction_texts import short_facts as facts


def test_a_catalogues_whole_score_after_its_name():
    text = "Harbour Lights\n\nLanguage: English\n\nRuntime: 98 minutes\n\nIMDb: 7\n\nKeywords:\n"
    found = facts(claims(text))
    assert ("user_rating", "7", "") in found


def test_a_bare_score_at_the_head_of_a_card():
    text = (
        "Harbour Lights\n\nMovie\n\n98 Min\n\n6.4\nOverview:\nA keeper's widow runs the light "
        "alone through the winter while the village waits for the relief boat to come.\n"
    )
    found = facts(claims(text))
    assert ("user_rating", "6.4", "") in found
    assert ("runtime", "98 Min", "") in found


def test_a_bare_score_in_a_review_is_not_the_audiences():
    text = (
        "Harbour Lights\n\n6.4\n\nI watched this last week and my friends loved it, but I found "
        "the pacing slow. In my opinion the review copies were better than the film.\n"
    )
    found = facts(claims(text))
    assert ("user_rating", "6.4", "") not in found


def verdicts(text: str) -> list[tuple[str, str]]:
    return [(c.value, c.quote) for c in claims(text) if c.field == "verdict"]


def test_a_summed_score_gives_its_result():
    text = (
        "Acting: 7 - I liked the cast a lot.\nStory: 6 - My only doubt is the ending.\n"
        "My Score: 7+6 = 13/2 = 6.5\n"
    )
    assert "6.5" in [value for value, _quote in verdicts(text)]


def test_the_total_column_of_a_grade_grid():
    text = (
        "Harbour Lights |\n|\nSpannung | Musik | Anspruch | Gesamt |\n** | **** | *** | 64% |\n"
        "Inhalt:\nEine Witwe hält das Leuchtfeuer allein in Gang.\n"
    )
    assert ("64%", "** | **** | *** | 64% |") in verdicts(text)


def test_the_first_sentence_under_the_critique_heading_judges():
    text = (
        "Synopsis\nUn gardien de phare disparaît et sa veuve garde la lumière seule tout "
        "l'hiver, malgré le village.\nCRITIQUE\nFilm très inégal avec de réels moments réussis "
        "et des scènes pas terribles.\nLe film s'avère plutôt lent, truffé de scènes inutiles "
        "mais qui flattent les deux stars.\n"
    )
    assert [quote for _value, quote in verdicts(text)] == [
        "Film très inégal avec de réels moments réussis et des scènes pas terribles."
    ]


def test_words_that_judge_in_a_capsule_and_a_blog():
    capsule = (
        "I saw it twice this week. A keeper's widow runs the light alone all winter. "
        "This is one of the most underrated films of its decade, and its director knew it."
    )
    assert verdicts(capsule)[0][1].startswith("This is one of the most underrated")
    blog = (
        "O meu filme da semana. O filme retrata o porto, a alta sociedade e os boatos.\n"
        "Este mistério está brilhantemente realizado e interpretado pelo elenco todo.\n"
    )
    assert verdicts(blog)[0][1].startswith("Este mistério está brilhantemente")


def test_the_sentence_under_a_capsules_grade_judges():
    text = (
        "HARBOUR LIGHTS (PG; 98 min.)\nTHREE STARS\nA quiet and satisfying drama, with two "
        "fine leads as the keeper's widows. Both look perfect, and there is good support from "
        "the village's wonderful actors.\n"
    )
    quotes = [quote for _value, quote in verdicts(text)]
    assert "THREE STARS" in quotes
    assert any(quote.startswith("A quiet and satisfying drama") for quote in quotes)


def test_a_head_line_with_a_grade_of_two_decimals_and_the_sentence_under_it():
    text = (
        "\u201cHARBOUR LIGHTS\u201d (PG-13) 3.25 STARS\nPerfect casting and a fresh twist make "
        "this one of the better sea films ever made, with storms that feel real.\n"
    )
    found = verdicts(text)
    assert "3.25 STARS" in [value for value, _quote in found]
    assert any(quote.startswith("Perfect casting") for _value, quote in found)


def test_a_capsule_opening_on_the_words_that_judge():
    text = (
        "Slick but hollow, this follows two brothers who run a harbour bar through a long "
        "winter of smuggling. It is the director at his wild and uneven peak."
    )
    assert verdicts(text)[0][1].startswith("Slick but hollow, this follows")


def test_a_quick_review_label_gives_the_verdict():
    text = (
        "Harbour Lights (2011)\n\nQuick Review: Set on a northern island, the film captures "
        "the winter in an honest and moving way. The cast is fine.\n"
    )
    assert verdicts(text)[0][1].startswith("Quick Review: Set on a northern island")


def test_polish_words_that_judge():
    text = (
        "Latarnia ***** Polska 2011. Reż. Nora Ekdahl.\nDramat o wdowie, która sama pilnuje "
        "latarni przez całą zimę. Świeży i potrzebny głos w naszym kinie.\n"
    )
    assert any(quote.startswith("Świeży i potrzebny głos") for _value, quote in verdicts(text))


def test_phrases_that_judge_nothing():
    text = (
        "Phare ★★☆☆\n\nUn beau jour, ou peut-être une nuit, Claire se découvre observée par "
        "un drone silencieux au-dessus de son immeuble.\n"
    )
    assert [value for value, _quote in verdicts(text)] == ["★★☆☆"]


def test_a_discs_picture_is_not_the_films_verdict():
    text = (
        "Harbour Lights (DVD)\nI watched my copy of the disc twice this week.\n"
        "Images are clean with razor sharp detail.\n"
    )
    assert not [quote for _value, quote in verdicts(text) if quote.startswith("Images")]


def test_the_critics_word_to_the_reader_on_a_line_of_its_own():
    text = (
        "I watched it twice. The cast is fine and the widow is played with care by everyone, "
        "and the storms feel real.\nWatch it whenever you can.\nThat's my verdict.\n"
    )
    assert [quote for _value, quote in verdicts(text)] == ["Watch it whenever you can."]


def test_a_film_well_made_in_the_pages_own_language():
    text = (
        "Este filme de Nora Ekdahl retrata o Porto e a sua gente.\n"
        "O drama do farol está brilhantemente realizado e interpretado por todo o elenco.\n"
    )
    assert any(quote.startswith("O drama do farol") for _value, quote in verdicts(text))


def test_a_grade_in_the_critics_sentence_decides_its_leaning_and_is_a_mark_of_its_own():
    text = (
        "Harbour Lights (1948) - Film review\n\nDirected by Ada Sommer\n\n"
        "Verdict: a landmark of the seafaring picture, 4/5.\n"
    )
    assert verdicts(text) == [
        ("positive", "Verdict: a landmark of the seafaring picture, 4/5."),
        ("4/5", "4/5"),
    ]


def test_a_low_grade_in_the_critics_sentence_leans_negative():
    text = "Harbour Lights\n\nVerdict: a dull evening at the lighthouse, 2 out of 10.\n"
    assert verdicts(text)[0] == (
        "negative",
        "Verdict: a dull evening at the lighthouse, 2 out of 10.",
    )


@pytest.mark.parametrize(
    "line, grade", [("Lui : 3 étoiles", "3 étoiles"), ("Wertung: 4 Sterne", "4 Sterne")]
)
def test_a_count_of_stars_on_a_line_of_its_own_is_the_critics_grade(line, grade):
    text = f"Le Phare (2011) de Nora Ekdahl\n\nUn beau film, très bien joué.\n{line}\n"
    assert grade in [claim.value for claim in claims(text) if claim.field == "verdict"]


@pytest.mark.parametrize(
    "heading", ["Crítica de la película El faro", "Critique du film Le Phare", "Review of Harbour"]
)
def test_the_short_line_under_a_critique_heading_is_the_verdict(heading):
    text = (
        f"El faro ★★★\n\nSeptiembre 10, 2018\n\n{heading}\n\n"
        "Consigue lo que se propone: emoción y calma. Competente retrato del faro.\n\n"
        "Es la mejor película de la serie, según mi opinión, y rinde homenaje al cine de los "
        "ochenta con un estilo que caracteriza las películas de su directora.\n"
    )
    verdicts = [c.quote for c in claims(text) if c.field == "verdict"]
    assert "Competente retrato del faro." in verdicts


@pytest.mark.parametrize(
    "line, verdict",
    [("Unsere Empfehlung: Reingehen!", "Reingehen!"), ("Our recommendation: Go!", "Go!")],
)
def test_a_recommendation_label_is_the_verdict(line, verdict):
    text = f'"Hafenlichter"\nDrama\nSchweden\n96 Minuten\n\n{line}\n\nEine Witwe hütet das Licht.\n'
    assert verdict in [c.value for c in claims(text) if c.field == "verdict"]


def test_a_short_critique_label_without_a_sentence_is_no_verdict():
    text = "Le Phare\n\nCritique : deux films de Nora Ekdahl\n\nUne veuve garde le phare.\n"
    assert not [c for c in claims(text) if c.field == "verdict" and "deux films" in c.value]


@pytest.mark.parametrize(
    "mark", ["Two stars out of four", "2 stars out of 4", "three and a half stars"]
)
def test_a_mark_that_closes_the_review_as_a_sentence(mark):
    text = (
        "Harbour Lights\n\nA widow keeps a lighthouse on a quiet island until a stranger comes "
        f"ashore.\n\nOverall, a clumsy drama. {mark}.\n"
    )
    assert mark in [claim.value for claim in claims(text) if claim.field == "verdict"]


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("Mitt betyg till Fyren blir en trea.", "en trea"),
        ("Slutbetyget blir en fyra till Fyren.", "en fyra"),
        ("My rating for this one is 7/10.", "7/10"),
    ],
)
def test_a_sentence_that_gives_the_critics_own_mark(sentence, grade):
    text = f"Fyren\n\nEn fyrvaktare blir ensam kvar efter stormen på ön.\n\n{sentence}\n"
    assert grade in {c.value for c in claims(text) if c.field == "verdict"}


def test_a_mark_on_its_line_over_the_label_that_says_it_is_the_sites_own():
    text = (
        "drama\n1991, 76 min\nTragikomický příběh dvou kamarádů po válce.\n69%\nNaše hodnotenie\n"
    )
    assert "69%" in {c.value for c in claims(text) if c.field == "verdict"}


def verdict_quotes(text: str) -> list[str]:
    return [c.quote for c in claims(text) if c.field == "verdict"]


@pytest.mark.parametrize(
    ("review", "verdict"),
    [
        (
            "De Holm debuteerde in 2000. Het is ook een onevenwichtige film. Maar de muziek "
            "is mooi en de beelden ook.",
            "Het is ook een onevenwichtige film.",
        ),
        (
            "Hoje fui ao cinema ver este filme. Tirando estas três falhas, estamos perante um "
            "filme bastante aceitável.",
            "estamos perante um filme bastante aceitável.",
        ),
    ],
)
def test_the_sentence_that_calls_the_film_a_film_of_a_judged_kind(review, verdict):
    text = f"De vuurtoren\n\nEen vuurtorenwachter blijft alleen achter na de storm.\n\n{review}\n"
    assert any(verdict in quote for quote in verdict_quotes(text))


def test_a_word_to_the_viewer_closing_a_paragraph_with_its_qualifier():
    text = (
        "Il faro (2004) su Rai3 alle 21,05 |\nUn guardiano resta solo sul faro dopo la "
        "tempesta e aspetta la nave. Da vedere, con moderazione.\n"
    )
    assert "Da vedere, con moderazione." in verdict_quotes(text)


def test_a_short_headline_that_judges_the_film_over_the_review():
    text = (
        "MM\nOintressant svensk film\nRegissören Nora Ekdahl har gång på gång visat att hon "
        "kan göra film, men här blir det mest väntan på en båt som aldrig kommer.\n"
    )
    assert "Ointressant svensk film" in verdict_quotes(text)
    text = "The best of the week on TV\nA keeper stays alone on the island after the storm "
    assert "The best of the week on TV" not in verdict_quotes(text + "and waits for a ship.\n")


def test_the_critics_own_mark_in_a_sentence_leaves_room_for_the_judging_sentence():
    text = (
        "I franska Fyren möter vi några män som är tilltufsade av livet och ensamma. Fyren är i "
        "sina bästa stunder berörande och fint berättad, i sina sämsta inte särskilt trovärdig."
        "\n\nMitt betyg till Fyren blir en trea.\n"
    )
    quotes = verdict_quotes(text)
    assert any("berörande" in quote for quote in quotes)
    assert "Mitt betyg till Fyren blir en trea." in quotes


def test_a_head_line_of_the_title_in_capitals_then_the_critics_gist():
    text = (
        "viernes, 4 de marzo de 2016\n\nEL FARO 3, exprimiendo la saga hasta la última gota\n\n"
        "Es comprensible que si algo tiene éxito lo repitan una y otra vez sobre los mismos "
        "conceptos, con cierta reiteración y cansancio por parte del espectador.\n"
    )
    found = claims(text)
    assert "exprimiendo la saga hasta la última gota" in {
        c.value for c in found if c.field == "verdict"
    }
    assert ("title", "EL FARO 3", "") in facts(found)
