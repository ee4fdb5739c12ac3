"""A fetched web page as the text an editor archives, with its proposed metadata.

Bytes come in as the server sent them; what comes out is the page's visible text laid out as a
reader sees it (label lines, table rows and list items each on their own line), because the claim
finder reads that layout and every quote is taken from exactly this text.
"""

import codecs
import re
import textwrap
from dataclasses import dataclass, field

import charset_normalizer
import inscriptis
import lxml.html
from inscriptis.model.config import ParserConfig
from lxml import etree

from catalog.extraction.metadata import Fact, Metadata, read_metadata


class PageError(ValueError):
    """The bytes cannot be archived as a page; the message says why, for the editor."""


@dataclass
class Page:
    text: str
    is_html: bool
    encoding: str
    title: str = ""
    publisher: str = ""
    url: str = ""
    date: str = ""
    facts: list[Fact] = field(default_factory=list)


# Signatures of the binary files most often mistaken for pages (a PDF or image behind a link).
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"RIFF": "a media file",
    b"\x00\x00\x01\x00": "an icon",
    b"OggS": "an audio file",
    b"ID3": "an MP3 file",
    b"\x7fELF": "a program",
}
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
HTML_TAGS = re.compile(rb"<(?:p|div|br|span|table|a\s|li|h[1-6]|meta|title)\b", re.IGNORECASE)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
# Elements whose content a reader never sees as text.
INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The default (relaxed) profile keeps words of adjacent inline elements apart; the seed pages'
# label lines ("Rating: PG") come out as one line either way.
TEXT_CONFIG = ParserConfig(display_links=False, display_images=False)


def read_page(data: bytes, content_type: str | None = None, url: str | None = None) -> Page:
    """The page's archived text and proposed metadata; PageError when there is none."""
    if not data or not data.strip():
        raise PageError("The page is empty: nothing was received to archive.")
    kind = binary_kind(data)
    if kind:
        raise PageError(f"This is {kind}, not a web page: there is no text to archive.")
    is_html = looks_like_html(data, content_type)
    encoding = detect_encoding(data, content_type, is_html)
    markup = data.decode(encoding, errors="replace")
    if "\x00" in markup:
        raise PageError("This looks like binary data, not a web page: there is no text to archive.")
    if not is_html:
        text = tidy(markup)
        if not text:
            raise PageError("The page has no readable text.")
        return Page(text=text, is_html=False, encoding=encoding, url=url or "")
    tree = parse_html(markup)
    metadata = read_metadata(tree, url)
    text = html_text(tree)
    if not text:
        raise PageError(
            "The page has no readable text: it may be built by JavaScript in the browser, "
            "or be an empty frame."
        )
    return page_from(text, encoding, metadata)


def page_from(text: str, encoding: str, metadata: Metadata) -> Page:
    return Page(
        text=text,
        is_html=True,
        encoding=encoding,
        title=metadata.title,
        publisher=metadata.publisher,
        url=metadata.url,
        date=metadata.date,
        facts=metadata.facts,
    )


def binary_kind(data: bytes) -> str:
    """What binary file this is ("a PDF document"), or "" for text."""
    head = data[:16]
    if any(data.startswith(bom) for bom, _name in BOMS):
        return ""
    for signature, kind in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    sample = data[:4096]
    # Text in UTF-16/32 without a BOM has NULs too, but servers do not send pages that way.
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if b"\x00" in sample or controls > len(sample) * 0.1:
        return "binary data"
    return ""


def looks_like_html(data: bytes, content_type: str | None) -> bool:
    """The declared type if it says HTML or plain text, else what the bytes begin with."""
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared in HTML_TYPES:
        return True
    if declared == "text/plain":
        return False
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(HTML_START.match(head)) or len(HTML_TAGS.findall(data[:8192])) >= 3


def detect_encoding(data: bytes, content_type: str | None, is_html: bool) -> str:
    """A byte-order mark, then the declared charset (header, then <meta>), then detection."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    declared = HEADER_CHARSET.search(content_type or "")
    candidates = [declared.group(1)] if declared else []
    if is_html:
        candidates += [m.group(1).decode("ascii") for m in META_CHARSET.finditer(data[:8192])]
    for candidate in candidates:
        name = known_codec(candidate)
        if name and decodes(data, name):
            return name
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise PageError("This looks like binary data, not a web page: no text encoding fits it.")
    return best.encoding


def known_codec(label: str) -> str:
    """Python's codec name for a charset label, or "" when Python has none."""
    # Browsers read "iso-8859-1" and "ascii" as windows-1252, which has the curly quotes that
    # such pages often carry in its 0x80-0x9f range.
    if label.lower().replace("_", "-") in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}:
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        # A declared charset is honoured unless it cannot read the bytes at all; a page that
        # says UTF-8 but holds a few stray Latin-1 bytes is still read as UTF-8.
        return encoding != "utf-8" or data.decode("utf-8", errors="replace").count("\ufffd") < 8
    return True


def parse_html(markup: str) -> lxml.html.HtmlElement:
    # lxml refuses a str that carries its own XML encoding declaration.
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    try:
        return lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as error:
        raise PageError(f"The page's HTML cannot be read: {error}.") from error


def html_text(tree: lxml.html.HtmlElement) -> str:
    """The visible text, laid out as a reader sees it; script and style content never appears."""
    # Collected first: dropping elements while iterating the tree skips their neighbours.
    for element in list(tree.iter(*INVISIBLE, etree.Comment)):
        if element.getparent() is not None:
            element.drop_tree()
    return tidy(inscriptis.Inscriptis(tree, TEXT_CONFIG).get_text())


def tidy(text: str) -> str:
    """Line ends unified, trailing spaces and runs of blank lines gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", textwrap.dedent(compress_indents(lines))).strip("\n")
    return text if text.strip() else ""


def compress_indents(lines: list[str]) -> str:
    """Nested tables indent by dozens of spaces; two per level keeps the nesting readable."""
    depths = sorted({len(line) - len(line.lstrip(" ")) for line in lines if line.strip()})
    level = {depth: min(2 * rank, 12) for rank, depth in enumerate(depths)}
    return "\n".join(
        " " * level[len(line) - len(line.lstrip(" "))] + line.lstrip(" ") if line.strip() else ""
        for line in lines
    )
