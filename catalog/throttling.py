"""Login throttling (django-axes): too many failed logins from one address, and that address may
not log in for a while, whatever the password."""

from datetime import timedelta
from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class LoginThrottle(AxesStandaloneBackend):
    """Axes's check, for the logins made through a request: a login with none (the test client's,
    a management command's) comes from no address and has nothing to throttle."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def client_ip(request: HttpRequest) -> str | None:
    """The address a login comes from: behind the TLS proxy, the one the proxy saw (the last in
    X-Forwarded-For, which it appends); else the connection's own."""
    if settings.BEHIND_PROXY and (forwarded := request.META.get("HTTP_X_FORWARDED_FOR")):
        return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR")


def locked_out(request: HttpRequest, *args: Any) -> HttpResponse:
    """The page a refused login gets instead of the login form: why, and for how long (429)."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": settings.AXES_COOLOFF_TIME // timedelta(minutes=1),
    }
    return render(request, "admin/locked_out.html", context, status=429)
