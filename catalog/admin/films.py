"""The films' admin: the film with its credits and claims, its conflicts and the page that settles
one; and the credits and decisions the film's record is made of."""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from catalog import derived, merging, search
from catalog.admin.editors import editor_of
from catalog.admin.film_merges import FilmMergeMixin
from catalog.admin.filters import AutomaticFilter, ConflictFilter, OtherFilmFilter, SourceFilter
from catalog.admin.inlines import ClaimInline, CreditInline
from catalog.admin.saving import RefreshesFilm
from catalog.comparison import Row, automatic_keys, comparison_for
from catalog.decisions import decide, is_resolvable, options, settle_from_consensus
from catalog.forms import FilmAdminForm, ResolveForm
from catalog.forms.rows import edited_rows
from catalog.models import Claim, Credit, Decision, Field, Film, Source, confirm_credits


@admin.register(Film)
class FilmAdmin(FilmMergeMixin, SimpleHistoryAdmin):
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
    actions = ["set_record_from_consensus", "merge_films"]
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

    def get_formset_kwargs(
        self, request: HttpRequest, obj: Film, inline: InlineModelAdmin, prefix: str
    ) -> dict[str, Any]:
        """Each inline reads the posted form as it is: the admin copies it for each one, a
        thousand fields for a film of 100 credits, against "save as new", which this form does
        not offer (the copy is what that option rewrites)."""
        if request.method != "POST" or "_saveasnew" in request.POST:
            return super().get_formset_kwargs(request, obj, inline, prefix)
        return {
            "instance": obj,
            "prefix": prefix,
            "queryset": inline.get_queryset(request),
            "data": request.POST,
            "files": request.FILES,
            "save_as_new": False,
        }

    def get_urls(self) -> list[URLPattern]:
        resolve = self.admin_site.admin_view(self.resolve_view)
        merge = self.admin_site.admin_view(self.merge_view)
        return [
            path("<int:object_id>/resolve/<str:key>/", resolve, name="catalog_film_resolve"),
            path("merge/", merge, name="catalog_film_merge"),
            *super().get_urls(),
        ]

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        """Reverting to an earlier version: its form is validated and saved in one transaction,
        as a change is (the form's stale check locks the film), and the film's counts follow
        the record it takes back (a revert saves no inlines, so save_related is not called)."""
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        with transaction.atomic():
            response = super().history_form_view(request, object_id, version_id, extra_context)
            if response.status_code == 302:  # reverted; a refused form shows its page again
                derived.refresh([int(object_id)], consensus=False)
        return response

    def save_model(
        self, request: HttpRequest, obj: Film, form: FilmAdminForm, change: bool
    ) -> None:
        """Save the film; a changed slug leaves its old address answering 301 to the new one."""
        # From the database, not the form: a revert from the history holds an older slug, and a
        # film restored from its history has none yet.
        old = Film.objects.filter(pk=obj.pk).values_list("slug", flat=True).first()
        if old is None:
            obj._state.adding = True  # the revert page of a deleted film says otherwise
        super().save_model(request, obj, form, change)
        if old != obj.slug:
            merging.record_old_address(obj, old)

    def save_related(
        self,
        request: HttpRequest,
        form: FilmAdminForm,
        formsets: list[BaseInlineFormSet],
        change: bool,
    ) -> None:
        super().save_related(request, form, formsets, change)
        confirm_credits(
            (form.instance.pk, role)
            for formset in formsets
            if formset.model is Credit
            for row in edited_rows(formset)
            for role in (row.initial.get("role"), row.instance.role)
        )
        # The record and credits change the counts; a claim changed here (its person) changes
        # the consensus too.
        claims = any(formset.model is Claim and formset.has_changed() for formset in formsets)
        derived.refresh([form.instance.pk], consensus=claims)

    @admin.action(
        description="Set the record from the consensus of the sources", permissions=["change"]
    )
    def set_record_from_consensus(self, request: HttpRequest, queryset: QuerySet[Film]) -> None:
        films = list(queryset.prefetch_related("genres"))
        with transaction.atomic():
            settled = sum(
                len(settle_from_consensus(film, comparison_for(film), editor_of(request)))
                for film in films
            )
            derived.refresh([film.pk for film in films])
        self.message_user(
            request,
            f"{settled} value{pluralize(settled)} of {len(films)} film{pluralize(len(films))} set "
            "from the consensus, each as a decision citing its claims.",
        )

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Film], search_term: str
    ) -> tuple[QuerySet[Film], bool]:
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
    def automatic(self, film: Film) -> str:
        keys = automatic_keys(film)
        if not keys:
            return "None: every field is as the editors set it."
        return ", ".join(field.label for field in Field if field in keys)

    @admin.display(description="conflicts")
    def conflicts(self, film: Film) -> str:
        if not film.pk:
            return "—"
        comparison = comparison_for(film)
        warnings = format_html_join(
            "",
            '<p class="errornote">⚠ {} may describe a different film: {}</p>',
            ((a.source.title, a.story_contradiction) for a in comparison.other_film),
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

    def resolve_view(self, request: HttpRequest, object_id: int, key: str) -> HttpResponse:
        """Settle one conflicting row: pick a source's value or enter one, and say why."""
        film = self.get_object(request, str(object_id))
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
        form = ResolveForm(request.POST or None, film=film, row=row, choices=choices)
        if request.method == "POST":
            # Validated in the write's transaction: the form's stale check locks the film.
            with transaction.atomic():
                if form.is_valid():
                    decide(
                        film,
                        row,
                        form.value(),
                        form.claims(),
                        form.cleaned_data["reason"],
                        editor_of(request),
                    )
            if form.is_valid():
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


def dissent(row: Row) -> str:
    """Which sources say otherwise than the record, and what they say."""
    return row.dissent(80)


@admin.register(Credit)
class CreditAdmin(SimpleHistoryAdmin, RefreshesFilm):
    list_display = ["film", "person", "role", "character", "billing"]
    list_filter = ["role"]
    list_select_related = ["film", "person"]
    search_fields = ["film__title", "person__name", "person__variants__name", "character"]
    autocomplete_fields = ["film", "person"]

    # An editor's change of a credit confirms the film's credits in its role (and the role it
    # had): the record no longer takes them from the consensus, which would undo the change.
    def save_model(
        self, request: HttpRequest, obj: Credit, form: forms.ModelForm, change: bool
    ) -> None:
        confirm_credits(
            [(obj.film_id, obj.role), (form.initial.get("film"), form.initial.get("role"))]
        )
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Credit) -> None:
        confirm_credits([(obj.film_id, obj.role)])
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Credit]) -> None:
        confirm_credits(queryset.values_list("film_id", "role"))
        super().delete_queryset(request, queryset)


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

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Decision | None = None) -> bool:
        return False
