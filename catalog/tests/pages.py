"""The public pages every page-wide check runs over: accessibility, structure, HTML validity.

One list, so a new page is checked everywhere by adding it here. Paths assume the Red Hot
fixture is loaded (`call_command("load_catalog")`); a path that depends on database ids is a
function, called at test time with the catalogue loaded.
"""

from collections.abc import Callable
from typing import NamedTuple

from catalog.models import Claim


def first_claim_of_tv_guide() -> str:
    """A source page as a reader lands on it from the comparison: one claim followed."""
    claim = (
        Claim.objects.filter(source__slug="tv-guide-red-hot").order_by("quote_start", "pk").first()
    )
    assert claim is not None, "the Red Hot fixture has no claim from tv-guide-red-hot"
    return claim.get_absolute_url()


class PublicPage(NamedTuple):
    name: str
    path: str | Callable[[], str]
    status: int = 200

    def url(self) -> str:
        """The path to request (with any query and fragment); needs the catalogue loaded."""
        return self.path() if callable(self.path) else self.path


PUBLIC_PAGES = [
    PublicPage("home", "/"),
    PublicPage("film-list", "/films/"),
    PublicPage("film-list-filtered", "/films/?year_min=1990&year_max=1999&genre=drama"),
    PublicPage("film-list-empty", "/films/?q=no+such+film+anywhere"),
    PublicPage("film", "/films/red-hot-1993/"),
    PublicPage("people", "/people/"),
    PublicPage("person", "/people/carla-gugino/"),
    PublicPage("sources", "/sources/"),
    PublicPage("source", "/sources/tv-guide-red-hot/"),
    PublicPage("source-followed-claim", first_claim_of_tv_guide),
    PublicPage("not-found", "/no-such-page/", status=404),
]


def page_id(page: PublicPage) -> str:
    """Readable test ids: test_...[film-list-filtered]."""
    return page.name
