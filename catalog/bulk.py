"""Bulk reads and writes of plain rows, for the importers' hundreds of thousands of rows.

``QuerySet.bulk_create`` builds a model instance and compiles every value of every row (about
50 µs a claim here); these send the same INSERT, or COPY on PostgreSQL, from plain tuples (about
9 µs), in batches. Columns not given take their field's default. No signals, no history, no
validation: the callers check what they insert (the importers check every quote's position).
Reads of many films go by ranges of their ids (``within``) and lists cut to ``CHUNK``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from django.db.models.options import Options

BATCH_SIZE = 5000
# SQLite allows so many parameters in one query; "pk IN (...)" lists are cut to this size.
CHUNK = 900
# Rows an update sends one by one on PostgreSQL too: for a write's few films, a scratch table (no
# statistics, so a join over every film) costs more than the rows it saves.
FEW = 50
# Fields whose Python values the database driver cannot take as they are.
PREPARED_TYPES = {"JSONField", "DateTimeField", "DateField", "DecimalField", "UUIDField"}


def within[QS: QuerySet[Any, Any]](queryset: QS, field: str, ids: list[int]) -> QS:
    """`queryset` narrowed to the range of the sorted `ids`; callers keep only those ids.

    A range is cheap to build and uses the film indexes; "IN" lists of thousands are not. A
    write's few films, which may lie far apart, are read by their list.
    """
    if len(ids) <= FEW:
        return queryset.filter(**{f"{field}__in": ids})
    return queryset.filter(**{f"{field}__gte": ids[0], f"{field}__lte": ids[-1]})


def chunks[T](items: list[T], size: int = CHUNK) -> Iterator[list[T]]:
    for first in range(0, len(items), size):
        yield items[first : first + size]


def batches(rows: Iterable, size: int) -> Iterator[list]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def table_field(model: type[models.Model], name: str) -> models.Field:
    """`model`'s field `name`, not the other side of a relation."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{model.__name__}.{name} is not a field of its own.")
    return field


def column(field: models.Field) -> str:
    """The field's column in its table; a many-to-many field has none."""
    if field.column is None:
        raise TypeError(f"{field.name} has no column of its own.")
    return field.column


def preparer(
    fields: Sequence[models.Field], connection: BaseDatabaseWrapper
) -> Callable[[Sequence], Sequence]:
    """A function giving a row with the values the driver cannot take as they are prepared."""
    prepared = [
        (n, field) for n, field in enumerate(fields) if field.get_internal_type() in PREPARED_TYPES
    ]

    def prepare(row: Sequence) -> Sequence:
        if not prepared:
            return row
        row = list(row)
        for n, field in prepared:
            row[n] = field.get_db_prep_save(row[n], connection)
        return row

    return prepare


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence],
    batch_size: int = BATCH_SIZE,
) -> int:
    """Insert `rows` (values of `fields`, in order) into `model`'s table; the number inserted."""
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    given = [table_field(model, name) for name in fields]
    rest = [
        field
        for field in meta.concrete_fields
        if field not in given and not field.primary_key and not field.generated
    ]
    tail = tuple(field.get_db_prep_save(field.get_default(), connection) for field in rest)
    prepare = preparer(given, connection)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column(field)) for field in [*given, *rest])
    table = quote(meta.db_table)
    count = 0
    with connection.cursor() as cursor:
        for batch in batches(rows, batch_size):
            values = [(*prepare(row), *tail) for row in batch]
            if connection.vendor == "postgresql":
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * (len(given) + len(rest)))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)
            count += len(values)
    return count


def update_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence],
    batch_size: int = BATCH_SIZE,
) -> int:
    """Set `fields` of rows by primary key: each row is the fields' values, then the pk."""
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    given = [table_field(model, name) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(column(field))} = %s" for field in given)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(column(meta.pk))} = %s"
    prepare = preparer([*given, meta.pk], connection)
    count = 0
    with connection.cursor() as cursor:
        for batch in batches(rows, batch_size):
            batch = [prepare(row) for row in batch]
            if connection.vendor == "postgresql" and len(batch) > FEW:
                copy_update(cursor, meta, given, batch, quote)
            else:
                cursor.executemany(sql, batch)
            count += len(batch)
    return count


def copy_update(
    cursor: Any,
    meta: Options[Any],
    given: Sequence[models.Field],
    batch: list[Sequence],
    quote: Callable[[str], str],
) -> None:
    """PostgreSQL: COPY the new values into a scratch table, then one UPDATE ... FROM it.

    `cursor` is Django's, whose `copy` is psycopg's.
    """
    table, pk = quote(meta.db_table), quote(column(meta.pk))
    columns = [quote(column(field)) for field in given]
    cursor.execute(
        f"CREATE TEMPORARY TABLE bulk_update_rows ON COMMIT DROP AS "
        f"SELECT {', '.join(columns)}, {pk} FROM {table} WITH NO DATA"
    )
    with cursor.copy(f"COPY bulk_update_rows ({', '.join(columns)}, {pk}) FROM STDIN") as copy:
        for row in batch:
            copy.write_row(row)
    assignments = ", ".join(f"{column} = bulk_update_rows.{column}" for column in columns)
    cursor.execute(
        f"UPDATE {table} SET {assignments} FROM bulk_update_rows "
        f"WHERE {table}.{pk} = bulk_update_rows.{pk}"
    )
    cursor.execute("DROP TABLE bulk_update_rows")


def delete_rows(model: type[models.Model], field: str, values: Sequence) -> int:
    """Delete the rows whose `field` is one of `values`, in SQL: no signals, no history."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    meta = model._meta
    name = quote(column(table_field(model, field)))
    count = 0
    with connection.cursor() as cursor:
        for batch in batches(values, CHUNK):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"DELETE FROM {quote(meta.db_table)} WHERE {name} IN ({marks})", batch)
            count += cursor.rowcount
    return count
