"""Who each name on an added page is: a person of the catalogue by a known spelling, or by a near
spelling of someone the film's other sources name, or nobody yet.

A known spelling (the person's name or any variant, folded) links at once when one person has it,
or when one of the several who have it is on the film. A near spelling ("Mueller-Stall" for
"Mueller-Stahl", catalog.extraction.people) is looked for only among the film's own people: across
64,000 names a near spelling is as often someone else. A name found neither way is left for the
editor, who may add the person; nobody is made without their word. The index of every spelling is
built once per process, and again only after people or names change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog.extraction.people import NameIndex
from catalog.models import Claim, Credit, Film, Generation, NameVariant, Person
from catalog.normalise import fold

_index: tuple[int, NameIndex] | None = None


def names_index() -> NameIndex:
    """The index, built once per process and again only after people or names change."""
    global _index
    generation = Generation.current()[0]
    if _index is None or _index[0] != generation:
        variants: defaultdict[int, list[str]] = defaultdict(list)
        for person_id, name in NameVariant.objects.values_list("person_id", "name").iterator(
            chunk_size=10_000
        ):
            variants[person_id].append(name)
        people = Person.objects.values_list("pk", "name").iterator(chunk_size=10_000)
        _index = (generation, NameIndex((pk, name, variants[pk]) for pk, name in people))
    return _index[1]


@dataclass
class Link:
    """Who a name is: `person` when the page's name says so, `people` to choose from."""

    person: Person | None
    people: list[Person] = field(default_factory=list)
    how: str = ""

    def describe(self) -> str:
        who = f"{self.person.name} ({self.person.slug})" if self.person else "nobody yet"
        return f"{who}: {self.how}"


def link_people(names: Iterable[str], film: Film | None, index: NameIndex) -> dict[str, Link]:
    """Each name's link, in a fixed number of queries whatever the number of names."""
    names = list(dict.fromkeys(name for name in names if fold(name)))
    on_film = film_people(film) if film else set()
    exact = {name: index.exact(name) for name in names}
    near = {name: index.near(name, on_film) for name in names if not exact[name]}
    wanted = {pk for ids in exact.values() for pk in ids}
    wanted |= {pk for found in near.values() for pk, _score in found[:1]}
    people = Person.objects.in_bulk(wanted)
    return {name: link(exact[name], near.get(name, []), on_film, people) for name in names}


def link(
    ids: tuple[int, ...],
    near: list[tuple[int, float]],
    on_film: set[int],
    people: dict[int, Person],
) -> Link:
    known = [people[pk] for pk in ids if pk in people]
    if known:
        film_ones = [person for person in known if person.pk in on_film]
        if len(film_ones) == 1:
            return Link(film_ones[0], known, "a spelling of someone on this film")
        if len(known) == 1:
            return Link(known[0], known, "known to the catalogue by this name")
        return Link(None, known, f"{len(known)} people of the catalogue have this name: choose")
    if near and near[0][0] in people:
        person_id, score = near[0]
        person = people[person_id]
        return Link(
            person,
            [person],
            f"a near spelling ({score:.0f}%) of {person.name}, whom this film's sources name",
        )
    return Link(None, [], "not in the catalogue: choose “a new person” to add them")


def film_people(film: Film) -> set[int]:
    """Everyone credited on or named about `film`."""
    return {
        *Credit.objects.filter(film=film).values_list("person_id", flat=True),
        *Claim.objects.filter(film=film, person__isnull=False).values_list("person_id", flat=True),
    }
