"""Each source's genre words filed under the record's one list."""

import pytest

from catalog.genres import GENRES, WORDS, genres_for, unmapped


@pytest.mark.parametrize(
    ("word", "genres"),
    [
        ("Thriller/Suspense", ("Thriller",)),
        ("thriller", ("Thriller",)),
        ("Science Fiction", ("Sci-Fi",)),
        ("Sci-Fi", ("Sci-Fi",)),
        ("drama film", ("Drama",)),
        ("Romantic Comedy", ("Romance", "Comedy")),
        ("Black Comedy", ("Comedy",)),
        ("period romance", ("Romance",)),
        ("Film Noir", ("Film-Noir",)),
    ],
)
def test_a_sources_word_is_filed_under_the_records_genres(word, genres):
    assert genres_for(word) == genres


def test_every_genre_a_word_maps_to_is_on_the_list():
    assert {genre for genres in WORDS.values() for genre in genres} <= set(GENRES)


def test_unknown_words_are_listed_once_as_first_written():
    words = ["Political", "Drama", "political", "Mumblecore"]
    assert unmapped(words) == ["Mumblecore", "Political"]
    assert genres_for("Political") == ()
