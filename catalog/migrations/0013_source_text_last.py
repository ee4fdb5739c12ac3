from django.db import migrations, models

# A dataset's text runs to megabytes. SQLite keeps what does not fit in a row's page in a chain of
# overflow pages and walks that chain to reach any column stored after it, so the columns added
# after `text` (trust, the consensus and claim counts) cost a walk through the whole text each
# time a page reads them, as the film page does for every claim's source. This moves `text` to
# the end of the row: added anew, filled, the old column dropped, the new one renamed. (PostgreSQL
# keeps long values out of line anyway; the move changes nothing there.) A column added to Source
# later lands after `text` again: add it the same way, or move `text` again.


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0012_film_search_vector"),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="text_last",
            field=models.TextField(default=""),
            preserve_default=False,
        ),
        migrations.RunSQL(
            "UPDATE catalog_source SET text_last = text",
            reverse_sql="UPDATE catalog_source SET text = text_last",
        ),
        # A default for the old column, so that undoing its removal can add it back.
        migrations.AlterField(
            model_name="source",
            name="text",
            field=models.TextField(default="", help_text="The source's full text, verbatim."),
        ),
        migrations.RemoveField(model_name="source", name="text"),
        migrations.RenameField(model_name="source", old_name="text_last", new_name="text"),
        migrations.AlterField(
            model_name="source",
            name="text",
            field=models.TextField(help_text="The source's full text, verbatim."),
        ),
    ]
