"""The Red Hot seed fixture, tested as data: it loads, and every claim quotes its source."""

from collections import Counter

import pytest
from django.apps import apps
from django.core.management import call_command

from catalog.models import Claim, Credit, Film, NameVariant, Person, Review, Role, Source

pytestmark = pytest.mark.django_db

TAGLINE = (
    "In 1959, a young Soviet musician risks everything to pursue his newfound love of "
    "American rock 'n' roll."
)


@pytest.fixture
def red_hot() -> Film:
    call_command("loaddata", "red_hot", verbosity=0)
    return Film.objects.get(slug="red-hot-1993")


def passage(slug: str, first: str, last: str) -> str:
    """The source's text from `first` through `last`, as the synopsis claims quote it."""
    text = Source.objects.get(slug=slug).text
    start = text.index(first)
    return text[start : text.index(last, start) + len(last)]


def assert_claims(slug: str, expected: list[tuple[str, str, str]]) -> None:
    """Every expected (field, value as written, character) is claimed, as often as listed."""
    recorded = Counter(
        (claim.field, claim.value, claim.character)
        for claim in Claim.objects.filter(source__slug=slug)
    )
    missing = Counter(expected) - recorded
    assert not missing, f"{slug} lacks {sorted(missing)}"


def test_every_claim_quote_occurs_verbatim_at_its_start(red_hot):
    for claim in Claim.objects.select_related("source"):
        assert claim.quote_start is not None, claim
        at_start = claim.source.text[claim.quote_start : claim.quote_start + len(claim.quote)]
        assert at_start == claim.quote, f"claim {claim.pk}: {claim}"


def test_every_review_excerpt_occurs_verbatim_in_its_source(red_hot):
    reviews = Review.objects.select_related("source")
    assert reviews.count() == 3
    for review in reviews:
        assert review.excerpt in review.source.text, review


def test_every_claim_and_review_passes_full_clean_unchanged(red_hot):
    for claim in Claim.objects.select_related("source"):
        stored = (claim.quote_start, claim.normalised)
        claim.full_clean()
        assert (claim.quote_start, claim.normalised) == stored, claim
    for review in Review.objects.select_related("source"):
        review.full_clean()


def test_claims_on_people_point_at_the_person_their_spelling_names(red_hot):
    for claim in Claim.objects.filter(person__isnull=False).select_related("person"):
        spellings = {claim.person.name, *claim.person.variants.values_list("name", flat=True)}
        assert claim.value in spellings, claim


def test_tv_guide_claims(red_hot):
    assert_claims(
        "tv-guide-red-hot",
        [
            ("title", "Red Hot", ""),
            ("title", "RED HOT", ""),
            # 1995 and PG both in the header bullets and again under "Cast & Details".
            ("year", "1995", ""),
            ("year", "1995", ""),
            ("certificate", "PG", ""),
            ("certificate", "PG", ""),
            ("genre", "Drama", ""),
            ("genre", "Musical", ""),
            ("genre", "Political", ""),
            ("genre", "musical", ""),
            ("genre", "thriller", ""),
            ("genre", "period romance", ""),
            ("setting", "the USSR", ""),
            ("setting", "Soviet", ""),
            ("setting", "Russia", ""),
            ("period", "the 1950s", ""),
            ("period", "fifties", ""),
            ("filming_location", "Latvia", ""),
            ("content_advisory", "(Violence.)", ""),
            ("cast", "Armin Mueller-Stall", "Dimitri"),
            ("cast", "Balthazar Getty", "Alexi"),
            ("cast", "Jason Kristofer", "Sasha"),
            ("cast", "Carla Gugino", "Valentina"),
            ("cast", "Carla Gugino", "Valerie"),
            ("cast", "Donald Sutherland", "Kirov"),
            ("cast", "George De La Pena", "Gurevitch"),
            ("cast", "Hugh O'Conor", "Yuri"),
            ("cast", "Colin Buchanan", "Vlad"),
            ("ending", "Alexi and Valentina's flight to asylum in Oslo seven years later", ""),
            (
                "synopsis",
                passage(
                    "tv-guide-red-hot",
                    "Back in the 1950s, the Soviet government censors "
                    "the recreational tastes of the populace. Imports like American rock",
                    "flight to asylum in Oslo seven years later.",
                ),
                "",
            ),
            ("verdict", "negative", ""),
        ],
    )


