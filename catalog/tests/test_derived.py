"""What is derived from the claims follows every write once it commits, once per transaction."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from catalog.models import Film, Generation, Role
from catalog.tests.builders import make_credit, make_film, make_person

pytestmark = pytest.mark.django_db


def test_the_work_left_for_the_commit_is_done_once_per_transaction():
    film = make_film(title="Red Hot")
    people = [make_person(f"Actor {n}") for n in range(10)]

    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        for person in people:
            make_credit(film, person, role=Role.CAST, character="Valentina")
        assert "actor" not in Film.objects.get(pk=film.pk).search_text, "not before the commit"

    def written(what: str) -> int:
        return sum(what in q["sql"] for q in queries)

    assert written('UPDATE "catalog_film" SET "search_text"') == 1
    assert written('UPDATE "catalog_generation"') == 1
    assert Film.objects.get(pk=film.pk).search_text.endswith(" actor 0 1 2 3 4 5 6 7 8 9")


def test_a_write_rolled_back_leaves_what_is_derived_alone():
    film = make_film(title="Red Hot")
    before = Generation.current()

    with pytest.raises(RuntimeError), transaction.atomic():
        make_credit(film, make_person("Carla Gugino"), role=Role.CAST, character="Valentina")
        raise RuntimeError("the editor's save failed")

    assert Generation.current() == before
    assert "gugino" not in Film.objects.get(pk=film.pk).search_text
