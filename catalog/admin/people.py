"""The people's admin: a person with their name variants, merging duplicates into one, and the
old addresses merges leave."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from catalog import merging
from catalog.admin.editors import editor_of
from catalog.models import NameVariant, Person, PersonRedirect

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    class CreditTotal(TypedDict):
        credit_total: int

    # A person as the people list has them: with their number of credits.
    ListedPerson = WithAnnotations[Person, CreditTotal]


class NameVariantInline(admin.TabularInline):
    model = NameVariant
    extra = 1


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "variant_list", "credit_count"]
    search_fields = ["name", "variants__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NameVariantInline]
    actions = ["merge_people"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ListedPerson]:
        return (
            super()
            .get_queryset(request)
            .annotate(credit_total=Count("credits", distinct=True))
            .prefetch_related("variants")
            .order_by("name", "pk")  # an aggregate drops Meta.ordering; autocomplete pages need one
        )

    @admin.display(description="variants")
    def variant_list(self, person: Person) -> str:
        return ", ".join(variant.name for variant in person.variants.all())

    @admin.display(description="credits", ordering="credit_total")
    def credit_count(self, person: ListedPerson) -> int:
        return person.credit_total

    def has_merge_permission(self, request: HttpRequest) -> bool:
        """Merging changes the kept person and deletes the others: it takes both permissions."""
        # permissions=["change", "delete"] would offer the action to anyone with either one.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge selected people into one…", permissions=["merge"])
    def merge_people(
        self, request: HttpRequest, queryset: QuerySet[ListedPerson]
    ) -> TemplateResponse | None:
        """Merge duplicates: first a page to choose whom to keep, then, confirmed, the merge."""
        # Most credits first: the likeliest person to keep, and the page's default.
        people = list(
            queryset.annotate(claim_total=Count("claims", distinct=True)).order_by(
                "-credit_total", "-claim_total", "name", "pk"
            )
        )
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.ERROR)
            return None
        if request.POST.get("post"):
            keep = next((p for p in people if str(p.pk) == request.POST.get("keep")), None)
            if keep is not None:
                self.merge_confirmed(request, keep, [p for p in people if p.pk != keep.pk])
                return None
            self.message_user(request, "Choose the person to keep.", messages.ERROR)
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge people",
            "subtitle": None,
            "people": people,
            "keep": people[0],
            "opts": self.opts,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/catalog/person/merge_people.html", context)

    def merge_confirmed(self, request: HttpRequest, keep: Person, others: list[Person]) -> None:
        """Merge `others` into `keep`, note it in the admin's log and tell the editor."""
        try:
            with transaction.atomic():
                self.log_deletions(request, others)
                # The admin lets in only logged-in staff: the user is never anonymous here.
                editor = editor_of(request)
                result = merging.merge_people(keep, others, editor=editor)
                message = merge_message(result)
                self.log_change(request, keep, message)
        except ValueError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, message, messages.SUCCESS)


def merge_message(result: merging.MergeResult) -> str:
    """What a merge did, in one sentence for the editor."""
    moved = [
        counted(number, noun)
        for number, noun in [
            (result.credits_moved, "credit"),
            (result.claims_moved, "claim"),
            (result.decisions_moved, "decision"),
            (result.variants_moved, "name variant"),
        ]
        if number
    ]
    parts = [f"{', '.join(moved)} moved" if moved else "nothing to move"]
    if result.duplicates_dropped:
        parts.append(f"{counted(result.duplicates_dropped, 'duplicate')} dropped")
    addresses = [reverse("catalog:person-detail", args=[slug]) for slug in result.old_slugs]
    parts.append(f"{listed(addresses)} now redirect{'s' if len(addresses) == 1 else ''}")
    return f"Merged {listed(result.merged_names)} into {result.keep.name}: {'; '.join(parts)}."


def counted(number: int, noun: str) -> str:
    """'1 credit', '2 credits'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


@admin.register(PersonRedirect)
class PersonRedirectAdmin(admin.ModelAdmin):
    """Old person addresses left by merges: made by merging people, not by hand."""

    list_display = ["old_slug", "person", "created_at"]
    list_select_related = ["person"]
    search_fields = ["old_slug", "person__name"]
    autocomplete_fields = ["person"]
    readonly_fields = ["old_slug", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(NameVariant)
class NameVariantAdmin(SimpleHistoryAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]
