"""The words of the films' search text, each with the number of films it is in, and the words
nearest a misspelt one.

The table `catalog_search_word` (migration 0015) is kept in step by triggers, whatever writes
`Film.search_text`; a full refresh of the search text turns them off and counts every word once
at the end (`counted_at_the_end`). The near words of a word in few films' texts are found by
edit distance (optimal string alignment, so "teh" is one edit from "the"), up to `farthest`:

- on PostgreSQL, among the words trigram-similar to it, by pg_trgm's index (at its default
  threshold, 0.3), and among the words one edit away, each looked up as it is: trigrams say
  little of a short word, or of two letters swapped in the middle of one;
- on SQLite, among every word, by an index of the words each process keeps in memory: read in
  one query, read again only when a word has come or gone since (`catalog_search_state.version`,
  which the triggers change).
"""

import heapq
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from string import ascii_lowercase, digits

import numpy
from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import OSA

# A word in more films' texts than this is taken as spelt as meant: no near words are sought.
SELDOM = 5
# The near words kept of a word, at most.
NEAREST = 30
# A longer word is looked up as typed only: no title word or name is that long, and the words an
# edit or a cut away from one grow with its length (a pasted paragraph would make millions).
LONGEST = 30
# The words a longer one may be cut into ("muellerstahl"): each at least this long.
SPLIT_LEAST = 2
# The letters tried in the words one edit from another, besides the word's own.
LETTERS = ascii_lowercase + digits

# The words trigram-similar to each query word, then those of a list that are words: looked up
# one by one, by the primary key (a list of a thousand makes the planner read the whole table).
POSTGRESQL_NEAR = """
    SELECT q.word, near.word, near.films
    FROM unnest(%s::text[]) AS q (word)
    JOIN catalog_search_word AS near ON near.word %% q.word
    UNION ALL
    SELECT NULL, known.word, known.films
    FROM unnest(%s::text[]) AS listed (word)
    CROSS JOIN LATERAL (
        SELECT word, films FROM catalog_search_word WHERE word = listed.word LIMIT 1
    ) AS known
"""
# The version, and every word only if the version is not the one this process has (the one row
# of the state first, so that the words are not even scanned otherwise).
SQLITE_WORDS = """
    SELECT version, NULL, NULL FROM catalog_search_state
    UNION ALL
    SELECT NULL, word, films FROM catalog_search_state CROSS JOIN catalog_search_word
    WHERE version IS NOT %s
"""
RECOUNT = {
    "postgresql": [
        "DELETE FROM catalog_search_word",
        """INSERT INTO catalog_search_word (word, films)
        SELECT word, count(*) FROM (
            SELECT DISTINCT id, unnest(string_to_array(search_text, ' ')) AS word
            FROM catalog_film
        ) AS words
        WHERE word <> ''
        GROUP BY word""",
        "UPDATE catalog_search_state SET counting = true",
        # The trigram index takes new words into a list of its own, read through at every
        # lookup until a vacuum merges it: merged now, the whole vocabulary being new.
        "SELECT gin_clean_pending_list('catalog_search_word_trigram'::regclass)",
    ],
    "sqlite": [
        "DELETE FROM catalog_search_word",
        """INSERT INTO catalog_search_word (word, films)
        SELECT value, count(DISTINCT catalog_film.id)
        FROM catalog_film, json_each(
            CASE WHEN json_valid('["' || replace(trim(search_text), ' ', '","') || '"]')
            THEN '["' || replace(trim(search_text), ' ', '","') || '"]' ELSE '[]' END
        )
        WHERE value <> ''
        GROUP BY value""",
        "UPDATE catalog_search_state SET counting = 1, version = randomblob(8)",
    ],
}


@dataclass(frozen=True)
class Near:
    word: str
    distance: int
    films: int


@dataclass(frozen=True)
class Entry:
    """What the vocabulary knows of a word: how many films hold it, which words are near it, and
    the pairs of words it may be two of, written together."""

    films: int = 0
    near: tuple[Near, ...] = ()
    splits: tuple[tuple[str, str], ...] = ()


def reach(word: str) -> int:
    """The edits a correction may be from `word`: one for up to four letters, else two."""
    return 1 if len(word) <= 4 else 2


def farthest(word: str) -> int:
    """The edits a near word may be from `word`: one more than `reach` for a word of seven
    letters or more, for the suggestions of a search that finds nothing."""
    return reach(word) + (len(word) >= 7)


