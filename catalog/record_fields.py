"""What the catalogue's fields can hold, read from the models, and what a film's field stores.

The models state these limits once: a text field's ``max_length``, and a number's bounds from its
field type, its validators and the check constraints on it (a film's year, within its constraint).
The importers and the record fit what the sources say into them; an editor's value is left to
the film's own validation, which reads the same limits.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from catalog.matching import natural_title
from catalog.models import Field, Film
from catalog.normalise import normalise


def max_length(model: type[models.Model], name: str) -> int:
    """The longest text `model`'s field `name` holds."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or field.max_length is None:
        raise TypeError(f"{model.__name__}.{name} has no max_length.")
    return field.max_length


def lookups(condition: models.Q) -> Iterator[tuple[str, object]]:
    """The (lookup, value) pairs of a condition, however nested; a negated part means their
    opposite, so it gives none."""
    for child in condition.children:
        if isinstance(child, models.Q):
            if not child.negated:
                yield from lookups(child)
        elif isinstance(child, tuple):
            yield child


def number_bounds(model: type[models.Model], name: str) -> tuple[int, int]:
    """The smallest and largest whole number `model`'s field `name` holds on any database.

    The range of the field's type everywhere (SQLite would take a larger one), narrowed by the
    field's validators and by the bounds the model's check constraints set on it.
    """
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{model.__name__}.{name} is not a field of its own.")
    low, high = BaseDatabaseOperations.integer_field_ranges[field.get_internal_type()]
    limits: list[tuple[str, object]] = []
    for validator in field.validators:
        if isinstance(validator, MinValueValidator):
            limits.append(("gte", validator.limit_value))
        elif isinstance(validator, MaxValueValidator):
            limits.append(("lte", validator.limit_value))
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.CheckConstraint) and isinstance(
            constraint.condition, models.Q
        ):
            limits.extend(
                (lookup.removeprefix(f"{name}__"), value)
                for lookup, value in lookups(constraint.condition)
                if lookup.startswith(f"{name}__")
            )
    for kind, limit in limits:
        value = limit() if callable(limit) else limit
        if not isinstance(value, int):
            continue
        if kind == "gte":
            low = max(low, value)
        elif kind == "gt":
            low = max(low, value + 1)
        elif kind == "lte":
            high = min(high, value)
        elif kind == "lt":
            high = min(high, value - 1)
    return low, high


BOUNDS: dict[str, tuple[int, int]] = {
    name: number_bounds(Film, name) for name in (Field.YEAR, Field.RUNTIME)
}


def within_bounds(name: str, number: int | None) -> int | None:
    """`number`, if the film's field `name` (year or runtime) can hold it; else None."""
    low, high = BOUNDS[name]
    return number if number is not None and low <= number <= high else None


def record_value(name: str, text: str, normalised: str | None = None) -> str | int | None:
    """What the film's field `name` stores for a value written `text`.

    An editor's value comes alone and is stored as given: a year or runtime that is not a whole
    number raises ValueError, and the film's validation judges the rest. A consensus value comes
    with its normal form, `normalised`, and is fitted to the field, there being no one to ask: a
    title in IMDb's style gets its article back, text is cut to the field's length, and a number
    that is not one, or that the field cannot hold, leaves the field empty.
    """
    if name in (Field.YEAR, Field.RUNTIME):
        if normalised is None:
            number = normalise(name, text)
            if not number.isdigit():
                kind = "year" if name == Field.YEAR else "runtime"
                raise ValueError(f"“{text}” is not a {kind}.")
            return int(number)
        try:
            return within_bounds(name, int(float(normalised)))
        except ValueError:
            return None
    if normalised is None:
        return normalise(name, text) if name == Field.CERTIFICATE else text.strip()
    if name == Field.TITLE:
        return natural_title(text)[: max_length(Film, name)]
    return text.strip()[: max_length(Film, name)]
