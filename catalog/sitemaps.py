from django.contrib.sitemaps import Sitemap

from catalog.models import Film, Person, Source


class FilmSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Film.objects.order_by("pk").only("slug")


class PersonSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Person.objects.order_by("pk").only("slug")


class SourceSitemap(Sitemap):
    def items(self):
        return Source.objects.order_by("pk").only("slug")


sitemaps = {"films": FilmSitemap, "people": PersonSitemap, "sources": SourceSitemap}
