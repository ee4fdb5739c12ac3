"""Film search: a film's titles and the names of everyone on it, folded into one indexed text.

`Film.search_text` holds the record's title, every title a source gives the film, and every
spelling of the name of everyone credited or named on it, folded (catalog.normalise.fold) with a
space before each word: " red hot paul haggis carla gugino ...". A search finds the films where
every word of the query begins a word of that text, so "gugin haggis" and "Peña" both work. On
PostgreSQL it is full-text search with prefix terms over a GIN index (migration 0012); on SQLite,
the same over an FTS5 index (migration 0011); on a SQLite without FTS5, `LIKE '% word%'` over the
one column, a scan of the films table and nothing else.

The text is refreshed in bulk by the loaders and the importers, and for the films an editor's
change touches (a title, a credit, a claim or a name) once the change commits (catalog.derived);
its words are counted in catalog.search_words, and catalog.readings reads a reader's query with
them (a year, misspellings).
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, reduce
from operator import and_, or_

from django.db import connection, transaction
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from catalog import search_words
from catalog.bulk import batches, update_rows
from catalog.models import Claim, Credit, Field, Film, NameVariant, Person
from catalog.normalise import fold

# PostgreSQL's stored, indexed tsvector of the text (migration 0012), and SQLite's FTS5 index of
# it (migration 0011); a query's words are all required, each as the beginning of a word.
POSTGRESQL_MATCH = "catalog_film.search_vector @@ to_tsquery('simple'::regconfig, %s)"
SQLITE_MATCH = "SELECT rowid FROM catalog_film_search WHERE catalog_film_search MATCH %s"

# The claims whose film's search text may change with them: titles, and the fields naming people.
SEARCHED_CLAIMS = {Field.TITLE, Field.DIRECTOR, Field.WRITER, Field.CAST}

# Films per round of queries when refreshing some of them: their people, a few thousand, stay
# well under SQLite's limit of variables per query.
BATCH = 1000


def terms(text: str) -> list[str]:
    """The words a query is made of, folded as the search text is."""
    return fold(text).split()


def document(texts: Iterable[str]) -> str:
    """The search text for a film's titles and names: each word once, each after a space."""
    words = dict.fromkeys(word for text in texts for word in fold(text).split())
    return "".join(f" {word}" for word in words)


@dataclass(frozen=True)
class Spelling:
    """A way a word of a query may be written in a film's text: as the beginning of a word (as
    typed), or as whole words (a near word, or two words written together as one)."""

    text: str
    prefix: bool = True
    # Edits from what the reader typed: none for the word itself and its other spellings.
    distance: int = 0


def matching(films: QuerySet, text: str) -> QuerySet:
    """The `films` where every word of `text` begins a word of their titles or names."""
    words = terms(text)
    if not words:
        return films.none()
    return films.filter(condition([[Spelling(word)] for word in words]))


def condition(words: Iterable[Iterable[Spelling]]) -> Q:
    """Films whose text holds every one of `words`, each in one of its spellings."""
    groups = [list(spellings) for spellings in words]
    # fold() leaves letters and digits only, so the words are safe in the query languages below.
    match method():
        case "postgresql":
            query = " & ".join(
                "(" + " | ".join(_tsquery(spelling) for spelling in spellings) + ")"
                for spellings in groups
            )
            return Q(RawSQL(POSTGRESQL_MATCH, [query], output_field=BooleanField()))
        case "fts5":
            query = " AND ".join(
                "(" + " OR ".join(_fts5_query(spelling) for spelling in spellings) + ")"
                for spellings in groups
            )
            return Q(pk__in=RawSQL(SQLITE_MATCH, [query]))
    return reduce(
        and_,
        (reduce(or_, (_scanned(spelling) for spelling in spellings)) for spellings in groups),
        Q(),
    )


def _tsquery(spelling: Spelling) -> str:
    if spelling.prefix:
        return f"{spelling.text}:*"
    return "(" + " & ".join(spelling.text.split()) + ")"


def _fts5_query(spelling: Spelling) -> str:
    if spelling.prefix:
        return f'"{spelling.text}"*'
    return "(" + " AND ".join(f'"{word}"' for word in spelling.text.split()) + ")"


def _scanned(spelling: Spelling) -> Q:
    if spelling.prefix:
        return Q(search_text__contains=f" {spelling.text}")
    return reduce(
        and_,
        (
            Q(search_text__contains=f" {word} ") | Q(search_text__endswith=f" {word}")
            for word in spelling.text.split()
        ),
    )


@cache
def method() -> str:
    """How the database searches: "postgresql", "fts5", or "scan" on a SQLite library without
    FTS5, where migration 0011 could not make the index."""
    if connection.vendor == "postgresql":
        return "postgresql"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'catalog_film_search'")
            if cursor.fetchone() is not None:
                return "fts5"
    return "scan"


def refresh(film_ids: Iterable[int] | None = None) -> int:
    """Rewrite the search text of the films (every film when None); the number changed."""
    with transaction.atomic():
        if film_ids is None:
            with search_words.counted_at_the_end():
                return update_rows(Film, ["search_text"], _changed(None))
        changed = 0
        for batch in batches(sorted(set(film_ids)), BATCH):
            changed += update_rows(Film, ["search_text"], _changed(batch))
        return changed


def needs_refresh() -> bool:
    """Films without a search text: made before it existed, or outside the loaders."""
    return Film.objects.filter(search_text="").exists()


def _changed(film_ids: list[int] | None) -> Iterator[tuple[str, int]]:
    def scoped(queryset: QuerySet, field: str = "film_id") -> QuerySet:
        return queryset if film_ids is None else queryset.filter(**{f"{field}__in": film_ids})

    texts: dict[int, list[str]] = {}
    current: dict[int, str] = {}
    for pk, title, search_text in scoped(Film.objects.all(), "pk").values_list(
        "pk", "title", "search_text"
    ):
        texts[pk], current[pk] = [title], search_text
    for film_id, value in scoped(Claim.objects.filter(field=Field.TITLE)).values_list(
        "film_id", "value"
    ):
        if film_id in texts:  # its film may be going, in a cascade of deletes
            texts[film_id].append(value)

    people_of: dict[int, dict[int, None]] = defaultdict(dict)
    for model in (Credit, Claim):
        for film_id, person_id in (
            scoped(model.objects.exclude(person=None))
            .values_list("film_id", "person_id")
            .order_by()
        ):
            people_of[film_id][person_id] = None
    wanted = None if film_ids is None else {p for people in people_of.values() for p in people}
    names: dict[int, list[str]] = defaultdict(list)
    for named, field in ((Person, "pk"), (NameVariant, "person_id")):
        rows = named.objects.values_list(field, "name").order_by(field, "name")
        if wanted is not None:
            rows = rows.filter(**{f"{field}__in": wanted})
        for person_id, name in rows:
            names[person_id].append(name)

    for pk, film_texts in texts.items():
        for person_id in people_of.get(pk, ()):
            film_texts.extend(names[person_id])
        if (text := document(film_texts)) != current[pk]:
            yield text, pk
