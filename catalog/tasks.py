"""The catalogue's background work (Django's tasks framework): re-learning the sources' trust.

A write solves its own films at once with the stored trust (catalog.derived); learning the trust
again from every claim takes tens of seconds at full size, so it is left to a worker process
(`manage.py db_worker`, django-tasks-db's, which `make run` starts beside the web server).

- Coalesced: a write asks for a learning only when none is waiting, and the one it asks for
  waits `TRUST_LEARNING_DELAY` seconds, so a burst of edits is learnt from once.
- Retried: a run that fails enqueues the next attempt, later each time, up to
  `LEARNING_ATTEMPTS`; each failed run stays in the admin's task results with its traceback.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from catalog import records

LEARNING_ATTEMPTS = 3
# The wait before a failed learning is tried again, times the attempt number.
RETRY_DELAY = timedelta(minutes=1)


@task()
def learn_trust(attempt: int = 1) -> dict[str, Any]:
    """Learn every source's trust from the whole catalogue (the records follow the consensus
    values it moves); on failure, try again later."""
    try:
        summary = records.relearn()
    except Exception:
        if attempt < LEARNING_ATTEMPTS:
            enqueue_learning(delay=RETRY_DELAY * attempt, attempt=attempt + 1)
        raise
    return {"claims": summary.claims, "values": summary.values, "sources": summary.sources}


def schedule_learning() -> None:
    """Ask for one learning, unless one is already waiting to run (it will see this change)."""
    if learning_waits():
        return
    enqueue_learning(delay=timedelta(seconds=settings.TRUST_LEARNING_DELAY))


def enqueue_learning(delay: timedelta, attempt: int = 1) -> None:
    backend = learn_trust.get_backend()
    chosen = learn_trust
    if backend.supports_defer and delay:
        chosen = learn_trust.using(run_after=timezone.now() + delay)
    chosen.enqueue(attempt=attempt)


def learning_waits() -> bool:
    """Whether a learning is enqueued and not yet started, by a backend that can tell."""
    backend = learn_trust.get_backend()
    if isinstance(backend, DatabaseBackend):
        return DBTaskResult.objects.filter(
            task_path=learn_trust.module_path,
            backend_name=backend.alias,
            status=TaskResultStatus.READY,
        ).exists()
    waiting = getattr(backend, "results", None)  # the dummy backend keeps what it was given
    if waiting is not None:
        return any(
            result.task.module_path == learn_trust.module_path
            and result.status == TaskResultStatus.READY
            for result in waiting
        )
    return False
