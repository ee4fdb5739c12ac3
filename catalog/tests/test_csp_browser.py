"""The Content Security Policy breaks nothing a reader or an editor uses: Chromium, enforcing
it, reports no violation on the public pages or the film admin, whose widgets still work."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, expect

from catalog.models import Film

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-password"


def test_no_page_breaks_the_policy(browser: Browser, catalogue, log_in):
    User.objects.create_superuser("root", password=PASSWORD)
    film = Film.objects.get(slug="red-hot-1993")
    context = browser.new_context()  # the policy enforced, unlike the other tests' contexts
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for path in ("/", "/films/", film.get_absolute_url(), "/people/", "/sources/"):
        page.goto(catalogue.url + path)

    log_in(page, catalogue, "root", PASSWORD)
    page.goto(f"{catalogue.url}/admin/catalog/film/{film.pk}/change/")
    # The admin's scripts run: the genres' two-list widget is built by its JavaScript.
    expect(page.locator("#id_genres_from")).to_be_visible()
    context.close()

    assert violations == []
