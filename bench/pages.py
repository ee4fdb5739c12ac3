"""Latency and throughput of the catalogue's busiest pages under gunicorn, against a baseline.

Starts the site under gunicorn (production settings: DEBUG off) on a free local port, warms each
page up, then requests each one a fixed number of times from a few client threads and prints
p50 / p95 latency and requests per second, with each page's ratio to a minimal Django view
(`/healthz`) measured in the same run. It does so twice: as the site is served, with rendered
pages kept in the page cache (catalog.pagecache), and with the cache off (PAGE_CACHE=0), so that
every request runs its queries and renders its page, as a reader's first visit to a page does.
Run it with `make bench` after `make data`; DATABASE_URL picks the database as for the site.
"""

import argparse
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pages() -> list[tuple[str, str]]:
    """The pages to measure, picked from the loaded catalogue so they exist at any size."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    from django.db.models import Count

    from catalog.models import Film, Person

    film = Film.objects.annotate(n=Count("credits")).order_by("-n", "pk").first()
    person = Person.objects.annotate(n=Count("credits")).order_by("-n", "pk").first()
    if film is None or person is None:
        sys.exit("The catalogue is empty: run `make data` first.")
    return [
        ("baseline: minimal view", "/healthz"),
        ("home", "/"),
        ("film list, filtered", "/films/?year_min=1990&year_max=1999&genre=drama&sort=-sources"),
        ("search", "/films/?q=smith"),
        ("search, misspelt", "/films/?q=schwarzeneger"),
        ("search finding nothing: did you mean", "/films/?q=red+hot+zzzz"),
        (f"film with {film.n} credits", film.get_absolute_url()),
        (f"person with {person.n} films", person.get_absolute_url()),
    ]


def measure(port: int, path: str, requests: int, threads: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    lock = threading.Lock()
    per_thread = requests // threads

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(per_thread):
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return latencies, len(latencies) / (time.perf_counter() - started)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@contextmanager
def serving(page_cache: bool, workers: int) -> Iterator[int]:
    """The site under gunicorn (DEBUG off) on a free local port, for as long as the block runs."""
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only"),
        "HTTPS": "0",  # plain HTTP on the loopback: no redirect to HTTPS, no secure cookies
        "CONN_MAX_AGE": "600",
        "PAGE_CACHE": "1" if page_cache else "0",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def serve_and_measure(
    targets: list[tuple[str, str]], page_cache: bool, args: argparse.Namespace
) -> list[tuple[str, float, float, float]]:
    """Start gunicorn, measure every page; each page's name, p50, p95 and requests per second."""
    with serving(page_cache, args.workers) as port:
        results = []
        for name, path in targets:
            measure(port, path, args.threads * 5, args.threads)  # warm caches and connections
            latencies, rps = measure(port, path, args.requests, args.threads)
            results.append((name, percentile(latencies, 0.5), percentile(latencies, 0.95), rps))
    return results


def report(title: str, results: list[tuple[str, float, float, float]]) -> None:
    base_p50, base_p95 = results[0][1], results[0][2]
    print(f"\n{title}\n")
    print(f"{'page':32} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'p50 x':>7} {'p95 x':>7}")
    for name, p50, p95, rps in results:
        print(
            f"{name:32} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {rps:8.0f} "
            f"{p50 / base_p50:7.1f} {p95 / base_p95:7.1f}"
        )
    slowest = max(result[2] for result in results)
    largest = max(result[2] / base_p95 for result in results[1:])
    print(
        f"\nslowest p95: {slowest * 1000:.1f} ms; largest p95 ratio to the baseline: {largest:.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="per page")
    parser.add_argument("--threads", type=int, default=4, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    args = parser.parse_args()

    targets = pages()
    print(
        f"{args.requests} requests per page, {args.threads} clients, gunicorn "
        f"{args.workers} workers x 2 threads, {connection_vendor()}"
    )
    report("As served (pages kept in the page cache):", serve_and_measure(targets, True, args))
    report(
        "Every request rendered (PAGE_CACHE=0, the cost of a first visit):",
        serve_and_measure(targets, False, args),
    )


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor


if __name__ == "__main__":
    main()
