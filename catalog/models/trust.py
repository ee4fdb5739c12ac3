"""When the sources' trust was last learnt from the whole catalogue (catalog.trust.learn)."""

from django.db import models
from django.utils import timezone


class TrustRun(models.Model):
    """One re-learning of every source's trust from every claim and decision of the catalogue.

    Writes between two runs solve their films with the trust the last run learnt; the editors'
    own trust, as a source of the consensus, is kept here since they are no `Source`.
    """

    learnt_at = models.DateTimeField(default=timezone.now)
    claims = models.PositiveIntegerField(default=0, help_text="Claims and decisions compared.")
    sources = models.PositiveIntegerField(default=0)
    values = models.PositiveIntegerField(default=0, help_text="Consensus values found.")
    seconds = models.FloatField(default=0)
    editors_trust = models.FloatField(null=True, blank=True)
    calibration = models.JSONField(
        null=True,
        blank=True,
        help_text="How the engine's scores map to the chance a value is right, as learnt.",
    )
    copies = models.JSONField(
        null=True,
        blank=True,
        help_text="The pairs of sources found to copy one another, with their evidence.",
    )

    class Meta:
        ordering = ["-learnt_at", "-pk"]
        get_latest_by = ["learnt_at", "pk"]
        indexes = [models.Index(fields=["-learnt_at"], name="trust_run_learnt_idx")]

    def __str__(self) -> str:
        return f"Trust learnt {self.learnt_at:%Y-%m-%d %H:%M}"

    @classmethod
    def last(cls) -> "TrustRun | None":
        return cls.objects.order_by("-learnt_at", "-pk").first()
