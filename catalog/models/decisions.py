"""Editors' decisions: how a conflict between the sources was settled, and why."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from catalog.models.claims import Claim, Field
from catalog.models.films import Film, confirm_fields
from catalog.models.people import Person


class Decision(models.Model):
    """An editor's settling of a conflict: the value the record takes, the claims behind it, why."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="decisions")
    field = models.CharField(max_length=30, choices=Field)
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decisions",
        help_text="For cast decisions: whose character was settled.",
    )
    value = models.TextField(blank=True, help_text="What the record now says.")
    claims = models.ManyToManyField(Claim, blank=True, related_name="decisions")
    reason = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        indexes = [models.Index(fields=["film", "field"], name="decision_film_field_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(field=Field.CAST) | Q(person__isnull=True),
                name="decision_person_only_for_cast",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="decision_has_reason"),
        ]

    def __str__(self) -> str:
        subject = self.person or self.get_field_display()
        return f"{self.film}: {subject} = {self.value or '(none)'}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            # An editor's decision on a field confirms it: the record no longer takes it from
            # the consensus.
            confirm_fields(self.film_id, [self.field])

    @property
    def key(self) -> str:
        """The comparison row this decision settles."""
        person = self.person
        return person.slug if person is not None else self.field
