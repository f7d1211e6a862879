from django import template
from django.utils.safestring import mark_safe

from legaltracker.case_index import item_list_json_ld
from legaltracker.hub import case_hub as hub_for_case
from legaltracker.text import reader_date, without_final_period

register = template.Library()

register.filter("reader_date", reader_date)
register.filter("without_final_period", without_final_period)


@register.simple_tag(takes_context=True)
def case_list_json_ld(context, index, cases):
    """schema.org ItemList of the listed cases, for search engines."""
    payload = item_list_json_ld(index, cases, context.get("request"))
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag
def case_hub(case) -> dict:
    """The case page's live status, docket chart and coverage; called inside its cached fragment,
    so a cached render reads none of it."""
    return hub_for_case(case)
