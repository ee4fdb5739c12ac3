"""Every public page has one <h1> and a <title> of its own (through the test client)."""

from collections import defaultdict
from html.parser import HTMLParser

import pytest

from catalog.tests.pages import PUBLIC_PAGES, PublicPage, page_id

pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    """The page's <title> texts and how many <h1> it has."""

    def __init__(self, html: str):
        super().__init__()
        self.titles: list[str] = []
        self.h1_count = 0
        self._in_title = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.h1_count += 1
        elif tag == "title":
            self.titles.append("")
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
            self.titles[-1] = " ".join(self.titles[-1].split())

    def handle_data(self, data):
        if self._in_title:
            self.titles[-1] += data


def fetch(client, public_page: PublicPage):
    path = public_page.url()
    response = client.get(path)
    wrong_status = (
        f"{public_page.name}: {path} answered {response.status_code}, expected {public_page.status}"
        if response.status_code != public_page.status
        else None
    )
    return path, response, wrong_status


@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=page_id)
def test_page_has_exactly_one_h1_and_a_title(client, catalogue_data, public_page):
    path, response, wrong_status = fetch(client, public_page)
    assert not wrong_status, wrong_status

    outline = Outline(response.content.decode())
    assert outline.h1_count == 1, f"{path} has {outline.h1_count} <h1>, expected exactly one"
    assert len(outline.titles) == 1, f"{path} has {len(outline.titles)} <title>, expected one"
    assert outline.titles[0], f"{path} has an empty <title>"


def test_every_page_has_a_title_of_its_own(client, catalogue_data):
    pages_by_title = defaultdict(list)
    wrong_statuses = []
    for public_page in PUBLIC_PAGES:
        path, response, wrong_status = fetch(client, public_page)
        if wrong_status:
            wrong_statuses.append(wrong_status)
        for title in Outline(response.content.decode()).titles:
            pages_by_title[title].append(f"{public_page.name} ({path})")

    shared = [
        f"{title!r} is the title of {', '.join(pages)}"
        for title, pages in pages_by_title.items()
        if len(pages) > 1
    ]
    assert not shared + wrong_statuses, "\n".join(shared + wrong_statuses)
