"""Serve the site with the background worker beside it, and stop both together (`make run`).

The development server (`runserver`) and django-tasks-db's worker (`db_worker`, which re-learns
the sources' trust, catalog/tasks.py) each run in a session of their own, so that a terminal's
Ctrl-C reaches this command alone: on it, on a TERM, or when either child stops, both children's
process groups (the server's autoreloader and its child included) are sent a TERM and waited
for. In production the two run as services of their own (README, "Consensus and trust").
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve the site (runserver) and run the background worker (db_worker), both at once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args: Any, address: str, **options: Any) -> None:
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        children = [
            subprocess.Popen(
                [*manage, "db_worker", "--no-reload", "--interval", "2"], start_new_session=True
            ),
            subprocess.Popen([*manage, "runserver", address], start_new_session=True),
        ]
        asked: list[int] = []

        def stop(number: int, frame: FrameType | None) -> None:
            asked.append(number)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not asked and all(child.poll() is None for child in children):
                time.sleep(0.2)
        finally:
            for child in children:
                if child.poll() is None:
                    os.killpg(child.pid, signal.SIGTERM)
            for child in children:
                child.wait()
