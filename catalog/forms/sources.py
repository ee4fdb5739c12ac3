"""A source's admin form: its text within a page's size."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from catalog.models import Source


def within_page_limit(text: str) -> str:
    """A source's text, refused in words when it is larger than a page may be."""
    limit = settings.PAGE_MAX_BYTES
    if len(text.encode()) > limit:
        raise forms.ValidationError(
            f"The text is larger than {filesizeformat(limit)}; paste a smaller part of the page."
        )
    return text


class SourceAdminForm(forms.ModelForm):
    """A source added by hand, its text within the limit of a page added from the web."""

    class Meta:
        model = Source
        fields = [
            "title",
            "slug",
            "kind",
            "publisher",
            "url",
            "retrieved_on",
            "licence",
            "citation",
            "notes",
            "text",
        ]

    def clean_text(self) -> str:
        return within_page_limit(self.cleaned_data["text"])
