"""The only code that writes case data. Views, tasks, commands and webhooks call these names."""

from legaltracker.services.refresh import (
    FeedResult,
    RefreshResult,
    apply_feed,
    refresh_case,
    refresh_court_feed,
    tracked_cases_by_docket,
)
from legaltracker.services.updates import (
    ApplyResult,
    apply_update,
    clear_override,
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
    "FeedResult",
    "RefreshResult",
    "apply_feed",
    "apply_update",
    "clear_override",
    "derive_status",
    "ensure_case_status",
    "mark_court_feed",
    "mark_source_health",
    "next_refresh_time",
    "override_status",
    "refresh_case",
    "refresh_court_feed",
    "refresh_lock",
    "release_refresh_lock",
    "tracked_cases",
    "tracked_cases_by_docket",
]
