"""A film's forms: the admin's, refused when it is stale, and the one that settles a conflict."""

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from catalog.comparison import CastRow, Row
from catalog.decisions import NOT_IN_CAST, Option, record_value, wording
from catalog.history import changes_since
from catalog.models import Claim, Film


class FilmVersionForm(forms.Form):
    """A form about one film, refused when someone saved the film after it was opened.

    The page carries the film's version as it was opened; the check reads the version with the
    film's row locked (FilmQuerySet.locked_version), inside the transaction that then writes, so
    of two editors saving at once the second waits for the first and is refused, never silently
    overwrites. The views validate these forms inside their write's transaction.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    loaded_at = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    def opened(self, film: Film) -> None:
        """Note the version the editor sees: from the database, not the instance, since a
        revert form holds an old version."""
        self.initial["loaded_version"] = current_version(film)
        self.initial["loaded_at"] = timezone.now()

    def refuse_if_stale(self, film: Film) -> None:
        """Refuse the form if the film's version is no longer the one it was opened at (a film
        restored from its history was opened with none, and is still gone)."""
        version = Film.objects.locked_version(film.pk)
        if version == self.cleaned_data.get("loaded_version"):
            return
        if version is None:
            raise ValidationError(
                "This film no longer exists: someone merged or deleted it after you opened it, "
                "so nothing was saved.",
                code="gone",
            )
        since = self.cleaned_data.get("loaded_at")
        changes = changes_since(film, since) if since else []
        raise ValidationError(
            "Someone saved this film after you opened it, so your changes were not saved "
            "(nothing was overwritten). "
            + (f"Changed meanwhile: {'; '.join(changes)}. " if changes else "")
            + "Reload the page to see their changes, then make yours again.",
            code="stale",
        )


class FilmAdminForm(FilmVersionForm, forms.ModelForm):
    """The film's form (its inlines are saved with it, in the same transaction)."""

    class Meta:
        model = Film
        fields = [
            "title",
            "slug",
            "year",
            "certificate",
            "runtime",
            "genres",
            "setting",
            "period",
            "tagline",
            "synopsis",
            "ending",
            "filming_location",
            "content_advisory",
        ]
        help_texts = {
            # Read-only (FilmAdmin.automatic); what confirms a field is in catalog.models.
            "automatic": (
                "Filled in from the consensus of the sources and not yet confirmed by an editor; "
                "a later import fills them in again. Changing the title, year, certificate, "
                "runtime or genres here and saving confirms that field (saving it unchanged "
                "does not). A decision (resolving a conflict, or the action “Set the record from "
                "the consensus”) confirms its field; one on a cast member's character confirms "
                "the cast. Editing the credits below does not confirm the director, writer or "
                "cast."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.opened(self.instance)

    def clean(self) -> dict[str, Any]:
        super().clean()
        if self.instance.pk:
            self.refuse_if_stale(self.instance)
        return self.cleaned_data


def current_version(film: Film) -> int | None:
    return Film.objects.filter(pk=film.pk).values_list("version", flat=True).first()


class ResolveForm(FilmVersionForm):
    """Settling one row of a film's comparison: a source's value or another, and why."""

    choice = forms.ChoiceField(label="The record should say", widget=forms.RadioSelect)
    other = forms.CharField(label="Another value", required=False)
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown to readers beside the record.",
    )

    def __init__(
        self, *args: Any, film: Film, row: Row, choices: list[Option], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.film, self.row, self.options = film, row, choices
        if not self.is_bound:
            self.opened(film)
        cast(forms.ChoiceField, self.fields["choice"]).choices = [
            *((str(n), option.label) for n, option in enumerate(choices)),
            *([(NOT_IN_CAST, "Not in this film's cast")] if isinstance(row, CastRow) else []),
            ("other", "Another value (below)"),
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("choice") == "other":
            text = cleaned.get("other", "").strip()
            if not text:
                self.add_error("other", "Enter the value the record should say.")
            elif not isinstance(self.row, CastRow):
                try:
                    record_value(self.row.key, text)
                except ValueError as error:
                    self.add_error("other", str(error))
        if not self.errors:
            self.refuse_if_stale(self.film)
        return cleaned

    def chosen(self) -> Option | None:
        choice = self.cleaned_data["choice"]
        return self.options[int(choice)] if choice.isdigit() else None

    def value(self) -> str:
        choice = self.cleaned_data["choice"]
        if choice == NOT_IN_CAST:
            return NOT_IN_CAST
        option = self.chosen()
        if option is None:
            return self.cleaned_data["other"].strip()
        return wording(self.row, option)

    def claims(self) -> list[Claim]:
        option = self.chosen()
        return option.claims if option else []
