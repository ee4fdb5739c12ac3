"""Learn every source's trust from every claim, and recompute every consensus value and
"different film" flag, and the automatic records that follow them: what the background learning
does, at once."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from catalog.records import relearn


class Command(BaseCommand):
    help = "Run the consensus engine over all claims and store its values and the sources' trust."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        summary = relearn()
        self.stdout.write(
            self.style.SUCCESS(
                f"Consensus from {summary.claims} claims: {summary.values} values, "
                f"{summary.sources} sources, {summary.flagged} possibly about another film "
                f"({time.perf_counter() - started:.1f} s)."
            )
        )
