"""The command line: ``python -m catalog.consensus CLAIMS.tsv [--trust TRUST.tsv]``."""

import argparse
import sys
from collections.abc import Sequence

from catalog.consensus.engine import discover_columns
from catalog.consensus.tsv import InputError, read_columns, trust_lines, value_lines


def main(argv: Sequence[str] | None = None) -> int:
    """Values to standard output, trust to ``--trust``; status 2 and one line on bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m catalog.consensus",
        description=(
            "Consensus values and source trust from conflicting claims (TruthFinder with "
            "copy detection). Writes 'object attribute value confidence' to standard output."
        ),
    )
    parser.add_argument("claims", help="TSV file with the header: source object attribute value")
    parser.add_argument(
        "--trust", metavar="FILE", help="also write 'source trust' (tab-separated) to FILE"
    )
    args = parser.parse_args(argv)
    try:
        result = discover_columns(read_columns(args.claims))
    except InputError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{parser.prog}: error: {args.claims}: {error.strerror}", file=sys.stderr)
        return 2
    sys.stdout.write(value_lines(result))
    if args.trust:
        with open(args.trust, "w", encoding="utf-8") as file:
            file.write(trust_lines(result))
    return 0
