"""The editors' record of a film: the film, its genres, its credits and its old addresses."""

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any, Self

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.genres import GENRES
from catalog.models.base import address
from catalog.models.people import Person


class Genre(models.Model):
    """A genre of the record's one list (catalog.genres). The sources' own words stay their
    claims, filed under these."""

    name = models.CharField(max_length=100, unique=True, choices=[(g, g) for g in GENRES])
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(name__in=GENRES), name="genre_on_the_list"),
        ]

    def __str__(self) -> str:
        return self.name


LOCKED_AT_ONCE = 1000


class FilmQuerySet(models.QuerySet["Film"]):
    def with_conflicts(self) -> Self:
        return self.filter(conflict_count__gt=0)

    def with_unresolved_conflicts(self) -> Self:
        return self.filter(unresolved_count__gt=0)

    def kept_by_hand(self) -> Self:
        """The films no importer fills in: every field of their record is the editors'."""
        return self.filter(automatic_fields=[])

    def locked_version(self, pk: int) -> int | None:
        """The film's version, its row locked until the transaction ends (None if it is gone).

        A colleague's save of the same film waits here until this one commits, then reads the
        version this one raised: the stale-save check and the write cannot be overtaken. On
        PostgreSQL this is SELECT … FOR UPDATE; SQLite's writers hold the database's write lock
        from their transaction's first statement instead (config/settings.py).
        """
        return self.select_for_update().filter(pk=pk).values_list("version", flat=True).first()

    def lock(self, pks: list[int]) -> None:
        """Lock these films' rows until the transaction ends (SELECT … FOR UPDATE on
        PostgreSQL; nothing to do on SQLite, whose writers hold the database's write lock)."""
        for first in range(0, len(pks), LOCKED_AT_ONCE):
            part = pks[first : first + LOCKED_AT_ONCE]
            list(self.select_for_update().filter(pk__in=part).values_list("pk", flat=True))

    def for_list(self) -> Self:
        """The columns a list of films shows, and their genres: not the long texts (synopsis,
        search text)."""
        return self.only(
            "title", "slug", "year", "certificate", "runtime", "source_count", "conflict_count"
        ).prefetch_related("genres")


