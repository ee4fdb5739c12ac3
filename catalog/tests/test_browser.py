"""A reader's path through the catalogue in a real Chromium."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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


def test_reader_filters_by_year_and_genre(page: Page, catalogue):
    page.goto(f"{catalogue.url}/films/")
    page.get_by_label("Year from").fill("1990")
    page.get_by_label("Year to").fill("1995")
    page.get_by_label("Genre").select_option(label="Drama")
    page.get_by_role("button", name="Show").click()

    expect(page).to_have_url(re.compile(r"year_min=1990.*year_max=1995.*genre=drama"))
    expect(page.get_by_role("heading", level=2, name="1 film")).to_be_visible()
    page.get_by_role("link", name="Red Hot").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Red Hot")


def test_reader_searches_a_person_by_a_misspelt_name(page: Page, catalogue):
    page.goto(catalogue.url)
    page.get_by_label("Search films by title or person").fill("Mueller-Stall")
    page.get_by_role("button", name="Search").click()

    page.get_by_role("link", name="Red Hot").click()
    cast_row = page.locator("#cast-armin-mueller-stahl")
    expect(cast_row).to_contain_text("as “Armin Mueller-Stall”")
    cast_row.get_by_role("link", name="Armin Mueller-Stahl").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Armin Mueller-Stahl")
    expect(page.locator("main")).to_contain_text("“Armin Mueller-Stall”")


def test_reader_on_a_phone_reaches_a_passage(page: Page, catalogue):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(catalogue.url)
    page.get_by_role("link", name="Red Hot").first.click()

    cast_row = page.locator("#cast-carla-gugino")
    cast_row.get_by_role("link", name="Christine").click()
    expect(page.locator("mark.passage.current").first).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_reader_finds_a_film_by_a_misspelt_search(page: Page, catalogue):
    page.goto(catalogue.url)
    page.get_by_label("Search films by title or person").fill("red hot guggino")
    page.get_by_role("button", name="Search").click()

    expect(page.locator("main")).to_contain_text("No film matches “red hot guggino” as typed")
    page.get_by_label("Title or person").fill("rd hot 1993")
    page.get_by_role("button", name="Show").click()

    expect(page.get_by_role("heading", level=2, name="1 film")).to_be_visible()
    page.get_by_role("link", name="Red Hot").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Red Hot")
