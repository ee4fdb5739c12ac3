"""The record's genres held to the list (catalog.genres), once 0016 has re-filed them.

Apart from 0016's data migration: PostgreSQL does not alter a table in the transaction that has
just deleted its rows under deferred foreign keys ("pending trigger events").
"""

from django.db import migrations, models

# The list as this migration knows it, as 0016 filed the genres under it.
GENRES = (
    "Action", "Adventure", "Animation", "Biography", "Comedy", "Crime", "Documentary", "Drama",
    "Family", "Fantasy", "Film-Noir", "History", "Horror", "Music", "Musical", "Mystery",
    "Romance", "Sci-Fi", "Short", "Sport", "Thriller", "War", "Western",
)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0017_film_kept_by_hand_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="genre",
            name="name",
            field=models.CharField(
                choices=[(genre, genre) for genre in GENRES], max_length=100, unique=True
            ),
        ),
        migrations.AddConstraint(
            model_name="genre",
            constraint=models.CheckConstraint(
                condition=models.Q(("name__in", GENRES)), name="genre_on_the_list"
            ),
        ),
    ]
