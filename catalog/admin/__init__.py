"""The editors' admin, one module per area. Importing them registers their admins: Django's
autodiscovery imports this package, and this package imports its modules."""

from catalog.admin import duplicates, films, genres, people, sources

__all__ = ["duplicates", "films", "genres", "people", "sources"]
