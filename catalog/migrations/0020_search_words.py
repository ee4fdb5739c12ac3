from django.db import migrations

# The vocabulary of film search (catalog.search_words): every word of Film.search_text with the
# number of films whose text holds it, for finding the words nearest a misspelt one. Triggers
# keep it in step with the films table whatever writes to it, as migration 0011's FTS5 index is;
# `catalog_search_state.counting` turns them off while a full refresh of the search text
# rewrites every film, which then counts every word at once (catalog.search_words.counted_at_the_end).
#
# PostgreSQL: a trigram index (pg_trgm) over the words, and triggers that count the words of
# each text that changes.
# SQLite: row triggers over the words of each text (json_each over the text made a JSON array,
# which is safe as catalog.normalise.fold leaves letters and digits only), and a version that
# changes whenever a word comes or goes: each process keeps an index of the words in memory and
# reads them again when it changes.

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    'CREATE TABLE catalog_search_word (word text PRIMARY KEY, films integer NOT NULL)',
    "CREATE TABLE catalog_search_state (id integer PRIMARY KEY CHECK (id = 1), "
    "counting boolean NOT NULL)",
    "INSERT INTO catalog_search_state VALUES (1, true)",
    # The words of `removed` texts counted down, of `added` texts up; a word in no text is gone.
    # Locked in the words' order, so two transactions counting the same words wait, not deadlock.
    """CREATE FUNCTION catalog_search_word_count(removed text[], added text[]) RETURNS void
    LANGUAGE plpgsql AS $$
    DECLARE
        changed text[];
        deltas integer[];
    BEGIN
        IF NOT (SELECT counting FROM catalog_search_state) THEN
            RETURN;
        END IF;
        SELECT array_agg(word ORDER BY word), array_agg(delta ORDER BY word)
        INTO changed, deltas
        FROM (
            SELECT word, sum(delta)::integer AS delta
            FROM (
                SELECT DISTINCT -1 AS delta, texts.n, word
                FROM unnest(removed) WITH ORDINALITY AS texts (value, n),
                     unnest(string_to_array(texts.value, ' ')) AS word
                UNION ALL
                SELECT DISTINCT 1, texts.n, word
                FROM unnest(added) WITH ORDINALITY AS texts (value, n),
                     unnest(string_to_array(texts.value, ' ')) AS word
            ) AS words
            WHERE word <> ''
            GROUP BY word
            HAVING sum(delta) <> 0
        ) AS changes;
        IF changed IS NULL THEN
            RETURN;
        END IF;
        INSERT INTO catalog_search_word AS kept (word, films)
        SELECT word, delta FROM unnest(changed, deltas) AS changes (word, delta) ORDER BY word
        ON CONFLICT (word) DO UPDATE SET films = kept.films + excluded.films;
        DELETE FROM catalog_search_word WHERE word = ANY(changed) AND films <= 0;
    END
    $$""",
    """CREATE FUNCTION catalog_search_word_film_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM catalog_search_word_count(
            CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE ARRAY[OLD.search_text] END,
            CASE WHEN TG_OP = 'DELETE' THEN '{}' ELSE ARRAY[NEW.search_text] END
        );
        RETURN NULL;
    END
    $$""",
    """CREATE FUNCTION catalog_search_word_films_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM catalog_search_word;
        RETURN NULL;
    END
    $$""",
    # Row triggers, each only for a row whose text changes: the many bulk updates of the films'
    # other columns (counts, records) never name search_text and never fire them.
    "CREATE TRIGGER catalog_search_word_insert AFTER INSERT ON catalog_film FOR EACH ROW "
    "WHEN (NEW.search_text <> '') EXECUTE FUNCTION catalog_search_word_film_changed()",
    "CREATE TRIGGER catalog_search_word_update AFTER UPDATE OF search_text ON catalog_film "
    "FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text) "
    "EXECUTE FUNCTION catalog_search_word_film_changed()",
    "CREATE TRIGGER catalog_search_word_delete AFTER DELETE ON catalog_film FOR EACH ROW "
    "WHEN (OLD.search_text <> '') EXECUTE FUNCTION catalog_search_word_film_changed()",
    # Django's flush empties the films table by TRUNCATE, which fires no delete trigger.
    "CREATE TRIGGER catalog_search_word_truncate AFTER TRUNCATE ON catalog_film "
    "FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_word_films_truncated()",
    """INSERT INTO catalog_search_word (word, films)
    SELECT word, count(*) FROM (
        SELECT DISTINCT id, unnest(string_to_array(search_text, ' ')) AS word FROM catalog_film
    ) AS words
    WHERE word <> ''
    GROUP BY word""",
    # Made after the words are in: an index built at once, not one grown word by word.
    "CREATE INDEX catalog_search_word_trigram ON catalog_search_word "
    "USING gin (word gin_trgm_ops)",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS catalog_search_word_insert ON catalog_film",
    "DROP TRIGGER IF EXISTS catalog_search_word_update ON catalog_film",
    "DROP TRIGGER IF EXISTS catalog_search_word_delete ON catalog_film",
    "DROP TRIGGER IF EXISTS catalog_search_word_truncate ON catalog_film",
    "DROP FUNCTION IF EXISTS catalog_search_word_film_changed()",
    "DROP FUNCTION IF EXISTS catalog_search_word_films_truncated()",
    "DROP FUNCTION IF EXISTS catalog_search_word_count(text[], text[])",
    "DROP TABLE IF EXISTS catalog_search_state",
    "DROP TABLE IF EXISTS catalog_search_word",
]


