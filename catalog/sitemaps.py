"""The sitemaps: an index (/sitemap.xml) of every page of each section's sitemap, so that every
film, person and source is listed; all made from the site's own address and kept in the page
cache until the catalogue changes."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, sitemap
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from catalog import pagecache, site
from catalog.models import Film, Person, Source

XML = "application/xml"


class SiteSitemap(Sitemap):
    """Addresses on the configured site (catalog.site), whatever the request's Host says."""

    limit = 5000

    def get_protocol(self, protocol: str | None = None) -> str:
        return site.scheme()

    def get_domain(self, site_object: object = None) -> str:
        return site.domain()


class FilmSitemap(SiteSitemap):
    def items(self) -> QuerySet[Film]:
        return Film.objects.order_by("pk").only("slug")


class PersonSitemap(SiteSitemap):
    def items(self) -> QuerySet[Person]:
        return Person.objects.order_by("pk").only("slug")


class SourceSitemap(SiteSitemap):
    def items(self) -> QuerySet[Source]:
        return Source.objects.order_by("pk").only("slug")


sitemaps: dict[str, type[Sitemap]] = {
    "films": FilmSitemap,
    "people": PersonSitemap,
    "sources": SourceSitemap,
}


def index(request: HttpRequest) -> HttpResponse:
    """Every page of every section's sitemap."""

    def render() -> HttpResponse:
        items = []
        for section, sitemap_class in sitemaps.items():
            address = site.absolute(reverse("sitemap-section", args=[section]))
            items.append(SitemapIndexItem(address))
            pages = sitemap_class().paginator.num_pages
            items += [SitemapIndexItem(f"{address}?p={page}") for page in range(2, pages + 1)]
        return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items}, content_type=XML)

    pagecache.keep_parameters(request, [])
    return pagecache.serve(request, pagecache.listing_key(request), render, content_type=XML)


def section(request: HttpRequest, section: str) -> HttpResponse:
    """One page (?p=) of one section's sitemap; a page past the end is a 404."""
    pagecache.keep_parameters(request, ["p"])
    sections: dict[str, type[Sitemap] | Sitemap] = {**sitemaps}
    return pagecache.serve(
        request,
        pagecache.listing_key(request),
        lambda: sitemap(request, sections, section=section, content_type=XML),
        content_type=XML,
    )
