"""How each claim stands against the record, for a source's page."""

from enum import StrEnum

from catalog.comparison.film import Comparison


class Standing(StrEnum):
    AGREES = "agrees"
    CONFLICTS = "conflicts"
    UNIQUE = "unique"
    NEUTRAL = "neutral"


def claim_standings(comparison: Comparison) -> dict[int, Standing]:
    """How each claim stands: agrees with the record, conflicts, or is the only word on its row."""
    standings: dict[int, Standing] = {}
    for row in comparison.rows + comparison.cast + comparison.prose:
        alone = len(row.stating) == 1
        for cell in row.cells:
            for value in cell.values:
                if value.agrees is False:
                    standing = Standing.CONFLICTS
                elif alone:
                    standing = Standing.UNIQUE
                elif value.agrees and not value.neutral:
                    standing = Standing.AGREES
                else:
                    standing = Standing.NEUTRAL
                standings.update((claim.pk, standing) for claim in value.claims)
    return standings
