"""Each source's genre words filed under the record's one list."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import slugify

from catalog.comparison import comparison_for
from catalog.counts import refresh_counts
from catalog.genres import GENRES, WORDS, genres_for, unmapped
from catalog.models import AUTOMATIC_FIELDS, Claim, Field, Film, Genre, Source
from catalog.records import fill_records
from catalog.tests.builders import make_claim, make_film, make_source


@pytest.mark.parametrize(
    ("word", "genres"),
    [
        ("Thriller/Suspense", ("Thriller",)),
        ("thriller", ("Thriller",)),
        ("Science Fiction", ("Sci-Fi",)),
        ("Sci-Fi", ("Sci-Fi",)),
        ("drama film", ("Drama",)),
        ("Romantic Comedy", ("Romance", "Comedy")),
        ("Black Comedy", ("Comedy",)),
        ("period romance", ("Romance",)),
        ("Film Noir", ("Film-Noir",)),
    ],
)
def test_a_sources_word_is_filed_under_the_records_genres(word, genres):
    assert genres_for(word) == genres


def test_every_genre_a_word_maps_to_is_on_the_list():
    assert {genre for genres in WORDS.values() for genre in genres} <= set(GENRES)


def test_unknown_words_are_listed_once_as_first_written():
    words = ["Political", "Drama", "political", "Mumblecore"]
    assert unmapped(words) == ["Mumblecore", "Political"]
    assert genres_for("Political") == ()


def test_a_claims_normal_form_is_filed_as_its_word_is():
    assert genres_for("drama") == genres_for("drama film") == ("Drama",)
    assert genres_for("thriller suspense") == ("Thriller",)


# The record, the film page, the film list and the admin: each source's word filed under the list.


def imported(title="Titanic"):
    return make_film(title=title, automatic_fields=list(AUTOMATIC_FIELDS))


def say_genres(film, source_title, words, kind=Source.Kind.WEB_PAGE):
    """A source giving the film these genre words; a dataset's row names the film too, as the
    importers' rows do."""
    source = make_source(title=source_title, kind=kind, text=f"{film.title}: {' / '.join(words)}")
    if kind == Source.Kind.DATASET:
        make_claim(source, film, Field.TITLE, film.title)
    return [make_claim(source, film, Field.GENRE, word) for word in words]


@pytest.mark.django_db
def test_the_record_takes_the_lists_genres_and_keeps_the_sources_words_as_claims():
    titanic = imported()
    say_genres(titanic, "Vega", ["Thriller/Suspense", "Romantic Comedy"], Source.Kind.DATASET)
    say_genres(titanic, "TV Guide", ["drama film", "Political"])

    fill_records()

    assert sorted(titanic.genres.values_list("name", flat=True)) == [
        "Comedy",
        "Drama",
        "Romance",
        "Thriller",
    ]
    assert set(Genre.objects.values_list("name", flat=True)) <= set(GENRES)
    assert Genre.objects.get(name="Thriller").slug == "thriller"
    words = set(Claim.objects.filter(field=Field.GENRE).values_list("value", flat=True))
    assert words == {"Thriller/Suspense", "Romantic Comedy", "drama film", "Political"}


@pytest.mark.django_db
def test_the_record_has_only_the_lists_genres():
    with pytest.raises(ValidationError):
        Genre(name="Thriller/Suspense", slug="thriller-suspense").full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        Genre.objects.create(name="Political", slug="political")


@pytest.mark.django_db
def test_a_sources_word_agrees_with_the_genre_it_is_filed_under(client):
    film = make_film(title="Titanic")
    film.genres.add(
        Genre.objects.create(name="Thriller", slug="thriller"),
        Genre.objects.create(name="Comedy", slug="comedy"),
    )
    say_genres(film, "Vega", ["Thriller/Suspense"])
    say_genres(film, "Listing", ["Romantic Comedy"])
    say_genres(film, "Guide", ["Political", "thriller"])

    response = client.get(film.get_absolute_url())

    row = next(r for r in response.context["comparison"].rows if r.key == Field.GENRE)
    guide, listing, vega = row.cells
    assert [(v.text, v.agrees, v.note) for v in vega.values] == [
        ("Thriller/Suspense", True, "filed under Thriller")
    ]
    # Filed under Romance and Comedy: the record has no Romance.
    assert [(v.text, v.agrees) for v in listing.values] == [("Romantic Comedy", False)]
    assert [(v.text, v.agrees, v.note) for v in guide.values] == [
        ("Political", False, "not a genre of the list"),
        ("thriller", True, ""),
    ]
    assert "filed under Thriller" in response.text
    assert row.has_conflict and not vega.dissenting_values


