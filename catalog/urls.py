from django.urls import path

from catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("films/", views.FilmListView.as_view(), name="film-list"),
    path("films/<slug:slug>/", views.FilmDetailView.as_view(), name="film-detail"),
    path("films/<slug:slug>/export.json", views.film_json, name="film-json"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
]