def lookup(words: Sequence[str]) -> dict[str, Entry]:
    """Each of `words` with its count and, if it is in at most SELDOM films' texts, its near
    words (nearest, then commonest, first) and its splits; in one query."""
    if not words:
        return {}
    films, distances = (_postgresql if connection.vendor == "postgresql" else _sqlite)(words)
    entries = {}
    for word in words:
        if films.get(word, 0) > SELDOM:
            entries[word] = Entry(films[word])
            continue
        near = [
            Near(other, distance, films[other])
            for distance, _commoner, other in heapq.nsmallest(
                NEAREST,
                (
                    (distance, -films[other], other)
                    for other, distance in distances.get(word, {}).items()
                    if other != word
                ),
            )
        ]
        halves = _halves(word) if len(word) <= LONGEST else iter(())
        splits = sorted(
            ((left, right) for left, right in halves if left in films and right in films),
            key=lambda pair: -min(films[pair[0]], films[pair[1]]),
        )
        entries[word] = Entry(films.get(word, 0), tuple(near), tuple(splits))
    return entries


@contextmanager
def counted_at_the_end() -> Iterator[None]:
    """The triggers stopped while the block rewrites many films' texts, then every word counted
    at once: a full refresh that way is one pass over the texts, not one per film. Run it in a
    transaction."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE catalog_search_state SET counting = %s",
            [False if connection.vendor == "postgresql" else 0],
        )
    yield
    with connection.cursor() as cursor:
        for statement in RECOUNT[connection.vendor]:
            cursor.execute(statement)


def _halves(word: str) -> Iterator[tuple[str, str]]:
    for cut in range(SPLIT_LEAST, len(word) - SPLIT_LEAST + 1):
        yield word[:cut], word[cut:]


def _one_edit(word: str) -> set[str]:
    """Every string one edit from `word`: a letter left out, changed, added, or two swapped."""
    letters = set(LETTERS) | set(word)
    cuts = [(word[:n], word[n:]) for n in range(len(word) + 1)]
    return (
        {left + right[1:] for left, right in cuts if right}
        | {left + letter + right[1:] for left, right in cuts if right for letter in letters}
        | {left + letter + right for left, right in cuts for letter in letters}
        | {left + right[1] + right[0] + right[2:] for left, right in cuts if len(right) > 1}
    )


def _postgresql(words: Sequence[str]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """The count of every word found, and each word's near words with their distances."""
    exact = set(words)
    candidates: dict[str, set[str]] = {word: set() for word in words}
    edited = {word: _one_edit(word) if len(word) <= LONGEST else set() for word in words}
    for word in words:
        if len(word) <= LONGEST:
            exact.update(part for pair in _halves(word) for part in pair)
        exact.update(edited[word])
    films: dict[str, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(POSTGRESQL_NEAR, [list(words), sorted(exact)])
        for query_word, word, count in cursor.fetchall():
            films[word] = count
            if query_word is not None:
                candidates[query_word].add(word)
    distances: dict[str, dict[str, int]] = {word: {} for word in words}
    for word, edits in edited.items():
        for other in candidates[word] | (edits & films.keys()):
            if (distance := OSA.distance(word, other)) <= farthest(word):
                distances[word][other] = distance
    return films, distances


@dataclass
class _Index:
    """The vocabulary as one process keeps it: every word and its count, at a version."""

    version: bytes | None = None
    films: dict[str, int] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)


# By database, for the tests' database beside the site's.
_indexes: dict[str, _Index] = {}


def _sqlite(words: Sequence[str]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    index = _current_index()
    distances = {}
    for word in words:
        if len(word) <= LONGEST and index.films.get(word, 0) <= SELDOM:
            found = process.cdist(
                [word],
                index.words,
                scorer=OSA.distance,
                score_cutoff=farthest(word),
                dtype=numpy.int8,
                workers=1,
            )[0]
            distances[word] = {
                index.words[n]: int(found[n]) for n in (found <= farthest(word)).nonzero()[0]
            }
    return index.films, distances


def _current_index() -> _Index:
    # Threads that find it out of date at once each read it; the last one read is kept.
    name = str(connection.settings_dict["NAME"])
    index = _indexes.get(name) or _Index()
    with connection.cursor() as cursor:
        cursor.execute(SQLITE_WORDS, [index.version])
        rows = cursor.fetchall()
    version = next(version for version, word, _films in rows if word is None)
    if version != index.version:
        films = {word: count for _version, word, count in rows if word is not None}
        index = _Index(bytes(version), films, list(films))
        _indexes[name] = index
    return index
