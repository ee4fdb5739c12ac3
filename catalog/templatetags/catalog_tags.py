import json
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from catalog.comparison import claim_anchor
from catalog.models import Claim
from catalog.passages import Run

register = template.Library()

# The characters that could end a <script> element or start a comment, escaped as JSON allows.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.filter
def json_ld(data: Any) -> SafeString:
    """Data as JSON safe to put inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))


@register.filter
def row_anchor(claim: Claim) -> str:
    """The id of the row on its film's page that shows the claim: "field-year"."""
    return claim_anchor(claim)


@register.filter
def marked(run: Run) -> SafeString:
    """A run of a source's archived text: an anchor for each passage it starts, and a mark if
    claims cover it. Built here, not in a template: the text is shown as it is, spaces and line
    breaks included, so a template's line breaks would show in it."""
    anchors = format_html_join(
        "", '<span class="anchor" id="claim-{}"></span>', ((claim.pk,) for claim in run.starts)
    )
    if not run.claims:
        return format_html("{}{}", anchors, run.text)
    return format_html(
        '{}<mark class="passage{}" title="{}">{}</mark>',
        anchors,
        " current" if run.current else "",
        run.title,
        run.text,
    )
