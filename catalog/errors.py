"""Error pages that tell a reader or an editor what happened: the database unavailable (503, try
again shortly) and a form too large to take (413, with the limits)."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.views.defaults import bad_request as django_bad_request

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again.
RETRY_AFTER = 30


def unavailable() -> HttpResponse:
    # Rendered without the request: its session and messages would ask the database again.
    return HttpResponse(
        render_to_string("503.html"), status=503, headers={"Retry-After": str(RETRY_AFTER)}
    )


class DatabaseUnavailableMiddleware:
    """A database that is down, refuses connections or times out gives a 503 page with
    Retry-After, logged with its traceback, rather than a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=True)
        return unavailable()


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 page, but a form too large to take says so and by how much (413)."""
    if isinstance(exception, RequestDataTooBig):
        problem = (
            f"The form sent was larger than {filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}"
            ", the most this site takes. A page added as a source can be at most "
            f"{filesizeformat(settings.PAGE_MAX_BYTES)}: paste or upload a smaller part of it."
        )
    elif isinstance(exception, TooManyFieldsSent):
        problem = (
            f"The form sent had more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} fields, the "
            "most this site takes. Change fewer rows at a time."
        )
    else:
        return django_bad_request(request, exception)
    page = render_to_string("413.html", {"problem": problem})
    return HttpResponse(page, status=413)
