"""Fetching an editor's address within limits, from a server the tests start on 127.0.0.1."""

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from catalog.fetching import FetchError, Limits, fetch

PAGE = "<html><head><meta charset='utf-8'><title>Die Hard</title></head><body>Bruce</body></html>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/page.html": lambda: self.send(200, "text/html; charset=utf-8", PAGE.encode()),
            "/notes.txt": lambda: self.send(200, "text/plain", b"Directed by John McTiernan"),
            "/missing": lambda: self.send(404, "text/html", b"gone"),
            "/picture.png": lambda: self.send(200, "image/png", b"\x89PNG\r\n"),
            "/big": lambda: self.send(200, "text/html", b"x" * 5000),
            "/streamed": self.streamed,
            "/slow": self.slow,
            "/moved": lambda: self.redirect("/page.html"),
            "/loop": lambda: self.redirect("/loop"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
        }
        routes.get(self.path, lambda: self.send(404, "text/plain", b""))()

    def send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def streamed(self) -> None:
        # No Content-Length: the size is only known by reading.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(10):
            self.wfile.write(b"y" * 1000)

    def slow(self) -> None:
        time.sleep(1.5)
        self.send(200, "text/html", b"late")

    def log_message(self, *args: object) -> None:
        """The tests' requests are not logged."""


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client gave up on a slow answer, as the timeout test means it to


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOCAL = Limits(timeout=0.5, max_bytes=4000, max_redirects=3, allow_private=True)


def test_fetch_returns_the_page_and_its_type(server):
    fetched = fetch(f"{server}/page.html", LOCAL)
    assert fetched.data == PAGE.encode()
    assert fetched.content_type == "text/html; charset=utf-8"


def test_fetch_follows_a_redirect_and_says_where_it_landed(server):
    fetched = fetch(f"{server}/moved", LOCAL)
    assert fetched.url == f"{server}/page.html"
    assert b"Die Hard" in fetched.data


def test_fetch_takes_plain_text(server):
    assert fetch(f"{server}/notes.txt", LOCAL).data == b"Directed by John McTiernan"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "The server answered 404 Not Found."),
        ("/picture.png", "The address gives “image/png”, not a web page or a text."),
        ("/big", "The page is larger than 3.9\xa0KB; not fetched."),
        ("/streamed", "The page is larger than 3.9\xa0KB; not fetched."),
        ("/slow", "The page took longer than 0.5 s to answer."),
        ("/loop", "The page redirects more than 3 times; not followed."),
        ("/to-file", "Only http and https addresses can be fetched, not “file:”."),
    ],
)
def test_fetch_refuses_with_a_clear_message(server, path, message):
    with pytest.raises(FetchError) as refused:
        fetch(f"{server}{path}", LOCAL)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/", "http://localhost/admin/", "http://10.0.0.1/", "http://[::1]/"],
)
def test_fetch_refuses_the_servers_own_network(url):
    with pytest.raises(FetchError, match="address of the server's own network"):
        fetch(url, Limits())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/", "javascript:x"])
def test_fetch_refuses_other_schemes(url):
    with pytest.raises(FetchError, match="Only http and https"):
        fetch(url, Limits())


def test_a_redirect_into_the_servers_own_network_is_refused(server):
    # The test server itself is private: without the tests' allowance its redirect is refused.
    with pytest.raises(FetchError, match="server's own network"):
        fetch(f"{server}/moved", Limits(allow_private=False))
