"""What a load balancer asks: is the process up (/healthz, in catalog.views), and can it serve
pages, its database answering (/readyz)."""

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse

from catalog.errors import RETRY_AFTER


def readyz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, else 503: take this process out of rotation."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "database unavailable",
            status=503,
            content_type="text/plain",
            headers={"Retry-After": str(RETRY_AFTER)},
        )
    return HttpResponse("ok", content_type="text/plain")
