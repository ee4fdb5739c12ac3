"""A reader's path through the catalogue in a real Chromium."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(live_server):
    call_command("load_catalog", verbosity=0)
    return live_server


def test_reader_follows_a_claim_to_its_passage_and_back(page: Page, catalogue):
    page.goto(catalogue.url)
    page.get_by_role("link", name="Red Hot").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Red Hot")

    year_row = page.locator("#field-year")
    expect(year_row).to_contain_text("conflicts")
    year_row.get_by_role("link", name="1995").first.click()

    expect(page).to_have_url(re.compile(r"/sources/tv-guide-red-hot/\?claim=\d+#claim-\d+$"))
    current = page.locator("mark.passage.current")
    expect(current.first).to_contain_text("1995")
    expect(current.first).to_be_in_viewport()

    page.get_by_role("link", name="Back to the comparison").click()
    expect(page).to_have_url(re.compile(r"/films/red-hot-1993/#field-year$"))
    expect(page.locator("#field-year")).to_be_in_viewport()


def test_comparison_reads_on_a_phone(page: Page, catalogue):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{catalogue.url}/films/red-hot-1993/")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 375, "the page itself must not scroll sideways; only the tables do"
