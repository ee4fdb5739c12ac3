"""The claim finder on the scores a page gives the film, the audience's and the critic's, in
shapes the other tests lack, on small texts written for these tests."""

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
