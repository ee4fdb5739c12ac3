"""The record's genres from one list (catalog.genres): every film's genres re-filed under it.

A catalogue made before had a genre for every word a source used ("Thriller/Suspense" beside
"Thriller"). Each film's genre off the list becomes the list's genres its word is filed under;
the genres off the list then leave the record. The claims keep every source's word as written,
and a word the list does not take is listed for the editors in the genre admin.
"""

from django.db import migrations, models
from django.utils.text import slugify

from catalog.genres import genres_for

# The list as this migration knows it (0019's constraint holds these).
GENRES = (
    "Action", "Adventure", "Animation", "Biography", "Comedy", "Crime", "Documentary", "Drama",
    "Family", "Fantasy", "Film-Noir", "History", "Horror", "Music", "Musical", "Mystery",
    "Romance", "Sci-Fi", "Short", "Sport", "Thriller", "War", "Western",
)


def file_genres(apps, schema_editor):
    Genre = apps.get_model("catalog", "Genre")
    Film = apps.get_model("catalog", "Film")
    through = Film.genres.through
    off_list = dict(Genre.objects.exclude(name__in=GENRES).values_list("pk", "name"))
    if not off_list:
        return
    filed = {pk: [g for g in genres_for(name) if g in GENRES] for pk, name in off_list.items()}
    wanted = {
        (film, genre)
        for film, old in through.objects.filter(genre__in=off_list).values_list("film", "genre")
        for genre in filed[old]
    }
    through.objects.filter(genre__in=off_list).delete()
    Genre.objects.filter(pk__in=off_list).delete()

    genres = dict(Genre.objects.values_list("name", "pk"))
    slugs = set(Genre.objects.values_list("slug", flat=True))
    for name in sorted({genre for _, genre in wanted} - set(genres)):
        slug, n = slugify(name), 1
        while slug in slugs:
            n += 1
            slug = f"{slugify(name)}-{n}"
        slugs.add(slug)
        genres[name] = Genre.objects.create(name=name, slug=slug).pk
    links = {(film, genres[genre]) for film, genre in wanted}
    targets = {genre for _, genre in links}
    links -= set(through.objects.filter(genre__in=targets).values_list("film", "genre"))
    through.objects.bulk_create(
        [through(film_id=film, genre_id=genre) for film, genre in sorted(links)], batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0014_film_redirect"),
    ]

    operations = [
        # Nothing to undo: the record's old genres were words the claims still hold.
        migrations.RunPython(file_genres, migrations.RunPython.noop),
    ]
