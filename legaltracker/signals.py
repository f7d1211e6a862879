"""Signals the tracker sends, for other apps (such as `newsroom`) to subscribe to.

`case_status_changed` is sent after the transaction that changed a case's status has committed,
in whatever process applied the change (a Celery worker, `refresh_cases`, a webhook). Arguments:
`sender` (the CasePage class), `case` (the CasePage), `status` (its CaseStatus row, already saved).
Find the pages that embed the case with `wagtail.models.ReferenceIndex.get_references_to(case)`.
"""

from django.dispatch import Signal

case_status_changed = Signal()
