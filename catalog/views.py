from collections.abc import Callable, Iterable
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.db.models.functions import Substr
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from catalog import pagecache, parameters, site
from catalog.changes import recent_changes
from catalog.comparison import claim_standings, compare_films, comparison_for
from catalog.export import film_export
from catalog.filters import FilmFilter, PersonFilter
from catalog.models import Claim, Credit, Film, FilmRedirect, Person, PersonRedirect, Source
from catalog.pagecache import CachedPageMixin
from catalog.passages import runs
from catalog.readings import Search
from catalog.structured_data import movie


class ClampedPaginationMixin:
    """A page number past the end shows the last page instead of an error."""

    paginate_by = 20
    # The list view's, which this is mixed into.
    request: HttpRequest
    page_kwarg: str
    get_paginator: Callable[..., Paginator]

    def paginate_queryset(
        self, queryset: QuerySet, page_size: int
    ) -> tuple[Paginator, Page, Any, bool]:
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class HomeView(CachedPageMixin, TemplateView):
    """Films kept by hand, then the most disputed, what editors changed lately, the sources."""

    template_name = "catalog/home.html"
    featured_count = 3
    disputed_count = 8

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # What a film's card shows, not its long texts.
        card = ("title", "slug", "year", "source_count", "conflict_count")
        featured = list(
            Film.objects.kept_by_hand()
            .filter(source_count__gt=0)
            .only(*card, "tagline")
            .order_by("-source_count", "-conflict_count", "title")[: self.featured_count]
        )
        sources = list(Source.objects.without_text().order_by("title"))
        context.update(
            featured=featured,
            disputed=Film.objects.with_conflicts()
            .only(*card)
            .exclude(pk__in=[film.pk for film in featured])
            .order_by("-conflict_count", "-source_count", "title")[: self.disputed_count],
            film_total=Film.objects.count(),
            changes=recent_changes(sources),
            sources=sources,
        )
        return context


class FilmListView(CachedPageMixin, ClampedPaginationMixin, FilterView):
    filterset_class = FilmFilter
    template_name = "catalog/film_list.html"
    # The columns the list shows, not the long texts (synopsis, search text).
    queryset = Film.objects.for_list()
    filterset: FilmFilter

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # A search that finds nothing is read more loosely (a year only ranking, misspellings),
        # then the nearest titles and names are suggested: a query each only when needed.
        while not context["paginator"].count and (films := self.filterset.loosened()) is not None:
            self.object_list = films
            context = super().get_context_data(filter=self.filterset, object_list=films)
        if not context["paginator"].count and self.filterset.query is not None:
            context["suggestions"] = self.filterset.query.suggestions()
        return context


