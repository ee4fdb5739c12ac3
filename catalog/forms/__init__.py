"""Every form the admin uses, one module a subject: a film's (catalog.forms.films), a source's
(sources), adding a page as a source (intake), and a film's inline rows (rows)."""

from catalog.forms.films import FilmAdminForm, FilmVersionForm, ResolveForm, current_version
from catalog.forms.intake import (
    NEW_FILM,
    NEW_PERSON,
    ClaimForm,
    ClaimFormSet,
    PageForm,
    SourceForm,
    ids,
)
from catalog.forms.rows import BoundedInlineFormSet, CreditFormSet, StoredRowForm
from catalog.forms.sources import SourceAdminForm, within_page_limit

__all__ = [
    "NEW_FILM",
    "NEW_PERSON",
    "BoundedInlineFormSet",
    "ClaimForm",
    "ClaimFormSet",
    "CreditFormSet",
    "FilmAdminForm",
    "FilmVersionForm",
    "PageForm",
    "ResolveForm",
    "SourceAdminForm",
    "SourceForm",
    "StoredRowForm",
    "current_version",
    "ids",
    "within_page_limit",
]
