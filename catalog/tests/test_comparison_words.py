"""The sentences the film page takes from its comparison, in the plural where it is one."""

from catalog.comparison import Row
from catalog.comparison.film import Comparison
from catalog.comparison.rows import Cell, Status, Value
from catalog.models import Field, Film, Source, SourceAgreement


def comparison(sources=1, other_film=(), cast_order="", rows=()) -> Comparison:
    return Comparison(
        film=Film(title="Red Hot", year=1993),
        sources=[Source(title=f"Source {n}") for n in range(sources)],
        rows=list(rows),
        cast=[],
        prose=[],
        reviews=[],
        credits=[],
        other_film=list(other_film),
        cast_order=cast_order,
    )


def year_row(*agrees: bool, automatic=False) -> Row:
    cells = [
        Cell(
            Source(title=f"Source {n}"),
            [Value("1993" if agree else "1995", [], agree)],
            Status.AGREES if agree else Status.CONFLICTS,
        )
        for n, agree in enumerate(agrees)
    ]
    return Row(Field.YEAR, "Year", "1993", cells, automatic=automatic)


def test_agreement_says_its_one_source_or_the_sources():
    assert comparison(1).agreement == (
        "Its one source agrees with the record on every field it states."
    )
    assert comparison(3).agreement == (
        "The sources agree with the record on every field they state."
    )


def test_description_counts_the_sources():
    assert comparison(1).description == (
        "Red Hot (1993): what its one source claims, beside the editors' record."
    )
    assert comparison(4).description == (
        "Red Hot (1993): what 4 sources claim, where they agree and conflict, "
        "and the editors' record."
    )


def story(contradicting: int, compared: int) -> str:
    agreement = SourceAgreement(story_contradicting=contradicting, story_compared=compared)
    return agreement.story_contradiction


def test_story_contradiction_counts_in_the_plural_only_where_there_are_several():
    tail = "about the story (characters, setting, period)"
    assert story(3, 4) == f"3 of its 4 claims {tail} contradict the consensus."
    assert story(1, 4) == f"1 of its 4 claims {tail} contradicts the consensus."
    assert story(1, 1) == f"its one claim {tail} contradicts the consensus."
    assert story(1200, 1500) == f"1,200 of its 1,500 claims {tail} contradict the consensus."


def test_caption_explains_automatic_only_where_a_value_is():
    plain = comparison(rows=[year_row(True)]).caption
    assert plain.startswith("What each source says about Red Hot, beside the record. ")
    assert plain.endswith("learnt from how often each source agrees with the others.")
    marked = comparison(rows=[year_row(True, automatic=True)]).caption
    assert marked.startswith(plain + " ")
    assert marked.endswith("is not yet confirmed by an editor.")


def test_cast_caption_adds_the_billing_order_when_there_is_one():
    name = "The character each source gives each person, however it spells the name."
    assert comparison().cast_caption == name
    ordered = comparison(cast_order="In the order Source 0 bills them.").cast_caption
    assert ordered == f"{name} In the order Source 0 bills them."


def test_backing_counts_the_sources_stating_the_field():
    assert year_row(True, True, False).backing == "as 2 of 3 sources do"
    assert year_row(True).backing == "as the one source stating it does"
    assert year_row(False, False).backing == "which no source says"


def test_captions_escape_the_titles_they_name_and_nothing_else():
    marked = comparison(rows=[year_row(True, automatic=True)])
    marked.film.title = "Tom & Jerry"
    assert "about Tom &amp; Jerry, beside" in marked.caption
    assert "A consensus's confidence" in marked.caption
    billed = comparison(cast_order="In the order <Source> bills them.").cast_caption
    assert "In the order &lt;Source&gt; bills them." in billed
