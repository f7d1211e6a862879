"""The only code that writes case data. Views, tasks, commands and webhooks call these names."""

from legaltracker.services.backfill import backfill_progress
from legaltracker.services.refresh import (
    FeedResult,
    RefreshResult,
    apply_feed,
    refresh_case,
    refresh_court_feed,
    tracked_cases_by_docket,
)
from legaltracker.services.scheduling import (
    due_case_ids,
    keep_due,
    record_refresh_failure,
    reset_refresh_failures,
)
from legaltracker.services.updates import (
    ApplyResult,
    add_manual_entry,
    apply_update,
    clear_override,
    correct_manual_entry,
    derive_status,
    ensure_case_status,
    mark_court_feed,
    mark_source_health,
    next_refresh_time,
    override_status,
    refresh_lock,
    release_refresh_lock,
    tracked_cases,
)

__all__ = [
    "ApplyResult",
    "add_manual_entry",
    "FeedResult",
    "RefreshResult",
    "apply_feed",
    "apply_update",
    "backfill_progress",
    "clear_override",
    "correct_manual_entry",
    "derive_status",
    "due_case_ids",
    "keep_due",
    "ensure_case_status",
    "mark_court_feed",
    "mark_source_health",
    "next_refresh_time",
    "override_status",
    "record_refresh_failure",
    "refresh_case",
    "refresh_court_feed",
    "refresh_lock",
    "release_refresh_lock",
    "reset_refresh_failures",
    "tracked_cases",
    "tracked_cases_by_docket",
]
