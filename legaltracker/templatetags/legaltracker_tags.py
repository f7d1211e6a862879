from django import template

from legaltracker.hub import case_hub as hub_for_case
from legaltracker.text import reader_date, without_final_period

register = template.Library()

register.filter("reader_date", reader_date)
register.filter("without_final_period", without_final_period)


@register.simple_tag
def case_hub(case) -> dict:
    """The case page's live status, docket chart and coverage; called inside its cached fragment,
    so a cached render reads none of it."""
    return hub_for_case(case)
