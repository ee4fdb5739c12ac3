"""An editor adds a page about a catalogued film, in a real Chromium; readers see its column."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
# A page written for the test, in the shape of a video shop's listing.
PAGE = """Red Hot (1993) - Video Shop

Directed by Paul Haggis
Running time: 95 min
Starring Balthazar Getty as Alexei, Carla Guggino as Valentina and Jane Newcomer as Anna.
"""


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("alice", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editor_adds_a_pasted_page_and_the_film_shows_its_column(
    page: Page, catalogue, log_in, editor
):
    log_in(page, catalogue, editor.username, PASSWORD)
    page.goto(f"{catalogue.url}/admin/catalog/source/")
    page.get_by_role("link", name="Add from a page…").click()
    page.get_by_label("Paste the page's text").fill(PAGE)
    page.get_by_role("button", name="Find its claims").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check what the page says")
    expect(page.get_by_role("radio", name=re.compile(r"^Red Hot \(1993\)"))).to_be_checked()
    page.get_by_label("Title:", exact=True).fill("Red Hot at the video shop")
    newcomer = page.locator("#claims tr", has=page.locator("input[value='Jane Newcomer']"))
    person = newcomer.get_by_role("combobox", name=re.compile(r"^Person of claim"))
    person.select_option(label="a new person: Jane Newcomer")
    page.get_by_role("button", name="Save the source and the kept claims").click()

    expect(page.locator(".messagelist .success")).to_contain_text(
        "Added “Red Hot at the video shop”"
    )
    page.goto(f"{catalogue.url}/films/red-hot-1993/")
    # A column of its own in the comparison of fields, and in the cast's.
    columns = page.get_by_role("columnheader", name=re.compile("Red Hot at the video shop"))
    expect(columns).to_have_count(2)
    page.locator("#field-runtime a", has_text="95 min").last.click()
    expect(page).to_have_url(re.compile(r"/sources/red-hot-at-the-video-shop/\?claim=\d+"))
    expect(page.locator(".current-claim")).to_contain_text("Runtime: “95 min”")
    expect(page.locator("mark", has_text="Running time: 95 min")).to_be_visible()
