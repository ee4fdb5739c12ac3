"""What changed on a film since a moment: for refusing a stale save with a useful message."""

from datetime import datetime
from typing import cast

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalChanges

from catalog.models import Claim, Credit, Decision, Film

VERBS = {"+": "added", "~": "changed", "-": "deleted"}


def who(record: HistoricalChanges) -> str:
    return record.history_user.get_username() if record.history_user else "someone"


def when(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M:%S")


def changes_since(film: Film, since: datetime) -> list[str]:
    """Each change to the film, its credits, claims and decisions after `since`, in words."""
    lines = []
    records = film.history.filter(history_date__gt=since).select_related("history_user")
    for record in records.order_by("history_date"):
        previous = record.prev_record
        if previous is None:
            continue
        delta = record.diff_against(previous, excluded_fields=["version"])
        for change in delta.changes:
            # A diff names the film's own fields, never a relation from another model.
            label = cast(models.Field, Film._meta.get_field(change.field)).verbose_name
            lines.append(
                f"{who(record)} changed the {label} from “{change.old}” to “{change.new}” "
                f"at {when(record.history_date)}"
            )
    for model in (Credit, Claim):
        records = model.history.filter(film_id=film.pk, history_date__gt=since)
        for record in records.select_related("history_user").order_by("history_date"):
            lines.append(
                f"{who(record)} {VERBS[record.history_type]} the {model._meta.verbose_name} "
                f"“{record.instance}” at {when(record.history_date)}"
            )
    decisions = Decision.objects.filter(film=film, decided_at__gt=since).select_related("editor")
    for decision in decisions:
        name = decision.editor.get_username() if decision.editor else "someone"
        lines.append(f"{name} settled “{decision}” at {when(decision.decided_at)}")
    return lines
