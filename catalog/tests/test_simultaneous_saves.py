"""Editors saving at the same instant, through the site as it is deployed: gunicorn (2 workers x
2 threads, DEBUG off) over a database of its own, on the database the suite runs on.

Each pair of editors opens its change forms, waits at a barrier, and saves at once: the same film
(one save wins, the other is refused with what changed, nothing is lost) or two different films
(both saved). Then saves while an import writes, and while a long read is open.
"""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import requests
from django.conf import settings
from lxml import html

ROOT = Path(__file__).resolve().parents[2]
PAIRS = 50
PASSWORD = "a-long-enough-password"
STALE = "Someone saved this film after you opened it"

SETUP = f"""
from django.contrib.auth.models import Group, User
from catalog.models import Film
editors = Group.objects.get(name="Editors")
for name in ("alice", "bob"):
    user = User.objects.create_user(name, password="{PASSWORD}", is_staff=True)
    user.groups.add(editors)
Film.objects.bulk_create(
    Film(title=f"Film {{n}}", slug=f"film-{{n}}", year=1990) for n in range({2 * PAIRS})
)
"""
FILMS = (
    'from catalog.models import Film; print(*Film.objects.filter(slug__startswith="film-")'
    '.order_by("pk").values_list("pk", flat=True))'
)

# As the site was probed: two workers of two threads each.
GUNICORN = ["--workers", "2", "--threads", "2", "--log-level", "warning"]


@dataclass
class Site:
    url: str
    env: dict[str, str]
    films: list[int] = field(default_factory=list)

    def manage(self, *args: str) -> str:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def database_url(tmp_path_factory) -> Iterator[str]:
    """A database of the suite's kind, made for these tests and dropped after them."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        yield f"sqlite:///{tmp_path_factory.mktemp('saves') / 'db.sqlite3'}"
        return
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    name = f"catalog_saves_{os.getpid()}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as maintenance:
        maintenance.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        maintenance.execute(f"CREATE DATABASE {name}")
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as maintenance:
        maintenance.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def site(database_url) -> Iterator[Site]:
    """The catalogue's seed films, 100 more and two editors, served under gunicorn."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "test-only-key-for-the-simultaneous-saves",
        "HTTPS": "0",
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    site = Site(f"http://127.0.0.1:{port}", env)
    site.manage("migrate", "-v0")
    site.manage("load_catalog", "-v0")
    site.manage("shell", "-v0", "-c", SETUP)
    site.films = [int(pk) for pk in site.manage("shell", "-v0", "-c", FILMS).split()]
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", *GUNICORN],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(site)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(site: Site) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with contextlib.suppress(requests.ConnectionError):  # not listening yet
            if requests.get(f"{site.url}/healthz", timeout=5).status_code == 200:
                return
        time.sleep(0.2)
    raise AssertionError("gunicorn never answered")


class Editor:
    """One editor's browser: logged in, opening a film's change form and saving it."""

    def __init__(self, site: Site, username: str) -> None:
        self.site, self.session = site, requests.Session()
        login = f"{site.url}/admin/login/"
        token = self.form_values(self.session.get(login), "login-form")["csrfmiddlewaretoken"]
        answer = self.session.post(
            login,
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            allow_redirects=False,
        )
        assert answer.status_code == 302, answer.text[:500]

    @staticmethod
    def form_values(response: requests.Response, form_id: str) -> dict[str, str]:
        """What a browser would submit of the page's form, as it stands."""
        assert response.status_code == 200, response.status_code
        form = html.fromstring(response.text).get_element_by_id(form_id)
        # lxml leaves out the text fields that are empty; a browser sends them as "".
        blank = {
            element.name: ""
            for element in form.inputs
            if element.tag == "textarea"
            or (
                element.tag == "input"
                and element.get("type", "text") in ("text", "number", "url", "hidden", "date")
            )
        }
        return {**blank, **dict(form.form_values())}

    def change_url(self, film: int) -> str:
        return f"{self.site.url}/admin/catalog/film/{film}/change/"

    def open(self, film: int) -> dict[str, str]:
        return self.form_values(self.session.get(self.change_url(film)), "film_form")

    def save(self, film: int, data: dict[str, str]) -> requests.Response:
        return self.session.post(
            self.change_url(film), {**data, "_save": "Save"}, allow_redirects=False
        )

    def field(self, film: int, name: str) -> str:
        return self.open(film)[name]


