"""Sources' "Add from a page…": the page read, its claims proposed, the editor's choice saved."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html

from catalog.admin.editors import editor_of
from catalog.extraction import Page, PageError
from catalog.fetching import FetchError
from catalog.forms import NEW_FILM, NEW_PERSON, ClaimFormSet, PageForm, SourceForm
from catalog.intake import reading
from catalog.intake.proposals import Intake, context, propose
from catalog.intake.saving import KeptClaim, NewFilm, SourceDetails, save_page
from catalog.models import PERSON_FIELDS, Film, Source

STEP_TEMPLATE = "admin/catalog/source/add_from_page.html"
REVIEW_TEMPLATE = "admin/catalog/source/review_page.html"


def add_from_page(admin: ModelAdmin[Source], request: HttpRequest) -> HttpResponse:
    """Step one, the page; step two, the review of what it says; then the save."""
    if not (
        admin.has_add_permission(request)
        and request.user.has_perm("catalog.add_claim")
        and request.user.has_perm("catalog.add_person")
    ):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("step") == "review":
        return review(admin, request)
    posted = request.method == "POST"
    form = PageForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        try:
            page = read(form.cleaned_data)
        except (PageError, FetchError) as problem:
            form.add_error(None, str(problem))
        else:
            intake = propose(page, form.cleaned_data["film"])
            fetched = bool(form.cleaned_data.get("url"))
            source_form, formset = review_forms(intake, retrieved_on=fetched)
            return show_review(admin, request, source_form, formset, intake.summary())
    return render(
        request, STEP_TEMPLATE, admin_context(admin, request, "Add from a page", form=form)
    )


def read(data: dict[str, Any]) -> Page:
    """The page the editor gave, read into text, metadata and structured facts."""
    if text := data.get("text"):
        return reading.from_text(text)
    upload: UploadedFile | None = data.get("upload")
    if upload is not None:
        return reading.from_file(upload.name or "", upload.read())
    return reading.from_address(data["url"])


def review_forms(intake: Intake, retrieved_on: bool = False) -> tuple[SourceForm, Any]:
    """The review's forms, filled in with what the page proposes."""
    page = intake.page
    films = [c.film for c in intake.candidates]
    if intake.film and intake.film not in films:
        films.insert(0, intake.film)
    source_form = SourceForm(
        films=films,
        initial={
            "title": page.title or (intake.titles[0] if intake.titles else ""),
            "publisher": page.publisher,
            "url": page.url,
            "retrieved_on": timezone.localdate() if retrieved_on else None,
            "notes": f"The page is dated {page.date}." if page.date else "",
            "text": page.text,
            "film": intake.film.pk if intake.film else (NEW_FILM if not films else None),
            "film_choices": ",".join(str(film.pk) for film in films),
            "new_title": intake.titles[0] if intake.titles else page.title,
            "new_year": intake.year,
        },
    )
    formset = ClaimFormSet(
        initial=[
            {
                "keep": True,
                "field": claim.field,
                "value": claim.value,
                "character": claim.character,
                "quote": claim.quote,
                "start": claim.start,
                "person": claim.link.person.pk if claim.link and claim.link.person else "",
                "person_choices": ",".join(str(p.pk) for p in claim.link.people)
                if claim.link
                else "",
                "link_note": claim.link.how if claim.link else "",
                "named": claim.named,
            }
            for claim in intake.claims
        ]
    )
    return source_form, formset


def review(admin: ModelAdmin[Source], request: HttpRequest) -> HttpResponse:
    source_form = SourceForm(request.POST)
    formset = ClaimFormSet(request.POST)
    if not (source_form.is_valid() and formset.is_valid()):
        return show_review(admin, request, source_form, formset, "Some values need a look.")
    data = source_form.cleaned_data
    details = SourceDetails(
        title=data["title"],
        text=data["text"],
        publisher=data["publisher"],
        url=data["url"],
        retrieved_on=data["retrieved_on"],
        notes=data["notes"],
    )
    film: Film | NewFilm = source_form.chosen_film() or NewFilm(data["new_title"], data["new_year"])
    try:
        saved = save_page(details, film, kept_claims(formset), editor_of(request))
    except ValidationError as problem:
        return show_review(admin, request, source_form, formset, "", errors=problem.messages)
    admin.message_user(
        request,
        format_html(
            'Added “{}” with {} claims about <a href="{}">{}</a>.',
            saved.source.title,
            len(saved.claims),
            saved.film.get_absolute_url(),
            saved.film,
        ),
        messages.SUCCESS,
    )
    return redirect("admin:catalog_source_change", saved.source.pk)


def kept_claims(formset: Any) -> list[KeptClaim]:
    kept = []
    for form in formset:
        data = form.cleaned_data
        if not data or not data.get("keep") or form.is_blank():
            continue
        kept.append(
            KeptClaim(
                field=data["field"],
                value=data["value"],
                quote=data["quote"],
                start=data.get("start"),
                character=data.get("character", ""),
                person=data.get("person_object"),
                new_person=(data.get("named") or data["value"])
                if data["field"] in PERSON_FIELDS and data.get("person") == NEW_PERSON
                else "",
            )
        )
    return kept


def show_review(
    admin: ModelAdmin[Source],
    request: HttpRequest,
    source_form: SourceForm,
    formset: Any,
    summary: str,
    errors: list[str] | None = None,
) -> HttpResponse:
    text = source_form["text"].value() or ""
    rows = []
    for form in formset:
        quote = form["quote"].value() or ""
        start = form["start"].value()
        placed = str(start).isdigit() and text[int(start) :].startswith(quote) and quote
        rows.append(
            (
                form,
                {
                    "context": context(text, int(start), quote) if placed else None,
                    "link": form["link_note"].value(),
                    # A proposal of a title or a year names nobody: no person to choose.
                    "names_person": not placed or form["field"].value() in PERSON_FIELDS,
                },
            )
        )
    return render(
        request,
        REVIEW_TEMPLATE,
        admin_context(
            admin,
            request,
            "Check what the page says",
            source_form=source_form,
            formset=formset,
            rows=rows,
            summary=summary,
            errors=errors or [],
            text_length=len(text),
            proposed=sum(1 for form, row in rows if row["context"]),
        ),
    )


def admin_context(
    admin: ModelAdmin[Source], request: HttpRequest, title: str, **extra: Any
) -> dict:
    return {**admin.admin_site.each_context(request), "title": title, "opts": admin.opts, **extra}
