"""The claim finder, one page shape at a time, on small texts written for these tests: labels,
strips, video guides, prose credits, the fields it names."""

import pytest

from catalog.extraction import Fact
from catalog.tests.extraction_texts import claims
from catalog.tests.extraction_texts import short_facts as facts


def test_every_field_the_finder_names_is_a_claim_field():
    from catalog.models import Field

    text = SHAPES_TOGETHER
    assert {claim.field for claim in claims(text)} <= set(Field.values)


def test_label_lines():
    text = (
        "Harbour Lights\n\n"
        "Directed by: Nora Ekdahl\n"
        "Writers: Nora Ekdahl, Tomas Vinter (novel)\n"
        "Cast: Lena Holm, Oskar Berg and Maja Lund\n"
        "Running time: 1 hr 42 min\n"
        "Genre: Drama, Mystery\n"
        "Rated: PG-13\n"
        "Year: 2011\n"
    )
    found = facts(claims(text))
    assert {
        ("director", "Nora Ekdahl", ""),
        ("writer", "Nora Ekdahl", ""),
        ("writer", "Tomas Vinter", ""),
        ("cast", "Lena Holm", ""),
        ("cast", "Oskar Berg", ""),
        ("cast", "Maja Lund", ""),
        ("runtime", "1 hr 42 min", ""),
        ("genre", "Drama", ""),
        ("genre", "Mystery", ""),
        ("certificate", "PG-13", ""),
        ("year", "2011", ""),
    } <= found


def test_label_above_its_value_and_table_rows():
    text = (
        "Directed by\n\nIvo Marek\n\nStarring:\n|\nAnna Veselá\nPetr Dvořák\n|\n"
        "Running time | 97 minutes |\nCountry | Czechia |\n"
    )
    found = facts(claims(text))
    assert {
        ("director", "Ivo Marek", ""),
        ("cast", "Anna Veselá", ""),
        ("cast", "Petr Dvořák", ""),
        ("runtime", "97 minutes", ""),
        ("country", "Czechia", ""),
    } <= found


def test_bullet_strip():
    text = "  • PG\n  • 2004\n  • 1 hr 35 min\n  • 6.1  (1,204)\n  • Comedy, Romance\n\nA story."
    found = claims(text)
    assert {
        ("certificate", "PG", ""),
        ("year", "2004", ""),
        ("runtime", "1 hr 35 min", ""),
        ("user_rating", "6.1", ""),
        ("votes", "1,204", ""),
        ("genre", "Comedy", ""),
        ("genre", "Romance", ""),
    } <= facts(found)
    year = next(claim for claim in found if claim.field == "year")
    assert year.quote == "• 2004"


def test_inline_bullet_and_bar_strips():
    found = facts(claims("• R • 1988 • 111 min • 7.1 (40,001)\n\nR | 98 min | Crime, Drama\n"))
    assert ("runtime", "111 min", "") in found
    assert ("votes", "40,001", "") in found
    assert ("genre", "Crime", "") in found


def test_video_guide_tail():
    text = (
        "Night Ferry ★★½ 1991 (PG) A stowaway boy and a widowed captain cross the Baltic. "
        "Gentle and slow. 95m/C VHS, DVD. Nils Aberg, Kari Moen, Leif Strand; D: Ole Brekke; "
        "W: Ole Brekke, Sigrid Lie; C: Jon Ness; M: Per Holm."
    )
    found = claims(text)
    assert {
        ("runtime", "95m", ""),
        ("cast", "Nils Aberg", ""),
        ("cast", "Kari Moen", ""),
        ("cast", "Leif Strand", ""),
        ("director", "Ole Brekke", ""),
        ("writer", "Ole Brekke", ""),
        ("writer", "Sigrid Lie", ""),
    } <= facts(found)
    assert not any(claim.value in ("Jon Ness", "Per Holm") for claim in found)


