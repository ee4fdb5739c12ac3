"""Values as sources write them, in comparable form: "1 hr 35 min" and "95 min" both give "95"."""

import re
import unicodedata
from functools import lru_cache


# The claim finder folds the same words over and over (every line of a page, every item of
# every list); a loader folds a million distinct values once each.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case, accents, punctuation and spacing folded: "George De La Peña" -> "george de la pena"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.findall(r"[^\W_]+", stripped.casefold())
    return " ".join(words)


def year(text: str) -> str:
    found = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    return found.group(1) if found else fold(text)


def runtime(text: str) -> str:
    """Minutes as a number: "1 hr 35 min", "1h 35m", "95 min" and "95" all give "95"."""
    hours = re.search(r"(\d+)\s*(?:h|hr|hrs|hour|hours)\b", text, re.IGNORECASE)
    minutes = re.search(r"(\d+)\s*(?:m|min|mins|minute|minutes)\b", text, re.IGNORECASE)
    if hours or minutes:
        total = int(hours.group(1)) * 60 if hours else 0
        return str(total + (int(minutes.group(1)) if minutes else 0))
    bare = re.fullmatch(r"\s*(\d+)\s*", text)
    return bare.group(1) if bare else fold(text)


def certificate(text: str) -> str:
    cleaned = re.sub(r"^\s*(rated|rating:?)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", "", cleaned).upper()


def title(text: str) -> str:
    return fold(re.sub(r"\(\s*\d{4}\s*\)\s*$", "", text))


def genre(text: str) -> str:
    return re.sub(r"\s+(film|movie)$", "", fold(text))


def number(text: str) -> str:
    """A rating or a count: "5.5" stays "5.5", "1,234 votes" becomes "1234"."""
    found = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return found.group(0).replace(",", "") if found else fold(text)


NORMALISERS = {
    "user_rating": number,
    "votes": number,
    "title": title,
    "year": year,
    "runtime": runtime,
    "certificate": certificate,
    "genre": genre,
}


def normalise(field: str, value: str) -> str:
    """The comparable form of `value` for a claim on `field`."""
    return NORMALISERS.get(field, fold)(value)
