"""The genre and certificate rows: each source's word as written, matched and noted as the record
files it (catalog.genres, catalog.certificates)."""

from catalog.certificates import System, filed, record_system
from catalog.comparison.rows import Row
from catalog.genres import genres_for
from catalog.models import Field
from catalog.normalise import fold, normalise


def genre_keys(normalised: str) -> tuple[str, ...]:
    """What a genre claim is matched on, from its normal form: the list's genres its word is
    filed under ("Thriller/Suspense" is Thriller's), or the word itself when the list has none."""
    genres = genres_for(normalised)
    return tuple(normalise(Field.GENRE, genre) for genre in genres) if genres else (normalised,)


def genre_note(word: str) -> str:
    """Beside a source's genre word: which of the list's genres it is filed under, when that is
    not the word itself."""
    genres = genres_for(word)
    if not genres:
        return "not a genre of the list"
    if len(genres) == 1 and fold(genres[0]) == fold(word):
        return ""
    return f"filed under {' and '.join(genres)}"


def note_words(row: Row) -> None:
    """Note how the record files each source's word on the genre and certificate rows, and
    give the record's certificate its system."""
    if row.key == Field.GENRE:
        for cell in row.cells:
            for value in cell.values:
                value.note = genre_note(value.text)
    elif row.key == Field.CERTIFICATE:
        filings: list[tuple[str, System | None]] = []
        for cell in row.cells:
            for value in cell.values:
                system = filed(value.text, cell.source.slug, value.claim.quote)
                value.note = system.code if system else ""
                filings.append((value.text, system))
        row.system = record_system(row.record, filings) if row.record else None
