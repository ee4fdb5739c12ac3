"""The sources' admin: each source with its archived text, and the claims and reviews it makes."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from catalog.admin.display import shorten
from catalog.admin.filters import OwnSourceFilter
from catalog.comparison import refresh_counts, refresh_source_counts
from catalog.models import Claim, Film, Review, Source


class WithoutSourceTexts:
    """For lists of rows with a source: the source's title, not its archived text, which runs to
    megabytes for a dataset."""

    def get_queryset(self, request):
        return super().get_queryset(request).with_source().select_related("film")


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "publisher", "retrieved_on", "claim_count", "film_count"]
    list_filter = ["kind", "publisher"]
    search_fields = ["title", "publisher", "url", "text"]
    prepopulated_fields = {"slug": ["title"]}

    def get_readonly_fields(self, request, obj=None):
        # The archived text is what was read; claims quote it, so it is never rewritten.
        return ["text"] if obj else []

    def get_queryset(self, request):
        return super().get_queryset(request).without_text()


@admin.register(Review)
class ReviewAdmin(WithoutSourceTexts, SimpleHistoryAdmin):
    list_display = ["film", "source", "verdict", "score", "votes"]
    list_filter = ["verdict", OwnSourceFilter]
    list_select_related = ["film", "source"]
    search_fields = ["film__title", "source__title", "excerpt"]
    autocomplete_fields = ["film"]


@admin.register(Claim)
class ClaimAdmin(WithoutSourceTexts, SimpleHistoryAdmin):
    list_display = ["film", "field", "value_short", "character", "source"]
    list_filter = ["field", OwnSourceFilter]
    list_select_related = ["film", "source"]
    search_fields = ["value", "quote", "character", "film__title", "person__name"]
    autocomplete_fields = ["film", "person"]
    readonly_fields = ["quote_start"]

    def get_readonly_fields(self, request, obj=None):
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_counts(Film.objects.filter(pk=obj.film_id))
        refresh_source_counts(Source.objects.filter(pk=obj.source_id))

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_counts(Film.objects.filter(pk=obj.film_id))
        refresh_source_counts(Source.objects.filter(pk=obj.source_id))

    @admin.display(description="value", ordering="value")
    def value_short(self, claim):
        return shorten(claim.value)
