"""Records that may be one: pairs of films or of people left apart for an editor to judge."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from catalog.models.films import Film
from catalog.models.people import Person


class DuplicateStatus(models.TextChoices):
    OPEN = "open", "To check"
    SAME = "same", "Same (merged or to merge)"
    DIFFERENT = "different", "Different"


class DuplicatePair(models.Model):
    """Two records that may be one, left apart for an editor to judge."""

    score = models.FloatField(help_text="How alike they are, from 0 to 1.")
    reason = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=DuplicateStatus, default=DuplicateStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-score", "pk"]


class PossibleDuplicate(DuplicatePair):
    """Two films that may be one: an importer's match it would not make on its own."""

    film_a = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="+")
    film_b = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="+")

    class Meta(DuplicatePair.Meta):
        verbose_name = "possible duplicate film"
        constraints = [
            models.UniqueConstraint(fields=["film_a", "film_b"], name="one_possible_duplicate"),
            models.CheckConstraint(
                condition=~Q(film_a=F("film_b")), name="possible_duplicate_two_films"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.film_a} / {self.film_b}"


class PossibleDuplicatePerson(DuplicatePair):
    """Two people whose names are nearly the same: never merged without an editor."""

    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta(DuplicatePair.Meta):
        verbose_name = "possible duplicate person"
        verbose_name_plural = "possible duplicate people"
        constraints = [
            models.UniqueConstraint(
                fields=["person_a", "person_b"], name="one_possible_duplicate_person"
            ),
            models.CheckConstraint(
                condition=~Q(person_a=F("person_b")), name="possible_duplicate_two_people"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_a} / {self.person_b}"
