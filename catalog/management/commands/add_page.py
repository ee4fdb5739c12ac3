"""Add a web page as a source from the command line: what it says, then (with --accept) saved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat

from catalog.extraction import Page, PageError
from catalog.fetching import FetchError
from catalog.intake import reading
from catalog.intake.proposals import Intake, propose
from catalog.intake.saving import KeptClaim, NewFilm, SourceDetails, save_page
from catalog.models import Film


class Command(BaseCommand):
    help = (
        "Read a page (a saved .html/.htm/.txt file, or an http(s) address), print the claims it "
        "makes and the film they are about; with --accept, save it as a source with those claims."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("page", help="a file's path, or the page's http(s) address")
        parser.add_argument("--film", help="the slug of the film the page is about")
        parser.add_argument(
            "--accept",
            action="store_true",
            help="save the source and every proposed claim linked to a person (or not naming one)",
        )
        parser.add_argument("--json", action="store_true", help="print the proposals as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        film = None
        if options["film"]:
            film = Film.objects.filter(slug=options["film"]).first()
            if film is None:
                raise CommandError(f"No film has the slug “{options['film']}”.")
        try:
            page = self.read(options["page"])
        except (PageError, FetchError, OSError) as problem:
            raise CommandError(str(problem)) from problem
        intake = propose(page, film)
        if options["json"]:
            self.stdout.write(json.dumps(intake.as_json(), ensure_ascii=False, indent=2))
        else:
            self.print_intake(intake)
        if options["accept"]:
            self.accept(intake)

    def read(self, where: str) -> Page:
        if "://" in where or where.startswith(("http:", "https:", "file:")):
            if not settings.PAGE_FETCH:
                raise CommandError(
                    "Fetching pages is turned off (PAGE_FETCH=0); give a saved file."
                )
            return reading.from_address(where)
        path = Path(where)
        if not path.is_file():
            raise CommandError(f"No such file: {where}.")
        if path.stat().st_size > settings.PAGE_MAX_BYTES:
            limit = filesizeformat(settings.PAGE_MAX_BYTES)
            raise CommandError(f"{where} is larger than {limit}; save a smaller part of the page.")
        return reading.from_file(path.name, path.read_bytes())

    def print_intake(self, intake: Intake) -> None:
        page = intake.page
        self.stdout.write(
            f"Page: {page.title or '(no title)'}  {page.publisher}  {page.url}".rstrip()
        )
        if intake.film:
            self.stdout.write(f"Film: {intake.film} ({intake.film.slug})")
        else:
            self.stdout.write("Film: none proposed; candidates:")
        for candidate in intake.candidates:
            reasons = ", ".join(candidate.reasons)
            self.stdout.write(f"  {candidate.film.slug}: {candidate.film} — {reasons}")
        self.stdout.write(f"{len(intake.claims)} claims:")
        for claim in intake.claims:
            character = f" as {claim.character}" if claim.character else ""
            person = f"  -> {claim.link.describe()}" if claim.link else ""
            self.stdout.write(f"  {claim.field}: {claim.value}{character}{person}")
            self.stdout.write(f"      “{claim.quote[:100]}” at {claim.start}")

    def accept(self, intake: Intake) -> None:
        page = intake.page
        film: Film | NewFilm = intake.film or NewFilm(
            intake.titles[0] if intake.titles else page.title, intake.year
        )
        kept = [
            KeptClaim(
                field=claim.field,
                value=claim.value,
                quote=claim.quote,
                start=claim.start,
                character=claim.character,
                person=claim.link.person if claim.link else None,
            )
            for claim in intake.claims
            # A name the catalogue does not know becomes a person only on an editor's word.
            if claim.link is None or claim.link.person is not None
        ]
        details = SourceDetails(
            title=page.title or str(film.title),
            text=page.text,
            publisher=page.publisher,
            url=page.url,
            notes=f"The page is dated {page.date}." if page.date else "",
        )
        try:
            saved = save_page(details, film, kept)
        except ValidationError as problem:
            raise CommandError("; ".join(problem.messages)) from problem
        self.stdout.write(
            f"Saved “{saved.source.title}” ({saved.source.slug}) with {len(saved.claims)} claims "
            f"about {saved.film} ({saved.film.slug})."
        )
