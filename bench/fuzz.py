"""Normal and hostile query strings against the served site: how many 5xx, how slow the slowest.

Serves the site under gunicorn as `make bench` does (bench/pages.py), on 127.0.0.1 only, and
sends a fixed number of requests from a few clients, stopping early at a time limit: half of them
a reader's pages (lists, filters, searches, film, person and source pages), half the same pages
with hostile parameters (huge exponents, unicode digits, NULs, thousands of search words, very
long values, unknown orders and pages). The addresses are drawn with a fixed seed from a pool of
a few hundred, so the page cache sees each one rendered once per worker and served after, as it
would be for a crawler repeating them. Prints the count of each status, the 5xx count, p50, p95
and the slowest request with its address. Run it with `make bench-fuzz` after `make data`.
"""

import argparse
import http.client
import os
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import pages, percentile, serving

HOSTILE = [
    "-1e2000000",
    "1e999999",
    "9" * 5000,
    "²",
    "١٩٩٠",
    "1_990",
    "NaN",
    "\x00",
    "1990\x00",
    ",",
    "title,,",
    "-",
    "last",
    "0",
    "-1",
    "%",
    "_",
    "'; select 1; --",
    '"a"*',
    "a " * 1000,
    "x" * 3000,
    "Peña " * 300,
]


def catalogue_addresses() -> tuple[list[str], dict[str, list[str]]]:
    """A reader's addresses, and each page with the parameters it reads, from the catalogue."""
    pages()  # sets Django up and checks the catalogue is loaded
    from catalog.models import Film, Genre, Person, Source

    films = [film.get_absolute_url() for film in Film.objects.order_by("-source_count")[:20]]
    people = [person.get_absolute_url() for person in Person.objects.order_by("pk")[:10]]
    sources = [source.get_absolute_url() for source in Source.objects.order_by("pk")]
    genres = list(Genre.objects.values_list("slug", flat=True)[:5])
    normal = [
        "/",
        "/films/",
        "/films/?year_min=1990&year_max=1999&genre=drama&sort=-sources",
        "/films/?q=smith",
        "/films/?q=red+hot",
        "/films/?runtime_min=90&runtime_max=120&sort=-year",
        "/films/?conflicts=yes&sort=-conflicts",
        "/films/?page=3",
        "/people/",
        "/people/?q=gugino",
        "/sources/",
        "/robots.txt",
        "/sitemap.xml",
        *[f"/films/?genre={slug}" for slug in genres],
        *films,
        *[f"{url}export.json" for url in films[:5]],
        *people,
        *sources,
    ]
    film_list = [
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
    ]
    pages_read = {
        "/films/": film_list,
        "/people/": ["q", "page"],
        "/sources/": ["page"],
        "/sitemap.xml": ["p"],
        "/": [],
        films[0]: [],
        people[0]: [],
        **{url: ["claim", "page"] for url in sources},
    }
    return normal, pages_read


def hostile_addresses(pages_read: dict[str, list[str]], count: int, seed: int) -> list[str]:
    """`count` addresses with hostile values for the parameters each page reads, and junk."""
    rng = random.Random(seed)
    addresses = []
    for _ in range(count):
        page = rng.choice(list(pages_read))
        names = [*pages_read[page], "utm_source", "x"]
        params = {
            rng.choice(names): rng.choice(HOSTILE)
            for _ in range(rng.randint(1, min(3, len(names))))
        }
        addresses.append(f"{page}?{urlencode(params)}")
    return addresses


def run(
    port: int, pool: list[str], requests: int, threads: int, seconds: float, seed: int
) -> tuple[list[tuple[float, str, int]], float]:
    """Each request's (seconds, address, status), from `threads` clients, and the time taken."""
    results: list[tuple[float, str, int]] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(seed + number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(requests // threads):
            if time.monotonic() > deadline:
                break
            address = rng.choice(pool)
            started = time.perf_counter()
            try:
                connection.request("GET", address)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                status = 0  # no answer: the connection was dropped
                connection.close()
            mine.append((time.perf_counter() - started, address, status))
        connection.close()
        with lock:
            results.extend(mine)

    started = time.perf_counter()
    clients = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    return results, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=4, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--hostile", type=int, default=400, help="distinct hostile addresses")
    parser.add_argument("--seconds", type=float, default=1200, help="stop after this long")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    normal, pages_read = catalogue_addresses()
    hostile = hostile_addresses(pages_read, args.hostile, args.seed)
    # Half of the requests each: the normal addresses repeated to weigh as much as the hostile.
    pool = normal * max(1, len(hostile) // len(normal)) + hostile
    # Over-long cache keys are expected here (hostile addresses); their warnings would drown the
    # report.
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    with serving(page_cache=True, workers=args.workers) as port:
        results, took = run(port, pool, args.requests, args.threads, args.seconds, args.seed)

    statuses = Counter(status for _, _, status in results)
    latencies = [seconds for seconds, _, _ in results]
    slowest = max(results)
    errors = sum(n for status, n in statuses.items() if status >= 500 or status == 0)
    print(
        f"{len(results)} requests in {took:.0f} s ({len(results) / took:.0f}/s), "
        f"{args.threads} clients, {len(set(pool))} distinct addresses "
        f"({len(set(hostile))} hostile)"
    )
    print("statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
    print(f"5xx or no answer: {errors}")
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    print(f"p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    print(f"slowest {slowest[0] * 1000:.0f} ms: {slowest[1][:120]} ({slowest[2]})")
    for seconds, address, status in sorted(results, reverse=True)[1:5]:
        print(f"        {seconds * 1000:.0f} ms: {address[:120]} ({status})")
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
