"""The public pages every page-wide check runs over: accessibility, structure, HTML validity.

One list, so a new page is checked everywhere by adding it here. Paths assume the Red Hot
fixture is loaded (`call_command("load_catalog")`); a path that depends on database ids is a
function, called at test time with the catalogue loaded. A page the fixture has no data for (an
imported film) is a function that adds its data the first time it is called; the pages listed
before it are fetched without that data.
"""

from collections.abc import Callable
from typing import NamedTuple

from django.contrib.auth.models import User

from catalog.models import AUTOMATIC_FIELDS, Claim, Field, Film, Genre, Role, Source
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source


def first_claim_of_tv_guide() -> str:
    """A source page as a reader lands on it from the comparison: one claim followed."""
    claim = (
        Claim.objects.filter(source__slug="tv-guide-red-hot").order_by("quote_start", "pk").first()
    )
    assert claim is not None, "the Red Hot fixture has no claim from tv-guide-red-hot"
    return claim.get_absolute_url()


def home_after_edits() -> str:
    """The home page once an editor has saved Red Hot and a source: "Changed lately" shows."""
    editor, _ = User.objects.get_or_create(username="editor")
    for subject in (
        Film.objects.get(slug="red-hot-1993"),
        Source.objects.get(slug="tv-guide-red-hot"),
    ):
        subject._history_user = editor
        subject.save()
    return "/"


IMPORTED_FILM = "an-imported-film-1994"


def imported_film() -> str:
    """A film as an import leaves it: its record filled in from the consensus of the sources and
    not yet confirmed (the certificate excepted), and a language and countries no record keeps."""
    film = Film.objects.filter(slug=IMPORTED_FILM).first()
    if film is None:
        source = make_source(
            title="An imported listing",
            text="An Imported Film (1994), 101 min, 15. Drama. English. United Kingdom, France. "
            "Directed by Jane Roe. Sam Doe plays Ann.",
        )
        film = make_film(
            title="An Imported Film",
            slug=IMPORTED_FILM,
            year=1994,
            runtime=101,
            certificate="15",
        )
        film.genres.add(Genre.objects.get(slug="drama"))
        director, actor = make_person("Jane Roe"), make_person("Sam Doe")
        make_credit(film, director, role=Role.DIRECTOR)
        make_credit(film, actor, character="Ann")
        for field, value in [
            (Field.TITLE, "An Imported Film"),
            (Field.YEAR, "1994"),
            (Field.RUNTIME, "101 min"),
            (Field.CERTIFICATE, "15"),
            (Field.GENRE, "Drama"),
            (Field.LANGUAGE, "English"),
            (Field.COUNTRY, "United Kingdom"),
            (Field.COUNTRY, "France"),
        ]:
            make_claim(source, film, field, value)
        make_claim(source, film, Field.DIRECTOR, "Jane Roe", person=director)
        make_claim(
            source, film, Field.CAST, "Sam Doe", "Sam Doe plays Ann", person=actor, character="Ann"
        )
        # Set last, as the importer does: adding the genres above counts as an editor's change.
        automatic = [name for name in AUTOMATIC_FIELDS if name != "certificate"]
        Film.objects.filter(pk=film.pk).update(automatic_fields=automatic)
    return film.get_absolute_url()


class PublicPage(NamedTuple):
    name: str
    path: str | Callable[[], str]
    status: int = 200

    def url(self) -> str:
        """The path to request (with any query and fragment); needs the catalogue loaded."""
        return self.path() if callable(self.path) else self.path


PUBLIC_PAGES = [
    PublicPage("home", home_after_edits),
    PublicPage("film-list", "/films/"),
    PublicPage("film-list-filtered", "/films/?year_min=1990&year_max=1999&genre=drama"),
    PublicPage("film-list-empty", "/films/?q=no+such+film+anywhere"),
    PublicPage("film-list-misspelt", "/films/?q=red+hot+guggino"),
    PublicPage("film-list-did-you-mean", "/films/?q=red+hott+xyz"),
    PublicPage("film", "/films/red-hot-1993/"),
    PublicPage("film-imported", imported_film),
    PublicPage("people", "/people/"),
    PublicPage("people-did-you-mean", "/people/?q=carla+guggino"),
    PublicPage("person", "/people/carla-gugino/"),
    PublicPage("sources", "/sources/"),
    PublicPage("source", "/sources/tv-guide-red-hot/"),
    PublicPage("source-followed-claim", first_claim_of_tv_guide),
    PublicPage("not-found", "/no-such-page/", status=404),
]


def page_id(page: PublicPage) -> str:
    """Readable test ids: test_...[film-list-filtered]."""
    return page.name
