"""What the consensus engine (catalog.consensus) concludes: the likely value of each row of a
film, and how each source's claims stand against it."""

from django.db import models
from django.db.models import Q

from catalog.models.claims import Field
from catalog.models.films import Film
from catalog.models.people import Person
from catalog.models.sources import Source, WithSourceQuerySet


class ConsensusValue(models.Model):
    """The value the sources most likely mean on one row of a film, by the consensus engine."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="consensus")
    field = models.CharField(max_length=30, choices=Field)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    value = models.TextField(help_text="As the sources that give it write it.")
    normalised = models.TextField()
    confidence = models.FloatField()

    class Meta:
        ordering = ["film", "field"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "field"],
                condition=Q(person__isnull=True),
                name="one_consensus_per_field",
            ),
            models.UniqueConstraint(
                fields=["film", "field", "person"],
                condition=Q(person__isnull=False),
                name="one_consensus_per_cast_member",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1), name="consensus_confidence_0_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.film}: {self.person or self.get_field_display()} = {self.value}"

    @property
    def key(self) -> str:
        """The comparison row this value belongs to."""
        person = self.person
        return person.slug if person is not None else self.field


class SourceAgreement(models.Model):
    """How one source's claims about one film stand against the consensus."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="agreements")
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="agreements")
    agreeing = models.PositiveIntegerField(default=0)
    compared = models.PositiveIntegerField(default=0)
    # Story claims (characters, setting, period) that contradict the consensus: most of them
    # wrong suggests the source describes another film.
    story_contradicting = models.PositiveIntegerField(default=0)
    story_compared = models.PositiveIntegerField(default=0)
    possibly_other_film = models.BooleanField(default=False)

    objects = WithSourceQuerySet["SourceAgreement"].as_manager()

    class Meta:
        ordering = ["film", "source"]
        constraints = [
            models.UniqueConstraint(fields=["source", "film"], name="one_agreement_per_source_film")
        ]
        indexes = [
            models.Index(
                fields=["possibly_other_film"],
                condition=Q(possibly_other_film=True),
                name="agreement_other_film_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} on {self.film}: {self.agreeing} of {self.compared}"

    @property
    def story_contradiction(self) -> str:
        """After "may describe a different film:": "3 of its 4 claims about the story (...)
        contradict the consensus"."""
        contradicting, compared = self.story_contradicting, self.story_compared
        claims = (
            "its one claim"
            if compared == contradicting == 1
            else f"{contradicting:,} of its {compared:,} claim{'' if compared == 1 else 's'}"
        )
        verb = "contradicts" if contradicting == 1 else "contradict"
        return f"{claims} about the story (characters, setting, period) {verb} the consensus."
