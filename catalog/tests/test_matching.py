"""Matching films across datasets and people across films (catalog.matching), without a database.

The sample test runs the matcher over small extracts of the three datasets (every row sharing a
title key with a row of the sample, so each row meets the same candidates as in the full data) and
checks it against ``data/film_matches.csv``, pairs of rows checked by eye; ``data/README.md`` says
how they were drawn and ``data/sampling.py`` draws them and cuts the extracts. The extracts also
hold the rows of the fixtures' films (IMDb's *Red Hot*), for test_joining.
"""

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from catalog.datasets.base import entry_for
from catalog.datasets.ggplot2movies import cells_of as ggplot2movies_cells
from catalog.datasets.ggplot2movies import said_in as ggplot2movies_said
from catalog.datasets.omdb import said_in as omdb_said
from catalog.datasets.vega import said_in as vega_said
from catalog.matching import (
    Entry,
    FilmMatcher,
    match_datasets,
    natural_title,
    near_duplicate_names,
    one_edit_apart,
    title_key,
    weigh,
)

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Godfather, The", "The Godfather"),
        ("The Intouchables", "Intouchables"),
        ("Bride & Prejudice", "Bride and Prejudice"),
        ("M*A*S*H", "MASH"),
        (
            "Star Wars: Episode V - The Empire Strikes Back",
            "Star Wars: Episode V \u2013 The Empire Strikes Back",
        ),
        ("South Park: Bigger Longer & Uncut", "South Park: Bigger, Longer & Uncut"),
        ("Vinti, I", "I Vinti"),
        ("Red Hot (1993)", "Red Hot"),
    ],
)
def test_titles_written_differently_share_a_key(a, b):
    assert title_key(a) == title_key(b)


def test_title_keys_keep_different_films_apart():
    assert title_key("Back to the Future Part II") != title_key("Back to the Future Part III")
    assert title_key("Star Wars: Episode I") != title_key("Star Wars: Episode II")
    assert title_key("Seven") != title_key("Se7en")  # a miss, reported by the sample's recall


def test_natural_title_puts_the_article_back():
    assert natural_title("Godfather: Part II, The") == "The Godfather: Part II"
    assert natural_title("Avventura, L'") == "L'Avventura"
    assert natural_title("$40,000") == "$40,000"


def known(film=1, **said) -> FilmMatcher:
    matcher = FilmMatcher()
    matcher.add(film, Entry("omdb", "k", said.pop("title", "Titanic"), **said))
    return matcher


def test_the_same_year_is_strong_evidence():
    matcher = known(year=1997, runtime=194)
    evidence = weigh(Entry("vega", "1", "Titanic", 1997, 194), matcher.films[1])

    assert evidence.strong and evidence.compatible and evidence.score == 0.9


def test_a_year_apart_needs_the_runtime_or_the_director():
    matcher = known(year=1997)
    weak = weigh(Entry("vega", "1", "Titanic", 1998), matcher.films[1])
    matcher = known(year=1997, runtime=194)
    corroborated = weigh(Entry("vega", "1", "Titanic", 1998, 190), matcher.films[1])
    contradicted = weigh(Entry("vega", "1", "Titanic", 1998, 120), matcher.films[1])

    assert weak.compatible and not weak.strong
    assert corroborated.strong
    assert not contradicted.compatible


def test_two_years_apart_is_another_film():
    assert weigh(Entry("vega", "1", "Titanic", 1999), known(year=1997).films[1]) is None


def test_a_short_is_not_the_feature_of_the_same_title_and_year():
    evidence = weigh(
        Entry("gg", "1", "Bats, The", 1999, 8), known(title="Bats", year=1999, runtime=91).films[1]
    )

    assert not evidence.compatible
    assert "far apart" in "; ".join(evidence.reasons)


def test_a_different_cut_of_the_same_year_is_the_same_film():
    matcher = known(title="The Magnificent Ambersons", year=1942, runtime=88)
    evidence = weigh(Entry("gg", "1", "Magnificent Ambersons, The", 1942, 131), matcher.films[1])

    assert evidence.strong and evidence.compatible


def test_directors_who_differ_rule_a_candidate_out_unless_year_and_runtime_agree():
    matcher = known(
        title="The Matrix Reloaded", year=2003, runtime=138, directors=("Lana Wachowski",)
    )
    renamed = weigh(
        Entry("vega", "1", "The Matrix Reloaded", 2003, 138, ("Andy Wachowski",)), matcher.films[1]
    )
    other = weigh(
        Entry("vega", "1", "The Matrix Reloaded", 2003, None, ("Jim Smith",)), matcher.films[1]
    )

    assert renamed.strong
    assert not other.compatible


