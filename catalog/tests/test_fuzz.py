"""Every public page against arbitrary query strings: an answer, never a server error, cheaply.

Each page is requested with every parameter it reads, and some it does not, set to arbitrary
text: unicode digits, huge exponents, NULs, very long strings. The budget is fixed (derandomized,
a bounded number of examples per page) so the run takes the same time every time. "Cheaply" is
counted, not timed: no query string makes a page run more than a fixed few queries beyond its
plainest request.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# Each page, and the parameters it reads.
PAGES = {
    "/": [],
    "/films/": [
        "q",
        "year_min",
        "year_max",
        "runtime_min",
        "runtime_max",
        "genre",
        "certificate",
        "source",
        "conflicts",
        "sort",
        "page",
    ],
    "/films/red-hot-1993/": [],
    "/films/red-hot-1993/export.json": [],
    "/people/": ["q", "page"],
    "/people/carla-gugino/": [],
    "/sources/": ["page"],
    "/sources/tv-guide-red-hot/": ["claim", "page"],
    "/sitemap.xml": ["p"],
    "/robots.txt": [],
}
JUNK = ["utm_source", "x", "", "q[]", "__proto__"]
ANSWERS = {200, 301, 302, 400, 404}
# A filtered or searched list asks a little more than the plain one, never more with the input.
EXTRA = 2

numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.from_regex(r"\A[+-]?[0-9]{0,6}(\.[0-9]{0,4})?([eE][+-]?[0-9]{1,9})?\Z"),
    st.sampled_from(
        ["-1e2000000", "1e999999", "NaN", "inf", "-0", "1_990", "²", "١٩٩٠", "\U0001d7d9\U0001d7e1"]
    ),
)
words = st.lists(st.sampled_from(["a", "red", "hot", "gugino", "1993", "Peña", "*", '"']))
values = st.one_of(
    st.text(),
    numbers,
    words.map(" ".join),
    st.sampled_from(["title", "-year", ",", "title,,", "-", "yes", "no", "drama", "last", "\x00"]),
    # Long values: a few characters repeated up to 60,000 times.
    st.builds(lambda piece, times: piece * times, st.text(max_size=4), st.integers(0, 60_000)),
    st.builds(lambda times: "a " * times, st.integers(0, 3_000)),
)


def query(page: str) -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.sampled_from(PAGES[page] + JUNK), values, max_size=6)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_answers_any_query_string_at_no_extra_cost(client, catalogue_data, page):
    with CaptureQueriesContext(connection) as plain:
        client.get(page)

    @settings(
        max_examples=120,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(params=query(page))
    def answers(params: dict[str, str]) -> None:
        with CaptureQueriesContext(connection) as asked:
            response = client.get(page, params)
        assert response.status_code in ANSWERS, (params, response.status_code)
        assert len(asked) <= len(plain) + EXTRA, (params, [query["sql"] for query in asked])

    answers()
