"""Compare what each source claims about a film with the editors' record, field by field.

`rows` holds the rows, cells and values and the words the film page puts them in; `film` builds
a film's comparison (and many films' at once), `cast` its cast rows in billing order,
`vocabulary` matches and notes genre and certificate words as the record files them; `counts`
stores the counts lists sort on, `standings` says how each claim stands for a source's page.
"""

from catalog.comparison.cast import character_text, compare_cast
from catalog.comparison.counts import refresh_counts, refresh_source_counts
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
    as_keys,
    claim_anchor,
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
    "genre_keys",
    "make_cell",
    "person_key",
    "record_display",
    "record_values",
    "refresh_counts",
    "refresh_source_counts",
]
