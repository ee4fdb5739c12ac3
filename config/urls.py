from django.contrib import admin
from django.urls import include, path

from catalog import sitemaps
from catalog.health import readyz
from catalog.views import RobotsView, favicon, healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("", include("catalog.urls")),
]

# A form too large to take says so (413) rather than a bare 400.
handler400 = "catalog.errors.bad_request"
