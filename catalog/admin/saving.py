"""How the admin saves a film's rows: what is derived from them follows (catalog.derived), in
the same transaction, and a film's inline rows the editor left alone cost nothing to save."""

from typing import Any

from django import forms
from django.contrib import admin
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.utils import ErrorDict
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


class StoredRowForm(forms.ModelForm):
    """An inline's form: a stored row the editor left as it was is taken as it stands.

    Cleaning a row's form looks up its row and its person and checks its constraints, a few
    queries a row; a film of 300 credits would pay them all to change its title. A row left
    unchanged was valid when it was saved, and the film's version refuses a save over a
    colleague's change meanwhile (catalog.forms.FilmAdminForm), so only the changed rows and the
    new ones are cleaned, and the formset saves only those.
    """

    def full_clean(self) -> None:
        if not (self.is_bound and self.instance.pk and not self.has_changed()):
            super().full_clean()
            return
        self._errors = ErrorDict()
        self.cleaned_data = {DELETION_FIELD_NAME: False}
