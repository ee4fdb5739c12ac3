from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from catalog.models import Film, Person, Source


class FilmSitemap(Sitemap):
    limit = 5000

    def items(self) -> QuerySet[Film]:
        return Film.objects.order_by("pk").only("slug")


class PersonSitemap(Sitemap):
    limit = 5000

    def items(self) -> QuerySet[Person]:
        return Person.objects.order_by("pk").only("slug")


class SourceSitemap(Sitemap):
    def items(self) -> QuerySet[Source]:
        return Source.objects.order_by("pk").only("slug")


sitemaps: dict[str, type[Sitemap]] = {
    "films": FilmSitemap,
    "people": PersonSitemap,
    "sources": SourceSitemap,
}
