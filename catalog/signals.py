"""Signal receivers of the catalogue, every one of them: connected when the app is ready
(CatalogConfig.ready).

Every save and delete, through the ORM, of what the public pages show notes the change with
catalog.derived, which does the work once the transaction commits: the search text of the films
whose titles or people changed, the counters cached pages are keyed by, and a re-learning of the
sources' trust when a claim or a decision changed. Not the consensus rows and trust themselves
(catalog.trust raises the counters once per recompute, rather than once per row it rewrites),
nor what only the admin shows. Rows written in bulk (the importers, a merge's moves) send no
signals: their writers call catalog.derived themselves.

Changing a film's genres confirms them at once, in the editor's own transaction: that is part of
the editor's change, not derived from it.
"""

from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from catalog import derived
from catalog.models import (
    Claim,
    Credit,
    Decision,
    Film,
    Genre,
    NameVariant,
    Person,
    PersonRedirect,
    Review,
    Source,
    confirm_fields,
)
from catalog.search import SEARCHED_CLAIMS

# Shown on many film pages at once: a change raises `Generation.value` too.
SHARED = (Source, Person, NameVariant, Genre)
SHOWN = (Film, Credit, Claim, Review, Decision, PersonRedirect, *SHARED)


def shown_changed(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """Any save or delete of what the pages show: their counters rise on commit."""
    raw = kwargs.get("raw", False)
    searched: list[int] = []
    if not raw and isinstance(instance, Film | Credit | Claim):
        if isinstance(instance, Film):
            if kwargs.get("signal") is post_save:
                searched = [instance.pk]
        elif not isinstance(instance, Claim) or (
            instance.person_id or instance.field in SEARCHED_CLAIMS
        ):
            searched = [instance.film_id]
    people: list[int] = []
    if not raw and kwargs.get("signal") is post_save and isinstance(instance, Person):
        people = [instance.pk]
    elif not raw and isinstance(instance, NameVariant):
        people = [instance.person_id]
    derived.changed(
        search=searched,
        people=people,
        shared=sender in SHARED,
        learn=not raw and sender in (Claim, Decision),
    )


def genres_changed(
    sender: type[models.Model],
    instance: models.Model,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    """A film's genres changed (the admin form sets them): confirmed, and the lists that filter
    by genre shown anew on commit (the film's page follows its own version)."""
    if not action.startswith("post_"):
        return  # of an m2m change, only once it is made
    if not reverse and (action == "post_clear" or pk_set):
        confirm_fields(instance.pk, ["genres"])
    derived.changed()


def connect() -> None:
    for model in SHOWN:
        uid = f"derived-{model.__name__}"
        post_save.connect(shown_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(shown_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(genres_changed, sender=Film.genres.through, dispatch_uid="film-genres")
