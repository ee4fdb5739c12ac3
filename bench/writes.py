"""How long each editor's write takes on the loaded catalogue, p50 and p95 over many runs.

Settling a conflict (``catalog.decisions.decide``), saving a film, a credit and a claim through
the admin (a logged-in editor's POST through Django's test client, in process: middleware,
form, save hooks and redirect), adding a page as a source with its claims
(``catalog.intake.saving.save_page``) and merging people and films (``catalog.merging``). Every
run commits, so each time includes what the write derives in its transaction and on commit
(catalog.derived: the film's consensus with the stored trust, its counts, its search text, the
page cache's counters, a learning of the trust asked for). The runs write: on SQLite they write
to a copy of the database, made first and removed after (`--in-place` writes to it); on
PostgreSQL to the database DATABASE_URL names, which should then be a copy. Each action is run
twice before it is timed; its queries are counted once, and the garbage its setup left is
collected before each timed run.

``--learn`` also times one full learning of the sources' trust (``catalog.trust.learn``, what
``manage.py recompute_consensus`` and the background task run).
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MS = 150

Action = Callable[[int], Any]
"""One run of a write: given the run's number, it sets up what it needs (untimed) and returns
the write to time."""


@dataclass
class Measured:
    name: str
    times: list[float]
    cpu: list[float]
    """This process's own processor time per run: on a machine others share, what the write
    itself costs (with SQLite, the database's work too)."""
    queries: int


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000


def setup_django(copy: bool = False) -> None:
    """Django, on a copy of the SQLite database when `copy` (PostgreSQL's is used as it is)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    url = os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'db.sqlite3'}")
    if copy and url.startswith("sqlite:///"):
        original = url.removeprefix("sqlite:///")
        scratch = Path(tempfile.mkdtemp(prefix="bench-writes-")) / "db.sqlite3"
        # SQLite's own backup: consistent even while the site writes to the file.
        with sqlite3.connect(original) as source, sqlite3.connect(scratch) as target:
            source.backup(target)
        atexit.register(shutil.rmtree, scratch.parent, ignore_errors=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}"
    import django

    django.setup()


def actions() -> dict[str, Action]:
    """The writes, on the film the issue names (Jurassic Park) and the film with most credits."""
    from django.contrib.auth.models import User
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from catalog.comparison import comparison_for
    from catalog.decisions import decide, is_resolvable, options
    from catalog.intake.saving import KeptClaim, SourceDetails, save_page
    from catalog.merging import merge_films, merge_people
    from catalog.models import Claim, Credit, Field, Film, Person, Role, Source
    from catalog.tests.admin_forms import change_form_data

    jurassic = (
        Film.objects.filter(title="Jurassic Park").order_by("year", "pk").first()
        or Film.objects.order_by("-conflict_count", "pk").first()
    )
    largest = Film.objects.annotate(n=Count("credits")).order_by("-n", "pk").first()
    if jurassic is None or largest is None:
        sys.exit("The catalogue is empty: run `make data` first.")
    editor, _ = User.objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    setup_test_environment()  # the test client's responses keep their context: the forms
    client = Client()
    client.force_login(editor)
    serial = count(int(time.time()))

    def settle(run: int) -> Callable[[], Any]:
        film = Film.objects.get(pk=jurassic.pk)
        comparison = comparison_for(film)
        row = next(r for r in comparison.rows + comparison.cast if is_resolvable(r) and options(r))
        option = options(row)[run % len(options(row))]
        return lambda: decide(film, row, option.text, option.claims, "Benchmark.", editor)

    def admin_post(url: str, **changes: str) -> Callable[[], Any]:
        # Encoded as a browser sends a form with no file in it.
        data = urlencode(change_form_data(client.get(url, secure=True), **changes), doseq=True)

        def post() -> None:
            response = client.post(
                url, data, content_type="application/x-www-form-urlencoded", secure=True
            )
            assert response.status_code == 302, response.content[:2000]

        return post

    def save_film(run: int) -> Callable[[], Any]:
        film = Film.objects.get(pk=largest.pk)
        title = film.title.removesuffix(" (restored)")
        changed = title if run % 2 else f"{title} (restored)"
        return admin_post(reverse("admin:catalog_film_change", args=[film.pk]), title=changed)

    def save_credit(run: int) -> Callable[[], Any]:
        credit = Credit.objects.filter(film=largest, role=Role.CAST).order_by("billing").first()
        assert credit is not None
        url = reverse("admin:catalog_credit_change", args=[credit.pk])
        return admin_post(url, billing=str(credit.billing ^ 1))

    def save_claim(run: int) -> Callable[[], Any]:
        claim = Claim.objects.filter(film=jurassic).order_by("pk").first()
        assert claim is not None
        url = reverse("admin:catalog_claim_change", args=[claim.pk])
        return admin_post(url, note=f"Checked for the benchmark, run {run}.")

    def add_page(run: int) -> Callable[[], Any]:
        text = f"{jurassic.title} ({jurassic.year}), seen again for run {run}; rated PG-13."
        kept = [
            KeptClaim(Field.TITLE, jurassic.title, jurassic.title),
            KeptClaim(Field.YEAR, str(jurassic.year), str(jurassic.year)),
            KeptClaim(Field.CERTIFICATE, "PG-13", "PG-13"),
        ]
        details = SourceDetails(title=f"Benchmark page {next(serial)}", text=text)
        film = Film.objects.get(pk=jurassic.pk)
        return lambda: save_page(details, film, kept, editor)

    def merge_persons(run: int) -> Callable[[], Any]:
        credit = Credit.objects.filter(film=largest).select_related("person").first()
        assert credit is not None
        n = next(serial)
        twin = Person.objects.create(name=f"{credit.person.name} {n}", slug=f"bench-{n}")
        Credit.objects.create(film=largest, person=twin, role=Role.WRITER)
        return lambda: merge_people(credit.person, [twin], editor)

    def merge_twin(run: int) -> Callable[[], Any]:
        n = next(serial)
        text = f"{jurassic.title} {jurassic.year} (benchmark twin {n})"
        source = Source.objects.create(
            title=f"Benchmark twin {n}", slug=f"bench-twin-{n}", text=text
        )
        twin = Film.objects.create(title=jurassic.title, year=jurassic.year, slug=f"bench-{n}")
        for field, value in ((Field.TITLE, jurassic.title), (Field.YEAR, str(jurassic.year))):
            claim = Claim(source=source, film=twin, field=field, value=value, quote=value)
            claim.full_clean()
            claim.save()
        for person in Person.objects.order_by("pk")[:3]:
            Credit.objects.create(film=twin, person=person, role=Role.CAST)
        keep = Film.objects.get(pk=jurassic.pk)
        return lambda: merge_films(keep, [twin], editor)

    return {
        f"settle a conflict on {jurassic}": settle,
        f"save a film of {largest.n} credits in the admin": save_film,
        "save a credit in the admin": save_credit,
        "save a claim in the admin": save_claim,
        "add a page with 3 claims": add_page,
        "merge two people": merge_persons,
        "merge two films": merge_twin,
    }


def measure(name: str, action: Action, runs: int) -> Measured:
    from django.db import connection

    action(0)()
    queries: list[str] = []

    def counted(run: Callable[..., Any], sql: str, *args: Any) -> Any:
        queries.append(sql)
        return run(sql, *args)

    write = action(1)
    # Counted as they are sent: the test client's requests reset Django's own query log.
    with connection.execute_wrapper(counted):
        write()
    times, cpu = [], []
    for run in range(runs):
        write = action(run)
        gc.collect()  # the setup's garbage (a change page of 300 forms) is not the write's
        started, processor = time.perf_counter(), time.process_time()
        write()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - processor)
    return Measured(name, times, cpu, len(queries))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs per action")
    parser.add_argument("--learn", action="store_true", help="also time one full learning")
    parser.add_argument(
        "--in-place", action="store_true", help="write to the SQLite database itself, not a copy"
    )
    args = parser.parse_args()
    setup_django(copy=not args.in_place)
    from django.db import connection

    print(f"Writes on {connection.vendor}, {args.runs} runs each (ms):")
    print(f"{'action':<48} {'p50':>6} {'p95':>6} {'cpu p50':>8} {'queries':>8}")
    slow = []
    for name, action in actions().items():
        measured = measure(name, action, args.runs)
        p50, p95 = percentile(measured.times, 0.5), percentile(measured.times, 0.95)
        cpu = percentile(measured.cpu, 0.5)
        print(f"{name:<48} {p50:6.1f} {p95:6.1f} {cpu:8.1f} {measured.queries:8d}", flush=True)
        if p95 > LIMIT_MS:
            slow.append(name)
    if args.learn:
        from catalog.trust import learn

        started = time.perf_counter()
        summary = learn()
        print(
            f"Full learning of the trust: {time.perf_counter() - started:.1f} s "
            f"({summary.claims:,} claims, {summary.values:,} values)"
        )
    if slow:
        sys.exit(f"Over {LIMIT_MS} ms at p95: {', '.join(slow)}")


if __name__ == "__main__":
    main()
