"""What the film merging tests share: a page's text that names the film, as a source."""

from catalog.models import Source
from catalog.tests.builders import make_source

TEXT = "Red Hot (1993), 95 min, rated PG. Directed by Paul Haggis. Carla Gugino as Valentina."


def source_with(text: str = TEXT) -> Source:
    return make_source(text=text)
