from django.db import migrations, models
from django.db.utils import OperationalError

# Film search (catalog.search) runs over Film.search_text.
#
# PostgreSQL: full-text search over this GIN index; the expression is the one Django writes for
# SearchVector("search_text", config="simple"). It replaces the title-only index of migration 0008.
PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS film_search_idx ON catalog_film "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))"
)
PG_TITLE_INDEX = (
    "CREATE INDEX IF NOT EXISTS film_title_search_idx ON catalog_film "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(title, '')))"
)

# SQLite: an FTS5 index of the column (an external-content table, so the text is stored once),
# kept in step with the films table by triggers, whatever writes to it. Without FTS5 in the
# SQLite library, search scans the column instead.
SQLITE_INDEX = [
    "CREATE VIRTUAL TABLE catalog_film_search USING fts5("
    "search_text, content='catalog_film', content_rowid='id', prefix='2 3')",
    "INSERT INTO catalog_film_search(catalog_film_search) VALUES ('rebuild')",
    """CREATE TRIGGER catalog_film_search_insert AFTER INSERT ON catalog_film BEGIN
        INSERT INTO catalog_film_search(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER catalog_film_search_delete AFTER DELETE ON catalog_film BEGIN
        INSERT INTO catalog_film_search(catalog_film_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER catalog_film_search_update AFTER UPDATE OF search_text ON catalog_film BEGIN
        INSERT INTO catalog_film_search(catalog_film_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO catalog_film_search(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS catalog_film_search_insert",
    "DROP TRIGGER IF EXISTS catalog_film_search_delete",
    "DROP TRIGGER IF EXISTS catalog_film_search_update",
    "DROP TABLE IF EXISTS catalog_film_search",
]


def create_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS film_title_search_idx")
        schema_editor.execute(PG_INDEX)
    elif vendor == "sqlite":
        try:
            schema_editor.execute(SQLITE_INDEX[0])
        except OperationalError:  # no such module: fts5
            return
        for statement in SQLITE_INDEX[1:]:
            schema_editor.execute(statement)


def drop_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS film_search_idx")
        schema_editor.execute(PG_TITLE_INDEX)
    elif vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0010_page_listings"),
    ]

    operations = [
        migrations.AddField(
            model_name="film",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
