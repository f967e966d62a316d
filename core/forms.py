"""Form building blocks shared by the apps."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout


def post_form_helper(*fields, submit: str | None = None) -> FormHelper:
    """A GOV.UK form that posts, validated on the server only (`novalidate`), so errors
    come in the error summary rather than the browser's own bubbles."""
    helper = FormHelper()
    helper.form_method = "post"
    helper.attrs = {"novalidate": ""}
    helper.layout = Layout(*fields, *([Button("submit", submit)] if submit else []))
    return helper
