"""Known people by the names they are written under, for the claim finder and for linking.

Built once per process from plain rows (the caller reads them from the database):
`NameIndex((person_id, canonical_name, [spellings...]) for ...)`. Exact lookup goes through a
dict of folded names; near lookup ("Armin Mueller-Stall" for Armin Mueller-Stahl) scores only
the people of a given candidate set, the ones the film's other sources name, so a misspelling
never drifts to an unrelated person among tens of thousands.
"""

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from catalog.normalise import fold

# token_sort_ratio on folded names: one wrong letter in a two-word name scores about 94, a
# different first name with the same surname about 60-75.
NEAR_THRESHOLD = 88.0


class NameIndex:
    """Folded spelling -> person ids; `"carla gugino" in index` for the claim finder."""

    def __init__(self, people: Iterable[tuple[int, str, Iterable[str]]]) -> None:
        self._ids: dict[str, tuple[int, ...]] = {}
        self._names: dict[int, str] = {}
        self._spellings: dict[int, tuple[str, ...]] = {}
        for person_id, canonical, spellings in people:
            self._names[person_id] = canonical
            folded = tuple(dict.fromkeys(fold(name) for name in (canonical, *spellings) if name))
            self._spellings[person_id] = folded
            for name in folded:
                known = self._ids.get(name, ())
                if person_id not in known:
                    self._ids[name] = (*known, person_id)

    def __contains__(self, name: object) -> bool:
        """Whether a folded name is some person's spelling (the finder passes folded names)."""
        return isinstance(name, str) and name in self._ids

    def __len__(self) -> int:
        return len(self._names)

    def canonical(self, person_id: int) -> str:
        return self._names[person_id]

    def exact(self, name: str) -> tuple[int, ...]:
        """The people written exactly so, after folding ("George De La Pena" finds Peña)."""
        return self._ids.get(fold(name), ())

    def near(
        self, name: str, candidates: Iterable[int], threshold: float = NEAR_THRESHOLD
    ) -> list[tuple[int, float]]:
        """Candidates whose spelling is close to name, best first, with their scores (0-100);
        an exact spelling scores 100."""
        folded = fold(name)
        choices = {
            (person_id, spelling): spelling
            for person_id in candidates
            for spelling in self._spellings.get(person_id, ())
        }
        best: dict[int, float] = {}
        for _spelling, score, (person_id, _name) in process.extract(
            folded,
            choices,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=threshold,
            limit=None,
        ):
            best[person_id] = max(best.get(person_id, 0.0), score)
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))
