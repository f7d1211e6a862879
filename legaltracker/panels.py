"""An editor-facing panel on the case page: live status, source health, and whether lookups are on."""

from django.apps import apps
from wagtail.admin.panels import HelpPanel

from legaltracker.conf import app_settings


def rule_explained(case_status) -> dict | None:
    """The status engine's rule behind the derived status, with the reason it exists."""
    from legaltracker.status_engine.events import DOCUMENT_TYPE_REQUEST, NO_RULE, RULES
    from legaltracker.status_engine.machine import FIRST_ACTIVITY, TERMINATED

    if case_status is None or not case_status.status_rule:
        return None
    known = {rule.name: rule.why for rule in (*RULES, NO_RULE, DOCUMENT_TYPE_REQUEST, FIRST_ACTIVITY, TERMINATED)}
    return {"name": case_status.status_rule, "why": known.get(case_status.status_rule, "")}


class CaseStatusPanel(HelpPanel):
    def __init__(self, **kwargs):
        kwargs.setdefault("template", "legaltracker/admin/case_status_panel.html")
        kwargs.setdefault("heading", "Live status")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            # Looked up in the app registry: models.py imports this module to build its panels.
            CaseStatus = apps.get_model("legaltracker", "CaseStatus")
            context = super().get_context_data(parent_context)
            case = self.instance
            context["case_status"] = CaseStatus.objects.filter(pk=case.pk).first() if case.pk else None
            context["lookups_enabled"] = bool(app_settings.COURTLISTENER_TOKEN)
            context["status_rule"] = rule_explained(context["case_status"])
            context["backfill_progress"] = context["case_status"].backfill_progress if context["case_status"] else ""
            return context
