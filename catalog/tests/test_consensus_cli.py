"""The consensus engine's command line, ``python -m catalog.consensus`` (no database)."""

import subprocess
import sys
from pathlib import Path

import pytest

from catalog.consensus import main

REPO = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "claims.tsv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


CLAIMS = (
    "source\tobject\tattribute\tvalue\n"
    "imdb\tRed Hot\tyear\t1993\n"
    "tcm\tRed Hot\tyear\t1993\n"
    "blog\tRed Hot\tyear\t1995\n"
    "imdb\tRed Hot\truntime\t1 hr 35 min\n"
    "blog\tRed Hot\truntime\t95 min\n"
    "tcm\tAnother\tyear\t1990\n"
)


def test_command_line_writes_values_and_trust(tmp_path, capsys):
    trust = tmp_path / "trust.tsv"

    assert main([str(write(tmp_path, CLAIMS)), "--trust", str(trust)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "object\tattribute\tvalue\tconfidence"
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[:3] for r in rows] == [
        ["Another", "year", "1990"],
        ["Red Hot", "runtime", "1 hr 35 min"],
        ["Red Hot", "year", "1993"],
    ]
    assert all(0 <= float(r[3]) <= 1 for r in rows)
    trust_lines = trust.read_text(encoding="utf-8").splitlines()
    assert trust_lines[0] == "source\ttrust"
    assert [line.split("\t")[0] for line in trust_lines[1:]] == ["blog", "imdb", "tcm"]


def test_command_line_runs_as_a_module(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "catalog.consensus", str(write(tmp_path, CLAIMS))],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    assert done.stdout.splitlines()[3] == "Red Hot\tyear\t1993\t" + done.stdout.split()[-1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("source\tobject\tvalue\nA\tB\tC\n", "claims.tsv:1: the header must be"),
        ("", "claims.tsv:1: empty file"),
        (CLAIMS + "imdb\tRed Hot\tgenre\n", "claims.tsv:8: missing column 'value'"),
        (CLAIMS + "imdb\tRed Hot\tgenre\tdrama\textra\n", "claims.tsv:8: more than 4 columns"),
        (
            # A line of 5 fields and one of 3: as many tabs as two good lines.
            CLAIMS + "imdb\tRed Hot\tgenre\tdrama\textra\nimdb\tRed Hot\tgenre\n",
            "claims.tsv:8: more than 4 columns",
        ),
        (CLAIMS + "imdb\tRed Hot\t \tdrama\n", "claims.tsv:8: empty attribute"),
        (CLAIMS + "imdb\t\tgenre\tdrama\n", "claims.tsv:8: empty object"),
        (
            CLAIMS.encode() + "imdb\tRed Hot\tcast\tGeorge de la Peña\n".encode("latin-1"),
            ":8: not UTF-8",
        ),
    ],
)
def test_command_line_rejects_malformed_input(tmp_path, capsys, content, message):
    assert main([str(write(tmp_path, content))]) == 2

    error = capsys.readouterr().err
    assert message in error
    assert error.count("\n") == 1


def test_command_line_reports_a_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere.tsv")]) == 2
    assert "nowhere.tsv" in capsys.readouterr().err
