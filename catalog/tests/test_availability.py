"""The site when its database is slow or gone: bounded waits, a 503 page that says to come back,
and health checks a load balancer can trust."""

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from unittest import mock

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.db.utils import ConnectionHandler
from django.urls import include, path

from catalog.tests.builders import make_film
from config.settings import bound_database

pytestmark = pytest.mark.django_db


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


def connection_lost(request):
    raise InterfaceError("connection already closed")


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("down/", database_down),
    path("lost/", connection_lost),
    path("broken/", broken),
    path("", include("config.urls")),  # the pages' own, which the error pages link to
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("address", ["/down/", "/lost/"])
def test_a_database_that_cannot_be_reached_gives_a_503_page_with_retry_after(
    client, caplog, address
):
    response = client.get(address)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "<h1>Back in a moment</h1>" in response.text
    logged = [r for r in caplog.records if r.name == "catalog.errors"]
    assert logged and logged[0].levelname == "ERROR" and logged[0].exc_info


@pytest.mark.urls(__name__)
def test_any_other_error_is_still_a_500(client):
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_healthz_is_a_process_check_that_never_asks_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200


def test_readyz_answers_ok_when_the_database_answers(client):
    response = client.get("/readyz")

    assert (response.status_code, response.text) == (200, "ok")


def test_readyz_answers_503_when_the_database_does_not(client):
    failing = mock.MagicMock()
    failing.cursor.side_effect = OperationalError("could not connect to server")
    with mock.patch("catalog.health.connection", failing):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_the_health_checks_answer_over_plain_http_when_https_is_required(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 301


def test_postgresql_gets_a_connect_timeout_and_a_statement_timeout():
    database = {"ENGINE": "django.db.backends.postgresql", "NAME": "catalog"}

    bound_database(database, connect_timeout=5, statement_timeout=30, lock_timeout=30)

    assert database["OPTIONS"] == {
        "connect_timeout": 5,
        "options": "-c statement_timeout=30000",
    }


def test_sqlite_waits_a_bounded_time_for_a_lock():
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}

    bound_database(database, connect_timeout=5, statement_timeout=30, lock_timeout=20)

    assert database["OPTIONS"] == {"timeout": 20}


def test_the_sites_requests_have_a_statement_timeout_and_commands_none():
    """config.wsgi, which gunicorn serves, sets 30 s; manage.py's commands have none."""
    code = (
        "import {module}; from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS'])"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://catalog@127.0.0.1:1/catalog",  # no connection is made
        "SECRET_KEY": "x",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("DATABASE_STATEMENT_TIMEOUT", None)

    def options(module: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", code.format(module=module)],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "statement_timeout=30000" in options("config.wsgi")
    assert "statement_timeout" not in options("config.settings")


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers, as a hung database does."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for peer in accepted:
        peer.close()
    listener.close()


def test_a_database_that_accepts_and_never_answers_fails_within_the_connect_timeout(
    silent_server,
):
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "catalog",
        "USER": "catalog",
        "HOST": "127.0.0.1",
        "PORT": silent_server,
    }
    bound_database(database, connect_timeout=2, statement_timeout=30, lock_timeout=30)
    hung = ConnectionHandler({"default": database})["default"]

    started = time.monotonic()
    with pytest.raises(OperationalError):
        hung.ensure_connection()

    assert time.monotonic() - started < 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_cancels_a_statement_past_the_timeout():
    database = {**connection.settings_dict, "OPTIONS": {}}
    bound_database(database, connect_timeout=5, statement_timeout=1, lock_timeout=30)
    bounded = ConnectionHandler({"default": database})["default"]
    try:
        with bounded.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone() == ("1s",)
            with pytest.raises(OperationalError, match="statement timeout"):
                cursor.execute("SELECT pg_sleep(5)")
    finally:
        bounded.close()


def test_a_page_whose_database_times_out_gives_the_503_page(client):
    film = make_film(title="Red Hot")
    with mock.patch(
        "catalog.views.comparison_for", side_effect=OperationalError("statement timeout")
    ):
        response = client.get(film.get_absolute_url())

    assert response.status_code == 503
