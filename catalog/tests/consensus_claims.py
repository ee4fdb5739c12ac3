"""Claims written for the consensus engine's tests: a history of right and wrong values."""

from catalog import consensus
from catalog.consensus import ExactType

EXACT = {"fact": ExactType()}
"""The tests' one attribute, compared as exact strings."""


def history(good: list[str], **wrong_on: set[int]) -> list[consensus.Statement]:
    """20 objects whose fact the `good` sources state rightly (``right i``); each source named
    in `wrong_on` states ``wrong i by <source>`` on the objects listed, ``right i`` elsewhere."""
    claims = []
    for i in range(20):
        for source in good:
            claims.append((source, f"object {i}", "fact", f"right {i}"))
        for source, wrong in wrong_on.items():
            value = f"wrong {i} by {source}" if i in wrong else f"right {i}"
            claims.append((source, f"object {i}", "fact", value))
    return claims
