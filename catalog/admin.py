from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from catalog import merging, search
from catalog.comparison import (
    automatic_keys,
    comparison_for,
    refresh_counts,
    refresh_source_counts,
)
from catalog.decisions import (
    decide,
    is_resolvable,
    options,
    settle_from_consensus,
)
from catalog.forms import FilmAdminForm, ResolveForm
from catalog.models import (
    Claim,
    Credit,
    Decision,
    Field,
    Film,
    Genre,
    NameVariant,
    Person,
    PersonRedirect,
    Review,
    Source,
    SourceAgreement,
)
from catalog.trust import recompute as recompute_consensus


def shorten(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["role", "person", "character", "billing"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("film", "person")


class ClaimInline(admin.TabularInline):
    """The film's claims as the sources made them; only the person they name is set here."""

    model = Claim
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["source", "field", "value_short", "character", "person", "passage", "note"]
    readonly_fields = ["source", "field", "value_short", "character", "passage"]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # a claim is added from its source, in the claims admin

    def get_queryset(self, request):
        # The source's title, not its archived text (megabytes for a dataset), for each claim.
        return super().get_queryset(request).with_source().select_related("film", "person")

    @admin.display(description="value")
    def value_short(self, claim):
        return shorten(claim.value)

    @admin.display(description="passage")
    def passage(self, claim):
        return format_html(
            '<a href="{}" target="_blank">“{}”</a>', claim.get_absolute_url(), shorten(claim.quote)
        )


class ConflictFilter(admin.SimpleListFilter):
    title = "conflicts"
    parameter_name = "conflicts"

    def lookups(self, request, model_admin):
        return [
            ("unresolved", "Unresolved conflicts"),
            ("any", "Has conflicts"),
            ("none", "No conflicts"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "unresolved":
                return queryset.with_unresolved_conflicts()
            case "any":
                return queryset.with_conflicts()
            case "none":
                return queryset.filter(conflict_count=0)
        return queryset


class AutomaticFilter(admin.SimpleListFilter):
    title = "record"
    parameter_name = "record"

    def lookups(self, request, model_admin):
        return [("automatic", "Automatic fields"), ("confirmed", "Confirmed by editors")]

    def queryset(self, request, queryset):
        match self.value():
            case "automatic":
                return queryset.exclude(automatic_fields=[])
            case "confirmed":
                return queryset.filter(automatic_fields=[])
        return queryset


class OtherFilmFilter(admin.SimpleListFilter):
    title = "a source may describe another film"
    parameter_name = "other_film"

    def lookups(self, request, model_admin):
        return [("yes", "Yes")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            flagged = SourceAgreement.objects.filter(film=OuterRef("pk"), possibly_other_film=True)
            return queryset.filter(Exists(flagged))
        return queryset


class SourceFilter(admin.SimpleListFilter):
    """Films by a source that makes claims about them."""

    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return Source.objects.values_list("slug", "title")

    def queryset(self, request, queryset):
        if self.value():
            claims = Claim.objects.filter(film=OuterRef("pk"), source__slug=self.value())
            return queryset.filter(Exists(claims))
        return queryset


class OwnSourceFilter(SourceFilter):
    """Claims or reviews by their source, listed by title (not loading the sources' texts)."""

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        # By id, so the database reads the source's rows through its index.
        source = Source.objects.filter(slug=self.value()).values_list("pk", flat=True).first()
        return queryset.filter(source_id=source)


class WithoutSourceTexts:
    """For lists of rows with a source: the source's title, not its archived text, which runs to
    megabytes for a dataset."""

    def get_queryset(self, request):
        return super().get_queryset(request).with_source().select_related("film")


@admin.register(Film)
class FilmAdmin(SimpleHistoryAdmin):
    form = FilmAdminForm
    list_display = [
        "title",
        "year",
        "certificate",
        "runtime",
        "source_count",
        "conflict_count",
        "unresolved_count",
    ]
    list_filter = [
        ConflictFilter,
        AutomaticFilter,
        OtherFilmFilter,
        SourceFilter,
        "year",
        "certificate",
        "genres",
    ]
    actions = ["set_record_from_consensus"]
    # Searched by get_search_results, over the search index rather than joins through every
    # credit and claim.
    search_fields = ["title"]
    search_help_text = (
        "Words of a title or of anyone's name, in any spelling a source uses; or a source's title "
        "or publisher, for the films it makes claims about."
    )
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["genres"]
    readonly_fields = [
        "automatic",
        "conflicts",
        "source_count",
        "conflict_count",
        "unresolved_count",
    ]
    save_on_top = True
    inlines = [CreditInline, ClaimInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "year",
                    "certificate",
                    "runtime",
                    "genres",
                    "automatic",
                    "loaded_version",
                    "loaded_at",
                ]
            },
        ),
        ("Where the sources disagree", {"fields": ["conflicts"]}),
        ("Story", {"fields": ["setting", "period", "tagline", "synopsis", "ending"]}),
        ("Production", {"fields": ["filming_location", "content_advisory"]}),
    ]

    def get_urls(self):
        resolve = self.admin_site.admin_view(self.resolve_view)
        return [
            path("<int:object_id>/resolve/<str:key>/", resolve, name="catalog_film_resolve"),
            *super().get_urls(),
        ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_counts(Film.objects.filter(pk=form.instance.pk))

    @admin.action(
        description="Set the record from the consensus of the sources", permissions=["change"]
    )
    def set_record_from_consensus(self, request, queryset):
        films = list(queryset.prefetch_related("genres"))
        settled = sum(
            len(settle_from_consensus(film, comparison_for(film), request.user)) for film in films
        )
        recompute_consensus(film_ids=[film.pk for film in films])
        self.message_user(
            request,
            f"{settled} value{pluralize(settled)} of {len(films)} film{pluralize(len(films))} set "
            "from the consensus, each as a decision citing its claims.",
        )

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        found = Q(pk__in=search.matching(Film.objects.all(), term).values("pk"))
        sources = list(
            Source.objects.filter(
                Q(title__icontains=term) | Q(publisher__icontains=term)
            ).values_list("pk", flat=True)
        )
        if sources:
            found |= Q(pk__in=Claim.objects.filter(source__in=sources).values("film_id"))
        return queryset.filter(found), False

    @admin.display(description="automatic fields")
    def automatic(self, film):
        keys = automatic_keys(film)
        if not keys:
            return "None: every field is as the editors set it."
        return ", ".join(field.label for field in Field if field in keys)

    @admin.display(description="conflicts")
    def conflicts(self, film):
        if not film.pk:
            return "—"
        comparison = comparison_for(film)
        warnings = format_html_join(
            "",
            '<p class="errornote">⚠ {} may describe a different film: {} of its {} story claims '
            "(characters, setting, period) contradict the consensus.</p>",
            (
                (a.source.title, a.story_contradicting, a.story_compared)
                for a in comparison.other_film
            ),
        )
        rows = comparison.all_conflicts
        if not rows:
            return format_html("{}The sources agree with the record.", warnings)
        items = []
        for row in rows:
            settled = (
                format_html(" <em>Settled: “{}”</em>", row.decision.reason) if row.decision else ""
            )
            action = (
                format_html(
                    ' <a class="button" href="{}">{}</a>',
                    reverse("admin:catalog_film_resolve", args=[film.pk, row.key]),
                    "Resolve again…" if row.decision else "Resolve…",
                )
                if is_resolvable(row)
                else " (edit above)"
            )
            items.append(
                (row.label, row.record or "not in the record", dissent(row), settled, action)
            )
        return format_html(
            "{}<ul>{}</ul>",
            warnings,
            format_html_join("", "<li><strong>{}</strong> — record: {}; {}.{}{}</li>", items),
        )

    def resolve_view(self, request, object_id, key):
        """Settle one conflicting row: pick a source's value or enter one, and say why."""
        film = self.get_object(request, object_id)
        if film is None:
            raise Http404("No such film.")
        if not (
            self.has_change_permission(request, film)
            and request.user.has_perm("catalog.add_decision")
        ):
            raise PermissionDenied
        row = comparison_for(film).row(key)
        if row is None or not is_resolvable(row):
            raise Http404("Nothing to resolve there.")
        choices = options(row)
        form = ResolveForm(request.POST or None, row=row, choices=choices)
        if form.is_valid():
            decide(
                film, row, form.value(), form.claims(), form.cleaned_data["reason"], request.user
            )
            self.message_user(
                request, f"{row.label} settled: the record now says “{form.value()}”."
            )
            return redirect("admin:catalog_film_change", film.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Resolve {row.label.lower()} for {film}",
            "opts": self.opts,
            "original": film,
            "row": row,
            "form": form,
        }
        return render(request, "admin/catalog/film/resolve.html", context)


def dissent(row) -> str:
    """Which sources say otherwise than the record, and what they say."""
    return row.dissent(80)


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "publisher", "retrieved_on", "claim_count", "film_count"]
    list_filter = ["kind", "publisher"]
    search_fields = ["title", "publisher", "url", "text"]
    prepopulated_fields = {"slug": ["title"]}

    def get_readonly_fields(self, request, obj=None):
        # The archived text is what was read; claims quote it, so it is never rewritten.
        return ["text"] if obj else []

    def get_queryset(self, request):
        return super().get_queryset(request).without_text()


class NameVariantInline(admin.TabularInline):
    model = NameVariant
    extra = 1


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "variant_list", "credit_count"]
    search_fields = ["name", "variants__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NameVariantInline]
    actions = ["merge_people"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(credit_total=Count("credits", distinct=True))
            .prefetch_related("variants")
            .order_by("name", "pk")  # an aggregate drops Meta.ordering; autocomplete pages need one
        )

    @admin.display(description="variants")
    def variant_list(self, person):
        return ", ".join(variant.name for variant in person.variants.all())

    @admin.display(description="credits", ordering="credit_total")
    def credit_count(self, person):
        return person.credit_total

    def has_merge_permission(self, request) -> bool:
        """Merging changes the kept person and deletes the others: it takes both permissions."""
        # permissions=["change", "delete"] would offer the action to anyone with either one.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge selected people into one…", permissions=["merge"])
    def merge_people(self, request, queryset):
        """Merge duplicates: first a page to choose whom to keep, then, confirmed, the merge."""
        # Most credits first: the likeliest person to keep, and the page's default.
        people = list(
            queryset.annotate(claim_total=Count("claims", distinct=True)).order_by(
                "-credit_total", "-claim_total", "name", "pk"
            )
        )
        if len(people) < 2:
            self.message_user(request, "Select at least two people to merge.", messages.ERROR)
            return None
        if request.POST.get("post"):
            keep = next((p for p in people if str(p.pk) == request.POST.get("keep")), None)
            if keep is not None:
                self.merge_confirmed(request, keep, [p for p in people if p.pk != keep.pk])
                return None
            self.message_user(request, "Choose the person to keep.", messages.ERROR)
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge people",
            "subtitle": None,
            "people": people,
            "keep": people[0],
            "opts": self.opts,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/catalog/person/merge_people.html", context)

    def merge_confirmed(self, request, keep: Person, others: list[Person]) -> None:
        """Merge `others` into `keep`, note it in the admin's log and tell the editor."""
        try:
            with transaction.atomic():
                self.log_deletions(request, others)
                result = merging.merge_people(keep, others, editor=request.user)
                message = merge_message(result)
                self.log_change(request, keep, message)
        except ValueError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, message, messages.SUCCESS)


def merge_message(result: merging.MergeResult) -> str:
    """What a merge did, in one sentence for the editor."""
    moved = [
        counted(number, noun)
        for number, noun in [
            (result.credits_moved, "credit"),
            (result.claims_moved, "claim"),
            (result.decisions_moved, "decision"),
            (result.variants_moved, "name variant"),
        ]
        if number
    ]
    parts = [f"{', '.join(moved)} moved" if moved else "nothing to move"]
    if result.duplicates_dropped:
        parts.append(f"{counted(result.duplicates_dropped, 'duplicate')} dropped")
    addresses = [reverse("catalog:person-detail", args=[slug]) for slug in result.old_slugs]
    parts.append(f"{listed(addresses)} now redirect{'s' if len(addresses) == 1 else ''}")
    return f"Merged {listed(result.merged_names)} into {result.keep.name}: {'; '.join(parts)}."


def counted(number: int, noun: str) -> str:
    """'1 credit', '2 credits'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


@admin.register(PersonRedirect)
class PersonRedirectAdmin(admin.ModelAdmin):
    """Old person addresses left by merges: made by merging people, not by hand."""

    list_display = ["old_slug", "person", "created_at"]
    list_select_related = ["person"]
    search_fields = ["old_slug", "person__name"]
    autocomplete_fields = ["person"]
    readonly_fields = ["old_slug", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Credit)
class CreditAdmin(SimpleHistoryAdmin):
    list_display = ["film", "person", "role", "character", "billing"]
    list_filter = ["role"]
    list_select_related = ["film", "person"]
    search_fields = ["film__title", "person__name", "person__variants__name", "character"]
    autocomplete_fields = ["film", "person"]


@admin.register(Review)
class ReviewAdmin(WithoutSourceTexts, SimpleHistoryAdmin):
    list_display = ["film", "source", "verdict", "score", "votes"]
    list_filter = ["verdict", OwnSourceFilter]
    list_select_related = ["film", "source"]
    search_fields = ["film__title", "source__title", "excerpt"]
    autocomplete_fields = ["film"]


@admin.register(Claim)
class ClaimAdmin(WithoutSourceTexts, SimpleHistoryAdmin):
    list_display = ["film", "field", "value_short", "character", "source"]
    list_filter = ["field", OwnSourceFilter]
    list_select_related = ["film", "source"]
    search_fields = ["value", "quote", "character", "film__title", "person__name"]
    autocomplete_fields = ["film", "person"]
    readonly_fields = ["quote_start"]

    def get_readonly_fields(self, request, obj=None):
        # Which source made a claim, and where in it, never changes once recorded.
        return ["source", "quote_start"] if obj else ["quote_start"]

    fields = [
        "source",
        "film",
        "field",
        "value",
        "normalised",
        "person",
        "character",
        "quote",
        "quote_start",
        "note",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_counts(Film.objects.filter(pk=obj.film_id))
        refresh_source_counts(Source.objects.filter(pk=obj.source_id))

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_counts(Film.objects.filter(pk=obj.film_id))
        refresh_source_counts(Source.objects.filter(pk=obj.source_id))

    @admin.display(description="value", ordering="value")
    def value_short(self, claim):
        return shorten(claim.value)


@admin.register(Genre)
class GenreAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(NameVariant)
class NameVariantAdmin(SimpleHistoryAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """Decisions are made from a film's page ("Resolve…") and kept as they were made."""

    list_display = ["film", "field", "person", "value", "editor", "decided_at"]
    list_filter = ["field", "decided_at"]
    list_select_related = ["film", "person", "editor"]
    search_fields = ["film__title", "person__name", "value", "reason"]
    readonly_fields = [
        "film",
        "field",
        "person",
        "value",
        "claims",
        "reason",
        "editor",
        "decided_at",
    ]
    date_hierarchy = "decided_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# The possible duplicates the importers list for the editors (catalog.admin_duplicates).
from catalog import admin_duplicates  # noqa: E402, F401
