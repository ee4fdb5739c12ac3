"""Query-string values read within bounds, so that no address costs more than a page's work.

Python's own parsers accept more than readers type: `float("-1e2000000")` is cheap but the
arithmetic a decimal field then does on it is not, `int()` reads "١٩٩٠" and "1_990", and
`str.isdigit()` says yes to "²". What is read here is ASCII digits of a bounded length, and a
search of a bounded length and number of words.
"""

import re
from typing import Any

from django import forms

from catalog.normalise import fold

# A year, a runtime, a claim's id: a few digits, an optional sign, nothing else.
INTEGER = re.compile(r"[+-]?[0-9]{1,18}")

# Enough for any title and a few names; each word of a search is one more index lookup, so a
# query keeps its first distinct words and drops the rest.
SEARCH_LENGTH = 200
SEARCH_WORDS = 10


def integer(text: str | None, digits: int = 18) -> int | None:
    """`text` as an integer if it is one in ASCII digits (at most `digits` of them), else None."""
    if text is None:
        return None
    text = text.strip()
    if len(text) > digits + 1 or not INTEGER.fullmatch(text):
        return None
    return int(text)


def bounded_search(text: str) -> str:
    """`text` cut to its first SEARCH_LENGTH characters and its first SEARCH_WORDS distinct
    words (as the search folds them: case and accents aside), each word once."""
    kept: list[str] = []
    seen: set[str] = set()
    for word in text[:SEARCH_LENGTH].split():
        new = [part for part in fold(word).split() if part not in seen]
        if not new:
            continue
        if len(seen) + len(new) > SEARCH_WORDS:
            break
        seen.update(new)
        kept.append(word)
    return " ".join(kept)


class BoundedIntegerField(forms.IntegerField):
    """An integer between `min_value` and `max_value`, read strictly (see `integer`)."""

    def __init__(self, *, min_value: int, max_value: int, **kwargs: Any) -> None:
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
        self.digits = max(len(str(abs(min_value))), len(str(abs(max_value))))

    def to_python(self, value: object) -> int | None:
        if value in self.empty_values:
            return None
        number = integer(str(value), self.digits)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class SearchField(forms.CharField):
    """A search as the catalogue reads it: bounded by `bounded_search`."""

    def to_python(self, value: object) -> str | None:
        text = super().to_python(value)
        return bounded_search(text) if text else text
