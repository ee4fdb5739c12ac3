"""Who is making a change through the admin."""

from django.contrib.auth.models import User
from django.http import HttpRequest


def editor_of(request: HttpRequest) -> User | None:
    """The logged-in editor (the admin lets no one else in), for history and decisions."""
    return request.user if isinstance(request.user, User) else None
