import pytest

from catalog.normalise import fold, normalise


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("year", "1993", "1993"),
        ("year", "Released: 1995", "1995"),
        ("runtime", "1 hr 35 min", "95"),
        ("runtime", "95 min", "95"),
        ("runtime", "95", "95"),
        ("runtime", "2h", "120"),
        ("certificate", "Rated PG", "PG"),
        ("certificate", "pg-13", "PG-13"),
        ("title", "Red Hot (1993)", "red hot"),
        ("title", "RED HOT", "red hot"),
        ("genre", "drama film", "drama"),
        ("genre", "Drama", "drama"),
        ("cast", "George De La Pena", "george de la pena"),
        ("user_rating", "5.5", "5.5"),
        ("votes", "(1,234)", "1234"),
    ],
)
def test_normalise(field, value, expected):
    assert normalise(field, value) == expected


def test_fold_removes_accents_case_and_punctuation():
    assert fold("George de la Peña") == fold("George De La Pena") == "george de la pena"
    assert fold("  Hugh   O'Conor ") == "hugh o conor"
