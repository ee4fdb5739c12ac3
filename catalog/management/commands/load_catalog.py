"""Load the catalogue's fixtures in one transaction, checking every quote against its source."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction
from django.db.models import Q, QuerySet
from simple_history.utils import get_history_manager_for_model

from catalog import search
from catalog.counts import refresh_counts, refresh_source_counts
from catalog.models import Claim, Credit, Film, NameVariant, Person, Review, Source
from catalog.trust import recompute as recompute_consensus

# Fixtures load without history; an initial version of each row lets editors revert to it.
HISTORY_MODELS: list[type[models.Model]] = [
    Source,
    Film,
    Person,
    NameVariant,
    Credit,
    Review,
    Claim,
]

DEFAULT_FIXTURES = ["red_hot"]

# What the dataset importers loaded (`manage.py import_datasets`): hundreds of thousands of rows,
# checked as they are inserted and counted by catalog.counts, so left out of the steps below.
IMPORTED: dict[type[models.Model], Q] = {
    Claim: Q(source__kind=Source.Kind.DATASET),
    Film: Q(claims__source__kind=Source.Kind.DATASET),
    Credit: Q(film__claims__source__kind=Source.Kind.DATASET),
    Person: Q(claims__source__kind=Source.Kind.DATASET),
    NameVariant: Q(person__claims__source__kind=Source.Kind.DATASET),
    Source: Q(kind=Source.Kind.DATASET),
}


def not_imported[M: models.Model](model: type[M]) -> QuerySet[M]:
    """The model's rows, less what the importers loaded (its default manager is `objects`)."""
    rows = model._default_manager.all()
    return rows.exclude(IMPORTED[model]) if model in IMPORTED else rows


class Command(BaseCommand):
    help = (
        "Load the catalogue's fixtures; all or nothing, so a bad fixture leaves the data as it was."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fixtures", nargs="*", default=DEFAULT_FIXTURES)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the catalogue already holds sources (keeps editors' changes).",
        )

    def handle(
        self, *args: Any, fixtures: list[str], if_empty: bool, verbosity: int, **options: Any
    ) -> None:
        if if_empty and Source.objects.exists():
            self.stdout.write("The catalogue is already loaded; nothing to do.")
            return
        try:
            with transaction.atomic():
                for fixture in fixtures:
                    call_command("loaddata", fixture, verbosity=0)
                check_quotes()
                refresh_counts(not_imported(Film))
                refresh_source_counts()
                search.refresh(not_imported(Film).values_list("pk", flat=True))
                record_initial_history()
                recompute_consensus()
        except CommandError:
            raise
        except Exception as error:  # loaddata wraps parse errors; name the fixture either way
            raise CommandError(f"Could not load {', '.join(fixtures)}: {explain(error)}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {', '.join(fixtures)}: {Source.objects.count()} sources, "
                f"{Claim.objects.count()} claims."
            )
        )


def explain(error: BaseException) -> str:
    """The messages of an error and of what caused it; loaddata's own can be empty."""
    messages: list[str] = []
    kind = type(error).__name__
    current: BaseException | None = error
    while current is not None:
        message = str(current).strip().rstrip(":")
        if message and not message.isdigit() and message not in messages:
            messages.append(message)
        current = current.__cause__ or current.__context__
    return ": ".join(messages) or kind


def check_quotes() -> None:
    """Fail on the first claim or review whose passage is not in its source; fill in positions."""
    for claim in not_imported(Claim).select_related("source"):
        filled_in = (claim.quote_start, claim.normalised)
        validate(claim)
        if (claim.quote_start, claim.normalised) != filled_in:
            claim.save(update_fields=["quote_start", "normalised"])
    for review in Review.objects.select_related("source"):
        validate(review)


def validate(obj: Claim | Review) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        name = str(obj._meta.verbose_name).capitalize()
        raise CommandError(f"{name} {obj.pk} ({obj}) is invalid: {error.message_dict}") from None


def record_initial_history() -> None:
    for model in HISTORY_MODELS:
        history = get_history_manager_for_model(model)
        recorded = history.values_list("id", flat=True).distinct()
        missing = not_imported(model).exclude(pk__in=recorded)
        if missing.exists():
            history.bulk_history_create(
                list(missing), batch_size=500, default_change_reason="Loaded from the fixtures"
            )
