"""Logging into the admin: failed attempts throttled, a clear page when refused, and a refused
?next= landing on the admin's index."""

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse

from catalog.throttling import client_ip

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "a-long-enough-password"


@pytest.fixture
def editor() -> User:
    return User.objects.create_user("alice", password=PASSWORD, is_staff=True)


def log_in(client, password: str, address: str = "203.0.113.7", **extra):
    return client.post(
        LOGIN + "?next=/admin/",
        {"username": "alice", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **extra,
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_few_wrong_passwords_then_the_right_one_logs_in(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200

    assert log_in(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_too_many_wrong_passwords_lock_the_address_out_even_with_the_right_one(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    text = " ".join(response.text.split())
    assert "<h1>Too many failed logins</h1>" in text
    assert "There were 10 failed logins from your address in a row" in text
    assert "may not log in for 15 minutes, even with the right password" in text
    assert not logged_in(client)


def test_another_address_can_still_log_in(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")

    assert log_in(client, PASSWORD, address="198.51.100.9").status_code == 302


def test_behind_the_proxy_the_address_is_the_one_the_proxy_saw(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7"
    )
    assert client_ip(request) == "127.0.0.1"

    settings.BEHIND_PROXY = True

    assert client_ip(request) == "203.0.113.7"


def test_a_refused_next_lands_on_the_admin_index(client, editor):
    response = client.post(
        LOGIN + "?next=https://elsewhere.example/",
        {"username": "alice", "password": PASSWORD, "next": "https://elsewhere.example/"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200