class Film(models.Model):
    """The editors' record of a film: their best reading of what the sources claim."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    certificate = models.CharField(max_length=20, blank=True)
    runtime = models.PositiveSmallIntegerField("runtime (minutes)", null=True, blank=True)
    genres = models.ManyToManyField(Genre, blank=True, related_name="films")
    setting = models.CharField(max_length=200, blank=True, help_text="Where the story takes place.")
    period = models.CharField(max_length=100, blank=True, help_text="When the story takes place.")
    filming_location = models.CharField(max_length=200, blank=True)
    content_advisory = models.CharField(max_length=200, blank=True)
    tagline = models.CharField(max_length=300, blank=True)
    synopsis = models.TextField(blank=True)
    ending = models.TextField(blank=True)
    # Kept up to date from the claims (catalog.comparison.refresh_counts) so lists can sort on them.
    source_count = models.PositiveSmallIntegerField(default=0, editable=False)
    conflict_count = models.PositiveSmallIntegerField(default=0, editable=False)
    unresolved_count = models.PositiveSmallIntegerField(default=0, editable=False)
    # Raised by every save of the film, its credits or its claims: an editor's form that was
    # opened at an older version is refused instead of overwriting a colleague's work.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The titles and every spelling of everyone's name, folded, for search (catalog.search).
    search_text = models.TextField(default="", blank=True, editable=False)
    # The record fields an importer filled in from the consensus of the sources and no editor has
    # confirmed yet (names from AUTOMATIC_FIELDS); empty for films the editors keep by hand.
    automatic_fields = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Record fields set from the consensus of the sources, not yet confirmed.",
    )

    objects = FilmQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=[genres],
        excluded_fields=["source_count", "conflict_count", "unresolved_count", "search_text"],
    )

    class Meta:
        ordering = ["title", "year"]
        indexes = [
            models.Index(fields=["title", "year"], name="film_title_idx"),
            models.Index(fields=["year"], name="film_year_idx"),
            models.Index(fields=["certificate"], name="film_certificate_idx"),
            models.Index(fields=["runtime"], name="film_runtime_idx"),
            models.Index(fields=["source_count"], name="film_source_count_idx"),
            models.Index(fields=["conflict_count"], name="film_conflict_count_idx"),
            # The few films kept by hand, in the home page's order, without reading every film.
            models.Index(
                fields=["-source_count", "-conflict_count", "title"],
                condition=Q(automatic_fields=[]),
                name="film_kept_by_hand_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1870, year__lte=2100),
                name="film_year_plausible",
            ),
            models.CheckConstraint(
                condition=Q(runtime__isnull=True) | Q(runtime__gt=0), name="film_runtime_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A film restored from its history is inserted anew: only a stored row's version rises.
        if self.pk and not self._state.adding:
            self.version = F("version") + 1
        if self.pk and self.automatic_fields:
            # An editor who changes an automatic field has confirmed it, and no save, not even
            # one that restores the film from its history, makes a field automatic again.
            self.automatic_fields = self.unchanged_automatic_fields()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "automatic_fields"}
        super().save(*args, **kwargs)
        if self.pk:
            self.refresh_from_db(fields=["version"])

    def get_absolute_url(self) -> str:
        return address("catalog:film-detail", self.slug)

    def unchanged_automatic_fields(self) -> list[str]:
        """The automatic fields whose value this save leaves as it is in the database, of those
        the stored row has: a save confirms fields and never makes one automatic again (a film
        restored from its history keeps what editors have confirmed since)."""
        columns = [name for name in self.automatic_fields if name in AUTOMATIC_COLUMNS]
        stored = Film.objects.filter(pk=self.pk).values("automatic_fields", *columns).first()
        if stored is None:
            return list(self.automatic_fields)
        return [
            name
            for name in self.automatic_fields
            if name in stored["automatic_fields"]
            and (name not in columns or stored[name] == getattr(self, name))
        ]


class FilmRedirect(models.Model):
    """An old film address that now leads to another page: left by a merge or a changed slug."""

    old_slug = models.SlugField(max_length=300, unique=True)
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.film}"


# Record fields an importer can fill in from the consensus (Film.automatic_fields): the film's
# own columns, its genres, and its credits by role.
AUTOMATIC_COLUMNS = ["title", "year", "certificate", "runtime"]
AUTOMATIC_FIELDS = [*AUTOMATIC_COLUMNS, "genres", "director", "writer", "cast"]


def confirm_fields(film_id: int, names: Collection[str]) -> None:
    """Editors have confirmed `names` on a film: they are no longer automatic."""
    confirm({film_id: set(names)})


def confirm_credits(credits: Iterable[tuple[int | None, str | None]]) -> None:
    """Editors changed credits, given as (film, role): each film's credits in those roles are
    confirmed, and no longer taken from the consensus."""
    roles: dict[int, set[str]] = defaultdict(set)
    for film, role in credits:
        if film is not None and role:
            roles[film].add(role)
    confirm(roles)


def confirm(confirmed: dict[int, set[str]]) -> None:
    """Each film's confirmed fields are no longer automatic: one query to read them all, and
    one update per film that had any of them automatic."""
    stored = Film.objects.filter(pk__in=sorted(confirmed)).order_by("pk")
    for film, automatic in stored.values_list("pk", "automatic_fields"):
        if set(automatic) & confirmed[film]:
            remaining = [name for name in automatic if name not in confirmed[film]]
            Film.objects.filter(pk=film).update(automatic_fields=remaining)


class FilmPart(models.Model):
    """A credit or claim: changing it changes the film, so it raises the film's version, and
    moving it to another film changes both."""

    # Each subclass's `film` foreign key provides it.
    film_id: int
    # The film the row was on when it was read, if it was.
    _stored_film_id: int | None = None

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        films = {film for film in (self.film_id, self._stored_film_id) if film is not None}
        Film.objects.filter(pk__in=films).update(version=F("version") + 1)
        self._stored_film_id = self.film_id

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        film_id = self.film_id
        result = super().delete(*args, **kwargs)
        Film.objects.filter(pk=film_id).update(version=F("version") + 1)
        return result

    @classmethod
    def from_db(
        cls,
        db: str | None,
        field_names: Collection[str],
        values: Collection[Any],
        **kwargs: Any,
    ) -> Self:
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._stored_film_id = instance.__dict__.get("film_id")
        return instance


class Role(models.TextChoices):
    DIRECTOR = "director", "Director"
    WRITER = "writer", "Writer"
    CAST = "cast", "Cast"


class Credit(FilmPart):
    """A credit on the record: who worked on the film, and as what."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="credits")
    role = models.CharField(max_length=20, choices=Role)
    character = models.CharField(max_length=200, blank=True)
    billing = models.PositiveSmallIntegerField(default=0, help_text="Order in the credits.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["film", "role", "billing", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role", "character"], name="unique_credit"
            ),
            models.CheckConstraint(
                condition=Q(role=Role.CAST) | Q(character=""),
                name="credit_character_only_for_cast",
            ),
        ]

    def __str__(self) -> str:
        suffix = f" as {self.character}" if self.character else ""
        return f"{self.person} ({self.get_role_display()}{suffix}) in {self.film}"
