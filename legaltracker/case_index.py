"""The case index as a research tool: filters that combine, sorting, a count, exports and JSON-LD.

Every filter is a GET parameter, so a filtered list is a URL a reader can share, and the same
parameters drive the page, its pagination links and the CSV and JSON exports.
"""

import csv
import io
import json
from dataclasses import asdict, dataclass
from functools import cache
from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import InvalidPage, Paginator
from django.db.models import DateField, F, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404, HttpResponse, JsonResponse

from legaltracker.links import absolute_page_url
from legaltracker.statuses import Status
from legaltracker.vocabulary import Allegation, CaseParty

CASES_PER_PAGE = 20

# Sort key -> (label, ordering). Names and order are what readers pick from.
SORTS = {
    "newest": ("Newest filed", [F("filed_on").desc(nulls_last=True), "title"]),
    "oldest": ("Oldest filed", [F("filed_on").asc(nulls_last=True), "title"]),
    "updated": ("Recently updated", [F("updated_on").desc(nulls_last=True), "title"]),
    "name": ("Name", ["title"]),
}
DEFAULT_SORT = "newest"
FILTER_NAMES = ("court", "status", "brought_by", "allegation", "year")
# Fields of each case in the exports, in column order (documented in the README).
EXPORT_FIELDS = (
    "title",
    "url",
    "caption",
    "court",
    "court_id",
    "docket_number",
    "status",
    "status_label",
    "headline",
    "last_event_date",
    "date_filed",
    "date_terminated",
    "brought_by",
    "allegations",
)


@dataclass(frozen=True)
class CaseFilters:
    court: str = ""
    status: str = ""
    brought_by: str = ""
    allegation: str = ""
    year: str = ""
    sort: str = DEFAULT_SORT

    @classmethod
    def from_query(cls, query) -> "CaseFilters":
        """Filters from GET parameters; a value that cannot match anything (a bad year) is dropped."""
        values = {name: query.get(name, "").strip()[:120] for name in FILTER_NAMES}
        if values["status"] not in Status.values:
            values["status"] = ""
        if not (values["year"].isdigit() and len(values["year"]) == 4):
            values["year"] = ""
        sort = query.get("sort", "")
        return cls(**values, sort=sort if sort in SORTS else DEFAULT_SORT)

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in FILTER_NAMES)

    def query_string(self, **changes) -> str:
        """The filters (and sort, when not the default) as a query string, with `changes` applied."""
        values = {**asdict(self), **changes}
        if values["sort"] == DEFAULT_SORT:
            values.pop("sort")
        return urlencode({name: value for name, value in values.items() if value})

    def apply(self, cases):
        if self.court:
            cases = cases.filter(court_id=self.court)
        if self.status == Status.FILED:  # a case not looked up yet has no status row and reads as filed
            cases = cases.filter(Q(status__status=Status.FILED) | Q(status__isnull=True))
        elif self.status:
            cases = cases.filter(status__status=self.status)
        if self.brought_by:
            cases = cases.filter(brought_by__slug=self.brought_by)
        if self.allegation:
            cases = cases.filter(allegations__slug=self.allegation)
        if self.year:
            cases = cases.filter(filed_on__year=int(self.year))
        return cases.order_by(*SORTS[self.sort][1], "pk")


def tracked_cases(index):
    """Live cases below the index with the dates readers sort by: the editor's, else the docket's."""
    # Looked up by name: models.py imports this module, so importing it back would make a cycle.
    case_page = apps.get_model("legaltracker", "CasePage")
    return (
        case_page.objects.live()
        .child_of(index)
        .select_related("court", "status")
        .annotate(
            filed_on=Coalesce("date_filed", "status__date_filed", output_field=DateField()),
            updated_on=Coalesce("status__last_changed", "last_published_at"),
        )
    )


