from django.db.models import Count
from django.views.generic import DetailView, TemplateView

from catalog.comparison import compare
from catalog.models import Film, Source
from catalog.passages import runs


class HomeView(TemplateView):
    template_name = "catalog/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["films"] = Film.objects.annotate(
            source_count=Count("claims__source", distinct=True)
        )
        context["sources"] = Source.objects.annotate(claim_count=Count("claims"))
        return context


class FilmDetailView(DetailView):
    model = Film
    queryset = Film.objects.prefetch_related("genres")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        film = self.object
        context["comparison"] = compare(
            film,
            film.claims.for_comparison(),
            film.credits.select_related("person"),
            film.reviews.select_related("source"),
        )
        return context


class SourceDetailView(DetailView):
    model = Source

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        claims = list(self.object.claims.select_related("film", "person").order_by("quote_start"))
        wanted = self.request.GET.get("claim", "")
        current = next((c for c in claims if str(c.pk) == wanted), None)
        context["claims"] = claims
        context["current"] = current
        context["runs"] = runs(self.object.text, claims, current.pk if current else None)
        return context
