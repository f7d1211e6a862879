"""Read paths of the case page, the hub for a case: its coverage, its docket over time, its feed items."""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.db.models.functions import TruncMonth
from wagtail.models import Page, ReferenceIndex

from legaltracker.conf import app_settings
from legaltracker.models import CasePage, DocketEntry, StatusChange
from legaltracker.statuses import Status
from legaltracker.text import reader_date

CHART_WIDTH, CHART_HEIGHT = 640, 180
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 36, 12, 28, 30
FEED_ITEMS = 30


def coverage(case: CasePage):
    """Every live page whose content refers to the case (Wagtail's reference index), newest first."""
    page_type = ContentType.objects.get_for_model(Page)
    source_ids = (
        ReferenceIndex.get_references_to(case).filter(base_content_type=page_type).values_list("object_id", flat=True)
    )
    return (
        Page.objects.live()
        .filter(pk__in=[int(pk) for pk in source_ids])
        .exclude(pk=case.pk)
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    )


def cases_referenced_by(page: Page) -> list[int]:
    """Ids of the cases a page's content refers to (a story embedding a case widget, say)."""
    targets = ReferenceIndex.get_references_for_object(page).values_list("to_object_id", flat=True)
    ids = [int(pk) for pk in targets if str(pk).isdigit()]
    return list(CasePage.objects.filter(pk__in=ids).values_list("pk", flat=True))


@dataclass
class Bar:
    month: date
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Marker:
    day: date
    label: str
    status: str
    x: float


@dataclass
class TimelineChart:
    bars: list[Bar]
    markers: list[Marker]
    peak: int
    total: int
    first_label: str
    last_label: str
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    baseline: float = CHART_HEIGHT - CHART_BOTTOM
    left: int = CHART_LEFT
    right_edge: int = CHART_WIDTH - CHART_RIGHT

    @property
    def summary(self) -> str:
        """The chart's description in words, for its <desc> and for readers of the table."""
        changes = "; ".join(f"{m.label} on {reader_date(m.day)}" for m in self.markers)
        text = (
            f"{self.total} dated filing{'s' if self.total != 1 else ''} from {self.first_label} to "
            f"{self.last_label}, at most {self.peak} in one month."
        )
        return text + (f" Status changes: {changes}." if changes else "")


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def timeline_chart(case: CasePage) -> TimelineChart | None:
    """Filings per month with the status changes marked, laid out for a server-rendered SVG."""
    months = list(
        DocketEntry.objects.filter(case=case, date_filed__isnull=False)
        .annotate(month=TruncMonth("date_filed"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    if not months:
        return None
    changes = [
        (change.cause_entry.date_filed if change.cause_entry and change.cause_entry.date_filed else None, change)
        for change in StatusChange.objects.filter(case=case).select_related("cause_entry").order_by("created_at", "pk")
    ]
    changes = [(day or change.created_at.date(), change) for day, change in changes]
    first = _month_index(months[0]["month"])
    last = max([_month_index(months[-1]["month"])] + [_month_index(day) for day, _ in changes])
    span = last - first + 1
    plot_width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    step = plot_width / span
    peak = max(row["count"] for row in months)
    bars = []
    for row in months:
        height = max(row["count"] / peak * plot_height, 1.5)
        x = CHART_LEFT + (_month_index(row["month"]) - first) * step
        bars.append(
            Bar(
                month=row["month"],
                label=row["month"].strftime("%B %Y"),
                count=row["count"],
                x=round(x + step * 0.1, 2),
                y=round(CHART_HEIGHT - CHART_BOTTOM - height, 2),
                width=round(max(step * 0.8, 1), 2),
                height=round(height, 2),
            )
        )
    markers = [
        Marker(
            day=day,
            label=f"Now {Status(change.to_status).label.lower()}",
            status=change.to_status,
            x=round(CHART_LEFT + (_month_index(day) - first + 0.5) * step, 2),
        )
        for day, change in changes
    ]
    first_month = months[0]["month"]
    last_month = date(last // 12, last % 12 + 1, 1)
    return TimelineChart(
        bars=bars,
        markers=markers,
        peak=peak,
        total=sum(row["count"] for row in months),
        first_label=first_month.strftime("%B %Y"),
        last_label=last_month.strftime("%B %Y"),
    )


def feed_items(case: CasePage) -> list:
    """New filings and status changes, newest first, as the case's feed lists them."""
    entries = list(DocketEntry.objects.filter(case=case).order_by("-created_at", "-pk")[:FEED_ITEMS])
    changes = list(
        StatusChange.objects.filter(case=case).select_related("cause_entry").order_by("-created_at", "-pk")[:FEED_ITEMS]
    )
    return sorted(entries + changes, key=lambda item: item.created_at, reverse=True)[:FEED_ITEMS]


def case_hub(case: CasePage) -> dict:
    """What the case page's content shows beyond the page's own fields; read only when it renders."""
    from legaltracker.selectors import widget_payload

    return {
        "widget": widget_payload(case, 0),
        "poll_seconds": app_settings.WIDGET_POLL_SECONDS,
        "chart": timeline_chart(case),
        "coverage": list(coverage(case)),
    }
