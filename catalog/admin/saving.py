"""How the admin saves a film's rows: what is derived from them follows (catalog.derived), in
the same transaction. (A film's inline rows the editor left alone cost nothing to save:
catalog.forms.rows.)"""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from catalog import derived


class RefreshesFilm(admin.ModelAdmin):
    """For a model with a `film` (claims, credits, reviews): saving or deleting one refreshes the
    film it is on, and the film it was on if the form moved it."""

    # Whether the consensus reads these rows (claims do; credits and reviews do not).
    consensus = False
    # Whether the rows count for their source's counts of claims and films.
    counted_for_source = False

    def save_model(
        self, request: HttpRequest, obj: Any, form: forms.ModelForm, change: bool
    ) -> None:
        earlier = form.initial.get("film") if change else None
        super().save_model(request, obj, form, change)
        self.refresh(obj, before=earlier, after=obj.film_id)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        self.refresh(obj, before=obj.film_id, after=None)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        rows = list(
            queryset.values_list("film_id", "source_id" if self.counted_for_source else "pk")
        )
        super().delete_queryset(request, queryset)
        sources = {source for _, source in rows} if self.counted_for_source else set()
        derived.refresh({film for film, _ in rows}, sources, consensus=self.consensus)

    def refresh(self, obj: Any, before: int | None, after: int | None) -> None:
        """The films the row left and joined; its source's counts by one."""
        films = {film for film in (before, after) if film is not None}
        moved = [(obj.source_id, before, after)] if self.counted_for_source else []
        derived.refresh(films, consensus=self.consensus, moved=moved)