def test_tv_guide_synopsis_keeps_the_line_breaks_of_the_page(red_hot):
    synopsis = Claim.objects.get(source__slug="tv-guide-red-hot", field="synopsis")
    assert "and\n\nElvis 45s" in synopsis.quote
    assert synopsis.value == synopsis.quote


def test_film_overview_claims(red_hot):
    assert_claims(
        "film-overview-red-hot",
        [
            ("title", "Red Hot", ""),
            # 1993 in the page heading and again in the overview's first sentence.
            ("year", "1993", ""),
            ("year", "1993", ""),
            ("tagline", TAGLINE, ""),
            ("period", "1959", ""),
            ("period", "the 1950s'", ""),
            ("setting", "Soviet Union", ""),
            ("genre", "drama", ""),
            ("director", "Paul Haggis", ""),
            ("cast", "Balthazar Getty", ""),
            ("cast", "Carla Gugino", ""),
            ("cast", "Hugh O'Brian", ""),
            ("cast", "Carla Gugino", "Christine"),
            # Alexi in the overview prose and again in the Top Cast list.
            ("cast", "Balthazar Getty", "Alexi"),
            ("cast", "Balthazar Getty", "Alexi"),
            ("cast", "Carla Gugino", "Valentina"),
            ("cast", "Armin Mueller-Stahl", "Dimitri"),
            ("cast", "Donald Sutherland", "Kirov"),
            ("cast", "Jan Niklas", "Yorgi"),
            ("cast", "Hugh O'Conor", "Yuri"),
            ("cast", "George de la Peña", "Gurevitch"),
            ("cast", "Jason Kristofer", "Sasha"),
            ("cast", "Colin Buchanan", "Vladimir"),
            ("cast", "Tusse Silberg", "Klara"),
            ("cast", "Diane Fletcher", "Mrs. Kirov"),
            (
                "ending",
                "Alexi and Christine manage to stage a successful underground Rock n Roll concert",
                "",
            ),
            (
                "synopsis",
                passage(
                    "film-overview-red-hot",
                    'The story of "Red Hot" starts with Alexi',
                    "his passion for flexibility and cultural expression.",
                ),
                "",
            ),
            ("verdict", "mixed", ""),
        ],
    )


def test_streaming_listing_claims(red_hot):
    assert_claims(
        "streaming-listing-red-hot",
        [
            ("title", "Red Hot", ""),
            ("certificate", "PG", ""),
            # 1993 in the header bullets and again in the description.
            ("year", "1993", ""),
            ("year", "1993", ""),
            ("runtime", "1 hr 35 min", ""),
            ("user_rating", "5.5", ""),
            ("votes", "326", ""),
            ("genre", "drama film", ""),
            ("genre", "drama", ""),
            ("director", "Paul Haggis", ""),
            ("cast", "Balthazar Getty", ""),
            ("cast", "Carla Gugino", ""),
            ("cast", "Jan Niklas", ""),
            ("cast", "Balthazar Getty", "Tom"),
            ("cast", "Carla Gugino", "Helen"),
            ("cast", "Jan Niklas", "Daniel"),
            ("setting", "Los Angeles", ""),
            (
                "synopsis",
                passage(
                    "streaming-listing-red-hot",
                    'The story of "Red Hot" takes place',
                    "continue to shape her present.",
                ),
                "",
            ),
            ("verdict", "positive", ""),
        ],
    )


