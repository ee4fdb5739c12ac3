"""The editors' lists of possible duplicates: films the importers would not merge on their own,
and people whose names are one letter apart."""

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from catalog.admin.filters import ReasonFilter, ScoreFilter
from catalog.models import DuplicateStatus, Film, Person, PossibleDuplicate, PossibleDuplicatePerson


def film_links(film: Film) -> SafeString:
    return format_html(
        '<a href="{}">{}</a> (<a href="{}">page</a>)',
        reverse("admin:catalog_film_change", args=[film.pk]),
        str(film),
        film.get_absolute_url(),
    )


def person_links(person: Person) -> SafeString:
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

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(PossibleDuplicate)
class PossibleDuplicateAdmin(DuplicateAdmin):
    list_display = ["pk", "first", "second", "score", "reason", "status", "merge"]
    list_display_links = ["pk"]
    list_filter = ["status", ScoreFilter, ReasonFilter]
    list_select_related = ["film_a", "film_b"]
    search_fields = ["film_a__title", "film_b__title", "reason"]
    fields = ["first", "second", "score", "reason", "status", "merge", "created_at"]
    readonly_fields = ["first", "second", "merge", *DuplicateAdmin.readonly_fields]

    @admin.display(description="film", ordering="film_a__title")
    def first(self, duplicate: PossibleDuplicate) -> SafeString:
        return film_links(duplicate.film_a)

    @admin.display(description="may be the same as", ordering="film_b__title")
    def second(self, duplicate: PossibleDuplicate) -> SafeString:
        return film_links(duplicate.film_b)

    @admin.display(description="merge")
    def merge(self, duplicate: PossibleDuplicate) -> str:
        """The films' merge page, to choose the one to keep ("Merge selected films into one…")."""
        if duplicate.status == DuplicateStatus.DIFFERENT:
            return "—"
        return format_html(
            '<a href="{}?ids={},{}">Merge these films…</a>',
            reverse("admin:catalog_film_merge"),
            duplicate.film_a_id,
            duplicate.film_b_id,
        )


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
    def first(self, duplicate: PossibleDuplicatePerson) -> SafeString:
        return person_links(duplicate.person_a)

    @admin.display(description="may be the same as", ordering="person_b__name")
    def second(self, duplicate: PossibleDuplicatePerson) -> SafeString:
        return person_links(duplicate.person_b)

    @admin.display(description="merge")
    def merge(self, duplicate: PossibleDuplicatePerson) -> str:
        """Both people in the people list, to select and "Merge selected people into one…"."""
        if duplicate.status != DuplicateStatus.OPEN:
            return "—"
        people = f"{duplicate.person_a_id},{duplicate.person_b_id}"
        return format_html(
            '<a href="{}?id__in={}">Both in People…</a>',
            reverse("admin:catalog_person_changelist"),
            people,
        )
