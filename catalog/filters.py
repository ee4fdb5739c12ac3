"""The film list's filters: what readers narrow the catalogue by."""

from collections.abc import Iterator
from typing import Any

import django_filters
from django import forms
from django.db import connection, models
from django.db.models import Exists, OuterRef, QuerySet

from catalog import certificates, readings
from catalog.models import Claim, Film, FilmQuerySet, Genre, Person, PersonQuerySet, Source
from catalog.parameters import BoundedIntegerField, SearchField
from catalog.record_fields import BOUNDS


class SearchFilter(django_filters.CharFilter):
    """A search, cut to a bounded number of characters and distinct words as it is read."""

    field_class = SearchField


class BoundedNumberFilter(django_filters.NumberFilter):
    """A whole number within the film field's bounds, read strictly: "-1e2000000", "١٩٩٠" and
    "1_990" are the form's error, before any arithmetic is done on them."""

    field_class = BoundedIntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        low, high = BOUNDS[kwargs["field_name"]]
        kwargs.setdefault("min_value", low)
        kwargs.setdefault("max_value", high)
        super().__init__(*args, **kwargs)

    def get_max_validator(self) -> None:
        # The field's own bounds replace django-filter's 1e50.
        return None


class SortField(django_filters.fields.BaseCSVField):
    """The orders asked for, each one of the choices: "," or "title,," is the form's error."""

    def clean(self, value: Any) -> list[str] | None:
        orders = super().clean(value)
        if orders is not None and (not all(orders) or len(orders) > 4):
            message = self.error_messages["invalid_choice"]
            raise forms.ValidationError(message, code="invalid_choice", params={"value": value})
        return orders


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ties broken by primary key, so a page never repeats or skips a film."""

    base_field_class = SortField

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


class IndexedValuesFilter(django_filters.ChoiceFilter):
    """AllValuesFilter's choices (every value of the field), read by skipping through the field's
    index a value at a time: a dozen index lookups instead of reading every row."""

    @property
    def field(self) -> forms.Field:
        self.extra["choices"] = self.choices_for(distinct_values(self.model, self.field_name))
        return super().field

    def choices_for(self, values: list[Any]) -> list[tuple[Any, str]]:
        return [(value, value) for value in values]


class CertificateFilter(IndexedValuesFilter):
    """The record's certificates, each with its rating system ("PG-13 (MPAA)"), by system and
    from the youngest audience up (catalog.certificates)."""

    def choices_for(self, values: list[Any]) -> list[tuple[Any, str]]:
        return [(value, certificates.label(value)) for value in certificates.in_order(values)]


def distinct_values(model: type[models.Model], field_name: str) -> list[Any]:
    """The field's distinct non-empty values in order (a "loose index scan", in SQL both SQLite
    and PostgreSQL plan as one index lookup per value)."""
    field = model._meta.get_field(field_name)
    assert isinstance(field, models.Field) and field.column, f"{field_name} is not a column"
    quote = connection.ops.quote_name
    table, column = quote(model._meta.db_table), quote(field.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE found(value) AS (
                SELECT MIN({column}) FROM {table} WHERE {column} > %s
                UNION ALL
                SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > found.value)
                FROM found WHERE found.value IS NOT NULL
            )
            SELECT value FROM found WHERE value IS NOT NULL
            """,
            [""],
        )
        return [value for (value,) in cursor.fetchall()]


