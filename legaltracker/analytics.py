"""Figures computed from the tracked cases, laid out as bar charts the server draws as SVG.

Each chart comes with the numbers it draws, which the page also shows as a table: the table is
the accessible and citable form, the chart the quick read.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

from legaltracker.statuses import Status

# A case has ended, one way or another, once it reaches one of these.
OUTCOMES = (Status.SETTLED, Status.DISMISSED, Status.JUDGMENT, Status.APPEAL, Status.CLOSED)
PENDING = (Status.FILED, Status.ACTIVE, Status.STAYED)

# Geometry of every chart, in SVG user units; the SVG scales to the column's width.
CHART_WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 60
ROW_HEIGHT = 30
BAR_HEIGHT = 20
LABEL_CHARS = 30


@dataclass
class Segment:
    name: str
    value: float
    css_class: str
    x: float = 0
    width: float = 0


@dataclass
class Row:
    label: str
    segments: list[Segment]
    value_text: str
    y: float = 0
    text_y: float = 0
    value_x: float = 0

    @property
    def total(self) -> float:
        return sum(segment.value for segment in self.segments)

    @property
    def short_label(self) -> str:
        return self.label if len(self.label) <= LABEL_CHARS else self.label[: LABEL_CHARS - 1].rstrip() + "…"


@dataclass
class BarChart:
    slug: str
    title: str
    description: str
    rows: list[Row]
    legend: list[tuple[str, str]] = field(default_factory=list)
    width: int = CHART_WIDTH
    height: int = 0
    label_width: int = LABEL_WIDTH

    def __post_init__(self):
        """Place every bar: lengths are proportional to the largest row's total."""
        scale_max = max((row.total for row in self.rows), default=0) or 1
        bar_room = self.width - LABEL_WIDTH - VALUE_WIDTH
        for n, row in enumerate(self.rows):
            row.y = n * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
            row.text_y = n * ROW_HEIGHT + ROW_HEIGHT / 2 + 5
            x = float(LABEL_WIDTH)
            for segment in row.segments:
                segment.x = round(x, 1)
                segment.width = round(segment.value / scale_max * bar_room, 1)
                x += segment.width
            row.value_x = round(x + 6, 1)
        self.height = max(len(self.rows), 1) * ROW_HEIGHT

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT


def case_facts(cases) -> list[dict]:
    """Status, court, who brought it, and filing and resolution dates of each case, as readers see them."""
    facts = []
    for case in cases.prefetch_related("brought_by"):
        status = getattr(case, "status", None)
        value = status.status if status else Status.FILED
        ended = case.display_date_terminated
        if ended is None and value in OUTCOMES and status is not None:
            ended = status.last_event_date
        facts.append(
            {
                "status": value,
                "court": case.court.name,
                "brought_by": [party.name for party in case.brought_by.all()] or ["Not recorded"],
                "filed": case.display_date_filed,
                "ended": ended,
            }
        )
    return facts


def days_to_resolution(facts) -> list[dict]:
    """Per outcome: how many resolved cases, and the median, shortest and longest days from filing."""
    durations = defaultdict(list)
    for fact in facts:
        if fact["status"] in OUTCOMES and fact["filed"] and fact["ended"] and fact["ended"] >= fact["filed"]:
            durations[fact["status"]].append((fact["ended"] - fact["filed"]).days)
    return [
        {
            "outcome": Status(outcome).label,
            "status": outcome,
            "cases": len(days),
            "median": round(median(days)),
            "shortest": min(days),
            "longest": max(days),
        }
        for outcome in OUTCOMES
        if (days := durations.get(outcome))
    ]


def outcomes_by(facts, key: str) -> tuple[list[Status], list[dict]]:
    """Counts of cases in each status for each value of `key` (court, or who brought the case)."""
    counts = defaultdict(Counter)
    for fact in facts:
        for name in fact[key] if isinstance(fact[key], list) else [fact[key]]:
            counts[name][fact["status"]] += 1
    statuses = [status for status in Status if any(counter[status] for counter in counts.values())]
    rows = [
        {"name": name, "counts": [counter[status] for status in statuses], "total": sum(counter.values())}
        for name, counter in sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    ]
    return statuses, rows


def filed_per_year(facts) -> list[dict]:
    years = Counter(fact["filed"].year for fact in facts if fact["filed"])
    return [{"year": year, "cases": years[year]} for year in sorted(years)]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _stacked_chart(slug, title, description, statuses, rows) -> BarChart:
    return BarChart(
        slug=slug,
        title=title,
        description=description,
        rows=[
            Row(
                label=row["name"],
                segments=[
                    Segment(name=f"{status.label}: {count}", value=count, css_class=f"bar-{status.value}")
                    for status, count in zip(statuses, row["counts"], strict=True)
                    if count
                ],
                value_text=str(row["total"]),
            )
            for row in rows
        ],
        legend=[(status.label, f"bar-{status.value}") for status in statuses],
    )


def analytics_context(cases) -> dict:
    facts = case_facts(cases)
    resolution = days_to_resolution(facts)
    agency_statuses, by_agency = outcomes_by(facts, "brought_by")
    court_statuses, by_court = outcomes_by(facts, "court")
    per_year = filed_per_year(facts)
    resolved = sum(row["cases"] for row in resolution)
    charts = {
        "resolution": BarChart(
            slug="resolution",
            title="Median days from filing to resolution, by outcome",
            description=(
                f"Computed from {_plural(resolved, 'resolved case')}. "
                + "; ".join(f"{row['outcome']}: median {row['median']} days" for row in resolution)
            ),
            rows=[
                Row(
                    label=row["outcome"],
                    segments=[
                        Segment(f"{row['outcome']}: {row['median']} days", row["median"], f"bar-{row['status']}")
                    ],
                    value_text=f"{row['median']} d",
                )
                for row in resolution
            ],
        ),
        "agency": _stacked_chart(
            "agency",
            "Case status by who brought the case",
            "; ".join(f"{row['name']}: {_plural(row['total'], 'case')}" for row in by_agency),
            agency_statuses,
            by_agency,
        ),
        "court": _stacked_chart(
            "court",
            "Case status by court",
            "; ".join(f"{row['name']}: {_plural(row['total'], 'case')}" for row in by_court),
            court_statuses,
            by_court,
        ),
        "per_year": BarChart(
            slug="per-year",
            title="Cases filed per year",
            description="; ".join(f"{row['year']}: {row['cases']}" for row in per_year),
            rows=[
                Row(
                    str(row["year"]),
                    [Segment(f"{row['year']}: {row['cases']}", row["cases"], "bar-year")],
                    str(row["cases"]),
                )
                for row in per_year
            ],
        ),
    }
    return {
        "case_total": len(facts),
        "pending_total": sum(1 for fact in facts if fact["status"] in PENDING),
        "charts": charts,
        "resolution": resolution,
        "agency_statuses": agency_statuses,
        "by_agency": by_agency,
        "court_statuses": court_statuses,
        "by_court": by_court,
        "per_year": per_year,
    }
