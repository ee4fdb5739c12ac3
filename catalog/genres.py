"""The record's genres: one controlled list, and each source's words mapped onto it.

The list is IMDb's, the genres readers know, under the names IMDb gives them. A source's claim
keeps its own word ("Thriller/Suspense", "drama film", "period romance"); the record files it
under the genres of this table. A word the table does not know stays the source's claim, is left
out of the record and is listed for the editors (`unmapped`), never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from catalog.normalise import fold
from catalog.normalise import genre as genre_form

GENRES = (
    "Action",
    "Adventure",
    "Animation",
    "Biography",
    "Comedy",
    "Crime",
    "Documentary",
    "Drama",
    "Family",
    "Fantasy",
    "Film-Noir",
    "History",
    "Horror",
    "Music",
    "Musical",
    "Mystery",
    "Romance",
    "Sci-Fi",
    "Short",
    "Sport",
    "Thriller",
    "War",
    "Western",
)

# Folded source words -> the genres they are filed under. The list's own names map to themselves.
WORDS: dict[str, tuple[str, ...]] = {
    **{fold(genre): (genre,) for genre in GENRES},
    "animated": ("Animation",),
    "animated film": ("Animation",),
    "biographical": ("Biography",),
    "biopic": ("Biography",),
    "black comedy": ("Comedy",),
    "dark comedy": ("Comedy",),
    "comedy drama": ("Comedy", "Drama"),
    "concert performance": ("Music", "Documentary"),
    "crime film": ("Crime",),
    "documentary film": ("Documentary",),
    "drama film": ("Drama",),
    "family film": ("Family",),
    "fantasy film": ("Fantasy",),
    "film noir": ("Film-Noir",),
    "noir": ("Film-Noir",),
    "historical": ("History",),
    "historical film": ("History",),
    "horror film": ("Horror",),
    "musical film": ("Musical",),
    "mystery film": ("Mystery",),
    "period romance": ("Romance",),
    "romantic comedy": ("Romance", "Comedy"),
    "romantic drama": ("Romance", "Drama"),
    "science fiction": ("Sci-Fi",),
    "science fiction film": ("Sci-Fi",),
    "sci fi": ("Sci-Fi",),
    "scifi": ("Sci-Fi",),
    "short film": ("Short",),
    "sports": ("Sport",),
    "sports film": ("Sport",),
    "suspense": ("Thriller",),
    "thriller suspense": ("Thriller",),
    "thriller film": ("Thriller",),
    "war film": ("War",),
    "western film": ("Western",),
}


def genres_for(word: str) -> tuple[str, ...]:
    """The record's genres for a source's word, or for its normal form (a claim's `normalised`,
    "drama" for "drama film"); none when the table does not know it."""
    return WORDS.get(fold(word)) or WORDS.get(genre_form(word), ())


def unmapped(words: Iterable[str]) -> list[str]:
    """The words the table does not file under any genre, each once, as first written."""
    seen: dict[str, str] = {}
    for word in words:
        if not genres_for(word):
            seen.setdefault(fold(word), word.strip())
    return sorted(seen.values(), key=fold)
