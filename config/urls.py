from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from catalog.sitemaps import sitemaps
from catalog.views import RobotsView, healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("healthz", healthz, name="healthz"),
    path("", include("catalog.urls")),
]