def filter_choices(cases) -> dict:
    """What each filter offers: only values some live case has, so no choice leads nowhere.

    Each value is computed when the template first reads it (Django calls callables it finds in a
    context): the form renders inside a cached fragment, and a fragment hit must not run its queries.
    """
    court = apps.get_model("legaltracker", "Court")
    ids = cases.values("pk")

    @cache
    def statuses():
        present = set(cases.values_list("status__status", flat=True))
        if None in present:
            present.add(Status.FILED)
        return [(value, label) for value, label in Status.choices if value in present]

    @cache
    def years():
        filed = cases.annotate(y=ExtractYear("filed_on")).exclude(y=None).order_by().values_list("y", flat=True)
        return sorted(filed.distinct(), reverse=True)

    return {
        "courts": court.objects.filter(cases__in=ids).distinct(),
        "statuses": statuses,
        "bringers": CaseParty.objects.filter(cases__in=ids).distinct(),
        "allegations": Allegation.objects.filter(cases__in=ids).distinct(),
        "years": years,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
    }


def index_context(index, request) -> dict:
    """The page of filtered cases, the count, the choices and the links that keep the filters.

    Like the filter choices, the list and the count are computed when the template reads them. A
    page number other than the first is checked now, so a page past the end is a 404.
    """
    filters = CaseFilters.from_query(request.GET)
    everything = tracked_cases(index)
    matching = filters.apply(everything)
    paginator = Paginator(matching, CASES_PER_PAGE)
    page_number = request.GET.get("page")
    if page_number:
        try:
            paginator.validate_number(page_number)
        except InvalidPage as exc:  # a garbage or out-of-range page number is a 404, not a 500
            raise Http404("No such page of cases.") from exc
    query = filters.query_string()
    return {
        "filters": filters,
        "cases": cache(lambda: paginator.page(page_number or 1)),
        "paginator": paginator,
        "case_count": lambda: paginator.count,
        "any_cases": cache(lambda: paginator.count > 0 or everything.exists()),
        "page_query": query + "&" if query else "",
        "export_query": "?" + query if query else "",
        **filter_choices(everything),
    }


def export_rows(index, request) -> list[dict]:
    filters = CaseFilters.from_query(request.GET)
    cases = filters.apply(tracked_cases(index)).prefetch_related("brought_by", "allegations")
    rows = []
    for case in cases:
        status = getattr(case, "status", None)
        status_value = status.status if status else Status.FILED
        rows.append(
            {
                "title": case.title,
                "url": absolute_page_url(case, request),
                "caption": case.display_caption,
                "court": case.court.name,
                "court_id": case.court_id,
                "docket_number": case.docket_number,
                "status": status_value,
                "status_label": Status(status_value).label,
                "headline": status.headline if status else "",
                "last_event_date": _iso(status.last_event_date if status else None),
                "date_filed": _iso(case.display_date_filed),
                "date_terminated": _iso(case.display_date_terminated),
                "brought_by": [party.name for party in case.brought_by.all()],
                "allegations": [allegation.name for allegation in case.allegations.all()],
            }
        )
    return rows


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def csv_response(index, request) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_FIELDS)
    for row in export_rows(index, request):
        writer.writerow(
            [
                "; ".join(value) if isinstance(value, list) else ("" if value is None else _csv_safe(value))
                for value in (row[name] for name in EXPORT_FIELDS)
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    return response


def _csv_safe(value: str) -> str:
    # Court text opened in a spreadsheet must not run as a formula (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def json_response(index, request) -> JsonResponse:
    rows = export_rows(index, request)
    filters = CaseFilters.from_query(request.GET)
    return JsonResponse(
        {
            "source": absolute_page_url(index, request),
            "filters": {name: getattr(filters, name) for name in FILTER_NAMES if getattr(filters, name)},
            "sort": filters.sort,
            "count": len(rows),
            "cases": rows,
        },
        json_dumps_params={"ensure_ascii": False},
    )


_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def item_list_json_ld(index, cases, request) -> str:
    """schema.org ItemList of the cases on this page, safe to place inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": index.title,
        "url": absolute_page_url(index, request),
        "numberOfItems": cases.paginator.count,
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": cases.start_index() + n,
                "url": absolute_page_url(case, request),
                "name": case.title,
            }
            for n, case in enumerate(cases)
        ],
    }
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
