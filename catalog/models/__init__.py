"""The catalogue's data: sources and their claims, and the editors' record built from them.

One module per subject; every name is imported from here (`from catalog.models import Film`).
"""

from catalog.models.base import address
from catalog.models.claims import (
    PERSON_FIELDS,
    Claim,
    ClaimQuerySet,
    Field,
    Review,
    Verdict,
    as_in_source,
    quote_problem,
)
from catalog.models.consensus import ConsensusValue, SourceAgreement
from catalog.models.decisions import Decision
from catalog.models.duplicates import (
    DuplicatePair,
    DuplicateStatus,
    PossibleDuplicate,
    PossibleDuplicatePerson,
)
from catalog.models.films import (
    AUTOMATIC_COLUMNS,
    AUTOMATIC_FIELDS,
    Credit,
    Film,
    FilmPart,
    FilmQuerySet,
    FilmRedirect,
    Genre,
    Role,
    confirm_credits,
    confirm_fields,
)
from catalog.models.generations import Generation
from catalog.models.people import NameVariant, Person, PersonQuerySet, PersonRedirect
from catalog.models.sources import Source, SourceQuerySet, WithSourceQuerySet
from catalog.models.trust import TrustRun

__all__ = [
    "AUTOMATIC_COLUMNS",
    "AUTOMATIC_FIELDS",
    "PERSON_FIELDS",
    "Claim",
    "ClaimQuerySet",
    "ConsensusValue",
    "Credit",
    "Decision",
    "DuplicatePair",
    "DuplicateStatus",
    "Field",
    "Film",
    "FilmPart",
    "FilmQuerySet",
    "FilmRedirect",
    "Generation",
    "Genre",
    "NameVariant",
    "Person",
    "PersonQuerySet",
    "PersonRedirect",
    "PossibleDuplicate",
    "PossibleDuplicatePerson",
    "Review",
    "Role",
    "Source",
    "SourceAgreement",
    "SourceQuerySet",
    "TrustRun",
    "Verdict",
    "WithSourceQuerySet",
    "address",
    "as_in_source",
    "confirm_credits",
    "confirm_fields",
    "quote_problem",
]
