"""Create an editor's login: a staff account in the Editors group, nothing more."""

import getpass
import os
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from catalog.roles import EDITORS


class Command(BaseCommand):
    help = (
        "Create an editor who can log into /admin/ and change records. The password is asked "
        "for, or read from EDITOR_PASSWORD when there is no terminal."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--name",
            default="",
            help="The name readers see beside the editor's decisions, for example 'Alice Martin' "
            "(without one, public pages say 'an editor'; the username is never shown).",
        )

    def handle(self, *args: Any, username: str, email: str, name: str, **options: Any) -> None:
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already a user called {username!r}.")
        password = os.environ.get("EDITOR_PASSWORD") or self.ask_password()
        # The whole name in one field: get_full_name() joins the two, and names need not split.
        user = User(username=username, email=email, first_name=name.strip(), is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.set_password(password)
        user.save()
        try:
            user.groups.add(Group.objects.get(name=EDITORS))
        except Group.DoesNotExist:
            raise CommandError("The Editors group is missing: run `manage.py migrate`.") from None
        self.stdout.write(self.style.SUCCESS(f"{username} can now log into /admin/ as an editor."))

    def ask_password(self) -> str:
        if not os.isatty(0):
            raise CommandError("No terminal to ask for a password: set EDITOR_PASSWORD.")
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
