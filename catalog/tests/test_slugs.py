"""New rows' slugs: unique with a number, read against the stored ones in one query."""

import pytest

from catalog.models import Source
from catalog.slugs import UniqueSlugs, unique_slug
from catalog.tests.builders import make_source

pytestmark = pytest.mark.django_db


def test_a_taken_slug_gets_the_next_free_number(django_assert_num_queries):
    make_source(title="Red Hot review", slug="red-hot-review")
    make_source(title="Red Hot review", slug="red-hot-review-2")
    make_source(title="Red Hot reviewed", slug="red-hot-reviewed")

    with django_assert_num_queries(1):
        slug = unique_slug(Source, "Red Hot review", "page")

    assert slug == "red-hot-review-3"
    assert unique_slug(Source, "Red Hot, the review", "page") == "red-hot-the-review"


def test_a_text_with_nothing_to_slug_takes_the_fallback():
    assert unique_slug(Source, "—", "page") == "page"
    slugs = UniqueSlugs(["page"], "page")
    assert slugs.make("…", 200) == "page-2"
