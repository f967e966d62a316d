"""{% welsh_side_by_side report %}: the approver's English | Cymraeg table (reports/welsh.py)."""

from django import template

from ..welsh import side_by_side

register = template.Library()


@register.inclusion_tag("reports/includes/welsh_side_by_side.html")
def welsh_side_by_side(report):
    return {"texts": side_by_side(report)}
