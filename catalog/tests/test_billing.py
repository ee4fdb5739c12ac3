"""The cast in the order the sources bill it (catalog.billing), on the record and the film page."""

import pytest

from catalog.billing import Naming, billing_order, bills
from catalog.comparison import comparison_for
from catalog.models import AUTOMATIC_FIELDS, Claim, Credit, Field, Role, Source
from catalog.records import fill_records
from catalog.tests.builders import make_claim, make_credit, make_film, make_person, make_source

# Jurassic Park's cast as the OMDb table of Wikidata's films lists it: alphabetically.
INDEX = ["Ariana Richards", "BD Wong", "Bob Peck", "Jeff Goldblum", "Laura Dern", "Sam Neill"]
# And as a page bills it.
POSTER = "Starring Sam Neill, Laura Dern, Jeff Goldblum and Richard Attenborough."
BILLED = ["Sam Neill", "Laura Dern", "Jeff Goldblum", "Richard Attenborough"]


# A person id for each name the unit tests use.
IDS: dict[str, int] = {}


def person_id(name: str) -> int:
    return IDS.setdefault(name, len(IDS) + 1)


def namings(source: int, names: list[str]) -> list[Naming]:
    return [Naming(source, person_id(name), name, (n, n)) for n, name in enumerate(names)]


def people(names: list[str]) -> list[int]:
    return [person_id(name) for name in names]


def test_one_source_gives_its_own_order():
    assert billing_order(namings(1, BILLED), {}).people == people(BILLED)


def test_an_alphabetical_list_is_no_billing():
    assert not bills(INDEX)
    assert bills(BILLED)
    assert bills(["Sam Neill", "Laura Dern"])  # two names say nothing either way
    # One name in ten out of place, as a title split off a name is, still reads as an index.
    split = ["Aimee Garcia", "Ali Larter", "Amanda Peet", "Amy Aquino", "Ashton Kutcher"]
    split += ["Gabriel Mann", "James Read", "Jeremy Sisto", "Kal Penn", "Meghan"]
    split += ["Duchess of Sussex", "Molly Cheek"]
    assert not bills(split)
    # Folded, "Éric" comes before "Omar".
    assert not bills(["Éric Toledano", "Omar Sy", "Zoé"])


def test_a_source_that_bills_leads_an_alphabetical_one_that_names_more():
    billing = billing_order([*namings(1, INDEX), *namings(2, BILLED)], {1: 0.9, 2: 0.5})

    assert billing.lead == 2 and billing.billed
    names = [*BILLED, "Ariana Richards", "BD Wong", "Bob Peck"]
    assert billing.people == people(names)


def test_of_sources_that_bill_the_one_naming_most_leads_then_the_most_trusted():
    three = ["Laura Dern", "Sam Neill", "Jeff Goldblum"]
    two = ["Jeff Goldblum", "Laura Dern"]

    assert billing_order([*namings(1, two), *namings(2, three)], {1: 0.9}).lead == 2
    assert billing_order([*namings(1, three), *namings(2, three)], {1: 0.4, 2: 0.8}).lead == 2
    assert billing_order([*namings(1, three), *namings(2, three)], {}).lead == 1


def test_a_source_names_someone_first_where_it_first_names_them():
    again = namings(1, ["Laura Dern", "Sam Neill", "Laura Dern"])

    assert billing_order(again, {}).people == people(["Laura Dern", "Sam Neill"])


