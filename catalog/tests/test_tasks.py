"""The sources' trust is learnt again in the background: once for many writes, retried when it
fails, by django-tasks-db's worker, its runs shown in the admin."""

import signal
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from catalog import records, tasks
from catalog.comparison import comparison_for
from catalog.decisions import decide
from catalog.models import Field, Film, Source, TrustRun
from catalog.tests.builders import make_claim, make_film, make_source

LEARNING = tasks.learn_trust.module_path


def waiting() -> list:
    """What the dummy backend was given and has not run (it runs nothing)."""
    return [
        result
        for result in tasks.learn_trust.get_backend().results
        if result.task.module_path == LEARNING and result.status == TaskResultStatus.READY
    ]


@pytest.mark.django_db
def test_many_writes_ask_for_one_learning_a_while_ahead():
    source = make_source(text="1993 1995")
    for year in ("1993", "1995", "1993"):
        make_claim(source, make_film(), Field.YEAR, year)

    [learning] = waiting()
    assert learning.task.run_after > timezone.now() + timedelta(seconds=30)


@pytest.mark.django_db
def test_a_write_that_changes_no_claim_asks_for_no_learning():
    film = make_film(title="Red Hot")
    film.title = "Red Hot (1993)"
    film.save()

    assert waiting() == []


@pytest.mark.django_db
def test_a_failed_learning_is_tried_again_later_a_few_times(monkeypatch):
    def fails():
        raise RuntimeError("out of memory")

    monkeypatch.setattr(records, "relearn", fails)

    for attempt in range(1, tasks.LEARNING_ATTEMPTS + 1):
        with pytest.raises(RuntimeError):
            tasks.learn_trust.call(attempt=attempt)

    retries = waiting()
    assert [result.kwargs["attempt"] for result in retries] == [2, 3]
    assert retries[1].task.run_after > retries[0].task.run_after > timezone.now()


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRUST_LEARNING_DELAY = 0


def run_worker() -> None:
    """django-tasks-db's worker, until no task is ready; the test's own signal handlers back."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


@pytest.mark.django_db(transaction=True)
def test_the_worker_learns_the_trust_and_the_admin_shows_its_runs(
    database_tasks, admin_client, monkeypatch
):
    call_command("load_catalog", verbosity=0)
    learnt = TrustRun.last().learnt_at
    red_hot = Film.objects.get(slug="red-hot-1993")
    row = comparison_for(red_hot).row(Field.YEAR)
    editor = User.objects.create_user("ed")
    decide(red_hot, row, "1995", [], "The poster says so.", editor)
    decide(red_hot, row, "1993", [], "The copyright notice says so.", editor)
    assert DBTaskResult.objects.filter(task_path=LEARNING).count() == 1

    run_worker()

    result = DBTaskResult.objects.get(task_path=LEARNING)
    assert result.status == TaskResultStatus.SUCCESSFUL
    latest = TrustRun.last().learnt_at
    assert latest > learnt
    assert {source.trust_learnt_at for source in Source.objects.all()} == {latest}

    monkeypatch.setattr(records, "relearn", lambda: 1 / 0)
    tasks.schedule_learning()
    run_worker()

    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert "ZeroDivisionError" in failed.traceback
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    listing = admin_client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert "learn_trust" in listing.text and "Failed" in listing.text