def test_video_guide_with_cast_label_and_head_line():
    text = (
        "Night Ferry ★★½ 1991 (PG)\n"
        "A stowaway boy and a widowed captain cross the Baltic. Gentle and slow. "
        "95m/C VHS. Cast: Nils Aberg, Kari Moen; D: Ole Brekke; W: Sigrid Lie."
    )
    found = claims(text)
    assert {
        ("title", "Night Ferry", ""),
        ("year", "1991", ""),
        ("certificate", "PG", ""),
        ("cast", "Kari Moen", ""),
        ("writer", "Sigrid Lie", ""),
    } <= facts(found)
    synopsis = next(claim for claim in found if claim.field == "synopsis")
    assert synopsis.quote == "A stowaway boy and a widowed captain cross the Baltic."
    verdicts = {claim.value for claim in found if claim.field == "verdict"}
    assert verdicts == {"★★½", "Gentle and slow."}


def test_directed_and_starring_in_prose():
    text = (
        '"Salt Roads" is a 2009 drama directed by veteran filmmaker Ines Falk and starring '
        "Omar Haddad, Lea Sommer, and Jon Rask."
    )
    found = facts(claims(text))
    assert {
        ("title", "Salt Roads", ""),
        ("year", "2009", ""),
        ("genre", "drama", ""),
        ("director", "Ines Falk", ""),
        ("cast", "Omar Haddad", ""),
        ("cast", "Lea Sommer", ""),
        ("cast", "Jon Rask", ""),
    } <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regie: Jana Sommer\nDrehbuch: Jana Sommer, Udo Kehl\nDarsteller: Tim Roth, Eva Mai\n"
            "Laufzeit: 104 Minuten\nGenre: Komödie\nErscheinungsjahr: 2016\nFSK: ab 12 Jahren\n",
            {
                ("director", "Jana Sommer", ""),
                ("writer", "Udo Kehl", ""),
                ("cast", "Eva Mai", ""),
                ("runtime", "104 Minuten", ""),
                ("genre", "Komödie", ""),
                ("year", "2016", ""),
                ("certificate", "ab 12 Jahren", ""),
            },
        ),
        (
            "Réalisé par : Claire Dumont\nScénario : Claire Dumont, Paul Vidal\n"
            "Avec : Léa Martin, Hugo Bernard\nDurée : 1h 38min\nGenre : Comédie dramatique\n"
            "Année : 2018\n",
            {
                ("director", "Claire Dumont", ""),
                ("writer", "Paul Vidal", ""),
                ("cast", "Léa Martin", ""),
                ("cast", "Hugo Bernard", ""),
                ("runtime", "1h 38min", ""),
                ("genre", "Comédie dramatique", ""),
                ("year", "2018", ""),
            },
        ),
        (
            "Dirección: Lucía Prieto\nGuion: Lucía Prieto\nReparto: Pablo Ortiz, Ana Gil\n"
            "Duración: 96 min.\nGénero: Drama\nAño: 2012\nSinopsis: Un pescador gallego "
            "encuentra un barco vacío en la ría y decide no decir nada a nadie.\n",
            {
                ("director", "Lucía Prieto", ""),
                ("writer", "Lucía Prieto", ""),
                ("cast", "Pablo Ortiz", ""),
                ("cast", "Ana Gil", ""),
                ("runtime", "96 min", ""),
                ("genre", "Drama", ""),
                ("year", "2012", ""),
            },
        ),
        (
            "- Regia / Marco Bellini\n- Sceneggiatura / Marco Bellini , Sara Conti\n"
            "- Interpreti / Luca Ferri, Giulia Neri\n- Durata / 102\n- Genere / Commedia\n"
            "- Anno / 2010\n",
            {
                ("director", "Marco Bellini", ""),
                ("writer", "Sara Conti", ""),
                ("cast", "Luca Ferri", ""),
                ("cast", "Giulia Neri", ""),
                ("runtime", "102", ""),
                ("genre", "Commedia", ""),
                ("year", "2010", ""),
            },
        ),
    ],
    ids=["german", "french", "spanish", "italian"],
)
def test_labels_in_other_languages(text, expected):
    assert expected <= facts(claims(text))


def test_structured_facts_only_where_the_text_says_them():
    text = "Harbour Lights\n\nA keeper finds a child on the shore. 102 min. With Lena Holm.\n"
    structured = [
        Fact("director", "Nora Ekdahl"),
        Fact("cast", "Lena Holm"),
        Fact("runtime", "PT1H42M"),
        Fact("genre", "Drama"),
    ]
    found = claims(text, structured=structured)
    assert ("cast", "Lena Holm", "") in facts(found)
    assert ("runtime", "102 min", "") in facts(found)
    assert not any(claim.value in ("Nora Ekdahl", "Drama") for claim in found)


