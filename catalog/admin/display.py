"""Small pieces of wording the admin's lists share."""


def shorten(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
