import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end a <script> element or start a comment, escaped as JSON allows.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.filter
def json_ld(data) -> str:
    """Data as JSON safe to put inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))
