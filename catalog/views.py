from django.views.generic import DetailView, TemplateView

from catalog.models import Film, Source


class HomeView(TemplateView):
    template_name = "catalog/home.html"


class FilmDetailView(DetailView):
    model = Film


class SourceDetailView(DetailView):
    model = Source
