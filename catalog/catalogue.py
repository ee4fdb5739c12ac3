"""The catalogue as the importers see it, held in memory so that a dataset of tens of thousands
of rows is matched and its people named without a query a row."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from catalog.bulk import chunks
from catalog.datasets import dataset_name
from catalog.datasets.base import Said, entry_for
from catalog.matching import Entry, FilmMatcher
from catalog.models import Claim, Credit, Field, Film, NameVariant, Person, Role, Source
from catalog.normalise import fold
from catalog.record_fields import max_length
from catalog.slugs import UniqueSlugs

NAME_LENGTH = max_length(Person, "name")
SLUG_LENGTH = max_length(Person, "slug")


class Catalogue:
    """What importing needs to know of the catalogue: films to match, people, slugs.

    Loaded from the database once, then kept up to date by each import in the same process.
    """

    def __init__(self) -> None:
        self.matcher = FilmMatcher()
        self.people: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.variants: set[tuple[int, str]] = set()
        self.folded: dict[str, str] = {}
        self.film_slugs = UniqueSlugs([], "film")
        self.person_slugs = UniqueSlugs([], "person")

    @classmethod
    def load(cls) -> Catalogue:
        catalogue = cls()
        catalogue.film_slugs = UniqueSlugs(Film.objects.values_list("slug", flat=True), "film")
        catalogue.person_slugs = UniqueSlugs(
            Person.objects.values_list("slug", flat=True), "person"
        )
        for pk, name in Person.objects.order_by("pk").values_list("pk", "name"):
            catalogue.names[pk] = name
            catalogue.people.setdefault(catalogue.key(name), pk)
        for person, name in NameVariant.objects.order_by("pk").values_list("person_id", "name"):
            catalogue.variants.add((person, name))
            catalogue.people.setdefault(catalogue.key(name), person)
        catalogue.load_films()
        return catalogue

    def load_films(self) -> None:
        """Index every film: what each dataset said of it, and the record of films kept by hand."""
        imported = set()
        for film, entry in dataset_entries():
            self.matcher.add(film, entry)
            imported.add(film)
        films = Film.objects.values_list("pk", "automatic_fields")
        # A kept film may have joined dataset rows: it is still matched on its record too.
        kept = {pk for pk, automatic in films if pk not in imported or not automatic}
        for film, entry in record_entries(kept):
            self.matcher.add(film, entry, kept=True)

    def key(self, name: str) -> str:
        """A person's name as people are matched: folded (remembered, names repeat)."""
        found = self.folded.get(name)
        if found is None:
            found = self.folded[name] = fold(name) or name
        return found

    def person(self, name: str, new: dict[str, tuple[str, str]]) -> None:
        """Make sure the person of that name (folded) exists, or will: `new` has (name, slug)."""
        key = self.key(name)
        if key not in self.people and key not in new:
            new[key] = (name[:NAME_LENGTH], self.person_slugs.make(name, SLUG_LENGTH))


def dataset_entries(films: Collection[int] | None = None) -> Iterator[tuple[int, Entry]]:
    """What each dataset said of each film (of `films`, or of every film), as the matcher's rows."""
    sources = {source.pk: dataset_name(source) for source in Source.objects.only("slug")}
    datasets = set(Source.objects.filter(kind=Source.Kind.DATASET).values_list("pk", flat=True))
    claims = Claim.objects.filter(
        source__in=datasets, field__in=[Field.TITLE, Field.YEAR, Field.RUNTIME, Field.DIRECTOR]
    ).order_by("pk")
    said: dict[tuple[int, int], list[Said]] = {}
    for part in [None] if films is None else chunks(sorted(films)):
        rows = claims if part is None else claims.filter(film__in=part)
        for film, source, name, value in rows.values_list("film_id", "source_id", "field", "value"):
            said.setdefault((film, source), []).append(Said(name, value))
    for (film, source), items in said.items():
        entry = entry_for(sources[source], "", items)
        if entry is not None:
            yield film, entry


def record_entries(films: Collection[int]) -> Iterator[tuple[int, Entry]]:
    """The record of `films` (title, year, runtime, directors) as the matcher's rows."""
    directors: dict[int, list[str]] = {}
    for film, name in Credit.objects.filter(role=Role.DIRECTOR).values_list(
        "film_id", "person__name"
    ):
        directors.setdefault(film, []).append(name)
    for pk, title, year, runtime in Film.objects.values_list("pk", "title", "year", "runtime"):
        if pk in films:
            yield pk, Entry("", "", title, year, runtime, tuple(directors.get(pk, ())))
