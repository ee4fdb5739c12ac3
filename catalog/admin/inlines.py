"""A film's credits and claims on its change form, a bounded number of them: a film with
thousands of claims would make a page of megabytes and a form of more fields than a request may
carry. The rest are edited from their own lists, filtered to the film, which the form links to."""

from typing import cast

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString

from catalog.admin.display import shorten
from catalog.forms import BoundedInlineFormSet, CreditFormSet, StoredRowForm
from catalog.models import Claim, ClaimQuerySet, Credit, Film


class CreditInline(admin.TabularInline):
    model = Credit
    form = StoredRowForm
    formset = CreditFormSet
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["role", "person", "character", "billing"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Credit]:
        return super().get_queryset(request).select_related("film", "person")


class ClaimInline(admin.TabularInline):
    """The film's claims as the sources made them; only the person they name is set here."""

    model = Claim
    form = StoredRowForm
    formset = BoundedInlineFormSet
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["source", "field", "value_short", "character", "person", "passage", "note"]
    readonly_fields = ["source", "field", "value_short", "character", "passage"]
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Film | None = None) -> bool:
        return False  # a claim is added from its source, in the claims admin

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        # The source's title, not its archived text (megabytes for a dataset), for each claim.
        claims = cast(ClaimQuerySet, super().get_queryset(request))  # made by Claim.objects
        return claims.with_source().select_related("film", "person")

    @admin.display(description="value")
    def value_short(self, claim: Claim) -> str:
        return shorten(claim.value)

    @admin.display(description="passage")
    def passage(self, claim: Claim) -> SafeString:
        return format_html(
            '<a href="{}" target="_blank">“{}”</a>', claim.get_absolute_url(), shorten(claim.quote)
        )
