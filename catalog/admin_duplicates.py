"""The editors' lists of possible duplicates: films the importers would not merge on their own,
and people whose names are one letter apart. Registered from catalog.admin."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from catalog.models import DuplicateStatus, Film, Person, PossibleDuplicate, PossibleDuplicatePerson


class ScoreFilter(admin.SimpleListFilter):
    title = "how alike"
    parameter_name = "alike"

    def lookups(self, request, model_admin):
        return [("high", "Very (0.8 and over)"), ("medium", "Fairly (0.5 to 0.8)"), ("low", "Less")]

    def queryset(self, request, queryset):
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

    def lookups(self, request, model_admin):
        return [(key, label) for key, (_, label) in self.REASONS.items()]

    def queryset(self, request, queryset):
        if self.value() in self.REASONS:
            return queryset.filter(reason__contains=self.REASONS[self.value()][0])
        return queryset


def film_links(film: Film):
    return format_html(
        '<a href="{}">{}</a> (<a href="{}">page</a>)',
        reverse("admin:catalog_film_change", args=[film.pk]),
        str(film),
        film.get_absolute_url(),
    )


def person_links(person: Person):
    return format_html(
        '<a href="{}">{}</a> (<a href="{}">page</a>)',
        reverse("admin:catalog_person_change", args=[person.pk]),
        person.name,
        person.get_absolute_url(),
    )


class DuplicateAdmin(admin.ModelAdmin):
    """Made by the importers; editors judge them (status), they never add them."""

    list_editable = ["status"]
    list_per_page = 50
    readonly_fields = ["score", "reason", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(PossibleDuplicate)
class PossibleDuplicateAdmin(DuplicateAdmin):
    list_display = ["pk", "first", "second", "score", "reason", "status"]
    list_display_links = ["pk"]
    list_filter = ["status", ScoreFilter, ReasonFilter]
    list_select_related = ["film_a", "film_b"]
    search_fields = ["film_a__title", "film_b__title", "reason"]
    fields = ["first", "second", "score", "reason", "status", "created_at"]
    readonly_fields = ["first", "second", *DuplicateAdmin.readonly_fields]

    @admin.display(description="film", ordering="film_a__title")
    def first(self, duplicate):
        return film_links(duplicate.film_a)

    @admin.display(description="may be the same as", ordering="film_b__title")
    def second(self, duplicate):
        return film_links(duplicate.film_b)


@admin.register(PossibleDuplicatePerson)
class PossibleDuplicatePersonAdmin(DuplicateAdmin):
    list_display = ["pk", "first", "second", "score", "reason", "status", "merge"]
    list_display_links = ["pk"]
    list_filter = ["status", ScoreFilter]
    list_select_related = ["person_a", "person_b"]
    search_fields = [
        "person_a__name",
        "person_b__name",
        "person_a__variants__name",
        "person_b__variants__name",
    ]
    fields = ["first", "second", "score", "reason", "status", "merge", "created_at"]
    readonly_fields = ["first", "second", "merge", *DuplicateAdmin.readonly_fields]

    @admin.display(description="person", ordering="person_a__name")
    def first(self, duplicate):
        return person_links(duplicate.person_a)

    @admin.display(description="may be the same as", ordering="person_b__name")
    def second(self, duplicate):
        return person_links(duplicate.person_b)

    @admin.display(description="merge")
    def merge(self, duplicate):
        """Both people in the people list, to select and "Merge selected people into one…"."""
        if duplicate.status != DuplicateStatus.OPEN:
            return "—"
        people = f"{duplicate.person_a_id},{duplicate.person_b_id}"
        return format_html(
            '<a href="{}?id__in={}">Both in People…</a>',
            reverse("admin:catalog_person_changelist"),
            people,
        )
