import pytest
from django.urls import reverse

from catalog.parameters import SEARCH_WORDS, bounded_search, integer
from catalog.tests.builders import make_film, make_source


@pytest.mark.parametrize("text", ["-1e2000000", "²", "١٩٩٠", "1_990", "1990.5", "9" * 20, ""])
def test_only_ascii_digits_of_a_bounded_length_are_an_integer(text):
    assert integer(text) is None


def test_an_integer_may_have_a_sign_and_spaces_around():
    assert integer(" -12 ") == -12
    assert integer("+1990") == 1990


def test_a_search_keeps_its_first_distinct_words_as_folded():
    assert bounded_search("a " * 2030) == "a"
    assert bounded_search("Peña PENA pena gugino") == "Peña gugino"
    many = " ".join(f"w{n}" for n in range(50))
    assert len(bounded_search(many).split()) == SEARCH_WORDS
    assert len(bounded_search("x" * 50_000)) == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"year_min": "-1e2000000"},
        {"year_max": "1e999999"},
        {"runtime_min": "²"},
        {"runtime_max": "0"},
        {"year_min": "1869"},
        {"sort": ","},
    ],
)
def test_hostile_film_list_parameters_show_the_form_error(client, params):
    make_film(title="Red Hot", year=1993, runtime=95)

    response = client.get(reverse("catalog:film-list"), params)

    assert response.status_code == 200
    assert 'class="field-error"' in response.text


@pytest.mark.django_db
def test_people_search_of_50_kb_answers(client):
    assert client.get(reverse("catalog:person-list"), {"q": "x" * 50_000}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("claim", ["²", "9" * 4300, "-1", "abc"])
def test_a_claim_that_is_no_id_is_ignored(client, claim):
    source = make_source(text="Red Hot 1993")

    response = client.get(source.get_absolute_url(), {"claim": claim})

    assert response.status_code == 200
    assert response.context["current"] is None
