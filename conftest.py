import os
import shutil

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in the test thread; the ORM calls in live-server
# tests are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The tests serve plain HTTP, as `make bench` does (HTTPS=0), at the test client's own address.
# Set here rather than in the environment: pytest-django has read the settings by now.
settings.SECURE_SSL_REDIRECT = False
settings.SITE_URL = "http://testserver"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive the system's Chromium; Playwright's own browser download is not available."""
    return {
        **browser_type_launch_args,
        "executable_path": shutil.which("chromium") or shutil.which("chromium-browser"),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """The checks inject axe-core as an inline script, which the site's Content-Security-Policy
    refuses; test_csp_browser.py checks the policy with a context of its own."""
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with no cached pages: ids and versions repeat from test to test."""
    from django.core.cache import cache

    cache.clear()
