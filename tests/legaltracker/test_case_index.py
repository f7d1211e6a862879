"""The case index as readers' research tool: combined filters, sorting, a count, exports, JSON-LD."""

import csv
import io
import json
import re
from datetime import date

import pytest

from legaltracker.models import Allegation, CaseParty
from tests.factories import CourtFactory, file_entry, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(tree):
    """Three cases across two courts, two agencies and two allegations, filed in different years."""
    index = tree[2]
    sec = CaseParty.objects.create(name="SEC", slug="sec")
    doj = CaseParty.objects.create(name="DOJ", slug="doj")
    fraud = Allegation.objects.create(name="Fraud", slug="fraud")
    securities = Allegation.objects.create(name="Unregistered securities", slug="securities")
    nysd = CourtFactory(id="nysd", name="Southern District of New York")
    specs = [
        ("sec-v-binance", "SEC v. Binance", None, "1:23-cv-01599", date(2023, 6, 5), [sec], [securities]),
        ("sec-v-ripple", "SEC v. Ripple", nysd, "1:20-cv-10832", date(2020, 12, 22), [sec], [securities, fraud]),
        ("us-v-sbf", "United States v. Bankman-Fried", nysd, "1:22-cr-00673", date(2022, 12, 9), [doj], [fraud]),
    ]
    made = {}
    for slug, title, court, number, filed, bringers, allegations in specs:
        case = make_case(index, slug=slug, title=title, court=court, docket_number=number, date_filed=filed)
        case.brought_by.set(bringers)
        case.allegations.set(allegations)
        case.save_revision().publish()
        made[slug] = case
    file_entry(made["sec-v-ripple"], "1", "ORDER approving settlement; case closed.", date(2025, 5, 1))
    return index, made


def titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="case-title"><a href="[^"]*">([^<]*)</a>', html)


def test_filters_combine_and_the_count_says_how_many_match(client, cases):
    index, _ = cases
    everything = client.get(index.url).content.decode()
    assert "3 cases tracked" in everything

    by_sec = client.get(index.url + "?brought_by=sec").content.decode()
    assert titles(by_sec) == ["SEC v. Binance", "SEC v. Ripple"]  # newest filed first
    assert "2 of the tracked cases match" in by_sec

    both = client.get(index.url + "?brought_by=sec&allegation=fraud&court=nysd").content.decode()
    assert titles(both) == ["SEC v. Ripple"] and "1 of the tracked cases match" in both
    # Each chosen filter stays chosen in the form, so changing one keeps the others.
    assert '<option value="sec" selected>' in both and '<option value="fraud" selected>' in both
    assert '<option value="nysd" selected>' in both

    assert titles(client.get(index.url + "?year=2022").content.decode()) == ["United States v. Bankman-Fried"]
    settled = client.get(index.url + "?status=settled").content.decode()
    assert titles(settled) == ["SEC v. Ripple"]
    filed = client.get(index.url + "?status=filed").content.decode()
    assert titles(filed) == ["SEC v. Binance", "United States v. Bankman-Fried"]


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("", ["SEC v. Binance", "United States v. Bankman-Fried", "SEC v. Ripple"]),
        ("oldest", ["SEC v. Ripple", "United States v. Bankman-Fried", "SEC v. Binance"]),
        ("name", ["SEC v. Binance", "SEC v. Ripple", "United States v. Bankman-Fried"]),
        ("updated", ["SEC v. Ripple", "United States v. Bankman-Fried", "SEC v. Binance"]),
    ],
)
def test_sorting(client, cases, sort, expected):
    index, _ = cases
    assert titles(client.get(index.url + f"?sort={sort}").content.decode()) == expected


def test_empty_result_offers_to_clear_the_filters_and_empty_tracker_says_so(client, cases, tree):
    index, made = cases
    html = client.get(index.url + "?brought_by=doj&allegation=securities").content.decode()
    assert "No cases match these filters" in html and "No cases are tracked yet" not in html
    assert f'<a href="{index.url}">Clear the filters</a>' in html

    for case in made.values():
        case.unpublish()
    html = client.get(index.url).content.decode()
    assert "No cases are tracked yet." in html and "No cases match" not in html


