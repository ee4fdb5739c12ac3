"""Merging films in the admin: the film list's action, the same page reached from a possible
duplicate, and the old addresses that merges and changed slugs leave."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict, cast

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Field, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from catalog import merging
from catalog.admin.editors import editor_of
from catalog.admin.people import counted, listed
from catalog.models import Film, FilmRedirect

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    class Totals(TypedDict):
        credit_total: int
        claim_total: int

    # A film as the merge page shows it: with its numbers of credits and claims.
    CountedFilm = WithAnnotations[Film, Totals]


class FilmMergeMixin(admin.ModelAdmin):
    """The film admin's "Merge selected films into one…" and its page."""

    def has_merge_permission(self, request: HttpRequest) -> bool:
        """Merging changes the kept film and deletes the others: it takes both permissions."""
        # permissions=["change", "delete"] would offer the action to anyone with either one.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge selected films into one…", permissions=["merge"])
    def merge_films(
        self, request: HttpRequest, queryset: QuerySet[Film]
    ) -> TemplateResponse | None:
        """Merge duplicates: first a page to choose the film to keep, then, confirmed, the merge."""
        films = counted_films(queryset)
        if len(films) < 2:
            self.message_user(request, "Select at least two films to merge.", messages.ERROR)
            return None
        if request.POST.get("post"):
            keep = next((f for f in films if str(f.pk) == request.POST.get("keep")), None)
            if keep is not None:
                self.merge_confirmed(request, keep, [f for f in films if f.pk != keep.pk])
                return None
            self.message_user(request, "Choose the film to keep.", messages.ERROR)
        return self.merge_page(request, films)

    def merge_view(self, request: HttpRequest) -> HttpResponse:
        """The merge page for the films of `?ids=` (a possible duplicate's two films)."""
        if not self.has_merge_permission(request):
            raise PermissionDenied
        ids = [part for part in request.GET.get("ids", "").split(",") if part.isdigit()]
        films = counted_films(self.get_queryset(request).filter(pk__in=ids))
        if len(films) < 2:
            self.message_user(
                request,
                "Only one of those films is left: someone may have merged them already.",
                messages.ERROR,
            )
            return redirect("admin:catalog_film_changelist")
        return self.merge_page(request, films)

    def merge_page(self, request: HttpRequest, films: list[CountedFilm]) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge films",
            "subtitle": None,
            "films": films,
            "keep": films[0],
            "opts": self.opts,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/catalog/film/merge_films.html", context)

    def merge_confirmed(self, request: HttpRequest, keep: Film, others: list[Film]) -> None:
        """Merge `others` into `keep`, note it in the admin's log and tell the editor."""
        try:
            with transaction.atomic():
                self.log_deletions(request, Film.objects.filter(pk__in=[f.pk for f in others]))
                result = merging.merge_films(keep, others, editor=editor_of(request))
                message = merge_message(result)
                self.log_change(request, result.keep, message)
        except ValueError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, message, messages.SUCCESS)


def counted_films(queryset: QuerySet[Film]) -> list[CountedFilm]:
    """The films with their numbers of credits and claims; the likeliest to keep first: the one
    with fewest automatic fields (most of it the editors'), then the most sources, credits and
    claims."""
    films = list(
        queryset.annotate(
            credit_total=Count("credits", distinct=True), claim_total=Count("claims", distinct=True)
        )
    )
    return sorted(
        films,
        key=lambda f: (
            len(f.automatic_fields),
            -f.source_count,
            -f.credit_total,
            -f.claim_total,
            f.pk,
        ),
    )


def merge_message(result: merging.FilmMergeResult) -> str:
    """What a merge did, in one sentence for the editor."""
    moved = [
        counted(number, noun)
        for number, noun in [
            (result.claims_moved, "claim"),
            (result.credits_moved, "credit"),
            (result.reviews_moved, "review"),
            (result.decisions_moved, "decision"),
            (result.genres_added, "genre"),
        ]
        if number
    ]
    parts = [f"{', '.join(moved)} moved" if moved else "nothing to move"]
    if result.duplicates_dropped:
        parts.append(f"{counted(result.duplicates_dropped, 'duplicate')} dropped")
    if result.fields_filled:
        # The fields filled are the film's own columns, never a relation from another model.
        fields = [cast(Field, Film._meta.get_field(name)) for name in result.fields_filled]
        labels = [str(field.verbose_name) for field in fields]
        parts.append(f"{listed(labels)} filled in from the consensus")
    if result.possible_duplicates_settled:
        parts.append(f"{counted(result.possible_duplicates_settled, 'possible duplicate')} settled")
    addresses = [reverse("catalog:film-detail", args=[slug]) for slug in result.old_slugs]
    parts.append(f"{listed(addresses)} now redirect{'s' if len(addresses) == 1 else ''}")
    return f"Merged {listed(result.merged_titles)} into {result.keep}: {'; '.join(parts)}."


@admin.register(FilmRedirect)
class FilmRedirectAdmin(admin.ModelAdmin):
    """Old film addresses left by merges and changed slugs: made by those, not by hand."""

    list_display = ["old_slug", "film", "created_at"]
    list_select_related = ["film"]
    search_fields = ["old_slug", "film__title"]
    autocomplete_fields = ["film"]
    readonly_fields = ["old_slug", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