def test_directors_agree_whatever_the_spacing_or_the_first_name():
    matcher = known(title="Duplex", year=2003, directors=("Danny DeVito",))

    assert weigh(
        Entry("vega", "1", "Duplex", 2003, None, ("Danny De Vito",)), matcher.films[1]
    ).strong


def test_a_row_with_one_strong_candidate_is_merged():
    matcher = known(year=1997, runtime=194)

    [outcome] = matcher.match([Entry("vega", "1", "Titanic", 1997)])

    assert outcome.film == 1 and not outcome.possible


def test_a_row_with_two_candidates_is_left_apart_and_listed():
    matcher = known(film=1, title="Hamlet", year=1996)
    matcher.add(2, Entry("omdb", "k2", "Hamlet", 1997))

    [outcome] = matcher.match([Entry("vega", "1", "Hamlet", None)])

    assert outcome.film is None
    assert {possible.film for possible in outcome.possible} == {1, 2}
    assert "2 candidate films" in outcome.possible[0].reason


def test_the_candidate_of_the_same_year_wins_over_one_a_year_apart():
    matcher = known(film=1, title="An Ideal Husband", year=1999, runtime=97)
    matcher.add(2, Entry("gg", "k2", "Ideal Husband, An", 1998, 90))

    [outcome] = matcher.match([Entry("vega", "1", "An Ideal Husband", 1999, 97)])

    assert outcome.film == 1


def test_two_rows_of_one_dataset_wanting_one_film_are_left_apart():
    matcher = known(title="Good Boy!", year=2003, runtime=88)

    outcomes = matcher.match(
        [Entry("gg", "1", "Good Boy!", 2003, 88), Entry("gg", "2", "Good Boy", 2003, 87)]
    )

    assert [outcome.film for outcome in outcomes] == [None, None]
    assert "2 rows of this dataset could be it" in outcomes[0].possible[0].reason


def test_a_dataset_is_never_matched_with_itself():
    matcher = known(year=1997)

    [outcome] = matcher.match([Entry("omdb", "other", "Titanic", 1997)])

    assert outcome.film is None and not outcome.possible


def test_a_row_strongly_matching_a_film_kept_by_hand_joins_it():
    matcher = FilmMatcher()
    matcher.add(1, Entry("", "", "Red Hot", 1993, 95, ("Paul Haggis",)), kept=True)

    [outcome] = matcher.match([Entry("gg", "1", "Red Hot", 1993, 95)])

    assert outcome.film == 1 and not outcome.possible


def test_a_weak_match_with_a_film_kept_by_hand_is_listed_not_joined():
    matcher = FilmMatcher()
    matcher.add(1, Entry("", "", "Red Hot", 1993, 95), kept=True)

    [outcome] = matcher.match([Entry("vega", "1", "Red Hot", 1994)])

    assert outcome.film is None
    assert "the editors keep that film by hand" in outcome.possible[0].reason
    assert "weak evidence" in outcome.possible[0].reason


def test_a_film_kept_by_hand_is_matched_on_its_record_and_its_rows():
    matcher = FilmMatcher()
    matcher.add(1, Entry("gg", "7", "Red Hot", 1993, 95))
    matcher.add(1, Entry("", "", "Red Hot", 1993, 95, ("Paul Haggis",)), kept=True)

    assert matcher.films[1].kept
    [again, other] = matcher.match(
        [Entry("gg", "8", "Red Hot", 1993, 95), Entry("omdb", "9", "Red Hot", 1994, 96)]
    )

    assert again.film is None and not again.possible, "a dataset lists a film once"
    assert other.film == 1, "a year apart, and the runtimes agree"


def test_rows_with_one_imdb_id_are_one_film():
    matcher = FilmMatcher()
    outcomes = matcher.match(
        [
            Entry("omdb", "a", "Apocalypse Now", 1979, imdb_id="tt0078788"),
            Entry("omdb", "b", "Apocalypse Now Redux", 2001, imdb_id="tt0078788"),
        ]
    )

    assert outcomes[1].same_as_row == 0


def test_names_one_letter_apart():
    assert one_edit_apart("jon voight", "john voight")
    assert one_edit_apart("gary chalk", "garry chalk")
    assert one_edit_apart("kevin kash", "kevin nash")
    assert not one_edit_apart("paul anka", "paul tana")
    assert near_duplicate_names(["jon voight", "john voight", "li na", "li ni", "paul anka"]) == {
        ("john voight", "jon voight")
    }


# --- The hand-checked sample -----------------------------------------------------------------