class FilmFilter(django_filters.FilterSet):
    q = SearchFilter(
        method="search",
        label="Title or person",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. Red Hot, Gugino"}),
    )
    year_min = BoundedNumberFilter(field_name="year", lookup_expr="gte", label="Year from")
    year_max = BoundedNumberFilter(field_name="year", lookup_expr="lte", label="Year to")
    genre = django_filters.ModelChoiceFilter(
        field_name="genres",
        queryset=Genre.objects.all(),
        to_field_name="slug",
        label="Genre",
        empty_label="Any",
    )
    certificate = CertificateFilter(empty_label="Any")
    runtime_min = BoundedNumberFilter(
        field_name="runtime", lookup_expr="gte", label="Runtime from (min)"
    )
    runtime_max = BoundedNumberFilter(
        field_name="runtime", lookup_expr="lte", label="Runtime to (min)"
    )
    source = django_filters.ModelChoiceFilter(
        queryset=Source.objects.only("slug", "title"),
        to_field_name="slug",
        method="from_source",
        label="Source",
        empty_label="Any",
    )
    conflicts = django_filters.ChoiceFilter(
        choices=[("yes", "Sources conflict"), ("no", "Sources agree")],
        method="by_conflicts",
        label="Conflicts",
        empty_label="Either",
    )
    sort = StableOrderingFilter(
        fields=[
            ("title", "title"),
            ("year", "year"),
            ("source_count", "sources"),
            ("conflict_count", "conflicts"),
        ],
        # Every order named as readers say it (django-filter would call the descending ones
        # "… (descending)"), the one most looked for first.
        choices=[
            ("title", "Title A to Z"),
            ("-title", "Title Z to A"),
            ("-year", "Newest first"),
            ("year", "Oldest first"),
            ("-sources", "Most sources first"),
            ("sources", "Fewest sources first"),
            ("-conflicts", "Most conflicts first"),
            ("conflicts", "Fewest conflicts first"),
        ],
        label="Sort by",
        empty_label=None,
    )

    class Meta:
        model = Film
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The fields' bounds are the inputs' min and max already (IntegerField.widget_attrs).
        for field in ("year_min", "year_max", "runtime_min", "runtime_max"):
            self.form.fields[field].widget.attrs.update({"inputmode": "numeric"})
        # The search, once `q` is read, and the reading the films are found by.
        self.query: readings.Search | None = None
        self.reading: readings.Reading | None = None
        self._readings: Iterator[readings.Reading] = iter(())

    def describe(self) -> str:
        """The active filters in words, for the page title: "1990 to 1999, Drama"."""
        if not self.is_bound or not self.is_valid():
            return ""
        data = self.form.cleaned_data
        parts = []
        if data.get("q"):
            parts.append(f"matching “{data['q']}”")
        if data.get("year_min") is not None or data.get("year_max") is not None:
            parts.append(f"{data.get('year_min') or '…'} to {data.get('year_max') or '…'}")
        for name in ("genre", "certificate", "source"):
            if data.get(name):
                value = data[name]
                parts.append(certificates.label(value) if name == "certificate" else str(value))
        if data.get("runtime_min") is not None or data.get("runtime_max") is not None:
            parts.append(f"{data.get('runtime_min') or 0} to {data.get('runtime_max') or '…'} min")
        if data.get("conflicts"):
            parts.append("sources conflict" if data["conflicts"] == "yes" else "sources agree")
        if data.get("sort"):
            labels = dict(self.form.fields["sort"].choices)
            label = labels.get(data["sort"][0], data["sort"][0])
            parts.append(label[0].lower() + label[1:])
        return ", ".join(parts)

    def search(self, queryset: QuerySet[Film], name: str, value: str) -> QuerySet[Film]:
        if not value.strip():
            return queryset
        if self.query is None:
            self.query = readings.Search(value)
            self._readings = self.query.readings()
            self.reading = next(self._readings)
        assert self.reading is not None, "a search has a first reading"
        return self.reading.films(queryset)

    def loosened(self) -> QuerySet[Film] | None:
        """The films of every filter with the search read more loosely (catalog.readings), for
        a list that found none; None when it cannot be. `qs` keeps the first reading's."""
        if (reading := next(self._readings, None)) is None:
            return None
        self.reading = reading
        return self.filter_queryset(self.queryset.all())

    def from_source(self, queryset: QuerySet[Film], name: str, source: Source) -> QuerySet[Film]:
        return queryset.filter(Exists(Claim.objects.filter(film=OuterRef("pk"), source=source)))

    def by_conflicts(self, queryset: FilmQuerySet, name: str, value: str) -> QuerySet[Film]:
        return queryset.with_conflicts() if value == "yes" else queryset.filter(conflict_count=0)


class PersonFilter(django_filters.FilterSet):
    q = SearchFilter(
        method="search",
        label="Name (any spelling)",
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    class Meta:
        model = Person
        fields: list[str] = []

    def search(self, queryset: PersonQuerySet, name: str, value: str) -> QuerySet[Person]:
        return queryset.matching(value.strip()) if value.strip() else queryset
