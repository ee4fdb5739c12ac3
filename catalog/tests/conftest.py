import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from catalog.tests.builders import make_film
from catalog.tests.dataset_files import dataset_files


@pytest.fixture
def catalogue(live_server):
    """A live server over the Red Hot fixture, for the browser tests."""
    call_command("load_catalog", verbosity=0)
    return live_server


@pytest.fixture
def catalogue_data(db):
    """The Red Hot fixture in the test database, for tests through Django's test client."""
    call_command("load_catalog", verbosity=0)


@pytest.fixture
def files(tmp_path):
    """The datasets' files, tiny and hand-made, for the importer tests (dataset_files.py)."""
    return dataset_files(tmp_path)


@pytest.fixture
def films():
    """The film editors keep and a duplicate of it, for the tests of merging films."""
    keep = make_film(title="Red Hot", slug="red-hot-1993", year=1993)
    duplicate = make_film(title="Red Hot", slug="red-hot-1993-2", year=1993)
    return keep, duplicate


@pytest.fixture
def log_in():
    """The browser tests' way into the admin: `log_in(page, live_server, username, password)`."""
    return log_in_through_the_form


def log_in_through_the_form(page: Page, live_server, username: str, password: str) -> None:
    """Log the browser into /admin/ through Django's login form, as an editor does."""
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
