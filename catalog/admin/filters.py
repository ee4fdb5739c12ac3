"""The admin's own list filters: films by their conflicts, record and sources; rows by their
source; genre claims by words no genre takes; possible duplicates by how alike they are and why
they were not merged."""

from collections.abc import Iterable
from typing import Any, cast

from django.contrib import admin
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest

from catalog.genres import genres_for
from catalog.models import (
    Claim,
    DuplicatePair,
    Field,
    Film,
    FilmQuerySet,
    PossibleDuplicate,
    Source,
    SourceAgreement,
)


class ConflictFilter(admin.SimpleListFilter):
    title = "conflicts"
    parameter_name = "conflicts"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [
            ("unresolved", "Unresolved conflicts"),
            ("any", "Has conflicts"),
            ("none", "No conflicts"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Film]) -> QuerySet[Film]:
        films = cast(FilmQuerySet, queryset)  # the film list's rows, from Film.objects
        match self.value():
            case "unresolved":
                return films.with_unresolved_conflicts()
            case "any":
                return films.with_conflicts()
            case "none":
                return films.filter(conflict_count=0)
        return films


class AutomaticFilter(admin.SimpleListFilter):
    title = "record"
    parameter_name = "record"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("automatic", "Automatic fields"), ("confirmed", "Confirmed by editors")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Film]) -> QuerySet[Film]:
        match self.value():
            case "automatic":
                return queryset.exclude(automatic_fields=[])
            case "confirmed":
                return queryset.filter(automatic_fields=[])
        return queryset


class OtherFilmFilter(admin.SimpleListFilter):
    title = "a source may describe another film"
    parameter_name = "other_film"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", "Yes")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Film]) -> QuerySet[Film]:
        if self.value() == "yes":
            flagged = SourceAgreement.objects.filter(film=OuterRef("pk"), possibly_other_film=True)
            return queryset.filter(Exists(flagged))
        return queryset


class SourceFilter(admin.SimpleListFilter):
    """Films by a source that makes claims about them."""

    title = "source"
    parameter_name = "source"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin
    ) -> Iterable[tuple[str, str]]:
        return Source.objects.values_list("slug", "title")

    def queryset(self, request: HttpRequest, queryset: QuerySet[Film]) -> QuerySet[Film]:
        if self.value():
            claims = Claim.objects.filter(film=OuterRef("pk"), source__slug=self.value())
            return queryset.filter(Exists(claims))
        return queryset


class OwnSourceFilter(SourceFilter):
    """Claims or reviews by their source, listed by title (not loading the sources' texts)."""

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        # By id, so the database reads the source's rows through its index.
        source = Source.objects.filter(slug=self.value()).values_list("pk", flat=True).first()
        return queryset.filter(source_id=source)


class GenreWordFilter(admin.SimpleListFilter):
    """Genre claims whose word no genre of the list takes (catalog.genres), or one such word."""

    title = "genre words"
    parameter_name = "genre_word"
    NONE = "none"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        chosen = self.value()
        word = [(chosen, f"“{chosen}”")] if chosen and chosen != self.NONE else []
        return [(self.NONE, "No genre takes them"), *word]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        if not (value := self.value()):
            return queryset
        genres = queryset.filter(field=Field.GENRE)
        if value != self.NONE:
            return genres.filter(normalised=value)
        words = genres.order_by().values_list("normalised", flat=True).distinct()
        return genres.filter(normalised__in=[w for w in words if not genres_for(w)])


class ScoreFilter(admin.SimpleListFilter):
    title = "how alike"
    parameter_name = "alike"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("high", "Very (0.8 and over)"), ("medium", "Fairly (0.5 to 0.8)"), ("low", "Less")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[DuplicatePair]
    ) -> QuerySet[DuplicatePair]:
        match self.value():
            case "high":
                return queryset.filter(score__gte=0.8)
            case "medium":
                return queryset.filter(score__gte=0.5, score__lt=0.8)
            case "low":
                return queryset.filter(score__lt=0.5)
        return queryset


class ReasonFilter(admin.SimpleListFilter):
    """Why a film match was left to the editors, from the words of its reason."""

    title = "why not merged"
    parameter_name = "why"
    REASONS = {
        "candidates": ("candidate films", "Several candidate films"),
        "rows": ("rows of this dataset", "Several rows of one dataset"),
        "weak": ("weak evidence", "Weak evidence (only a year apart)"),
        "runtime": ("runtimes differ", "Runtimes differ"),
        "director": ("directors differ", "Directors differ"),
        "kept": ("editors keep", "A film the editors keep by hand"),
    }

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(key, label) for key, (_, label) in self.REASONS.items()]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[PossibleDuplicate]
    ) -> QuerySet[PossibleDuplicate]:
        if (value := self.value()) in self.REASONS:
            return queryset.filter(reason__contains=self.REASONS[value][0])
        return queryset
