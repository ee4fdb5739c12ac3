from django.db import migrations

# PostgreSQL: the search text's tsvector kept in a stored generated column, indexed, so that a
# search tests each film against a stored vector instead of parsing its text again; the column is
# not a model field (Django never writes it) and catalog.search queries it. SQLite keeps its FTS5
# table of migration 0011.
CREATE = [
    "DROP INDEX IF EXISTS film_search_idx",
    "ALTER TABLE catalog_film ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, COALESCE(search_text, ''))) STORED",
    "CREATE INDEX film_search_vector_idx ON catalog_film USING gin (search_vector)",
]
DROP = [
    "DROP INDEX IF EXISTS film_search_vector_idx",
    "ALTER TABLE catalog_film DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX IF NOT EXISTS film_search_idx ON catalog_film "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0011_film_search_text"),
    ]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