SHAPES_TOGETHER = "\n\n".join(
    [
        "Harbour Lights (2011)",
        "  • PG\n  • 1 hr 42 min\n  • 6.1  (1,204)",
        "Directed by: Nora Ekdahl\nCast: Lena Holm (Marit), Oskar Berg",
        "The story follows Marit (Lena Holm), a keeper, set in the 1930s Bergen.",
        'In conclusion, "Harbour Lights" is a captivating drama.',
    ]
)


def test_infobox_cell_over_several_lines():
    text = (
        "Directed by | Kathy Bigelo |\nStarring | John Boyer\nWill Poult\nAlgee Smythe |\n"
        "Running time | 143 minutes |\n"
    )
    found = facts(claims(text))
    assert {
        ("cast", "John Boyer", ""),
        ("cast", "Will Poult", ""),
        ("cast", "Algee Smythe", ""),
    } <= found
    assert ("runtime", "143 minutes", "") in found


@pytest.mark.parametrize(
    "text",
    [
        '"Night Ferry" -- *** A stowaway boy crosses the Baltic with a widowed captain. (PG-13)',
        "NIGHT FERRY (PG-13, 118 min.) A stowaway boy crosses the Baltic with a widowed captain.",
    ],
    ids=["quoted", "capitals"],
)
def test_newspaper_capsule(text):
    found = claims(text)
    assert ("certificate", "PG-13", "") in facts(found)
    assert any(claim.field == "title" and claim.value.lower() == "night ferry" for claim in found)
    synopsis = [claim.quote for claim in found if claim.field == "synopsis"]
    assert synopsis == ["A stowaway boy crosses the Baltic with a widowed captain."]


def test_french_credit_sentence():
    found = facts(claims("Un film de Claire Dumont, avec Léa Martin et Hugo Bernard."))
    assert {
        ("director", "Claire Dumont", ""),
        ("cast", "Léa Martin", ""),
        ("cast", "Hugo Bernard", ""),
    } <= found


def test_credit_lines_without_colons():
    text = (
        "Les Petits Matins\nDate de sortie 4 juillet 2007 (1h 25min)\nDe Pierre Lenoir\n"
        "Avec Léa Martin, Hugo Bernard et Anne Roy\n"
    )
    assert {
        ("title", "Les Petits Matins", ""),
        ("year", "2007", ""),
        ("runtime", "1h 25min", ""),
        ("director", "Pierre Lenoir", ""),
        ("cast", "Léa Martin", ""),
        ("cast", "Hugo Bernard", ""),
        ("cast", "Anne Roy", ""),
    } <= facts(claims(text))


def test_genres_parted_by_full_stops_and_a_rating_with_its_votes_below():
    text = "Género: Comedia. Drama | Sátira\nNota media: 6,6\n12.345 votos\n"
    assert {
        ("genre", "Comedia", ""),
        ("genre", "Drama", ""),
        ("genre", "Sátira", ""),
        ("user_rating", "6,6", ""),
        ("votes", "12.345", ""),
    } <= facts(claims(text))


def test_year_and_runtime_in_brackets_after_the_title():
    found = facts(claims("Sea Fog (1993, 95 min) A captain and his son drift in a fog bank."))
    assert {("year", "1993", ""), ("runtime", "95 min", "")} <= found


def test_a_title_that_is_a_label_word():
    text = "Running Time\nDirector: Josh Baker\nRunning time: 70 min\n"
    assert {("title", "Running Time", ""), ("runtime", "70 min", "")} <= facts(claims(text))


def test_keyword_strips_and_more_links_are_not_genres():
    text = (
        "Plot Keywords:\n\nTrojan | Greek | Fate | Epic | See more »\n\n"
        "Genres:\n\nAction | Romance more\n"
    )
    genres = {value for field, value, _c in facts(claims(text)) if field == "genre"}
    assert genres == {"Action", "Romance"}


def test_a_byline_is_not_a_director():
    found = facts(claims("Oscars night\nBy Jill Serrano\n\nThe ceremony ran long."))
    assert not any(field == "director" for field, _v, _c in found)
