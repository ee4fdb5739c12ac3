"""What merging people and merging films share: the reason and editor each change is recorded
with, and history written in bulk for rows moved or dropped in bulk."""

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, cast

from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from simple_history.utils import get_history_manager_for_model

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

# django-simple-history's history_change_reason is a CharField(max_length=100).
CHANGE_REASON_LENGTH = 100


class _Marked(Protocol):
    """What django-simple-history reads from an instance as it writes the instance's history."""

    _change_reason: str
    _history_user: "AbstractBaseUser"


def reason(text: str) -> str:
    """A change reason that fits the history's column."""
    return Truncator(text).chars(CHANGE_REASON_LENGTH)


def mark(obj: models.Model, why: str, editor: "AbstractBaseUser | None") -> None:
    """Give django-simple-history the reason, and the editor when not called from a request."""
    marked = cast(_Marked, obj)
    marked._change_reason = why
    if editor is not None:
        marked._history_user = editor


def record_history(
    objs: Sequence[models.Model],
    kind: str,
    why: str,
    editor: "AbstractBaseUser | None",
    when: datetime | None = None,
) -> None:
    """One history row per object, as django-simple-history writes them on save ("~") or delete
    ("-"), in one insert: for rows changed by a bulk update or delete, which sends no signals."""
    if not objs:
        return
    history = get_history_manager_for_model(objs[0])
    model = history.model
    moment = when or timezone.now()
    user = editor or model.get_default_history_user(objs[0])
    rows = [
        model(
            history_date=moment,
            history_user=user,
            history_change_reason=why,
            history_type=kind,
            **{field.attname: getattr(obj, field.attname) for field in model.tracked_fields},
        )
        for obj in objs
    ]
    model.objects.bulk_create(rows)