def test_pagination_keeps_the_filters(client, tree):
    index = tree[2]
    sec = CaseParty.objects.create(name="SEC", slug="sec")
    for n in range(23):
        case = make_case(index, slug=f"case-{n}", title=f"SEC v. Party {n:02d}", docket_number=f"1:23-cv-{n:05d}")
        case.brought_by.set([sec])
        case.save_revision().publish()
    make_case(index, slug="private", title="Doe v. Exchange", docket_number="1:24-cv-00001")

    first = client.get(index.url + "?brought_by=sec&sort=name").content.decode()
    assert "Page 1 of 2" in first and "23 of the tracked cases match" in first
    assert 'href="?brought_by=sec&amp;sort=name&amp;page=2"' in first
    second = client.get(index.url + "?brought_by=sec&sort=name&page=2").content.decode()
    assert titles(second) == ["SEC v. Party 20", "SEC v. Party 21", "SEC v. Party 22"]
    assert client.get(index.url + "?page=9").status_code == 404


def test_csv_and_json_exports_follow_the_filters(client, cases):
    index, _ = cases
    page = client.get(index.url + "?allegation=fraud").content.decode()
    csv_link = re.search(r'href="([^"]*export/csv/[^"]*)"', page).group(1).replace("&amp;", "&")
    assert csv_link == index.url + index.reverse_subpage("export_csv") + "?allegation=fraud"

    response = client.get(csv_link)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["title"] for row in rows] == ["United States v. Bankman-Fried", "SEC v. Ripple"]
    ripple = rows[1]
    assert ripple["status_label"] == "Settled" and ripple["date_filed"] == "2020-12-22"
    assert ripple["allegations"] == "Fraud; Unregistered securities" and ripple["court_id"] == "nysd"
    assert ripple["url"] == "http://testserver/cases/sec-v-ripple/"

    data = client.get(index.url + index.reverse_subpage("export_json") + "?allegation=fraud&sort=name").json()
    assert data["count"] == 2 and data["filters"] == {"allegation": "fraud"} and data["sort"] == "name"
    assert [case["title"] for case in data["cases"]] == ["SEC v. Ripple", "United States v. Bankman-Fried"]
    assert data["cases"][0]["brought_by"] == ["SEC"] and data["cases"][0]["status"] == "settled"


def test_index_describes_its_list_as_schema_org_item_list(client, cases):
    index, _ = cases
    html = client.get(index.url + "?brought_by=sec").content.decode()
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    data = json.loads(payload)
    assert data["@type"] == "ItemList" and data["numberOfItems"] == 2
    assert [item["name"] for item in data["itemListElement"]] == ["SEC v. Binance", "SEC v. Ripple"]
    assert data["itemListElement"][0] == {
        "@type": "ListItem",
        "position": 1,
        "url": "http://testserver/cases/sec-v-binance/",
        "name": "SEC v. Binance",
    }


def test_a_case_change_purges_the_index_exports_and_analytics(client, cases, django_capture_on_commit_callbacks):
    index, made = cases
    for suffix in ("", "export/csv/", "analytics/"):
        client.get(index.url + suffix)
        assert client.get(index.url + suffix)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        file_entry(made["sec-v-binance"], "9", "ORDER granting Motion to Stay.", date(2025, 6, 1))
    assert "Stayed" in client.get(index.url).content.decode()
    assert "Stayed" in client.get(index.url + "export/csv/").content.decode()
    assert "Stayed" in client.get(index.url + "analytics/").content.decode()


def test_analytics_page_charts_durations_outcomes_and_filings_with_their_tables(client, cases):
    index, made = cases
    file_entry(made["us-v-sbf"], "1", "FINAL JUDGMENT entered against defendant.", date(2024, 3, 28))
    listing = client.get(index.url).content.decode()
    analytics_url = index.url + index.reverse_subpage("analytics")
    assert f'href="{analytics_url}"' in listing

    response = client.get(analytics_url)
    html = response.content.decode()
    assert "public" in response["Cache-Control"]  # cached like the other public pages
    assert html.count('<svg role="img"') == 4
    assert '<title id="chart-resolution-title">Median days from filing to resolution, by outcome</title>' in html
    # Ripple: filed Dec 22, 2020, settled May 1, 2025; Bankman-Fried: Dec 9, 2022 to Mar 28, 2024.
    assert "Settled: median 1591 days" in html and "Judgment: median 475 days" in html
    assert '<th scope="row">Settled</th><td>1</td><td>1591</td><td>1591</td><td>1591</td>' in html
    per_year = re.search(r"<caption>Cases filed per year</caption>.*?</table>", html, re.S).group(0)
    assert re.findall(r'<th scope="row">(\d+)</th><td>(\d+)</td>', per_year) == [
        ("2020", "1"),
        ("2022", "1"),
        ("2023", "1"),
    ]
    by_agency = re.search(r"<caption>Cases in each status, by who brought the case</caption>.*?</table>", html, re.S)
    assert '<th scope="row">SEC</th>' in by_agency.group(0) and '<th scope="row">DOJ</th>' in by_agency.group(0)
    assert "style=" not in html and "<script>" not in html
