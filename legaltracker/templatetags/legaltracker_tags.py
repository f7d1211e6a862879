from django import template
from django.utils.safestring import mark_safe

from legaltracker.case_index import item_list_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def case_list_json_ld(context, index, cases):
    """schema.org ItemList of the listed cases, for search engines."""
    payload = item_list_json_ld(index, cases, context.get("request"))
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
