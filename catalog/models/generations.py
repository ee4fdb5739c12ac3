"""The counters cached pages are keyed by (catalog.pagecache)."""

from django.db import models
from django.db.models import F


class Generation(models.Model):
    """The counters cached pages are keyed by (catalog.pagecache): a page cached under an older
    count is never served again.

    `value` is raised by changes that show on many film pages at once (a source's or a person's
    name, the consensus); `listings` by every change to anything the pages show, for the pages
    that list films and people.
    """

    value = models.PositiveBigIntegerField(default=0)
    listings = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.value}.{self.listings}"

    @classmethod
    def current(cls) -> tuple[int, int]:
        """`value` and `listings`, in one query."""
        return cls.objects.filter(pk=1).values_list("value", "listings").first() or (0, 0)

    @classmethod
    def bump(cls, *, shared: bool = True) -> None:
        """Raise `listings`, and `value` too unless the change is `shared=False` (one film's)."""
        changes = {"listings": F("listings") + 1}
        if shared:
            changes["value"] = F("value") + 1
        if not cls.objects.filter(pk=1).update(**changes):
            cls.objects.get_or_create(pk=1, defaults={"value": int(shared), "listings": 1})
