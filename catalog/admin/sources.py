"""The sources' admin: each source with its archived text, and the claims and reviews it makes."""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django.contrib import admin
from django.db import router, transaction
from django.db.models import Model, QuerySet
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin

from catalog import derived
from catalog.admin import intake
from catalog.admin.display import shorten
from catalog.admin.filters import GenreWordFilter, OwnSourceFilter
from catalog.admin.saving import RefreshesFilm
from catalog.forms import SourceAdminForm
from catalog.models import Claim, Review, Source, WithSourceQuerySet


class WithoutSourceTexts(SimpleHistoryAdmin, RefreshesFilm):
    """For lists of rows with a source: the source's title, not its archived text, which runs to
    megabytes for a dataset. Their saves refresh their film (RefreshesFilm)."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Model]:
        rows = cast(WithSourceQuerySet[Model], super().get_queryset(request))  # claims, reviews
        return rows.with_source().select_related("film")


def counted(model: type[Model], count: int) -> str:
    name = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
    return f"{count:,} {name}"


@contextmanager
def films_refreshed(sources: QuerySet[Source]) -> Iterator[None]:
    """Around the deletion of `sources`: what is derived for the films of their claims follows."""
    with transaction.atomic():
        films = set(
            Claim.objects.filter(source__in=sources)
            .order_by()
            .values_list("film_id", flat=True)
            .distinct()
        )
        yield
        derived.refresh(films)


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    form = SourceAdminForm
    list_display = ["title", "kind", "publisher", "retrieved_on", "claim_count", "film_count"]
    list_filter = ["kind", "publisher"]
    search_fields = ["title", "publisher", "url", "text"]
    prepopulated_fields = {"slug": ["title"]}

    def get_readonly_fields(self, request: HttpRequest, obj: Source | None = None) -> list[str]:
        # The archived text is what was read; claims quote it, so it is never rewritten.
        return ["text"] if obj else []

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).without_text()

    def get_deleted_objects(
        self, objs: Any, request: HttpRequest
    ) -> tuple[list[Any], dict[str, int], set[str], list[str]]:
        """The delete page's account: each source, then how many rows of each kind go with it
        (a dataset's claims listed one a line would make a page of hundreds of megabytes)."""
        collector = Collector(using=router.db_for_write(Source), origin=objs)
        protected: list[Model] = []
        try:
            collector.collect(objs)
        except ProtectedError as error:
            protected = list(error.protected_objects)
        except RestrictedError as error:
            protected = list(error.restricted_objects)
        found: dict[type[Model], int] = defaultdict(int)
        for model, rows in collector.data.items():
            found[model] += len(rows)
        for query in cast(list[QuerySet[Model]], collector.fast_deletes):  # never read
            found[query.model] += query.count()
        perms_needed = {
            str(model._meta.verbose_name)
            for model in found
            if self.admin_site.is_registered(model)
            and not self.admin_site.get_model_admin(model).has_delete_permission(request)
        }
        sources = [
            format_html(
                '{}: <a href="{}">{}</a>',
                capfirst(Source._meta.verbose_name),
                reverse("admin:catalog_source_change", args=[source.pk]),
                str(source),
            )
            for source in sorted(collector.data.get(Source, ()), key=str)
        ]
        taken = [
            counted(model, n)
            for model, n in sorted(found.items(), key=lambda item: -item[1])
            if model is not Source and not model._meta.auto_created and n
        ]
        held: dict[type[Model], int] = defaultdict(int)
        for row in protected:
            held[type(row)] += 1
        model_count = {str(model._meta.verbose_name_plural): n for model, n in found.items() if n}
        return (
            [*sources, taken] if taken else sources,
            model_count,
            perms_needed,
            [counted(model, n) for model, n in held.items()],
        )

    # Deleting a source deletes its claims: the films they were on are solved, filled in and
    # counted again without them, in the same transaction.
    def delete_model(self, request: HttpRequest, obj: Source) -> None:
        with films_refreshed(Source.objects.filter(pk=obj.pk)):
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        with films_refreshed(queryset):
            super().delete_queryset(request, queryset)

    def get_urls(self) -> list[URLPattern]:
        add_from_page = self.admin_site.admin_view(self.add_from_page_view)
        return [
            path("add-from-page/", add_from_page, name="catalog_source_add-from-page"),
            *super().get_urls(),
        ]

    def add_from_page_view(self, request: HttpRequest) -> HttpResponse:
        return intake.add_from_page(self, request)


@admin.register(Review)
class ReviewAdmin(WithoutSourceTexts):
    list_display = ["film", "source", "verdict", "score", "votes"]
    list_filter = ["verdict", OwnSourceFilter]
    list_select_related = ["film", "source"]
    search_fields = ["film__title", "source__title", "excerpt"]
    autocomplete_fields = ["film"]


@admin.register(Claim)
class ClaimAdmin(WithoutSourceTexts):
    consensus = True
    counted_for_source = True
    list_display = ["film", "field", "value_short", "character", "source"]
    list_filter = ["field", OwnSourceFilter, GenreWordFilter]
    list_select_related = ["film", "source"]
    search_fields = ["value", "quote", "character", "film__title", "person__name"]
    autocomplete_fields = ["film", "person"]
    readonly_fields = ["quote_start"]

    def get_readonly_fields(self, request: HttpRequest, obj: Claim | None = None) -> list[str]:
        # Which source made a claim, and where in it, never changes once recorded.
        return ["source", "quote_start"] if obj else ["quote_start"]

    fields = [
        "source",
        "film",
        "field",
        "value",
        "normalised",
        "person",
        "character",
        "quote",
        "quote_start",
        "note",
    ]

    @admin.display(description="value", ordering="value")
    def value_short(self, claim: Claim) -> str:
        return shorten(claim.value)
