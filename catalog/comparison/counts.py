"""The counts lists sort on, stored from the comparisons: each film's sources and conflicts,
each source's claims and films."""

from django.db.models import Count, QuerySet

from catalog.comparison.film import compare_films
from catalog.models import Claim, Film, Source


def refresh_counts(films: QuerySet[Film]) -> None:
    """Store each film's number of sources and of conflicting rows, for lists to sort on."""
    chosen = list(films.prefetch_related("genres"))
    comparisons = compare_films(chosen)
    for film in chosen:
        comparison = comparisons[film.pk]
        film.source_count = len(comparison.sources)
        film.conflict_count = len(comparison.all_conflicts)
        film.unresolved_count = sum(row.unresolved for row in comparison.all_conflicts)
    Film.objects.bulk_update(
        chosen, ["source_count", "conflict_count", "unresolved_count"], batch_size=500
    )


def refresh_source_counts(sources: QuerySet[Source] | None = None) -> None:
    """Store the number of claims and of films of each of `sources` (None: every source)."""
    chosen = list((sources if sources is not None else Source.objects.all()).only("pk"))
    counts = {
        row["source"]: (row["claims"], row["films"])
        for row in Claim.objects.filter(source__in=chosen)
        .values("source")
        .annotate(claims=Count("id"), films=Count("film", distinct=True))
    }
    for source in chosen:
        source.claim_count, source.film_count = counts.get(source.pk, (0, 0))
    Source.objects.bulk_update(chosen, ["claim_count", "film_count"])
