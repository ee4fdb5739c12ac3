"""People on the record, the spellings of their names the sources use, and their old addresses."""

from typing import Self

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.models.base import address


class PersonQuerySet(models.QuerySet["Person"]):
    def matching(self, text: str) -> Self:
        """People whose record name or any variant a source uses contains `text`."""
        return self.filter(
            Q(name__icontains=text)
            | Exists(NameVariant.objects.filter(person=OuterRef("pk"), name__icontains=text))
        )


class Person(models.Model):
    name = models.CharField(max_length=200, help_text="The name the record uses.")
    slug = models.SlugField(max_length=200, unique=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["name"], name="person_name_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return address("catalog:person-detail", self.slug)


class NameVariant(models.Model):
    """A spelling of a person's name that some source uses."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="variants")
    name = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="unique_variant_per_person"),
        ]
        indexes = [models.Index(fields=["name"], name="variant_name_idx")]

    def __str__(self) -> str:
        return self.name


class PersonRedirect(models.Model):
    """An old person address that now belongs to someone else, after a merge."""

    old_slug = models.SlugField(max_length=200, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.person}"
