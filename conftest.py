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


@pytest.fixture(autouse=True)
def tasks_are_kept_not_run(settings):
    """Background tasks are enqueued to the dummy backend, which keeps them and runs none: a
    test that wants one run says so (test_tasks.py runs the database backend's worker)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def commits_run_their_callbacks(monkeypatch):
    """`transaction.on_commit` callbacks run when the code's own outermost transaction commits,
    as in production, though pytest-django wraps the test in a transaction of its own (which
    would otherwise keep them until the test ends, and then drop them)."""
    from django.db import transaction
    from django.db.backends.base.base import BaseDatabaseWrapper

    def only_the_tests(connection) -> bool:
        return connection.in_atomic_block and all(
            block._from_testcase for block in connection.atomic_blocks
        )

    register = BaseDatabaseWrapper.on_commit

    def on_commit(self, func, robust=False):
        if only_the_tests(self) and not self.needs_rollback:
            func()  # what production's autocommit does
        else:
            register(self, func, robust)

    leave = transaction.Atomic.__exit__

    def exit(self, exc_type, exc_value, traceback):
        connection = transaction.get_connection(self.using)
        suppressed = leave(self, exc_type, exc_value, traceback)
        if (
            exc_type is None
            and not self._from_testcase
            and only_the_tests(connection)
            and not connection.needs_rollback
        ):
            while connection.run_on_commit:
                _, func, _ = connection.run_on_commit.pop(0)
                func()
        return suppressed

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit)
