"""The live case widget block, usable in any StreamField of a site that installs the plugin."""

from wagtail import blocks

from legaltracker.conf import app_settings


class CaseWidgetBlock(blocks.StructBlock):
    case = blocks.PageChooserBlock(page_type="legaltracker.CasePage", help_text="Only case pages can be chosen.")
    display = blocks.ChoiceBlock(
        choices=[("compact", "Compact: status and latest event"), ("full", "Full: with recent docket entries")],
        default="compact",
    )
    entries = blocks.IntegerBlock(
        default=3, min_value=0, max_value=10, label="Recent docket entries", help_text="Shown in full display."
    )

    class Meta:
        icon = "clipboard-list"
        label = "Live case"
        template = "legaltracker/blocks/case_widget.html"

    def get_context(self, value, parent_context=None):
        from legaltracker.selectors import widget_payload

        context = super().get_context(value, parent_context)
        case = value.get("case")
        if case is None or not case.live:
            context["widget"] = None
            return context
        prefetched = (parent_context or {}).get("case_widgets") or {}
        payload = dict(prefetched[case.pk]) if case.pk in prefetched else widget_payload(case, 10)
        limit = value.get("entries") if value.get("display") == "full" else 0
        payload["entries"] = payload["entries"][: limit or 0]
        context.update(
            {
                "widget": payload,
                "display": value.get("display"),
                "entries_limit": limit,
                "poll_seconds": app_settings.WIDGET_POLL_SECONDS,
            }
        )
        return context


def case_pages_in_stream(stream_value) -> list:
    """The case pages chosen in a stream's case widget blocks, to fetch their payloads in bulk."""
    return [
        block.value.get("case")
        for block in stream_value
        if block.block_type == "case_widget" and block.value.get("case") is not None
    ]
