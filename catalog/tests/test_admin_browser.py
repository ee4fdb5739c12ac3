"""An editor's tasks in the admin, in a real Chromium."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from catalog.models import Claim, Field, Film, Person, Source
from catalog.tests.builders import make_claim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def chief_editor(django_user_model):
    """A superuser in the test database, for the browser to log in as."""
    return django_user_model.objects.create_superuser("chief", password=PASSWORD)


@pytest.fixture
def misspelt_armin(catalogue):
    """Armin Mueller-Stahl's misspelling saved as a person of its own, as a source might."""
    armin = Person.objects.get(slug="armin-mueller-stahl")
    armin.variants.filter(name="Armin Mueller-Stall").delete()
    duplicate = Person.objects.create(name="Armin Mueller-Stall", slug="armin-mueller-stall")
    claim = Claim.objects.get(person=armin, value="Armin Mueller-Stall")
    claim.person = duplicate
    claim.save()
    return duplicate


def test_editor_merges_a_misspelt_duplicate_person(
    page: Page, catalogue, log_in, chief_editor, misspelt_armin
):
    log_in(page, catalogue, "chief", PASSWORD)
    page.goto(f"{catalogue.url}/admin/catalog/person/?q=Mueller-Sta")
    for name in ("Armin Mueller-Stahl", "Armin Mueller-Stall"):
        page.get_by_role("checkbox", name=f"Select this object for an action - {name}").check()
    page.get_by_role("combobox", name="Action").select_option(
        label="Merge selected people into one…"
    )
    page.get_by_role("button", name="Run").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Merge people")
    page.get_by_label("Armin Mueller-Stahl", exact=True).check()
    page.get_by_role("button", name="Merge").click()

    expect(page.locator(".messagelist .success")).to_have_text(
        "Merged Armin Mueller-Stall into Armin Mueller-Stahl: 1 claim, 1 name variant moved; "
        "/people/armin-mueller-stall/ now redirects."
    )

    response = page.goto(f"{catalogue.url}/people/armin-mueller-stall/")
    assert response is not None and response.request.redirected_from is not None
    assert (redirect := response.request.redirected_from.response()) is not None
    assert redirect.status == 301
    expect(page).to_have_url(re.compile(r"/people/armin-mueller-stahl/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Armin Mueller-Stahl")
    expect(page.locator("main")).to_contain_text("“Armin Mueller-Stall”")


@pytest.fixture
def editor(django_user_model):
    """A member of the Editors group: staff, with only the editors' permissions."""
    user = django_user_model.objects.create_user("alice", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editor_resolves_the_year_and_readers_see_why(page: Page, catalogue, log_in, editor):
    log_in(page, catalogue, editor.username, PASSWORD)
    page.goto(f"{catalogue.url}/admin/catalog/film/")
    page.get_by_role("link", name="Red Hot", exact=True).click()
    page.get_by_role("link", name="Resolve…").first.click()

    page.get_by_label("1995 (said by Red Hot — review and details (TV Guide))").check()
    page.get_by_label("Reason").fill("The US release was in 1995.")
    page.get_by_role("button", name="Settle it").click()
    expect(page.locator(".messagelist")).to_contain_text("Year settled: the record now says “1995”")

    page.goto(f"{catalogue.url}/films/red-hot-1993/")
    year = page.locator("#field-year")
    expect(year).to_contain_text("1995")
    expect(year).to_contain_text("chosen by the editors from one source")
    expect(year).to_contain_text("The US release was in 1995.")


def test_second_editor_saving_the_same_film_is_refused(browser, catalogue, log_in, editor):
    # Two browser contexts: two editors, each with a session of their own.
    first, second = browser.new_context().new_page(), browser.new_context().new_page()
    for page in (first, second):
        log_in(page, catalogue, editor.username, PASSWORD)
        page.goto(f"{catalogue.url}/admin/catalog/film/")
        page.get_by_role("link", name="Red Hot", exact=True).click()

    first.get_by_label("Runtime (minutes)").fill("96")
    first.get_by_role("button", name="Save", exact=True).first.click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    second.get_by_label("Certificate").fill("PG-13")
    second.get_by_role("button", name="Save", exact=True).first.click()
    expect(second.locator(".errornote, .errorlist").first).to_be_visible()
    expect(second.locator("body")).to_contain_text("Someone saved this film after you opened it")
    expect(second.locator("body")).to_contain_text("from “95” to “96”")

    second.goto(f"{catalogue.url}/films/red-hot-1993/")
    expect(second.locator("#field-certificate")).to_contain_text("PG")
    expect(second.locator("#field-runtime")).to_contain_text("96 min")


def test_editor_reverts_a_change_from_the_history(page: Page, catalogue, log_in, editor):
    log_in(page, catalogue, editor.username, PASSWORD)
    page.goto(f"{catalogue.url}/admin/catalog/film/")
    page.get_by_role("link", name="Red Hot", exact=True).click()
    page.get_by_label("Runtime (minutes)").fill("120")
    page.get_by_role("button", name="Save and continue editing").first.click()

    page.get_by_role("link", name="History").click()
    expect(page.locator("#change-history")).to_contain_text("120")
    page.locator("#change-history a").last.click()  # the oldest version
    page.get_by_role("button", name="Revert").first.click()

    page.goto(f"{catalogue.url}/films/red-hot-1993/")
    expect(page.locator("#field-runtime")).to_contain_text("95 min")


@pytest.fixture
def twin_of_red_hot(catalogue):
    """A second Red Hot, as an editor might have added it by hand, with one claim of its own."""
    twin = Film.objects.create(title="Red Hot", slug="red-hot-twin")
    listing = Source.objects.get(slug="streaming-listing-red-hot")
    make_claim(listing, twin, field=Field.YEAR, value="1993", quote="released in 1993")
    return twin


def test_editor_merges_two_films_and_follows_the_old_address(
    page: Page, catalogue, log_in, editor, twin_of_red_hot
):
    log_in(page, catalogue, editor.username, PASSWORD)
    page.goto(f"{catalogue.url}/admin/catalog/film/?q=red+hot")
    for name in ("Red Hot (1993)", "Red Hot"):
        page.get_by_role(
            "checkbox", name=f"Select this object for an action - {name}", exact=True
        ).check()
    page.get_by_role("combobox", name="Action").select_option(
        label="Merge selected films into one…"
    )
    page.get_by_role("button", name="Run", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Merge films")
    expect(page.get_by_label("Red Hot (1993) red-hot-1993")).to_be_checked()
    page.get_by_role("button", name="Merge", exact=True).click()

    expect(page.locator(".messagelist .success")).to_have_text(
        "Merged Red Hot into Red Hot (1993): 1 claim moved; /films/red-hot-twin/ now redirects."
    )
    response = page.goto(f"{catalogue.url}/films/red-hot-twin/")
    assert response is not None and response.request.redirected_from is not None
    assert (redirect := response.request.redirected_from.response()) is not None
    assert redirect.status == 301
    expect(page).to_have_url(re.compile(r"/films/red-hot-1993/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Red Hot")
