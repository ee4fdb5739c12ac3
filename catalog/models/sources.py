"""Sources: the documents, archived verbatim, that every claim quotes."""

from typing import Self, TypeVar

from django.db import models
from simple_history.models import HistoricalRecords

from catalog.models.base import address

_M = TypeVar("_M", bound=models.Model)


class SourceQuerySet(models.QuerySet["Source"]):
    def without_text(self) -> Self:
        """Sources without their archived text, which runs to megabytes for a dataset."""
        return self.defer("text")


class WithoutText(models.Manager["Source"]):
    """The sources a claim, a review or an agreement leads to (`claim.source`): their archived
    text is read only where it is asked for, not once for each row that names the source."""

    def get_queryset(self) -> SourceQuerySet:
        return SourceQuerySet(self.model, using=self._db).without_text()


class WithSourceQuerySet(models.QuerySet[_M]):
    """Rows that belong to a source (claims, reviews, agreements)."""

    def with_source(self) -> Self:
        """Each row's source, its title and trust but not its archived text."""
        return self.select_related("source").defer("source__text")


class Source(models.Model):
    """One document, archived verbatim: every claim quotes it."""

    class Kind(models.TextChoices):
        WEB_PAGE = "web_page", "Web page"
        DATASET = "dataset", "Dataset"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.WEB_PAGE)
    publisher = models.CharField(max_length=200, blank=True, help_text="Site or publisher.")
    url = models.URLField("address", max_length=500, blank=True)
    retrieved_on = models.DateField(null=True, blank=True)
    licence = models.CharField(max_length=200, blank=True)
    citation = models.TextField(blank=True)
    notes = models.TextField(blank=True, help_text="What editors know about the source itself.")
    text = models.TextField(help_text="The source's full text, verbatim.")
    # From the consensus engine (catalog.consensus): how far the source can be trusted, and on
    # how many of its compared claims it agrees with the consensus.
    trust = models.FloatField(null=True, blank=True, editable=False)
    consensus_agreeing = models.PositiveIntegerField(default=0, editable=False)
    consensus_compared = models.PositiveIntegerField(default=0, editable=False)
    # When the trust was last learnt from the whole catalogue (catalog.trust.learn); writes in
    # between solve their films with it as it stands.
    trust_learnt_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Kept up to date by refresh_source_counts: counting a dataset's claims per request is slow.
    claim_count = models.PositiveIntegerField(default=0, editable=False)
    film_count = models.PositiveIntegerField(default=0, editable=False)

    objects = SourceQuerySet.as_manager()
    by_rows = WithoutText()

    history = HistoricalRecords(
        excluded_fields=[
            "trust",
            "consensus_agreeing",
            "consensus_compared",
            "trust_learnt_at",
            "claim_count",
            "film_count",
        ]
    )

    class Meta:
        ordering = ["title"]
        base_manager_name = "by_rows"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return address("catalog:source-detail", self.slug)

    def clean(self) -> None:
        # The text is kept with LF line breaks, whatever the editor's browser sent.
        self.text = self.text.replace("\r\n", "\n")
