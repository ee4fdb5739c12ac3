from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.html import format_html, format_html_join

from catalog.comparison import compare, refresh_counts
from catalog.models import Claim, Credit, Film, Genre, NameVariant, Person, Review, Source


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["role", "person", "character", "billing"]


class ClaimInline(admin.TabularInline):
    model = Claim
    extra = 0
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}
    }
    autocomplete_fields = ["person"]
    fields = ["source", "field", "value", "person", "character", "quote", "normalised"]
    readonly_fields = ["normalised"]
    show_change_link = True


@admin.register(Film)
class FilmAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "certificate", "runtime", "source_count", "conflict_count"]
    list_filter = ["year", "certificate", "genres"]
    search_fields = ["title", "slug", "credits__person__name", "claims__source__title"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["genres"]
    readonly_fields = ["conflicts", "source_count", "conflict_count"]
    save_on_top = True
    inlines = [CreditInline, ClaimInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "year", "certificate", "runtime", "genres"]}),
        ("Where the sources disagree", {"fields": ["conflicts"]}),
        ("Story", {"fields": ["setting", "period", "tagline", "synopsis", "ending"]}),
        ("Production", {"fields": ["filming_location", "content_advisory"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_counts(Film.objects.filter(pk=form.instance.pk))

    @admin.display(description="conflicts")
    def conflicts(self, film):
        if not film.pk:
            return "—"
        comparison = compare(
            film,
            film.claims.for_comparison(),
            film.credits.select_related("person"),
            film.reviews.select_related("source"),
        )
        lines = [
            (row.label, row.record or "not in the record", dissent(row))
            for row in comparison.conflicts + comparison.cast_conflicts
        ]
        if not lines:
            return "The sources agree with the record."
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li><strong>{}</strong> — record: {}; {}</li>", lines),
        )


def dissent(row) -> str:
    """Which sources say otherwise than the record, and what they say."""
    return "; ".join(
        f"{cell.source.title} says "
        + ", ".join(f"“{value.text:.80}”" for value in cell.dissenting_values)
        for cell in row.dissenting
    )


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "publisher", "retrieved_on", "claim_count"]
    list_filter = ["kind", "publisher"]
    search_fields = ["title", "publisher", "url", "text"]
    prepopulated_fields = {"slug": ["title"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_total=Count("claims"))

    @admin.display(description="claims", ordering="claim_total")
    def claim_count(self, source):
        return source.claim_total


class NameVariantInline(admin.TabularInline):
    model = NameVariant
    extra = 1


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "variant_list", "credit_count"]
    search_fields = ["name", "variants__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NameVariantInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(credit_total=Count("credits", distinct=True))
            .prefetch_related("variants")
        )

    @admin.display(description="variants")
    def variant_list(self, person):
        return ", ".join(variant.name for variant in person.variants.all())

    @admin.display(description="credits", ordering="credit_total")
    def credit_count(self, person):
        return person.credit_total


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
    list_display = ["film", "person", "role", "character", "billing"]
    list_filter = ["role"]
    list_select_related = ["film", "person"]
    search_fields = ["film__title", "person__name", "person__variants__name", "character"]
    autocomplete_fields = ["film", "person"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["film", "source", "verdict", "score", "votes"]
    list_filter = ["verdict", "source"]
    list_select_related = ["film", "source"]
    search_fields = ["film__title", "source__title", "excerpt"]
    autocomplete_fields = ["film"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["film", "field", "value_short", "character", "source"]
    list_filter = ["field", "source"]
    list_select_related = ["film", "source"]
    search_fields = ["value", "quote", "character", "film__title", "person__name"]
    autocomplete_fields = ["film", "person"]
    readonly_fields = ["quote_start"]
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

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_counts(Film.objects.filter(pk=obj.film_id))

    @admin.display(description="value", ordering="value")
    def value_short(self, claim):
        return claim.value if len(claim.value) <= 60 else claim.value[:59] + "…"


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(NameVariant)
class NameVariantAdmin(admin.ModelAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]
