"""Claims in and results out as tab-separated UTF-8 text, the command line's formats."""

from collections.abc import Iterator
from itertools import repeat
from operator import ne

from catalog.consensus.coding import Columns
from catalog.consensus.engine import Statement
from catalog.consensus.result import Result

HEADER = ("source", "object", "attribute", "value")

BATCH_CHARS = 1 << 26
"""About how many characters of the file are split at once."""


class InputError(ValueError):
    """Malformed claims file; the message names the file and the line."""


def read_claims(path: str) -> Iterator[Statement]:
    """The claims of a UTF-8 TSV file with the header ``source object attribute value``."""
    for sources, objects, attributes, values in read_columns(path):
        yield from zip(sources, objects, attributes, values, strict=True)


def read_columns(path: str) -> Iterator[Columns]:
    """The claims of ``read_claims``'s file in batches of columns, read in bulk: each batch of
    lines is split at once, and only a batch with an irregular line is read line by line (to
    skip its blank lines, or to say where it goes wrong)."""
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
    start = 1 if text.startswith("\ufeff") else 0
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    header = tuple(text[start:end].rstrip("\r").split("\t"))
    if start == len(text) or (end == len(text) and not text[start:end]):
        raise InputError(f"{path}:1: empty file; expected the header {' '.join(HEADER)}")
    if header != HEADER:
        raise InputError(
            f"{path}:1: the header must be {'<TAB>'.join(HEADER)}, "
            f"found {'<TAB>'.join(header)[:80]!r}"
        )
    number = 2  # the line number of the batch's first line
    stop = len(text) - 1 if text.endswith("\n") else len(text)  # a last newline ends no line
    start = end + 1
    while start < stop:
        end = text.find("\n", min(start + BATCH_CHARS, stop), stop)
        end = stop if end < 0 else end
        chunk = text[start:end]
        start = end + 1
        lines = chunk.count("\n") + 1
        batch = _split(chunk, lines)
        yield batch if batch is not None else _line_by_line(path, chunk, number)
        number += lines
    del text


def _split(chunk: str, lines: int) -> Columns | None:
    """The batch's four columns, or None if a line is not four non-blank fields."""
    if "\r" in chunk or "\t\t" in chunk or "\n\t" in chunk or "\t\n" in chunk:
        return None
    if chunk.startswith("\t") or chunk.endswith("\t") or chunk.count("\t") != 3 * lines:
        return None
    tabs = map(str.count, chunk.split("\n"), repeat("\t"))
    if any(map(ne, tabs, repeat(3))):
        return None  # the count of tabs can balance over lines of 3 and of 5 fields
    fields = chunk.replace("\n", "\t").split("\t")
    columns = fields[0::4], fields[1::4], fields[2::4], fields[3::4]
    del fields
    if any(any(map(str.isspace, column)) for column in columns):
        return None  # a blank field
    return columns


def _line_by_line(path: str, chunk: str, first: int) -> Columns:
    """The columns of a batch of lines read one by one: blank lines skipped, errors raised."""
    columns: Columns = ([], [], [], [])
    for number, line in enumerate(chunk.split("\n"), start=first):
        fields = line.rstrip("\r").split("\t")
        if len(fields) != 4:
            if len(fields) == 1 and not fields[0].strip():
                continue  # a blank line
            missing = len(fields) < 4
            what = f"missing column {HEADER[len(fields)]!r}" if missing else "more than 4 columns"
            raise InputError(
                f"{path}:{number}: {what}: expected 4 tab-separated columns, found {len(fields)}"
            )
        for name, field, column in zip(HEADER, fields, columns, strict=True):
            if not field.strip():
                raise InputError(f"{path}:{number}: empty {name}")
            column.append(field)
    return columns


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
