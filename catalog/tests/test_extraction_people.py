"""The index of known people: exact spellings, and near ones among a film's candidates."""

from catalog.extraction.people import NameIndex


def index() -> NameIndex:
    return NameIndex(
        [
            (4, "Armin Mueller-Stahl", ["Armin Mueller-Stall"]),
            (8, "George de la Peña", ["George De La Pena"]),
            (3, "Carla Gugino", []),
            (20, "Hugh O'Brian", []),
            (7, "Hugh O'Conor", []),
            (30, "John Cusack", []),
            (31, "Joan Cusack", []),
        ]
    )


def test_exact_lookup_folds_case_accents_and_punctuation():
    people = index()
    assert people.exact("GEORGE DE LA PENA") == (8,)
    assert people.exact("Armin Mueller-Stall") == (4,)
    assert people.exact("Carla  Gugino") == (3,)
    assert people.exact("Carla Gugin") == ()
    assert people.canonical(8) == "George de la Peña"


def test_the_finder_asks_by_folded_name():
    people = index()
    assert "carla gugino" in people
    assert "armin mueller stall" in people
    assert "Carla Gugino" not in people
    assert len(people) == 7


def test_near_lookup_finds_a_misspelling_among_the_candidates():
    people = index()
    assert [pid for pid, _score in people.near("Armin Mueller-Stal", [4, 3, 8])] == [4]
    assert [pid for pid, _score in people.near("Hugh O'Connor", [20, 7])] == [7]


def test_near_lookup_looks_only_at_the_candidates():
    assert index().near("Armin Mueller-Stal", [3, 8]) == []


def test_near_lookup_has_a_threshold():
    people = index()
    assert people.near("Hugh O'Brien", [7]) == []
    assert people.near("Hugh O'Brien", [20], threshold=80)[0][0] == 20


def test_an_exact_spelling_ranks_first_among_close_names():
    ranked = index().near("John Cusack", [31, 30])
    assert ranked[0] == (30, 100.0)
