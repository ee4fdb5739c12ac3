"""Reading a fetched page: its encoding, its text as a reader sees it, its metadata."""

import json

import pytest

from catalog.extraction import Fact, PageError, read_page

FILM_PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Stille Wasser (1994) - Filmarchiv</title>
<meta property="og:site_name" content="Filmarchiv">
<meta property="og:url" content="https://filmarchiv.example/stille-wasser">
<meta property="article:published_time" content="2021-03-04T10:00:00+01:00">
<style>.cast td { color: red } body::after { content: "STYLE TEXT" }</style>
<script>var hidden = "SCRIPT TEXT"; document.write(hidden);</script>
<script type="application/ld+json">{JSON_LD}</script>
</head><body>
<nav><ul><li>Start</li><li>Filme</li></ul></nav>
<h1>Stille Wasser (1994)</h1>
<p>Regie: Marta Lindqvist</p>
<table class="cast">
<tr><td>Jonas Weber</td><td>...</td><td>Paul</td></tr>
<tr><td>Ida Brandt</td><td>...</td><td>Lene</td></tr>
</table>
<ul><li>FSK 12</li><li>94 Min.</li></ul>
<noscript>NOSCRIPT TEXT</noscript>
</body></html>"""

MOVIE = {
    "@context": "https://schema.org",
    "@type": "Movie",
    "name": "Stille Wasser",
    "datePublished": "1994-05-01",
    "duration": "PT94M",
    "genre": ["Drama"],
    "director": {"@type": "Person", "name": "Marta Lindqvist"},
    "actor": [
        {"@type": "PerformanceRole", "actor": {"@type": "Person", "name": "Jonas Weber"},
         "characterName": "Paul"},
        {"@type": "Person", "name": "Ida Brandt"},
    ],
    "aggregateRating": {"@type": "AggregateRating", "ratingValue": "6.9", "ratingCount": 412},
}  # fmt: skip


def film_page(movie: dict | None = None) -> bytes:
    return FILM_PAGE.replace("{JSON_LD}", json.dumps(movie or MOVIE)).encode("utf-8")


def test_html_text_keeps_label_lines_and_table_rows():
    page = read_page(film_page(), content_type="text/html; charset=utf-8")
    lines = [line.strip() for line in page.text.splitlines()]
    assert page.is_html
    assert "Regie: Marta Lindqvist" in lines
    assert any(line.startswith("Jonas Weber") and line.endswith("Paul") for line in lines)
    assert any(line.startswith("Ida Brandt") and line.endswith("Lene") for line in lines)
    assert any("FSK 12" in line for line in lines)


def test_scripts_styles_and_noscript_never_reach_the_text():
    text = read_page(film_page()).text
    for hidden in ("SCRIPT TEXT", "STYLE TEXT", "NOSCRIPT TEXT", "document.write", "color: red"):
        assert hidden not in text


def test_metadata_from_title_open_graph_and_published_time():
    page = read_page(film_page(), url="https://filmarchiv.example/stille-wasser?ref=feed")
    assert page.title == "Stille Wasser (1994) - Filmarchiv"
    assert page.publisher == "Filmarchiv"
    assert page.url == "https://filmarchiv.example/stille-wasser"
    assert page.date == "2021-03-04"


def test_publisher_falls_back_to_the_host_without_www():
    html = b"<html><head><title>Red Hot</title></head><body><p>Red Hot (1993)</p></body></html>"
    page = read_page(html, url="https://www.example.org/films/red-hot")
    assert page.publisher == "example.org"
    assert page.url == "https://www.example.org/films/red-hot"


def test_json_ld_movie_becomes_structured_facts():
    facts = read_page(film_page()).facts
    assert Fact("title", "Stille Wasser") in facts
    assert Fact("year", "1994") in facts
    assert Fact("runtime", "PT94M") in facts
    assert Fact("genre", "Drama") in facts
    assert Fact("director", "Marta Lindqvist") in facts
    assert Fact("cast", "Jonas Weber", "Paul") in facts
    assert Fact("cast", "Ida Brandt") in facts
    assert Fact("user_rating", "6.9") in facts
    assert Fact("votes", "412") in facts


def test_json_ld_movie_inside_a_graph_is_found():
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, MOVIE]}
    assert Fact("director", "Marta Lindqvist") in read_page(film_page(graph)).facts


def test_microdata_movie_becomes_structured_facts():
    html = b"""<html><body><div itemscope itemtype="https://schema.org/Movie">
      <h1 itemprop="name">Red Hot</h1>
      <span itemprop="director" itemscope itemtype="https://schema.org/Person">
        Directed by <span itemprop="name">Paul Haggis</span></span>
    </div></body></html>"""
    facts = read_page(html).facts
    assert Fact("title", "Red Hot") in facts
    assert Fact("director", "Paul Haggis") in facts


def test_broken_json_ld_does_not_lose_the_page():
    html = FILM_PAGE.replace("{JSON_LD}", '{"@type": "Movie", "name": ').encode()
    page = read_page(html)
    assert "Regie: Marta Lindqvist" in page.text


def test_latin1_page_with_a_declared_charset():
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
        "</head><body><p>Regie: José Bénard</p><p>Darsteller: Jürgen Maß, Chloé Noël</p>"
        "</body></html>"
    ).encode("latin-1")
    page = read_page(html)
    assert "José Bénard" in page.text
    assert "Jürgen Maß, Chloé Noël" in page.text


def test_header_charset_outranks_a_wrong_meta():
    html = "<html><head><meta charset='utf-8'></head><body><p>Réalisé par René Clément</p>"
    page = read_page(html.encode("latin-1"), content_type="text/html; charset=ISO-8859-1")
    assert "Réalisé par René Clément" in page.text


def test_latin1_page_without_a_declared_charset_is_detected():
    prose = (
        "Un film de René Clément. Après la guerre, une fillette orpheline est recueillie par "
        "une famille de paysans; ensemble ils créent un cimetière secret pour les animaux. "
        "Réalisé en 1952, le film reçoit le Lion d'or à Venise et un Oscar d'honneur. "
    ) * 3
    page = read_page(f"<html><body><p>{prose}</p></body></html>".encode("latin-1"))
    assert "René Clément" in page.text
    assert "Après la guerre" in page.text
    assert "\ufffd" not in page.text


def test_plain_text_is_kept_as_it_is():
    text = "Red Hot (1993)\n\nDirected by Paul Haggis\r\nStarring Balthazar Getty\n"
    page = read_page(text.encode("utf-8"), content_type="text/plain")
    assert not page.is_html
    assert page.text == "Red Hot (1993)\n\nDirected by Paul Haggis\nStarring Balthazar Getty"


def test_html_is_recognised_without_a_content_type():
    page = read_page(b"<!DOCTYPE html><html><body><p>Red <b>Hot</b></p></body></html>")
    assert page.is_html
    assert page.text == "Red Hot"


def test_utf8_byte_order_mark_is_honoured():
    page = read_page(b"\xef\xbb\xbfKirov \xe2\x80\x93 Donald Sutherland", "text/plain")
    assert page.text == "Kirov \u2013 Donald Sutherland"
    assert page.encoding == "utf-8-sig"


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_input_is_refused_with_a_reason(data):
    with pytest.raises(PageError, match="empty"):
        read_page(data)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_binary_input_is_refused_with_a_reason(data, kind):
    with pytest.raises(PageError, match=kind):
        read_page(data)


def test_page_without_text_is_refused():
    with pytest.raises(PageError, match="no readable text"):
        read_page(b"<html><head><script>render()</script></head><body><div></div></body></html>")
