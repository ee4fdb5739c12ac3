"""`make run`'s command: the site and the background worker start together and stop together."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def environment(tmp_path):
    """A database of its own, for the worker to read its queue from."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DEBUG": "1",
        "SECRET_KEY": "test-only",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return env


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(line) for line in found.split()]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def serving(environment) -> tuple[subprocess.Popen, list[int]]:
    """`manage.py serve` on a free port once it answers, and its two children."""
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "manage.py", "serve", f"127.0.0.1:{port}"], cwd=ROOT, env=environment
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                serve.kill()
                raise AssertionError("the server never answered") from None
            time.sleep(0.3)
    started = children(serve.pid)
    assert len(started) == 2, "the worker and the server"
    return serve, started


def test_a_term_stops_the_server_and_the_worker(environment):
    serve, started = serving(environment)
    try:
        serve.send_signal(signal.SIGTERM)

        assert serve.wait(timeout=15) == 0
        assert not any(alive(pid) for pid in started)
    finally:
        if serve.poll() is None:
            serve.kill()


def test_the_worker_stopping_stops_the_server(environment):
    serve, started = serving(environment)
    try:
        worker = next(
            pid for pid in started if b"db_worker" in Path(f"/proc/{pid}/cmdline").read_bytes()
        )
        os.kill(worker, signal.SIGKILL)

        assert serve.wait(timeout=15) == 0
        assert not any(alive(pid) for pid in started)
    finally:
        if serve.poll() is None:
            serve.kill()
