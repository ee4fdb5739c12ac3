"""Claims in and results out as tab-separated UTF-8 text, the command line's formats."""

from collections.abc import Iterator

from catalog.consensus.engine import Statement
from catalog.consensus.result import Result

HEADER = ("source", "object", "attribute", "value")


class InputError(ValueError):
    """Malformed claims file; the message names the file and the line."""


def read_claims(path: str) -> Iterator[Statement]:
    """The claims of a UTF-8 TSV file with the header ``source object attribute value``."""
    with open(path, "rb") as file:
        data = file.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        at = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"{path}:{at}: not UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        ) from None
    del data
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    del text
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise InputError(f"{path}:1: empty file; expected the header {' '.join(HEADER)}")
    header = tuple(lines[0].rstrip("\r").split("\t"))
    if header != HEADER:
        raise InputError(
            f"{path}:1: the header must be {'<TAB>'.join(HEADER)}, "
            f"found {'<TAB>'.join(header)[:80]!r}"
        )
    for number, line in enumerate(lines[1:], start=2):
        fields = line.rstrip("\r").split("\t")
        if len(fields) != 4:
            if len(fields) == 1 and not fields[0].strip():
                continue  # a blank line
            missing = len(fields) < 4
            what = f"missing column {HEADER[len(fields)]!r}" if missing else "more than 4 columns"
            raise InputError(
                f"{path}:{number}: {what}: expected 4 tab-separated columns, found {len(fields)}"
            )
        for name, field in zip(HEADER, fields, strict=True):
            if not field.strip():
                raise InputError(f"{path}:{number}: empty {name}")
        yield fields[0], fields[1], fields[2], fields[3]


def value_lines(result: Result) -> str:
    """``object attribute value confidence``, a header then a line per item."""
    out = ["object\tattribute\tvalue\tconfidence\n"]
    out.extend(f"{o}\t{a}\t{v}\t{c:.6f}\n" for o, a, v, c in result.rows())
    return "".join(out)


def trust_lines(result: Result) -> str:
    """``source trust``, a header then a line per source."""
    rows = ["source\ttrust\n"]
    rows.extend(f"{s}\t{t:.6f}\n" for s, t, _, _ in result.trust_rows())
    return "".join(rows)
