"""Every public page is valid HTML by the Nu HTML checker (vnu), errors only; warnings pass.

The pages come from Django's test client and are checked in one run of the checker (one JVM
start). vnu.jar comes from node_modules (package.json pins vnu-jar; `make test` runs `npm ci`).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from catalog.tests.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

VNU = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_html_checker(files: list[Path]) -> list[dict]:
    """The checker's messages about the files, of every type."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "No `java` on PATH: the Nu HTML checker needs Java 11 or newer (Debian: "
            "openjdk-17-jre-headless); then run `make test`, which installs the checker."
        )
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `make test`, which installs it with `npm ci`.")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    try:
        return json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(
            f"The Nu HTML checker failed (exit {result.returncode}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )


def test_every_page_is_valid_html(client, catalogue_data, tmp_path):
    files, problems = [], []
    for public_page in PUBLIC_PAGES:
        path = public_page.url()
        response = client.get(path)
        if response.status_code != public_page.status:
            problems.append(
                f"{public_page.name}: {path} answered {response.status_code}, "
                f"expected {public_page.status}"
            )
        file = tmp_path / f"{public_page.name}.html"
        file.write_bytes(response.content)
        files.append(file)

    for message in nu_html_checker(files):
        if message["type"] == "info":  # warnings are info with subType "warning"
            continue
        name = Path(message.get("url", "?")).name
        line = message.get("lastLine", "?")
        extract = " ".join(message.get("extract", "").split())
        problems.append(
            f"{name}:{line}: {message['message']}" + (f"\n    near: {extract}" if extract else "")
        )

    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