def sqlite_array(text: str) -> str:
    """The words of the search text `text` as a JSON array (none if it cannot be one)."""
    array = f"""'["' || replace(trim({text}), ' ', '","') || '"]'"""
    return f"CASE WHEN json_valid({array}) THEN {array} ELSE '[]' END"


def sqlite_words(text: str) -> str:
    """The distinct words of the search text `text`, as rows of `value`."""
    return f"SELECT DISTINCT value FROM json_each({sqlite_array(text)}) WHERE value <> ''"


COUNTING = "(SELECT counting FROM catalog_search_state)"
SQLITE = [
    "CREATE TABLE catalog_search_word (word TEXT NOT NULL PRIMARY KEY, films INTEGER NOT NULL) "
    "WITHOUT ROWID",
    "CREATE TABLE catalog_search_state (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "counting INTEGER NOT NULL, version BLOB NOT NULL)",
    "INSERT INTO catalog_search_state VALUES (1, 1, randomblob(8))",
    f"""CREATE TRIGGER catalog_search_word_insert AFTER INSERT ON catalog_film
    WHEN new.search_text <> '' AND {COUNTING} BEGIN
        INSERT INTO catalog_search_word (word, films)
        SELECT value, 1 FROM ({sqlite_words("new.search_text")}) WHERE true
        ON CONFLICT (word) DO UPDATE SET films = films + 1;
    END""",
    f"""CREATE TRIGGER catalog_search_word_update AFTER UPDATE OF search_text ON catalog_film
    WHEN old.search_text IS NOT new.search_text AND {COUNTING} BEGIN
        UPDATE catalog_search_word SET films = films - 1 WHERE word IN (
            {sqlite_words("old.search_text")} EXCEPT {sqlite_words("new.search_text")}
        );
        INSERT INTO catalog_search_word (word, films)
        SELECT value, 1 FROM (
            {sqlite_words("new.search_text")} EXCEPT {sqlite_words("old.search_text")}
        ) WHERE true
        ON CONFLICT (word) DO UPDATE SET films = films + 1;
    END""",
    f"""CREATE TRIGGER catalog_search_word_delete AFTER DELETE ON catalog_film
    WHEN old.search_text <> '' AND {COUNTING} BEGIN
        UPDATE catalog_search_word SET films = films - 1
        WHERE word IN ({sqlite_words("old.search_text")});
    END""",
    """CREATE TRIGGER catalog_search_word_unused AFTER UPDATE OF films ON catalog_search_word
    WHEN new.films <= 0 BEGIN
        DELETE FROM catalog_search_word WHERE word = new.word;
    END""",
    f"""CREATE TRIGGER catalog_search_word_added AFTER INSERT ON catalog_search_word
    WHEN {COUNTING} BEGIN
        UPDATE catalog_search_state SET version = randomblob(8);
    END""",
    f"""CREATE TRIGGER catalog_search_word_removed AFTER DELETE ON catalog_search_word
    WHEN {COUNTING} BEGIN
        UPDATE catalog_search_state SET version = randomblob(8);
    END""",
    f"""INSERT INTO catalog_search_word (word, films)
    SELECT value, count(DISTINCT catalog_film.id)
    FROM catalog_film, json_each({sqlite_array("catalog_film.search_text")})
    WHERE value <> ''
    GROUP BY value""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS catalog_search_word_insert",
    "DROP TRIGGER IF EXISTS catalog_search_word_update",
    "DROP TRIGGER IF EXISTS catalog_search_word_delete",
    "DROP TRIGGER IF EXISTS catalog_search_word_unused",
    "DROP TRIGGER IF EXISTS catalog_search_word_added",
    "DROP TRIGGER IF EXISTS catalog_search_word_removed",
    "DROP TABLE IF EXISTS catalog_search_state",
    "DROP TABLE IF EXISTS catalog_search_word",
]


def run(postgresql, sqlite):
    def operation(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in {"postgresql": postgresql, "sqlite": sqlite}.get(vendor, []):
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0019_genre_on_the_list"),
    ]

    operations = [
        migrations.RunPython(run(POSTGRESQL, SQLITE), run(POSTGRESQL_DROP, SQLITE_DROP)),
    ]
