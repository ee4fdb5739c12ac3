import pytest
from django.core.management import call_command


@pytest.fixture
def catalogue(live_server):
    """A live server over the Red Hot fixture, for the browser tests."""
    call_command("load_catalog", verbosity=0)
    return live_server


@pytest.fixture
def catalogue_data(db):
    """The Red Hot fixture in the test database, for tests through Django's test client."""
    call_command("load_catalog", verbosity=0)