def errors(*responses: requests.Response) -> list[str]:
    """The error notes of the pages that answered (a refused form's), for a failure's message."""
    return [
        " ".join(
            html.fromstring(r.text).xpath("string(//*[contains(@class, 'errorlist')])").split()
        )
        for r in responses
        if r.status_code == 200
    ]


def at_once(*saves: tuple[Editor, int, dict[str, str]]) -> list[requests.Response]:
    """Each (editor, film, form data) saved in a thread of its own, the threads let go together
    through a barrier."""
    barrier = threading.Barrier(len(saves))
    answers: list[requests.Response | BaseException | None] = [None] * len(saves)

    def run(n: int) -> None:
        editor, film, data = saves[n]
        barrier.wait()
        try:
            answers[n] = editor.save(film, data)
        except BaseException as error:
            answers[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(saves))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    responses = [answer for answer in answers if isinstance(answer, requests.Response)]
    assert len(responses) == len(saves), f"a save did not answer: {answers}"
    return responses


@pytest.fixture(scope="module")
def editors(site) -> tuple[Editor, Editor]:
    return Editor(site, "alice"), Editor(site, "bob")


@pytest.fixture(scope="module")
def films(site) -> list[int]:
    assert len(site.films) == 2 * PAIRS
    return site.films


def test_two_editors_saving_the_same_film_at_once_lose_nothing(editors, films):
    alice, bob = editors
    outcomes = {"alice": 0, "bob": 0}
    for n, film in enumerate(films[:PAIRS]):
        alices, bobs = alice.open(film), bob.open(film)
        alices["tagline"], bobs["setting"] = f"alice {n}", f"bob {n}"

        first, second = at_once((alice, film, alices), (bob, film, bobs))

        assert {first.status_code, second.status_code} == {302, 200}, (n, errors(first, second))
        refused = first if first.status_code == 200 else second
        assert STALE in refused.text
        saved = alice.open(film)
        if first.status_code == 302:
            outcomes["alice"] += 1
            assert (saved["tagline"], saved["setting"]) == (f"alice {n}", "")
        else:
            outcomes["bob"] += 1
            assert (saved["tagline"], saved["setting"]) == ("", f"bob {n}")
    assert sum(outcomes.values()) == PAIRS


def test_two_editors_saving_different_films_at_once_both_save(editors, films):
    alice, bob = editors
    for n in range(PAIRS):
        one, other = films[PAIRS + n], films[n]
        alices, bobs = alice.open(one), bob.open(other)
        alices["period"], bobs["period"] = f"alice {n}", f"bob {n}"

        answers = at_once((alice, one, alices), (bob, other, bobs))

        assert [answer.status_code for answer in answers] == [302, 302], n
        assert alice.field(one, "period") == f"alice {n}"
        assert alice.field(other, "period") == f"bob {n}"


def test_saves_and_reads_succeed_while_an_import_writes(site, editors, films):
    alice, _ = editors
    importing = subprocess.Popen(
        [sys.executable, "manage.py", "import_datasets", "vega", "-v0"], cwd=ROOT, env=site.env
    )
    during, answers = 0, []
    try:
        n = 0
        while importing.poll() is None:
            film = films[n % len(films)]
            data = alice.open(film)
            data["content_advisory"] = f"during the import {n}"
            answers.append(alice.save(film, data).status_code)
            answers.append(requests.get(f"{site.url}/films/?q=film", timeout=60).status_code)
            during += importing.poll() is None
            n += 1
    finally:
        importing.wait(timeout=300)
    assert importing.returncode == 0
    assert during >= 3, "the import ended before the saves began"
    assert set(answers) == {302, 200}, answers


def test_saves_succeed_while_a_long_read_is_open(site, editors, films, database_url):
    alice, _ = editors
    reader = open_reader(database_url)
    try:
        for n, film in enumerate(films[:5]):
            data = alice.open(film)
            data["filming_location"] = f"while a read is open {n}"
            assert alice.save(film, data).status_code == 302
            assert alice.field(film, "filming_location") == f"while a read is open {n}"
    finally:
        reader.close()


def open_reader(database_url: str):
    """A connection in the middle of a read transaction, as a slow search holds one."""
    if database_url.startswith("sqlite"):
        import sqlite3

        reader = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
        reader.execute("BEGIN")
    else:
        reader = psycopg.connect(database_url)  # a transaction begins with the first statement
    reader.execute("SELECT count(*) FROM catalog_film").fetchone()
    return reader
