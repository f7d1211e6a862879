"""The normalised case statuses readers see, in one place."""

from django.db import models


class Status(models.TextChoices):
    FILED = "filed", "Filed"
    ACTIVE = "active", "Active"
    STAYED = "stayed", "Stayed"
    SETTLED = "settled", "Settled"
    DISMISSED = "dismissed", "Dismissed"
    JUDGMENT = "judgment", "Judgment"
    APPEAL = "appeal", "On appeal"
    CLOSED = "closed", "Closed"


class Source(models.TextChoices):
    COURTLISTENER = "courtlistener", "CourtListener"
    PACER_RSS = "pacer-rss", "PACER RSS"
    MANUAL = "manual", "Entered by an editor"


class Health(models.TextChoices):
    OK = "ok", "OK"
    STALE = "stale", "Stale"
    FAILING = "failing", "Failing"


class RefreshFailure(models.TextChoices):
    """Refresh failures that waiting will not fix, each with what an operator should check."""

    NOT_FOUND = "not_found", "Docket not found: check the docket number, the court and the CourtListener docket id"
    FORBIDDEN = "forbidden", "CourtListener refused the docket: check COURTLISTENER_TOKEN"
    MALFORMED = "malformed", "CourtListener's answer could not be read: check the docket on CourtListener"