class FilmDetailView(DetailView):
    model = Film
    queryset = Film.objects.prefetch_related("genres")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """The film's page; an address a merge or a new slug retired answers 301 to the film."""
        try:
            self.object = self.get_object()
        except Http404:
            if (film := moved_film(kwargs["slug"])) is None:
                raise
            return redirect(film, permanent=True)
        return pagecache.serve(
            request,
            pagecache.film_key(self.object),
            lambda: self.render_to_response(self.get_context_data(object=self.object)),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        film: Film = self.object
        comparison = comparison_for(film)
        context["comparison"] = comparison
        # Only the sources with something to say about the film's reception.
        context["reviews"] = [row for row in comparison.reviews if row[1] or row[2]]
        context["structured_data"] = movie(comparison, site.absolute)
        return context


def moved_film(slug: str) -> Film | None:
    """The film an old address now leads to, after a merge or a change of slug."""
    moved = FilmRedirect.objects.select_related("film").filter(old_slug=slug).first()
    return moved.film if moved else None


def film_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The record and every claim, with its source and quote, as JSON."""
    try:
        film = get_object_or_404(Film.objects.prefetch_related("genres"), slug=slug)
    except Http404:
        if (moved := moved_film(slug)) is None:
            raise
        return redirect("catalog:film-json", moved.slug, permanent=True)
    data = film_export(
        film,
        film.claims.for_comparison(),
        film.credits.select_related("person"),
        site.absolute,
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})


class PersonListView(CachedPageMixin, ClampedPaginationMixin, FilterView):
    filterset_class = PersonFilter
    template_name = "catalog/person_list.html"
    paginate_by = 50
    queryset = Person.objects.order_by("name", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if not context["paginator"].count and (text := self.request.GET.get("q", "").strip()):
            context["suggestions"] = Search(text).suggestions()
        # Counted for this page's people only: counting everyone's films costs on a large catalogue.
        people = context["object_list"]
        counts = dict(
            Credit.objects.filter(person__in=people)
            .values("person")
            .annotate(films=Count("film", distinct=True))
            .values_list("person", "films")
        )
        for person in people:
            person.film_count = counts.get(person.pk, 0)
        return context


class PersonDetailView(CachedPageMixin, DetailView):
    model = Person
    queryset = Person.objects.prefetch_related("variants")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """The person's page; an address a merge retired answers 301 to the person kept."""
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = PersonRedirect.objects.select_related("person").filter(old_slug=kwargs["slug"])
            if (address := moved.first()) is None:
                raise
            return redirect(address.person, permanent=True)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        person: Person = self.object
        context["credits"] = person.credits.select_related("film").order_by(
            "film__year", "film__title"
        )
        claims = (
            person.claims.with_source()
            .select_related("film")
            .order_by("film__title", "source__title")
        )
        context["claims_by_film"] = group_by_film(claims)
        return context


def group_by_film(claims: Iterable[Claim]) -> list[tuple[Film, list[Claim]]]:
    groups: dict[int, tuple[Film, list[Claim]]] = {}
    for claim in claims:
        groups.setdefault(claim.film_id, (claim.film, []))[1].append(claim)
    return list(groups.values())


class SourceListView(CachedPageMixin, ListView):
    model = Source
    paginate_by = 50
    queryset = Source.objects.without_text().order_by("title", "pk")


class SourceDetailView(CachedPageMixin, DetailView):
    """A source: what it is, its claims a page at a time, and its archived text around them."""

    queryset = Source.objects.without_text()
    claims_per_page = 100
    query_parameters = ("claim", "page")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        source: Source = self.object
        claims = source.claims.select_related("film", "person").order_by("quote_start", "pk")
        # Anything but a claim's id in ASCII digits is ignored: the page shows no claim followed.
        claim_id = parameters.integer(self.request.GET.get("claim"))
        current = claims.filter(pk=claim_id).first() if claim_id and claim_id > 0 else None
        page_number: str | int | None = self.request.GET.get("page")
        if current and not page_number:
            before = claims.filter(quote_start__lt=current.quote_start).count()
            page_number = before // self.claims_per_page + 1
        paginator = KnownCountPaginator(claims, self.claims_per_page, count=source.claim_count)
        page = paginator.get_page(page_number)
        shown = list(page.object_list)

        films = Film.objects.filter(pk__in={claim.film_id for claim in shown})
        standings: dict[int, str] = {}
        for comparison in compare_films(films.prefetch_related("genres")).values():
            standings.update(claim_standings(comparison))
        for claim in shown:
            claim.standing = standings.get(claim.pk, "neutral")

        start, text = archive_window(source, shown, whole=not page.has_other_pages())
        context.update(
            other_films=source.agreements.filter(possibly_other_film=True).select_related("film"),
            claims=shown,
            page_obj=page,
            current=current,
            whole_text=not page.has_other_pages(),
            runs=runs(text, shown, current.pk if current else None, offset=start),
            summary={
                standing: sum(1 for c in shown if c.standing == standing)
                for standing in ("agrees", "conflicts", "unique")
            },
        )
        return context


class KnownCountPaginator(Paginator):
    """A paginator told its count, so a large source's claims are never counted per request."""

    def __init__(self, *args: Any, count: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        # Not stored yet (claims made outside the loaders): count them.
        return self._known_count or super().count


def archive_window(source: Source, claims: list[Claim], whole: bool) -> tuple[int, str]:
    """The part of the source's text that holds `claims`, from line start to line end.

    Only that part is read from the database: a dataset's text runs to megabytes.
    """
    if whole or not claims:
        text = Source.objects.values_list("text", flat=True).get(pk=source.pk)
        return 0, text
    # A claim without a position counts from the text's start, as its quote_end does.
    begin = min(claim.quote_start or 0 for claim in claims)
    end = max(claim.quote_end for claim in claims)
    margin = 300  # enough to reach the edges of the lines around the passages
    first = max(0, begin - margin)
    window = (
        Source.objects.filter(pk=source.pk)
        .annotate(window=Substr("text", first + 1, end - first + margin))
        .values_list("window", flat=True)
        .get()
    )
    line_start = window.rfind("\n", 0, begin - first) + 1
    line_end = window.find("\n", end - first)
    window = window[line_start : line_end if line_end >= 0 else len(window)]
    return first + line_start, window


def healthz(request: HttpRequest) -> HttpResponse:
    """A minimal view: for load balancers, and the baseline of `make bench`."""
    return HttpResponse("ok", content_type="text/plain")


def favicon(request: HttpRequest) -> HttpResponse:
    """The site's icon, for browsers that ask for /favicon.ico on pages naming none (admin)."""
    return redirect(static("favicon.svg"), permanent=True)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "sitemap": site.absolute(reverse("sitemap"))}
