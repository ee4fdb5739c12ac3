"""The catalogue's data: sources and their claims, and the editors' record built from them."""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.normalise import normalise


def address(view: str, slug: str) -> str:
    """The address of a film's, person's or source's page, remembered: a film page links to
    hundreds of people, and reversing each address anew is much of its rendering time."""
    return _address(view, slug, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=20_000)
def _address(view: str, slug: str, prefix: str, urlconf: str | None) -> str:
    return reverse(view, args=[slug])


class SourceQuerySet(models.QuerySet):
    def without_text(self):
        """Sources without their archived text, which runs to megabytes for a dataset."""
        return self.defer("text")


class WithSourceQuerySet(models.QuerySet):
    """Rows that belong to a source (claims, reviews, agreements)."""

    def with_source(self):
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
    # Kept up to date by refresh_source_counts: counting a dataset's claims per request is slow.
    claim_count = models.PositiveIntegerField(default=0, editable=False)
    film_count = models.PositiveIntegerField(default=0, editable=False)

    objects = SourceQuerySet.as_manager()

    history = HistoricalRecords(
        excluded_fields=[
            "trust",
            "consensus_agreeing",
            "consensus_compared",
            "claim_count",
            "film_count",
        ]
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return address("catalog:source-detail", self.slug)

    def clean(self):
        # The text is kept with LF line breaks, whatever the editor's browser sent.
        self.text = self.text.replace("\r\n", "\n")


class Genre(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet):
    def matching(self, text: str):
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


class FilmQuerySet(models.QuerySet):
    def with_conflicts(self):
        return self.filter(conflict_count__gt=0)

    def with_unresolved_conflicts(self):
        return self.filter(unresolved_count__gt=0)


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
    # The record fields an importer filled in from the consensus of the sources and no editor has
    # confirmed yet (names from AUTOMATIC_FIELDS); empty for films the editors keep by hand.
    # The titles and every spelling of everyone's name, folded, for search (catalog.search).
    search_text = models.TextField(default="", blank=True, editable=False)
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

    def save(self, *args, **kwargs):
        if self.pk:
            self.version = F("version") + 1
            if self.automatic_fields:
                # An editor who changes an automatic field has confirmed it.
                self.automatic_fields = self.unchanged_automatic_fields()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "automatic_fields"}
        super().save(*args, **kwargs)
        if self.pk:
            self.refresh_from_db(fields=["version"])

    def get_absolute_url(self) -> str:
        return address("catalog:film-detail", self.slug)

    def unchanged_automatic_fields(self) -> list[str]:
        """The automatic fields whose value this save leaves as it is in the database."""
        columns = [name for name in self.automatic_fields if name in AUTOMATIC_COLUMNS]
        stored = Film.objects.filter(pk=self.pk).values(*columns).first() if columns else {}
        if stored is None:
            return list(self.automatic_fields)
        return [
            name
            for name in self.automatic_fields
            if name not in stored or stored[name] == getattr(self, name)
        ]


# Record fields an importer can fill in from the consensus (Film.automatic_fields): the film's
# own columns, its genres, and its credits by role.
AUTOMATIC_COLUMNS = ["title", "year", "certificate", "runtime"]
AUTOMATIC_FIELDS = [*AUTOMATIC_COLUMNS, "genres", "director", "writer", "cast"]


def confirm_fields(film_id: int, names) -> None:
    """Editors have confirmed `names` on a film: they are no longer automatic."""
    film = Film.objects.filter(pk=film_id).values_list("automatic_fields", flat=True).first()
    if film and set(film) & set(names):
        remaining = [name for name in film if name not in names]
        Film.objects.filter(pk=film_id).update(automatic_fields=remaining)


@receiver(m2m_changed, sender=Film.genres.through)
def genres_confirmed(sender, instance, action, reverse, pk_set, **kwargs):
    """Changing a film's genres (the admin form does) confirms them."""
    changed = action == "post_clear" or (action in ("post_add", "post_remove") and pk_set)
    if changed and not reverse:
        confirm_fields(instance.pk, ["genres"])


class FilmPart(models.Model):
    """A credit or claim: changing it changes the film, so it raises the film's version."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        Film.objects.filter(pk=self.film_id).update(version=F("version") + 1)

    def delete(self, *args, **kwargs):
        film_id = self.film_id
        result = super().delete(*args, **kwargs)
        Film.objects.filter(pk=film_id).update(version=F("version") + 1)
        return result


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

    objects = WithSourceQuerySet.as_manager()

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

    def clean(self):
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


class ClaimQuerySet(WithSourceQuerySet):
    def for_comparison(self):
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

    def clean(self):
        errors = {}
        if self.source_id and self.quote:
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

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            # An editor's decision on a field confirms it: the record no longer takes it from
            # the consensus.
            confirm_fields(self.film_id, [self.field])

    @property
    def key(self) -> str:
        """The comparison row this decision settles."""
        return self.person.slug if self.person_id else self.field


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
        return self.person.slug if self.person_id else self.field


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

    objects = WithSourceQuerySet.as_manager()

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
