"""Compare what each source claims about a film with the editors' record, field by field.

`rows` holds the rows, cells and values, the words the film page puts them in and the rule of
what a conflict is; `film` builds a film's comparison (and many films' at once), `cast` its cast
rows in billing order, `vocabulary` matches and notes genre and certificate words as the record
files them; `standings` says how each claim stands for a source's page.
"""

from catalog.comparison.cast import character_text, compare_cast
from catalog.comparison.film import (
    MULTI_VALUED,
    OPINION_FIELDS,
    PROSE_FIELDS,
    ROW_FIELDS,
    TABLE_FIELDS,
    UNRECORDED_FIELDS,
    Comparison,
    agreed_by_all,
    automatic_keys,
    comparable,
    compare,
    compare_films,
    comparison_for,
    person_key,
    record_display,
    record_values,
)
from catalog.comparison.rows import (
    BARE_MENTION,
    CastRow,
    Cell,
    Row,
    Status,
    Value,
    accepted_characters,
    accepted_values,
    as_keys,
    claim_anchor,
    conflicts,
    make_cell,
)
from catalog.comparison.standings import Standing, claim_standings
from catalog.comparison.vocabulary import genre_keys

__all__ = [
    "BARE_MENTION",
    "MULTI_VALUED",
    "OPINION_FIELDS",
    "PROSE_FIELDS",
    "ROW_FIELDS",
    "TABLE_FIELDS",
    "UNRECORDED_FIELDS",
    "CastRow",
    "Cell",
    "Comparison",
    "Row",
    "Standing",
    "Status",
    "Value",
    "accepted_characters",
    "accepted_values",
    "agreed_by_all",
    "as_keys",
    "automatic_keys",
    "character_text",
    "claim_anchor",
    "claim_standings",
    "comparable",
    "compare",
    "compare_cast",
    "compare_films",
    "comparison_for",
    "conflicts",
    "genre_keys",
    "make_cell",
    "person_key",
    "record_display",
    "record_values",
]
