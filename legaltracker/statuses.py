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
