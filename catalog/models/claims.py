"""What the sources say: claims and reviews, each quoting its source verbatim."""

from typing import Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Substr
from simple_history.models import HistoricalRecords

from catalog.models.films import Film, FilmPart
from catalog.models.people import Person
from catalog.models.sources import Source, WithSourceQuerySet
from catalog.normalise import normalise


def as_in_source(text: str, source_text: str) -> str:
    """Browsers send a textarea's line breaks as CRLF; a source kept with LF is quoted with LF."""
    return text if "\r\n" in source_text else text.replace("\r\n", "\n")


def quote_problem(text: str, quote: str, start: int | None) -> str | None:
    """Say why `quote` is not found verbatim at `start` in `text`, or None when it is."""
    if not quote:
        return "The quote is empty."
    if quote not in text:
        return "The quote does not occur verbatim in the source's text."
    if start is not None and text[start : start + len(quote)] != quote:
        return f"The quote occurs in the source's text, but not at position {start}."
    return None


class Verdict(models.TextChoices):
    POSITIVE = "positive", "Positive"
    MIXED = "mixed", "Mixed"
    NEGATIVE = "negative", "Negative"


class Review(models.Model):
    """A source's critical judgement of a film."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="reviews")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="reviews")
    verdict = models.CharField(max_length=20, choices=Verdict, blank=True)
    score = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    score_out_of = models.PositiveSmallIntegerField(null=True, blank=True)
    votes = models.PositiveIntegerField(null=True, blank=True)
    excerpt = models.TextField(help_text="Verbatim from the source.")

    history = HistoricalRecords()

    objects = WithSourceQuerySet["Review"].as_manager()

    class Meta:
        ordering = ["film", "source"]
        constraints = [
            models.UniqueConstraint(fields=["film", "source"], name="one_review_per_source"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score_out_of__isnull=False),
                name="review_score_has_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} on {self.film}"

    def clean(self) -> None:
        if self.source_id:
            self.excerpt = as_in_source(self.excerpt, self.source.text)
            if problem := quote_problem(self.source.text, self.excerpt, None):
                raise ValidationError({"excerpt": problem})


class Field(models.TextChoices):
    """What a claim is about: one row of the film page's comparison."""

    TITLE = "title", "Title"
    YEAR = "year", "Year"
    CERTIFICATE = "certificate", "Certificate"
    RUNTIME = "runtime", "Runtime"
    GENRE = "genre", "Genre"
    DIRECTOR = "director", "Director"
    WRITER = "writer", "Writer"
    CAST = "cast", "Cast"
    SETTING = "setting", "Setting"
    PERIOD = "period", "Period"
    FILMING_LOCATION = "filming_location", "Filming location"
    CONTENT_ADVISORY = "content_advisory", "Content advisory"
    TAGLINE = "tagline", "Tagline"
    SYNOPSIS = "synopsis", "Synopsis"
    ENDING = "ending", "Ending"
    USER_RATING = "user_rating", "User rating"
    VOTES = "votes", "Votes"
    VERDICT = "verdict", "Critical verdict"
    LANGUAGE = "language", "Language"
    COUNTRY = "country", "Country"


PERSON_FIELDS = [Field.DIRECTOR, Field.WRITER, Field.CAST]


class ClaimQuerySet(WithSourceQuerySet["Claim"]):
    def for_comparison(self) -> Self:
        return (
            self.with_source()
            .select_related("person")
            .order_by("field", "source__title", "quote_start")
        )


class Claim(FilmPart):
    """What one source says about one film, on one field, in its own words."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="claims")
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="claims")
    field = models.CharField(max_length=30, choices=Field)
    value = models.TextField(help_text="The value as the source writes it.")
    normalised = models.TextField(
        blank=True, help_text="The value in comparable form; filled in when blank."
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    character = models.CharField(max_length=200, blank=True)
    quote = models.TextField(help_text="The passage of the source the claim comes from, verbatim.")
    quote_start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Where the quote starts in the source's text."
    )
    note = models.CharField(
        max_length=500,
        blank=True,
        help_text="How an editor read the passage, where it needs saying.",
    )

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["film", "field", "source", "quote_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(field__in=PERSON_FIELDS) | Q(person__isnull=True),
                name="claim_person_only_for_people_fields",
            ),
            models.CheckConstraint(
                condition=Q(field=Field.CAST) | Q(character=""),
                name="claim_character_only_for_cast",
            ),
            models.CheckConstraint(condition=~Q(quote=""), name="claim_quote_not_empty"),
        ]
        indexes = [
            models.Index(fields=["film", "field"], name="claim_film_field_idx"),
            models.Index(fields=["source", "quote_start", "id"], name="claim_source_position_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.get_field_display()} = {self.value}"

    def get_absolute_url(self) -> str:
        return f"{self.source.get_absolute_url()}?claim={self.pk}#claim-{self.pk}"

    @property
    def quote_end(self) -> int:
        return (self.quote_start or 0) + len(self.quote)

    def quoted_in_place(self) -> bool:
        """Whether the quote stands at its position in the source, read there alone: a dataset's
        text runs to megabytes, and saving one of its claims need not read it all."""
        if self.quote_start is None or "\r" in self.quote or "\r" in self.value:
            return False  # to be placed, or given line breaks as a browser sends them
        at = Substr("text", self.quote_start + 1, len(self.quote))
        piece = Source.objects.filter(pk=self.source_id).values_list(at, flat=True).first()
        return piece == self.quote

    def clean(self) -> None:
        errors = {}
        if self.source_id and self.quote and not self.quoted_in_place():
            text = self.source.text
            self.quote = as_in_source(self.quote, text)
            self.value = as_in_source(self.value, text)
            if self.quote_start is None or quote_problem(text, self.quote, self.quote_start):
                # A new or edited quote: find where it now stands in the source.
                found = text.find(self.quote)
                self.quote_start = found if found >= 0 else None
            if problem := quote_problem(text, self.quote, self.quote_start):
                errors["quote"] = problem
        if self.field in PERSON_FIELDS and not self.person_id:
            errors["person"] = "A claim about a director, writer or cast member names the person."
        if self.field not in PERSON_FIELDS and self.person_id:
            errors["person"] = "Only director, writer and cast claims name a person."
        if self.field != Field.CAST and self.character:
            errors["character"] = "Only cast claims name a character."
        if not self.normalised and self.value:
            self.normalised = normalise(self.field, self.value)
        if errors:
            raise ValidationError(errors)
