"""The live case widget block, usable in any StreamField of any page type, under any block name."""

from wagtail import blocks
from wagtail.fields import StreamField

from legaltracker.conf import app_settings
from legaltracker.selectors import widget_payload, widget_payloads

# Attributes set on the request, so that every widget on a page shares one payload lookup and
# the page carries the widget's stylesheet and script once, however many widgets it has.
_PAYLOADS_ATTR = "_legaltracker_widget_payloads"
_ASSETS_ATTR = "_legaltracker_widget_assets_sent"


class CaseWidgetBlock(blocks.StructBlock):
    case = blocks.PageChooserBlock(
        page_type="legaltracker.CasePage",
        help_text="A case from the case tracker. Not there yet? Create it in the tracker from its docket number.",
    )
    display = blocks.ChoiceBlock(
        choices=[("compact", "Compact: status and latest event"), ("full", "Full: with recent docket entries")],
        default="compact",
        help_text="Compact suits a mention in passing; full suits a story about the case itself.",
    )
    entries = blocks.IntegerBlock(
        default=3,
        min_value=0,
        max_value=10,
        label="Recent docket entries",
        help_text="How many of the latest filings to list, in full display only.",
    )

    class Meta:
        icon = "clipboard-list"
        # Wagtail's block picker searches labels: these are the words reporters look for.
        label = "Live case tracker (court case, docket status)"
        description = "The case's status, latest filing and docket, kept current as the court record changes."
        template = "legaltracker/blocks/case_widget.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        case = value.get("case")
        if case is None or not case.live:
            context["widget"] = None
            return context
        parent_context = parent_context or {}
        request, page = parent_context.get("request"), parent_context.get("page")
        prefetched = case_widget_payloads(page, request) if page is not None else {}
        payload = dict(prefetched[case.pk]) if case.pk in prefetched else widget_payload(case, 10)
        limit = value.get("entries") if value.get("display") == "full" else 0
        payload["entries"] = payload["entries"][: limit or 0]
        context.update(
            {
                "widget": payload,
                "display": value.get("display"),
                "entries_limit": limit,
                "poll_seconds": app_settings.WIDGET_POLL_SECONDS,
                "include_assets": _first_widget_on_page(request),
            }
        )
        return context


def _first_widget_on_page(request) -> bool:
    if request is None:
        return True
    if getattr(request, _ASSETS_ATTR, False):
        return False
    setattr(request, _ASSETS_ATTR, True)
    return True


def cases_chosen_in(block, value):
    """Cases chosen in case widget blocks anywhere inside a block's value, nested blocks included.

    It walks the block definitions, not block names, so the widget is found under any name.
    """
    if value is None:
        return
    if isinstance(block, CaseWidgetBlock):
        if value.get("case") is not None:
            yield value["case"]
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from cases_chosen_in(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from cases_chosen_in(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from cases_chosen_in(block.child_block, item)


def case_pages_on(page) -> list:
    """The live cases chosen in case widget blocks in any of the page's StreamFields."""
    found = {}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for case in cases_chosen_in(field.stream_block, getattr(page, field.name)):
                if case.live:
                    found.setdefault(case.pk, case)
    return list(found.values())


def case_widget_payloads(page, request=None) -> dict[int, dict]:
    """Widget payloads, keyed by case id, of every case the page embeds: one lookup per page and request."""
    memo = getattr(request, _PAYLOADS_ATTR, None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    payloads = widget_payloads(case_pages_on(page))
    if request is not None:
        if memo is None:
            memo = {}
            setattr(request, _PAYLOADS_ATTR, memo)
        memo[page.pk] = payloads
    return payloads