@pytest.mark.django_db
def test_sources_filed_under_the_same_genre_agree_without_a_record():
    film = make_film()
    say_genres(film, "Vega", ["Thriller/Suspense"])
    say_genres(film, "OMDb", ["Thriller"])

    row = comparison_for(film).row(Field.GENRE)

    assert row is not None and not row.has_conflict


@pytest.mark.django_db
def test_the_stored_counts_match_the_comparison_on_genres():
    agreeing, conflicting = imported("Agreeing"), imported("Conflicting")
    for film in (agreeing, conflicting):
        say_genres(film, f"Vega {film.pk}", ["Thriller/Suspense"], Source.Kind.DATASET)
        say_genres(film, f"OMDb {film.pk}", ["Thriller"], Source.Kind.DATASET)
    say_genres(conflicting, "Guide", ["Political"])
    Film.objects.filter(pk=conflicting.pk).update(automatic_fields=[])  # the editors' genres

    fill_records()

    stored = dict(Film.objects.values_list("pk", "conflict_count"))
    refresh_counts(Film.objects.all())
    assert dict(Film.objects.values_list("pk", "conflict_count")) == stored
    assert stored == {agreeing.pk: 0, conflicting.pk: 1}


@pytest.mark.django_db
def test_the_film_list_filter_lists_each_genre_once(client):
    film = imported()
    say_genres(film, "Vega", ["Thriller/Suspense", "Science Fiction"], Source.Kind.DATASET)
    say_genres(film, "OMDb", ["Thriller", "Sci-Fi"], Source.Kind.DATASET)
    fill_records()

    response = client.get(reverse("catalog:film-list"))

    choices = [label for _, label in response.context["filter"].form.fields["genre"].choices]
    assert choices == ["Any", "Sci-Fi", "Thriller"]
    filtered = client.get(reverse("catalog:film-list"), {"genre": "thriller"})
    assert list(filtered.context["object_list"]) == [film]


@pytest.mark.django_db
def test_the_genre_admin_lists_the_words_no_genre_takes_with_their_claims(admin_client):
    film = make_film()
    political = say_genres(film, "Guide", ["Political", "Drama"])[0]
    say_genres(make_film(), "Other", ["political"])

    response = admin_client.get(reverse("admin:catalog_genre_changelist"))

    assert "Words no genre takes" in response.text
    [word] = response.context["unmapped_words"]
    assert (word.normalised, word.claims, word.films) == ("political", 2, 2)
    assert f'href="{escape(word.claims_url)}"' in response.text
    claims = admin_client.get(word.claims_url).context["cl"].result_list
    assert {claim.value for claim in claims} == {"Political", "political"}
    unmapped = admin_client.get(reverse("admin:catalog_claim_changelist"), {"genre_word": "none"})
    assert political in unmapped.context["cl"].result_list
    assert len(unmapped.context["cl"].result_list) == 2


@pytest.mark.django_db(transaction=True)
def test_the_migration_files_an_old_catalogues_genres_under_the_list():
    executor = MigrationExecutor(connection)
    before = [("catalog", "0013_source_text_last")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    OldGenre, OldFilm = old.get_model("catalog", "Genre"), old.get_model("catalog", "Film")
    genres = {
        name: OldGenre.objects.create(name=name, slug=slugify(name))
        for name in ["Thriller", "Thriller/Suspense", "Romantic Comedy", "Political", "drama"]
    }
    titanic = OldFilm.objects.create(title="Titanic", slug="titanic")
    titanic.genres.add(genres["Thriller/Suspense"], genres["Thriller"], genres["Romantic Comedy"])
    red_hot = OldFilm.objects.create(title="Red Hot", slug="red-hot")
    red_hot.genres.add(genres["Political"], genres["drama"])

    executor = MigrationExecutor(connection)
    executor.migrate([("catalog", "0016_controlled_genres")])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    def names(slug):
        return sorted(Film.objects.get(slug=slug).genres.values_list("name", flat=True))

    assert names("titanic") == ["Comedy", "Romance", "Thriller"]
    assert names("red-hot") == ["Drama"]
    assert sorted(Genre.objects.values_list("name", flat=True)) == [
        "Comedy",
        "Drama",
        "Romance",
        "Thriller",
    ]
