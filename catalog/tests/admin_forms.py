"""Post an admin change form as a browser would: every field as the page rendered it."""

from typing import TYPE_CHECKING, Any

from django.forms import BaseForm

if TYPE_CHECKING:
    # The test client's response, with its context; a name only django-stubs defines.
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse


def bound_values(form: BaseForm) -> dict[str, str | list[str]]:
    data: dict[str, str | list[str]] = {}
    for bound in form:
        value = bound.value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        else:
            data[bound.html_name] = str(value)
    return data


def change_form_data(response: "TestResponse", **changes: Any) -> dict[str, str | list[str]]:
    """The data a change page would submit unchanged, with `changes` applied to the main form."""
    data = bound_values(response.context["adminform"].form)
    inlines = response.context.get("inline_admin_formsets") or []  # none on a revert page
    for inline in inlines:
        formset = inline.formset
        data.update(bound_values(formset.management_form))
        for form in formset.forms:
            data.update(bound_values(form))
    data.update({key: str(value) for key, value in changes.items()})
    return data


def as_opened(form: BaseForm, **data: str) -> dict[str, str | list[str]]:
    """A form's data as its page was opened (its hidden fields: the film's version), with `data`."""
    hidden = {field.html_name: str(field.value()) for field in form.hidden_fields()}
    return {**hidden, **data}
