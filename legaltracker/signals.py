"""Signals the tracker sends, for other apps (such as `newsroom`) to subscribe to.

`case_status_changed` is sent after the transaction that changed a case's status has committed,
in whatever process applied the change (a Celery worker, `refresh_cases`, a webhook), and not
while a docket's history is still loading (the backfill sends it once, when the history is in).
Arguments: `sender` (the CasePage class), `case` (the CasePage), `status` (its CaseStatus row).
Find the pages that embed the case with `wagtail.models.ReferenceIndex.get_references_to(case)`.
"""

from django.dispatch import Signal

case_status_changed = Signal()
