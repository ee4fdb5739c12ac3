from django.db import migrations, models

# The home page leads with the films kept by hand (no automatic fields): a handful among tens of
# thousands, found through this partial index instead of reading every film.


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0016_controlled_genres"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="film",
            index=models.Index(
                fields=["-source_count", "-conflict_count", "title"],
                condition=models.Q(automatic_fields=[]),
                name="film_kept_by_hand_idx",
            ),
        ),
    ]
