"""Reading a web page an editor adds as a source: its text, its metadata, the claims it makes."""

from catalog.extraction.claims import find_claims
from catalog.extraction.metadata import Fact
from catalog.extraction.pages import Page, PageError, read_page
from catalog.extraction.proposal import Proposal

__all__ = ["Fact", "Page", "PageError", "Proposal", "find_claims", "read_page"]
