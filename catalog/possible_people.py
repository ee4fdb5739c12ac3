"""People whose names, in any spelling, are one letter apart, listed for the editors.

The names are found by catalog.matching.near_duplicate_names; never merged here, since "Jon
Voight" and "John Voight" may be one person and Joan and John Cusack are two. The editors merge
the right ones with the people admin's "Merge selected people" action.
"""

from __future__ import annotations

from collections import defaultdict

from catalog.bulk import chunks, insert_rows
from catalog.matching import near_duplicate_names
from catalog.models import Claim, NameVariant, Person, PossibleDuplicatePerson
from catalog.normalise import fold
from catalog.record_fields import max_length

REASON_LENGTH = max_length(PossibleDuplicatePerson, "reason")


def record_possible_people() -> int:
    """List people whose names (any spelling) are one letter apart, if not listed already."""
    by_name: dict[str, set[int]] = defaultdict(set)
    spelled: dict[tuple[int, str], str] = {}
    for pk, name in Person.objects.values_list("pk", "name"):
        key = fold(name)
        by_name[key].add(pk)
        spelled.setdefault((pk, key), name)
    for pk, name in NameVariant.objects.values_list("person_id", "name"):
        key = fold(name)
        by_name[key].add(pk)
        spelled.setdefault((pk, key), name)
    listed = {
        frozenset(pair)
        for pair in PossibleDuplicatePerson.objects.values_list("person_a", "person_b")
    }
    pairs: dict[frozenset, tuple[int, int, str, str]] = {}
    for a, b in sorted(near_duplicate_names(by_name)):
        for pa in sorted(by_name[a]):
            for pb in sorted(by_name[b]):
                pair = frozenset((pa, pb))
                if pa != pb and pair not in listed and pair not in pairs:
                    pairs[pair] = (pa, pb, spelled[pa, a], spelled[pb, b])
    if not pairs:
        return 0
    named = naming(sorted({p for pair in pairs for p in pair}))
    new = []
    for pa, pb, name_a, name_b in pairs.values():
        reason = f"“{name_a}” and “{name_b}” are one letter apart"
        by_one_source = named.get(pa, set()) & named.get(pb, set())
        films = {film for film, _ in named.get(pa, ())} & {film for film, _ in named.get(pb, ())}
        if by_one_source:
            # One source naming both on one film means two people (Joan and John Cusack).
            score = 0.2
            reason += "; one source names both on the same film"
        elif films:
            score = 0.9
            reason += f"; sources name one or the other on {len(films)} same film(s)"
        else:
            score = 0.5
        new.append((pa, pb, score, reason[:REASON_LENGTH]))
    return insert_rows(PossibleDuplicatePerson, ["person_a", "person_b", "score", "reason"], new)


def naming(people: list[int]) -> dict[int, set[tuple[int, int]]]:
    """Where the sources name each person: the (film, source) of their claims."""
    named: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for part in chunks(people):
        claims = Claim.objects.filter(person__in=part).order_by()
        for person, film, source in claims.values_list("person_id", "film_id", "source_id"):
            named[person].add((film, source))
    return named