def test_setting_and_period_claims_compare_on_canonical_forms(red_hot):
    normalised = {
        (claim.source.slug, claim.field, claim.value): claim.normalised
        for claim in Claim.objects.filter(field__in=["setting", "period"]).select_related("source")
    }
    assert normalised[("tv-guide-red-hot", "setting", "the USSR")] == "soviet union"
    assert normalised[("tv-guide-red-hot", "setting", "Russia")] == "soviet union"
    assert normalised[("tv-guide-red-hot", "period", "fifties")] == "1950s"
    assert normalised[("film-overview-red-hot", "period", "1959")] == "1950s"
    assert normalised[("streaming-listing-red-hot", "setting", "Los Angeles")] == "los angeles"


def test_reviews_give_each_source_its_verdict(red_hot):
    verdicts = {review.source.slug: review for review in Review.objects.select_related("source")}
    assert verdicts["tv-guide-red-hot"].verdict == "negative"
    assert verdicts["film-overview-red-hot"].verdict == "mixed"
    listing = verdicts["streaming-listing-red-hot"]
    assert (listing.verdict, str(listing.score), listing.score_out_of, listing.votes) == (
        "positive",
        "5.5",
        10,
        326,
    )


def test_record_gives_year_certificate_runtime_and_director(red_hot):
    assert (red_hot.year, red_hot.certificate, red_hot.runtime) == (1993, "PG", 95)
    director = Credit.objects.get(film=red_hot, role=Role.DIRECTOR)
    assert director.person.name == "Paul Haggis"
    assert sorted(red_hot.genres.values_list("name", flat=True)) == ["Drama", "Musical"]


def test_record_credits_carla_gugino_as_valentina(red_hot):
    credit = Credit.objects.get(film=red_hot, role=Role.CAST, person__name="Carla Gugino")
    assert credit.character == "Valentina"


def test_record_bills_cast_in_the_top_cast_order(red_hot):
    characters = list(
        Credit.objects.filter(film=red_hot, role=Role.CAST)
        .order_by("billing")
        .values_list("character", flat=True)
    )
    assert characters == [
        "Alexi", "Valentina", "Dimitri", "Kirov", "Yorgi", "Yuri",
        "Gurevitch", "Sasha", "Vladimir", "Klara", "Mrs. Kirov",
    ]  # fmt: skip


def test_misspelt_mueller_stall_is_a_variant_of_armin_mueller_stahl(red_hot):
    armin = Person.objects.get(slug="armin-mueller-stahl")
    assert armin.name == "Armin Mueller-Stahl"
    assert NameVariant.objects.get(name="Armin Mueller-Stall").person == armin
    assert Claim.objects.get(value="Armin Mueller-Stall").person == armin


def test_de_la_pena_without_tilde_is_a_variant_of_george_de_la_pena(red_hot):
    george = Person.objects.get(slug="george-de-la-pena")
    assert george.name == "George de la Peña"
    assert NameVariant.objects.get(name="George De La Pena").person == george


def test_hugh_obrian_is_a_separate_person_without_credit(red_hot):
    obrian = Person.objects.get(name="Hugh O'Brian")
    oconor = Person.objects.get(name="Hugh O'Conor")
    assert obrian != oconor
    assert not Credit.objects.filter(person=obrian).exists()
    assert Credit.objects.get(person=oconor).character == "Yuri"
    assert Claim.objects.get(value="Hugh O'Brian").source.slug == "film-overview-red-hot"


def test_people_mentioned_in_passing_are_not_people_of_the_catalogue(red_hot):
    for name in ["Jerry Lee Lewis", "Elvis", "Nikita Kruschev", "Stalin"]:
        assert not Person.objects.filter(name__icontains=name).exists(), name


def test_loading_twice_creates_no_duplicates(red_hot):
    models = list(apps.get_app_config("catalog").get_models())
    before = {model.__name__: model.objects.count() for model in models}
    call_command("loaddata", "red_hot", verbosity=0)
    assert {model.__name__: model.objects.count() for model in models} == before
