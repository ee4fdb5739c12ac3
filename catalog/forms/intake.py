"""Adding a page as a source: where the page comes from, then what to keep of it."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat

from catalog.forms.sources import within_page_limit
from catalog.models import PERSON_FIELDS, Claim, Field, Film, Person, Source
from catalog.record_fields import BOUNDS, max_length

NEW_PERSON = "new"
NEW_FILM = "new"


class PageForm(forms.Form):
    """The page, in one of three ways: its text pasted, a saved file, or its address."""

    text = forms.CharField(
        label="Paste the page's text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
        help_text="As copied from a browser: select the whole page, copy, paste.",
    )
    upload = forms.FileField(
        label="or upload a saved page",
        required=False,
        validators=[FileExtensionValidator(["html", "htm", "txt"])],
        help_text="A page saved from a browser (.html, .htm) or a text file (.txt).",
    )
    # Any address is taken here; which can be fetched is catalog.fetching's to say, in words.
    url = forms.CharField(
        label="or give its address",
        required=False,
        max_length=2000,
        help_text="An http or https address; the page is fetched from there.",
    )
    film = forms.CharField(
        label="Film (optional)",
        required=False,
        help_text="The film's address or slug, if you know which film the page is about.",
    )

    def clean_text(self) -> str:
        return within_page_limit(self.cleaned_data["text"])

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        limit = settings.PAGE_MAX_BYTES
        if upload is not None and upload.size > limit:
            raise forms.ValidationError(
                f"The file is larger than {filesizeformat(limit)}; save a smaller part of the page."
            )
        return upload

    def clean_film(self) -> Film | None:
        text = self.cleaned_data["film"].strip().strip("/")
        if not text:
            return None
        slug = text.rsplit("/", 1)[-1]
        film = Film.objects.filter(slug=slug).first()
        if film is None:
            raise forms.ValidationError(f"No film has the address “{slug}”.")
        return film

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        given = [name for name in ("text", "upload", "url") if data.get(name)]
        if not given and not self.errors:
            raise forms.ValidationError(
                "Paste the page's text, upload a saved page or give its address."
            )
        if len(given) > 1:
            raise forms.ValidationError(
                "Give the page one way only: its text, a file or an address."
            )
        if data.get("url") and not settings.PAGE_FETCH:
            self.add_error(
                "url",
                "This site does not fetch pages; paste the page's text or upload the saved page.",
            )
        return data


class SourceForm(forms.Form):
    """What the page is, proposed from its metadata for the editor to correct."""

    title = forms.CharField(max_length=max_length(Source, "title"))
    publisher = forms.CharField(max_length=max_length(Source, "publisher"), required=False)
    url = forms.URLField(
        label="address", max_length=max_length(Source, "url"), required=False, assume_scheme="https"
    )
    retrieved_on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="What you know about the page itself: its date, its author, what it is.",
    )
    # The archived text travels with the form: nothing is stored until the editor saves.
    text = forms.CharField(strip=False, widget=forms.HiddenInput)
    film = forms.ChoiceField(label="The film this page is about", widget=forms.RadioSelect)
    # The films offered, by id, so that the same choices come back with the form.
    film_choices = forms.CharField(required=False, widget=forms.HiddenInput)
    new_title = forms.CharField(
        label="a new film's title", max_length=max_length(Film, Field.TITLE), required=False
    )
    new_year = forms.IntegerField(
        label="its year",
        required=False,
        min_value=BOUNDS[Field.YEAR][0],
        max_value=BOUNDS[Field.YEAR][1],
    )

    def __init__(self, *args: Any, films: list[Film] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if films is None:
            offered = ids(self["film_choices"].value())
            found = Film.objects.only("pk", "title", "year", "slug").in_bulk(offered)
            films = [found[pk] for pk in offered if pk in found]
        film = self.fields["film"]
        assert isinstance(film, forms.ChoiceField)
        film.choices = [
            *((str(f.pk), f"{f} — {f.get_absolute_url()}") for f in films),
            (NEW_FILM, "A new film:"),
        ]

    def clean_text(self) -> str:
        return within_page_limit(self.cleaned_data["text"])

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        if data.get("film") == NEW_FILM and not data.get("new_title", "").strip():
            self.add_error("new_title", "Give the new film's title.")
        return data

    def chosen_film(self) -> Film | None:
        choice = self.cleaned_data["film"]
        return None if choice == NEW_FILM else Film.objects.get(pk=int(choice))


class ClaimForm(forms.Form):
    """One proposal, or a claim the editor adds by hand."""

    keep = forms.BooleanField(required=False, initial=True)
    field = forms.ChoiceField(choices=[("", "—"), *Field.choices], required=False)
    value = forms.CharField(max_length=1000, required=False)
    character = forms.CharField(max_length=max_length(Claim, "character"), required=False)
    quote = forms.CharField(strip=False, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    # A select of the people the proposal may be, kept on the form as their ids: the choices
    # must be the same when the form comes back.
    person = forms.CharField(required=False, widget=forms.Select)
    person_choices = forms.CharField(required=False, widget=forms.HiddenInput)
    other_person = forms.CharField(
        label="or another person's slug", max_length=max_length(Person, "slug"), required=False
    )

    # How the proposal's person was found, shown beside the choice.
    link_note = forms.CharField(required=False, widget=forms.HiddenInput)
    # The person's full name where the page gives the value as a surname alone: a new person
    # is made with it.
    named = forms.CharField(
        required=False, max_length=max_length(Person, "name"), widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The review shows the forms as a table's rows: each input says which claim it is of.
        number = int(self.prefix.rsplit("-", 1)[-1]) + 1 if self.prefix else 1
        for name in ("keep", "field", "value", "character", "quote", "person", "other_person"):
            label = self.fields[name].label or name.replace("_", " ")
            self.fields[name].widget.attrs["aria-label"] = f"{label.capitalize()} of claim {number}"
        people = Person.objects.in_bulk(ids(self["person_choices"].value()))
        value = self["named"].value() or self["value"].value() or ""
        self.fields["person"].widget.choices = [
            ("", "—"),
            *((str(pk), f"{person.name} ({person.slug})") for pk, person in people.items()),
            (NEW_PERSON, f"a new person: {value}" if value else "a new person"),
        ]

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        if not data.get("keep") or self.is_blank():
            return data
        if not data.get("field"):
            self.add_error("field", "Say what the claim is about.")
        if not data.get("value", "").strip():
            self.add_error("value", "A kept claim needs a value.")
        if not data.get("quote"):
            self.add_error("quote", "A kept claim needs its passage, as the page words it.")
        data["person_object"] = None
        if data.get("field") in PERSON_FIELDS:
            data["person_object"] = self.chosen_person(data)
            if data["person_object"] is None and data.get("person") != NEW_PERSON:
                self.add_error(
                    "person", "Choose who this is, or “a new person” to add them to the catalogue."
                )
        return data

    def is_blank(self) -> bool:
        """A row left empty: one of the rows for adding claims by hand, not used."""
        data = self.cleaned_data
        return not (data.get("value", "").strip() or data.get("quote", "").strip())

    def chosen_person(self, data: dict[str, Any]) -> Person | None:
        slug = data.get("other_person", "").strip()
        if slug:
            person = Person.objects.filter(slug=slug).first()
            if person is None:
                self.add_error("other_person", f"No person has the slug “{slug}”.")
            return person
        choice = data.get("person", "")
        if choice.isascii() and choice.isdigit():
            return Person.objects.filter(pk=int(choice)).first()
        return None


# A page proposes tens of claims; a few hundred is a long cast list.
ClaimFormSet = forms.formset_factory(ClaimForm, extra=3, max_num=500, validate_max=True)


def ids(text: str | None) -> list[int]:
    """The ids of a hidden field that lists them: "12,45"."""
    return [int(pk) for pk in (text or "").split(",") if pk.isascii() and pk.isdigit()][:100]