def sample_rows() -> list[dict]:
    with open(DATA / "film_matches.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def extract_entries() -> list[list[Entry]]:
    """The extracts' rows as the importers read them, in the importers' order."""
    omdb_lines = (DATA / "omdb_extract.tsv").read_text(encoding="utf-8").splitlines()
    columns = omdb_lines[0].split("\t")
    omdb = []
    for line in omdb_lines[1:]:
        cells = dict(zip(columns, line.split("\t"), strict=True))
        omdb.append(entry_for("omdb", cells["imdbID"], omdb_said(cells), cells["imdbID"]))
    gg_lines = (DATA / "ggplot2movies_extract.csv").read_text(encoding="utf-8").splitlines()
    columns = next(csv.reader([gg_lines[0]]))
    columns[0] = "row"
    ggplot = []
    for line in gg_lines[1:]:
        cells = ggplot2movies_cells(columns, line)
        ggplot.append(entry_for("ggplot2movies", cells["row"], ggplot2movies_said(cells)))
    vega = []
    for line in (DATA / "vega_movies_extract.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        key, record = line.split("\t", 1)
        vega.append(entry_for("vega", key, vega_said(json.loads(record))))
    return [omdb, ggplot, vega]


# How each pair came into the sample (data/README.md): picked by hand first, then drawn at random.
FIRST_SAMPLE = "first sample"
DRAWN = {
    FIRST_SAMPLE,
    "merged",
    "possible",
    "row of omdb",
    "row of ggplot2movies",
    "row of vega",
    "same title, years apart",
    "alike titles",
}


@dataclass
class Scores:
    """How the matcher's merges compare with the hand-checked verdicts on some pairs."""

    merged_same: int = 0
    merged_other: int = 0
    missed: int = 0
    kept_apart: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.merged_same / (self.merged_same + self.merged_other)

    @property
    def recall(self) -> float:
        return self.merged_same / (self.merged_same + self.missed)


def scores(rows: list[dict], films: dict[tuple[str, str], int]) -> Scores:
    found = Scores()
    for row in rows:
        merged = films[row["dataset_a"], row["key_a"]] == films[row["dataset_b"], row["key_b"]]
        same = row["same"] == "yes"
        found.merged_same += merged and same
        found.merged_other += merged and not same
        found.missed += same and not merged
        found.kept_apart += not same and not merged
        if merged and not same:
            found.wrong.append(
                f"{row['title_a']} ({row['year_a']}) / {row['title_b']} ({row['year_b']})"
            )
    return found


def test_the_sample_is_large_and_checked():
    rows = sample_rows()

    assert len(rows) >= 300
    assert {row["same"] for row in rows} == {"yes", "no"}
    assert Counter(row["same"] for row in rows)["no"] >= 20
    assert all(row["dataset_a"] != row["dataset_b"] for row in rows)
    assert {row["drawn"] for row in rows} == DRAWN
    assert all(row["note"] for row in rows if row["drawn"] != FIRST_SAMPLE)
    pairs = [(row["dataset_a"], row["key_a"], row["dataset_b"], row["key_b"]) for row in rows]
    assert len(set(pairs)) == len(pairs)


def test_matching_precision_on_the_hand_checked_sample():
    films = match_datasets(extract_entries())
    rows = sample_rows()
    whole = scores(rows, films)
    first = scores([row for row in rows if row["drawn"] == FIRST_SAMPLE], films)
    # Rows drawn at random from each dataset, their counterparts found by hand: the fairest
    # estimate of recall, where the other strata seek out the hard cases.
    drawn_rows = scores([row for row in rows if row["drawn"].startswith("row of ")], films)
    print(
        f"\nFilm matching on the sample: precision {whole.precision:.3f}, "
        f"recall {whole.recall:.3f} ({drawn_rows.recall:.3f} on the rows drawn at random)"
    )
    for drawn in sorted(DRAWN):
        part = scores([row for row in rows if row["drawn"] == drawn], films)
        print(
            f"  {drawn}: {part.merged_same} merged rightly, {part.merged_other} wrongly, "
            f"{part.missed} missed, {part.kept_apart} kept apart rightly"
        )

    # What the matcher reaches now (1.000; 0.713 and 0.882): regression guards, not goals.
    assert whole.precision >= 0.99, f"merged but not the same film: {whole.wrong}"
    assert whole.recall >= 0.71
    assert drawn_rows.recall >= 0.87
    # The floors the first sample had on its own.
    assert first.precision >= 0.95, f"merged but not the same film: {first.wrong}"
    assert first.recall >= 0.75  # what the matcher reaches now: a regression guard, not a goal
