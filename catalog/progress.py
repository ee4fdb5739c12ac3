"""A plain-text progress line for the long operations an operator runs (imports, the record)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """A plain-text progress line on stderr: "OMDb 12,000/17,472 rows", updated in place."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.label = ""
        self.total = 0
        self.shown = 0.0
        self.step = 0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.shown, self.step = label, total, 0.0, -1
        self.update(0)

    def update(self, done: int) -> None:
        if self.quiet:
            return
        text = f"{self.label} {done:,}/{self.total:,}"
        if self.live:
            now = time.monotonic()
            if now - self.shown >= 0.1 or done >= self.total:
                self.stream.write(f"\r{text}\x1b[K")
                self.stream.flush()
                self.shown = now
        else:  # a log: a line at every quarter, the last one by done()
            step = 4 * done // max(self.total, 1)
            if step != self.step and done < self.total:
                self.stream.write(text + "\n")
                self.step = step

    def done(self, message: str = "") -> None:
        if self.quiet:
            return
        text = f"{self.label} {self.total:,}/{self.total:,}{message}"
        self.stream.write(f"\r{text}\x1b[K\n" if self.live else text + "\n")
        self.stream.flush()

    def say(self, text: str) -> None:
        if not self.quiet:
            self.stream.write(text + "\n")
            self.stream.flush()