@pytest.mark.django_db
def test_an_imported_films_record_bills_its_cast_as_the_best_placed_source():
    film = make_film(title="Jurassic Park", year=1993, automatic_fields=list(AUTOMATIC_FIELDS))
    cast = {name: make_person(name) for name in [*INDEX, "Richard Attenborough"]}
    line = "tt0107290\tJurassic Park\t1993\t" + ", ".join(INDEX)
    dataset = make_source(title="Films from Wikidata", kind=Source.Kind.DATASET, text=line)
    make_claim(dataset, film, Field.TITLE, "Jurassic Park", quote=line)
    for name in INDEX:
        make_claim(dataset, film, Field.CAST, name, quote=line, person=cast[name])
    page = make_source(title="A poster", text=POSTER)
    for name in BILLED:
        make_claim(page, film, Field.CAST, name, person=cast[name])

    fill_records()

    credits = Credit.objects.filter(film=film, role=Role.CAST).order_by("billing")
    record = [credit.person.name for credit in credits.select_related("person")]
    assert record == [*BILLED, "Ariana Richards", "BD Wong", "Bob Peck"]
    comparison = comparison_for(film)
    assert [row.label for row in comparison.cast] == record
    assert comparison.cast_order == "In the order A poster bills them."


@pytest.mark.django_db
def test_a_cast_only_listed_alphabetically_says_so(client):
    film = make_film(title="Jurassic Park", automatic_fields=list(AUTOMATIC_FIELDS))
    line = ", ".join(INDEX)
    dataset = make_source(title="Films from Wikidata", kind=Source.Kind.DATASET, text=line)
    for name in INDEX:
        make_claim(dataset, film, Field.CAST, name, quote=line, person=make_person(name))

    fill_records()

    response = client.get(film.get_absolute_url())
    assert [row.label for row in response.context["comparison"].cast] == INDEX
    assert (
        "No source bills this cast: Films from Wikidata lists it in alphabetical order."
        in " ".join(response.text.split())
    )


@pytest.mark.django_db
def test_a_hand_kept_film_keeps_its_editors_billing_and_bills_the_rest_as_the_sources_do():
    film = make_film(title="Red Hot")
    cast = {name: make_person(name) for name in ["Carla Gugino", *BILLED]}
    make_credit(film, cast["Jeff Goldblum"], billing=1)
    make_credit(film, cast["Carla Gugino"], billing=2)
    page = make_source(title="A poster", text=POSTER + " With Carla Gugino.")
    for name in [*BILLED, "Carla Gugino"]:
        make_claim(page, film, Field.CAST, name, person=cast[name])

    fill_records()  # no automatic fields: the record stays as the editors keep it

    comparison = comparison_for(film)
    assert [row.label for row in comparison.cast] == [
        "Jeff Goldblum",
        "Carla Gugino",
        "Sam Neill",
        "Laura Dern",
        "Richard Attenborough",
    ]
    assert comparison.cast_order == ""
    billing = Credit.objects.filter(film=film).values_list("person__name", "billing")
    assert set(billing) == {("Jeff Goldblum", 1), ("Carla Gugino", 2)}


@pytest.mark.django_db
def test_the_record_billing_ties_follow_the_sources():
    film = make_film()
    cast = {name: make_person(name) for name in BILLED}
    for person in cast.values():
        make_credit(film, person)  # billing 0 for all: the editors gave no order
    page = make_source(title="A poster", text=POSTER)
    for name in BILLED:
        make_claim(page, film, Field.CAST, name, person=cast[name])

    assert [row.label for row in comparison_for(film).cast] == BILLED


@pytest.mark.django_db
def test_film_page_query_count_is_the_same_for_3_or_300_credits(client, django_assert_num_queries):
    small, large = make_film(), make_film()
    for film, size in ((small, 3), (large, 300)):
        names = [f"Actor {film.pk}-{n}" for n in range(size)]
        text = " ".join(f"{name} plays Role {n}." for n, name in enumerate(names))
        source = make_source(text=text)
        for n, name in enumerate(names):
            person = make_person(name)
            Credit.objects.create(film=film, person=person, role=Role.CAST, billing=n + 1)
            quote = f"{name} plays Role {n}."
            Claim.objects.create(
                source=source,
                film=film,
                field=Field.CAST,
                value=name,
                normalised=name.lower(),
                person=person,
                character=f"Role {n}",
                quote=quote,
                quote_start=text.index(quote),
            )

    with django_assert_num_queries(9):
        client.get(small.get_absolute_url())
    with django_assert_num_queries(9):
        response = client.get(large.get_absolute_url())
    assert len(response.context["comparison"].cast) == 300
