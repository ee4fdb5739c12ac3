from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from catalog.comparison import claim_standings, compare_films, comparison_for
from catalog.export import film_export
from catalog.filters import FilmFilter, PersonFilter
from catalog.models import Claim, Film, Person, PersonRedirect, Source
from catalog.passages import runs
from catalog.structured_data import movie


class ClampedPaginationMixin:
    """A page number past the end shows the last page instead of an error."""

    paginate_by = 20

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class HomeView(TemplateView):
    template_name = "catalog/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["films"] = Film.objects.order_by("-source_count", "title")[:12]
        context["film_total"] = Film.objects.count()
        context["sources"] = Source.objects.annotate(claim_count=Count("claims")).order_by("title")
        return context


class FilmListView(ClampedPaginationMixin, FilterView):
    filterset_class = FilmFilter
    template_name = "catalog/film_list.html"
    queryset = Film.objects.prefetch_related("genres")


class FilmDetailView(DetailView):
    model = Film
    queryset = Film.objects.prefetch_related("genres")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        film = self.object
        comparison = comparison_for(film)
        context["comparison"] = comparison
        context["structured_data"] = movie(comparison, self.request.build_absolute_uri)
        return context


def film_json(request, slug):
    """The record and every claim, with its source and quote, as JSON."""
    film = get_object_or_404(Film.objects.prefetch_related("genres"), slug=slug)
    data = film_export(
        film,
        film.claims.for_comparison(),
        film.credits.select_related("person"),
        request.build_absolute_uri,
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})


class PersonListView(ClampedPaginationMixin, FilterView):
    filterset_class = PersonFilter
    template_name = "catalog/person_list.html"
    paginate_by = 50
    # An aggregate drops Meta.ordering, so the order is stated again for stable pages.
    queryset = Person.objects.annotate(film_count=Count("credits__film", distinct=True)).order_by(
        "name", "pk"
    )


class PersonDetailView(DetailView):
    model = Person
    queryset = Person.objects.prefetch_related("variants")

    def get(self, request, *args, **kwargs):
        """The person's page; an address a merge retired answers 301 to the person kept."""
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = PersonRedirect.objects.select_related("person").filter(old_slug=kwargs["slug"])
            if (address := moved.first()) is None:
                raise
            return redirect(address.person, permanent=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["credits"] = person.credits.select_related("film").order_by(
            "film__year", "film__title"
        )
        claims = person.claims.select_related("film", "source").order_by(
            "film__title", "source__title"
        )
        context["claims_by_film"] = group_by_film(claims)
        return context


def group_by_film(claims) -> list[tuple[Film, list[Claim]]]:
    groups: dict[int, tuple[Film, list[Claim]]] = {}
    for claim in claims:
        groups.setdefault(claim.film_id, (claim.film, []))[1].append(claim)
    return list(groups.values())


class SourceListView(ListView):
    model = Source
    paginate_by = 50
    queryset = Source.objects.annotate(
        claim_count=Count("claims"), film_count=Count("claims__film", distinct=True)
    ).order_by("title", "pk")


class SourceDetailView(DetailView):
    model = Source

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.object
        claims = list(source.claims.select_related("film", "person").order_by("quote_start"))
        films = Film.objects.filter(claims__source=source).distinct().prefetch_related("genres")
        standings = {}
        for comparison in compare_films(films).values():
            standings.update(claim_standings(comparison))
        for claim in claims:
            claim.standing = standings.get(claim.pk, "neutral")
        wanted = self.request.GET.get("claim", "")
        current = next((c for c in claims if str(c.pk) == wanted), None)
        context.update(
            other_films=source.agreements.filter(possibly_other_film=True).select_related("film"),
            claims=claims,
            current=current,
            runs=runs(source.text, claims, current.pk if current else None),
            summary={
                standing: sum(1 for c in claims if c.standing == standing)
                for standing in ("agrees", "conflicts", "unique")
            },
        )
        return context


def healthz(request):
    """A minimal view: for load balancers, and the baseline of `make bench`."""
    return HttpResponse("ok", content_type="text/plain")


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain"
