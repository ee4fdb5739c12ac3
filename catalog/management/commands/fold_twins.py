"""Fold into the films the editors keep by hand the imported films that are their twins."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.urls import reverse

from catalog.merging import find_twins, join_twins
from catalog.models import Film


class Command(BaseCommand):
    help = (
        "Fold into each film the editors keep by hand the imported films that the importers made "
        "of its dataset rows before they joined such rows to it (catalog.merging.twins): their "
        "claims and reviews move to the kept film, its record stays as the editors set it, their "
        "addresses answer 301 to it. One transaction; nothing to do on a catalogue without twins."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List the twins without folding them in."
        )

    def handle(self, *args: Any, dry_run: bool, verbosity: int, **options: Any) -> None:
        twins = find_twins()
        if not twins:
            if verbosity:
                self.stdout.write("Twins: none to fold in.")
            return
        if dry_run:
            wanted = {*twins, *(twin for found in twins.values() for twin in found)}
            slugs = dict(Film.objects.filter(pk__in=wanted).values_list("pk", "slug"))
            for kept, found in twins.items():
                listed = ", ".join(slugs[twin] for twin in found)
                self.stdout.write(f"{slugs[kept]}: {listed} would fold in.")
            return
        results = join_twins(twins)
        if verbosity:
            for result in results:
                old = result.old_slugs
                addresses = ", ".join(reverse("catalog:film-detail", args=[s]) for s in old)
                folded = f"{len(old)} twin{'s' if len(old) > 1 else ''}"
                verb = "redirects" if len(old) == 1 else "redirect"
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{result.keep} ({result.keep.slug}): {result.claims_moved:,} claims of "
                        f"{folded} folded in; {addresses} now {verb} to it."
                    )
                )
