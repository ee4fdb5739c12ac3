"""An editor's decision shows on the public page at once; the sources' trust follows once the
background worker has learnt it again. In a real Chromium."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import Page, expect

from catalog.models import Source, TrustRun
from catalog.tests.test_tasks import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("alice", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def learnt_yesterday(catalogue):
    """The catalogue as loaded, its trust learnt a day ago."""
    yesterday = timezone.now() - timedelta(days=1)
    TrustRun.objects.update(learnt_at=yesterday)
    Source.objects.update(trust_learnt_at=yesterday)
    return yesterday


def test_a_decision_shows_at_once_and_the_trust_after_the_worker_has_run(
    page: Page, catalogue, learnt_yesterday, log_in, editor, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRUST_LEARNING_DELAY = 0
    tv_guide = f"{catalogue.url}{Source.objects.get(slug='tv-guide-red-hot').get_absolute_url()}"
    page.goto(tv_guide)
    trust = page.locator(".trust + .muted")
    expect(trust).to_contain_text(f"Trust last learnt {learnt_yesterday:%-d %B %Y}")

    log_in(page, catalogue, editor.username, PASSWORD)
    page.goto(f"{catalogue.url}/admin/catalog/film/")
    page.get_by_role("link", name="Red Hot", exact=True).click()
    page.get_by_role("link", name="Resolve…").first.click()
    page.get_by_label("1995 (said by Red Hot — review and details (TV Guide))").check()
    page.get_by_label("Reason").fill("The US release was in 1995.")
    page.get_by_role("button", name="Settle it").click()

    page.goto(f"{catalogue.url}/films/red-hot-1993/")
    year = page.locator("#field-year")
    expect(year).to_contain_text("1995")
    expect(year).to_contain_text("chosen by the editors from one source")
    page.goto(tv_guide)
    expect(trust).to_contain_text(f"Trust last learnt {learnt_yesterday:%-d %B %Y}")

    run_worker()

    page.goto(tv_guide)
    expect(trust).to_contain_text(f"Trust last learnt {timezone.now():%-d %B %Y}")
