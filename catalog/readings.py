"""A reader's search, read as typed first and then more loosely while it finds nothing.

A query is words and perhaps a year: its last number within the record's bounds ("red hot 1993") is
the film's year, give or take one as sources often disagree by one, or a word of its titles
("1941"). Each word matches the beginning of a word of a film's titles and names
(catalog.search), and also as German writes it without accents: "muller" finds
"Mueller-Stahl", "mueller" finds "Müller". The readings, strictest first:

1. the words, and the year;
2. the words, the year only ranking the films (nearest first);
3. and 4. the same with each word that no film's text holds, or that far fewer films hold than
   a word an edit away, also read as its nearest words of the vocabulary (catalog.search_words)
   or as two words written together: "jurasic" as "jurassic", "guggino" as "gugino",
   "muellerstahl" as "mueller stahl"; the films with the fewest edits first.

The film list shows the first reading that finds films; when none does, it suggests the titles
and names nearest the query, from the films that hold any of its words or their near words.
"""

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import reduce
from operator import add

from django.db.models import Case, F, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import Abs
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from catalog import search, search_words
from catalog.models import Credit, Field, Film, Person
from catalog.parameters import bounded_search
from catalog.record_fields import BOUNDS
from catalog.search import Spelling

# The years a query may name: those a film's record can hold.
YEARS = range(BOUNDS[Field.YEAR][0], BOUNDS[Field.YEAR][1] + 1)
# Sources often give a film's year one off: the year of a festival, of the release abroad.
YEAR_SLACK = 1
# A corrected word is read as at most so many near words, the most common first.
CORRECTIONS = 5
# A word of the vocabulary is corrected too when a word one edit away is in this many times
# more films ("rd" is in one film's text, "red" in 279).
RARER = 50
# Suggestions: the films weighed (those most sources describe first), how many titles and how
# many names are suggested, and how like the query they must be (rapidfuzz's WRatio, 0 to 100).
CANDIDATES = 100
SUGGESTED = 5
LIKENESS = 70
# A vowel German may write with an umlaut, before a consonant ("muller", "Müller"), and the "e"
# of an umlaut written out ("mueller").
UMLAUT = re.compile(r"([aou])(?=[b-df-hj-np-tv-z])")
WRITTEN_OUT = re.compile(r"(?<=[aou])e")


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]
    year: int | None = None


def parse(text: str) -> Query:
    """The query's folded words, and its year taken out of them if it has one."""
    words = search.terms(text)
    years = [n for n, word in enumerate(words) if re.fullmatch(r"\d{4}", word)]
    if not years or int(words[years[-1]]) not in YEARS:
        return Query(tuple(words))
    last = years[-1]
    return Query(tuple(words[:last] + words[last + 1 :]), int(words[last]))


def spellings(word: str) -> tuple[Spelling, ...]:
    """The word as typed, and as German may write it: "muller" as the beginning of "mueller",
    "mueller" as the word "muller"."""
    found = [Spelling(word)]
    if len(word) >= 4:
        umlauts = [match.start() for match in UMLAUT.finditer(word)]
        for position in umlauts:
            found.append(Spelling(f"{word[: position + 1]}e{word[position + 1 :]}"))
        if len(umlauts) > 1:
            found.append(Spelling(UMLAUT.sub(r"\1e", word)))
        if (plain := WRITTEN_OUT.sub("", word)) != word:
            found.append(Spelling(plain, prefix=False))
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Reading:
    """One way of reading a query: the spellings of each of its words, and whether its year
    narrows the films or only ranks them."""

    query: Query
    words: tuple[tuple[Spelling, ...], ...]
    year_narrows: bool = True
    # The words read as near words too, as the reader typed them.
    corrected: tuple[str, ...] = ()

    def films(self, films: QuerySet[Film]) -> QuerySet[Film]:
        """The `films` this reading finds, ranked when it is more than the words as typed."""
        year = self.query.year
        if not self.words and year is None:
            return films.none()
        if self.words:
            films = films.filter(search.condition(self.words))
        order: list[Combinable] = []
        ranked = [spellings for spellings in self.words if len({s.distance for s in spellings}) > 1]
        if ranked:
            order.append(reduce(add, (edits(spellings) for spellings in ranked)))
        if year is not None:
            if self.year_narrows:
                films = films.filter(
                    Q(year__range=(year - YEAR_SLACK, year + YEAR_SLACK))
                    | search.condition([[Spelling(str(year))]])
                )
            order.append(Abs(F("year") - year).asc(nulls_last=True))
        return films.order_by(*order, "title", "year", "pk") if order else films


