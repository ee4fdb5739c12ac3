"""Merging duplicates: people (catalog.merging.people), films (catalog.merging.films), and the
imported twins of the films the editors keep (catalog.merging.twins)."""

from catalog.merging.films import FilmMergeResult, join_twins, merge_films, record_old_address
from catalog.merging.people import MergeResult, merge_people
from catalog.merging.twins import find_twins

__all__ = [
    "FilmMergeResult",
    "MergeResult",
    "find_twins",
    "join_twins",
    "merge_films",
    "merge_people",
    "record_old_address",
]
