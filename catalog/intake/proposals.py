"""What an added page proposes: the film it is about and its claims, each person linked.

The page's text is read by catalog.extraction (plain Python); this module puts what it finds
against the catalogue: the film (catalog.intake.films), and each person a claim names, by their
name or a known spelling, or by a near spelling of someone the film's other sources name
(catalog.intake.people). Nothing is written: the editor confirms, then catalog.intake.saving saves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from catalog.extraction import Page, Proposal, find_claims
from catalog.intake.films import FilmCandidate, film_candidates, proposed
from catalog.intake.people import Link, link_people, names_index
from catalog.models import PERSON_FIELDS, Field, Film
from catalog.normalise import year as folded_year
from catalog.record_fields import max_length

CONTEXT = 80  # characters of the page shown on each side of a quote


@dataclass
class ProposedClaim:
    field: str
    value: str
    quote: str
    start: int
    character: str = ""
    link: Link | None = None  # for the fields naming a person
    named: str = ""  # the person's full name, where the page gives `value` as a surname alone


@dataclass
class Intake:
    page: Page
    film: Film | None
    candidates: list[FilmCandidate]
    claims: list[ProposedClaim] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return page_year(self.claims)

    @property
    def titles(self) -> list[str]:
        return [claim.value for claim in self.claims if claim.field == Field.TITLE]

    def summary(self) -> str:
        people = sum(1 for claim in self.claims if claim.link and claim.link.person)
        film = f"about {self.film}" if self.film else "about no film the catalogue is sure of"
        return (
            f"Found {len(self.claims)} claim{'s' * (len(self.claims) != 1)} {film}; "
            f"{people} of them linked to people of the catalogue."
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "film": self.film.slug if self.film else None,
            "candidates": [
                {"film": c.film.slug, "score": c.score, "reasons": list(c.reasons)}
                for c in self.candidates
            ],
            "claims": [
                {
                    "field": claim.field,
                    "value": claim.value,
                    "character": claim.character,
                    "quote": claim.quote,
                    "start": claim.start,
                    "person": claim.link.person.slug if claim.link and claim.link.person else None,
                }
                for claim in self.claims
            ],
        }


def propose(page: Page, film: Film | None = None) -> Intake:
    """The page's claims, its film (the editor's, or the one it is clearly about) and people."""
    index = names_index()
    found = find_claims(page.text, structured=page.facts, names=index)
    titles = [p.value for p in found if p.field == Field.TITLE] or [page.title or head(page.text)]
    # A person the page names by surname alone ("Murray") and in full elsewhere is linked by
    # the full name; the claim's value stays as the page writes it.
    names = [p.person or p.value for p in found if p.field in PERSON_FIELDS]
    candidates = film_candidates(titles, page_year(found), names)
    chosen = film or proposed(candidates)
    links = link_people(names, chosen, index)
    claims = [
        ProposedClaim(
            field=p.field,
            value=p.value,
            quote=p.quote,
            start=p.start,
            character=p.character,
            link=person_link(p, links) if p.field in PERSON_FIELDS else None,
            named=p.person if p.field in PERSON_FIELDS and p.person != p.value else "",
        )
        for p in found
    ]
    return Intake(page=page, film=chosen, candidates=candidates, claims=claims)


def person_link(found: Proposal, links: dict[str, Link]) -> Link | None:
    """The proposal's link, saying so where a surname was linked by the page's full name."""
    link = links.get(found.person or found.value)
    if link is None or not found.person or found.person == found.value:
        return link
    return replace(
        link, how=f"the page names “{found.value}” in full as {found.person}; {link.how}"
    )


def head(text: str) -> str:
    """The page's first line, short of any "(1993)" or " - Site": what a title line holds."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = re.split(r"\s+[-\u2013\u2014|:]\s+|\s*\(", line, maxsplit=1)[0]
    return title[: max_length(Film, Field.TITLE)]


def page_year(found: list[Proposal] | list[ProposedClaim]) -> int | None:
    """The year the page gives most often (the first, on a tie)."""
    said = [folded_year(p.value) for p in found if p.field == Field.YEAR]
    years = [int(year) for year in said if year.isdigit()]
    return max(years, key=years.count) if years else None


def context(text: str, start: int, quote: str) -> dict[str, str]:
    """The quote with a little of the page around it, for the editor to read it in place."""
    before = text[max(0, start - CONTEXT) : start]
    after = text[start + len(quote) : start + len(quote) + CONTEXT]
    return {
        "before": ("…" if start > CONTEXT else "") + before,
        "quote": quote,
        "after": after + ("…" if start + len(quote) + CONTEXT < len(text) else ""),
    }
