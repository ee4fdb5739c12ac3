"""Production settings from the environment: `check --deploy` silent, HTTPS by default with a
plain-HTTP opt-out, a TLS proxy understood, a Content Security Policy, errors logged to stderr."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import include, path

pytestmark = pytest.mark.django_db

STRONG_KEY = "k3y-0f-f1fty-r4nd0m-ch4r4ct3rs-n0t-4-w0rd-Zq8xV2pL9mW4tR7yB1nC5dF"


def run(code: str, **env: str) -> subprocess.CompletedProcess:
    """Python code run with the site's settings under `env` (DEBUG off unless given)."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    # The suite's own (conftest.py, the Makefile) are no production's.
    for name in ("DEBUG", "HTTPS", "BEHIND_PROXY", "CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


def settings_under(**env: str) -> dict:
    names = [
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
    ]
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    done = run(code, SECRET_KEY=STRONG_KEY, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_check_deploy_is_silent_with_debug_off_and_a_strong_key():
    done = run(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'DEBUG'])",
        SECRET_KEY=STRONG_KEY,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "System check identified no issues (0 silenced)."


def test_production_redirects_to_https_sends_hsts_and_keeps_cookies_to_tls():
    found = settings_under()

    assert found["SECURE_SSL_REDIRECT"] is True
    assert found["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert found["SESSION_COOKIE_SECURE"] is True and found["CSRF_COOKIE_SECURE"] is True
    assert found["SECURE_PROXY_SSL_HEADER"] is None


def test_plain_http_local_serving_opts_out():
    found = settings_under(HTTPS="0")

    assert found["SECURE_SSL_REDIRECT"] is False
    assert found["SECURE_HSTS_SECONDS"] == 0
    assert found["SESSION_COOKIE_SECURE"] is False


def test_behind_a_tls_proxy_its_forwarded_scheme_is_believed():
    assert settings_under(BEHIND_PROXY="1")["SECURE_PROXY_SSL_HEADER"] == [
        "HTTP_X_FORWARDED_PROTO",
        "https",
    ]


def test_behind_the_proxy_a_request_it_forwarded_over_tls_is_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    assert client.get("/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.parametrize("address", ["/", "/films/", "/admin/login/"])
def test_every_page_has_a_content_security_policy_of_its_own_origin_only(client, address):
    policy = client.get(address)["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_no_template_styles_or_scripts_inline_what_the_policy_would_block():
    """The policy allows no inline style or script: a `<style>` element, a `style=` attribute or
    a `<script>` of code in a template would be silently ignored by the browser."""
    templates = sorted((settings.BASE_DIR / "templates").rglob("*.html"))
    assert templates
    for template in templates:
        text = template.read_text(encoding="utf-8")
        assert "<style" not in text, template
        assert "style=" not in text, template
        for script in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in script or "application/ld+json" in script, (template, script)


def broken(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("broken/", broken), path("", include("config.urls"))]


@pytest.mark.urls(__name__)
def test_a_500_is_logged_with_its_traceback(client, caplog):
    client.raise_request_exception = False

    assert client.get("/broken/").status_code == 500

    record = next(r for r in caplog.records if r.name == "django.request")
    assert record.levelname == "ERROR" and record.exc_info[0] is RuntimeError


def test_errors_go_to_stderr_with_their_traceback():
    done = run(
        "import django, logging; django.setup()\n"
        "try:\n    raise RuntimeError('the database said no')\n"
        "except RuntimeError:\n"
        "    logging.getLogger('django.request').exception('Internal Server Error: /')\n",
        SECRET_KEY=STRONG_KEY,
    )

    assert "ERROR django.request: Internal Server Error: /" in done.stderr
    assert "Traceback (most recent call last)" in done.stderr
    assert "RuntimeError: the database said no" in done.stderr
