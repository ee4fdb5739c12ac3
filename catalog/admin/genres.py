"""The genres' admin: the record's one list (catalog.genres), and the sources' words no genre of
it takes, with their claims."""

from dataclasses import dataclass
from typing import Any

from django.contrib import admin
from django.db.models import Count, Min, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import urlencode

from catalog.admin.filters import GenreWordFilter
from catalog.genres import genres_for
from catalog.models import Claim, Field, Genre


@dataclass
class Word:
    """A source's genre word no genre of the list takes, and the claims that use it."""

    normalised: str
    written: str
    claims: int
    films: int

    @property
    def claims_url(self) -> str:
        query = urlencode({GenreWordFilter.parameter_name: self.normalised})
        return f"{reverse('admin:catalog_claim_changelist')}?{query}"


def words_no_genre_takes() -> list[Word]:
    """Every genre word of the claims that the list does not file, most used first."""
    rows = (
        Claim.objects.filter(field=Field.GENRE)
        .order_by()
        .values_list("normalised")
        .annotate(written=Min("value"), claims=Count("pk"), films=Count("film", distinct=True))
    )
    words = [Word(*row) for row in rows if not genres_for(row[0])]
    return sorted(words, key=lambda word: (-word.claims, word.normalised))


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "film_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Genre]:
        return super().get_queryset(request).annotate(film_count=Count("films"))

    @admin.display(description="films", ordering="film_count")
    def film_count(self, genre: Genre) -> int:
        return getattr(genre, "film_count", 0)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        context = {**(extra_context or {}), "unmapped_words": words_no_genre_takes()}
        return super().changelist_view(request, context)
