"""Dates and sentence endings as the site writes them, for templates, payloads and feeds alike.

Widget payloads carry these ready-made strings so that widget.js shows exactly what the server
rendered; parsing an ISO date in the browser would also shift it a day west of UTC.
"""

from datetime import UTC, date, datetime

from django.utils import timezone
from django.utils.dateformat import format as date_format

READER_DATE_FORMAT = "N j, Y"  # "May 29, 2025", "Aug. 16, 2023": the articles' own style


def reader_date(value: date | datetime | str | None) -> str:
    """A date as the site writes it, from a date, a datetime or an ISO string; "" for none."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return ""
    return date_format(value, READER_DATE_FORMAT)


def reader_datetime(value: datetime | None) -> str:
    """A moment as the site writes it, in UTC: "May 29, 2025, 14:05 UTC"."""
    if not value:
        return ""
    return date_format(timezone.localtime(value, UTC), READER_DATE_FORMAT + ", H:i") + " UTC"


def without_final_period(text: str) -> str:
    """The text ready for punctuation of our own: "…Commission." + ", May 29" must not read "Commission.,".

    An abbreviation keeps its period ("5:00 p.m., Feb. 13"): it is part of the word, not the sentence's end.
    """
    text = (text or "").rstrip()
    if not text.endswith(".") or text.rsplit(" ", 1)[-1].count(".") > 1:
        return text
    return text[:-1].rstrip()
