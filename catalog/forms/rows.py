"""A film's inline rows on its admin form: a bounded number of them, and those the editor left
as they were taken as they stand."""

from django import forms
from django.db.models import QuerySet
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.forms.utils import ErrorDict
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString


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


def edited_rows(formset: BaseModelFormSet) -> list[forms.ModelForm]:
    """The rows of a saved formset that the editor changed, added or deleted."""
    deleted = set(formset.deleted_forms)  # worked out anew on every read
    return [row for row in formset.forms if row in deleted or row.has_changed()]


class BoundedInlineFormSet(BaseInlineFormSet):
    """The first `limit` rows in the inline's order. A save posts back those same rows: any change
    to the film's rows meanwhile raises its version, and the film's form refuses a stale save."""

    limit = 50

    def get_queryset(self) -> QuerySet:
        if not hasattr(self, "_shown"):
            self._shown = super().get_queryset()[: self.limit]
        return self._shown

    @cached_property
    def total(self) -> int:
        return super().get_queryset().count()

    def more(self) -> SafeString | str:
        """The line that says how many rows are shown and links to them all, if not all are."""
        shown = len(self.get_queryset())
        if self.total <= shown:
            return ""
        opts = self.get_queryset().model._meta
        address = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        query = urlencode({f"{self.fk.name}__id__exact": self.instance.pk})
        return format_html(
            'Showing {} of this film\'s {} {}: <a href="{}?{}">all of them</a>, in their own list.',
            f"{shown:,}",
            f"{self.total:,}",
            opts.verbose_name_plural,
            address,
            query,
        )


class CreditFormSet(BoundedInlineFormSet):
    limit = 100  # every credit of all but 7 of the catalogue's films (133 is the most)