def edits(spellings: Sequence[Spelling]) -> Case:
    """The fewest edits from what the reader typed to the spelling a film holds."""
    distances = sorted({spelling.distance for spelling in spellings})
    return Case(
        *(
            When(
                search.condition([[s for s in spellings if s.distance == distance]]),
                then=Value(distance),
            )
            for distance in distances[:-1]
        ),
        default=Value(distances[-1]),
    )


@dataclass(frozen=True)
class Suggestions:
    """The titles and names nearest a search that found nothing ("Did you mean")."""

    films: list[Film] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.films or self.people)


class Search:
    """A reader's query and its readings, the vocabulary looked up once, if a reading needs it."""

    def __init__(self, text: str) -> None:
        self.query = parse(bounded_search(text))
        self._entries: dict[str, search_words.Entry] | None = None

    def readings(self) -> Iterator[Reading]:
        """The readings of the query, strictest first (this module's docstring lists them)."""
        as_typed = Reading(self.query, tuple(spellings(word) for word in self.query.words))
        yield as_typed
        if not self.query.words:
            return
        if self.query.year is not None:
            yield replace(as_typed, year_narrows=False)
        corrected = self.corrected()
        if corrected.corrected:
            yield corrected
            if self.query.year is not None:
                yield replace(corrected, year_narrows=False)

    def corrected(self) -> Reading:
        """The query with each word no film holds, or far fewer than a near word, read as its
        nearest words of the vocabulary too."""
        entries = self.entries()
        words, corrected = [], []
        for word in self.query.words:
            typed = spellings(word)
            extra = corrections(typed, entries[word], search_words.reach(word))
            words.append(typed + extra)
            if extra:
                corrected.append(word)
        return Reading(self.query, tuple(words), corrected=tuple(corrected))

    def entries(self) -> dict[str, search_words.Entry]:
        if self._entries is None:
            self._entries = search_words.lookup(self.query.words)
        return self._entries

    def suggestions(self) -> Suggestions:
        """The titles, then the names, nearest the query's words: from the films that hold any
        of them or of their near words."""
        entries = self.entries()
        any_word = [
            spelling
            for word in self.query.words
            for spelling in spellings(word)
            + corrections(spellings(word), entries[word], search_words.farthest(word))
        ]
        if not any_word:
            return Suggestions()
        films = list(
            Film.objects.filter(search.condition([any_word]))
            .order_by("-source_count", "pk")
            .only("pk", "slug", "title", "year")[:CANDIDATES]
        )
        # Names as rows: a few thousand people on those films, of whom five are shown.
        names = list(
            Person.objects.filter(
                pk__in=Credit.objects.filter(film__in=[film.pk for film in films]).values("person")
            )
            .order_by()
            .values_list("pk", "name", "slug")
        )
        text = " ".join(self.query.words)
        return Suggestions(
            nearest(text, films, lambda film: film.title),
            [
                Person(pk=pk, name=name, slug=slug)
                for pk, name, slug in nearest(text, names, lambda row: row[1])
            ],
        )


def corrections(
    typed: Sequence[Spelling], entry: search_words.Entry, within: int
) -> tuple[Spelling, ...]:
    """For a word no film holds, or far fewer than a word an edit away: its nearest words
    within `within` edits, the most common first, as whole words, and the two words it may be,
    written together; not those its own spellings already find. None for another word."""
    rare = any(near.distance == 1 and near.films >= RARER * entry.films for near in entry.near)
    if entry.films and not rare:
        return ()
    candidates = [
        near
        for near in entry.near
        if near.distance <= within
        and len(near.word) > 1
        and not any(spelling.prefix and near.word.startswith(spelling.text) for spelling in typed)
    ]
    nearest_words = [near for near in candidates if near.distance == candidates[0].distance][
        :CORRECTIONS
    ]
    return tuple(
        [Spelling(near.word, prefix=False, distance=near.distance) for near in nearest_words]
        + [Spelling(f"{left} {right}", prefix=False, distance=1) for left, right in entry.splits]
    )


def nearest[T](text: str, items: Sequence[T], label: Callable[[T], str]) -> list[T]:
    """The items whose label is most like `text`, at least LIKENESS alike, most alike first."""
    labels = [label(item) for item in items]
    found = process.extract(
        text,
        labels,
        scorer=fuzz.WRatio,
        processor=default_process,
        score_cutoff=LIKENESS,
        limit=None,
    )
    found.sort(key=lambda match: (-match[1], match[0], match[2]))
    return [items[n] for _label, _score, n in found[:SUGGESTED]]
