"""What readers see on a case page and the case index, and what editors are told when they add a case."""

from datetime import date, timedelta

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from legaltracker.models import Allegation, CasePage, CaseParty, Party
from tests.factories import CourtFactory, file_entry, make_case

pytestmark = pytest.mark.django_db


def test_case_page_shows_status_facts_parties_and_timeline(client, tree):
    case = make_case(
        tree[2], judge="Amy Berman Jackson", referred_judge="Zia M. Faruqui", courtlistener_docket_id=67474542
    )
    Party.objects.create(case=case, name="Binance Holdings Limited", role="Defendant")
    file_entry(case, "1", "COMPLAINT filed.", date(2023, 6, 5), number=1)
    file_entry(case, "2", "MINUTE ORDER referring the motion to Magistrate Judge Zia M. Faruqui.", date(2023, 8, 16))

    html = client.get(case.url).content.decode()

    for text in [
        "SEC v. Binance",
        "1:23-cv-01599",
        "Amy Berman Jackson",
        "Zia M. Faruqui",
        ">Active<",
        "(Aug. 16, 2023)",
        "Binance Holdings Limited",
        "Defendant",
        "Last checked",
        "https://www.courtlistener.com/docket/67474542/",
    ]:
        assert text in html, text
    assert html.index("MINUTE ORDER referring") < html.index("COMPLAINT filed.")  # newest first


def test_timeline_is_paginated(client, tree):
    case = make_case(tree[2])
    for n in range(30):
        file_entry(case, f"e{n}", f"Entry number {n}.", date(2024, 1, 1) + timedelta(days=n), number=n + 1)
    first, second = client.get(case.url).content.decode(), client.get(case.url + "?page=2").content.decode()
    assert "Page 1 of 2" in first and "Entry number 29." in first
    assert "Entry number 0." in second and "Entry number 0." not in first


@pytest.mark.parametrize(
    "vocabulary, relation, parameter",
    [(Allegation, "allegations", "allegation"), (CaseParty, "brought_by", "brought_by")],
)
def test_case_index_filters_by_allegation_and_by_who_brought_the_case(client, tree, vocabulary, relation, parameter):
    term = vocabulary.objects.create(name="Fraud or DOJ", slug="term")
    sbf = make_case(tree[2], slug="us-v-sbf", title="United States v. Bankman-Fried", docket_number="1:22-cr-00673")
    getattr(sbf, relation).add(term)
    sbf.save_revision().publish()
    make_case(tree[2], slug="sec-v-coinbase", title="SEC v. Coinbase", docket_number="1:23-cv-04738")

    html = client.get(tree[2].url + f"?{parameter}=term").content.decode()

    assert "United States v. Bankman-Fried" in html and "SEC v. Coinbase" not in html
    assert '<option value="term" selected>' in html


@pytest.mark.parametrize(
    "docket_number, message",
    [
        ("twenty-three", "Use the court&#x27;s form"),
        ("1:23-cv-1599-ABJ", "already tracked"),
    ],
)
def test_editor_gets_a_clear_error_for_a_bad_or_duplicate_docket(admin_client, tree, docket_number, message):
    make_case(tree[2])
    court = CourtFactory()
    data = nested_form_data(
        {
            "title": "New case",
            "slug": "new-case",
            "caption": "",
            "court": court.pk,
            "docket_number": docket_number,
            "courtlistener_docket_id": "",
            "tracking": "on",
            "judge": "",
            "referred_judge": "",
            "date_filed": "",
            "date_terminated": "",
            "summary": rich_text(""),
            "parties": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/legaltracker/casepage/{tree[2].pk}/", data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not CasePage.objects.filter(slug="new-case").exists()
