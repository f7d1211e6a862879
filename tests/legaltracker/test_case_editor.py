"""Editors in the case admin: a case from its docket number alone, docket entries no source covers,
and the live status where the editor looks first."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from legaltracker.models import CasePage, CaseStatus, DocketEntry, StatusChange
from legaltracker.statuses import Source
from tests.factories import CourtFactory, file_entry, make_case

pytestmark = pytest.mark.django_db

DOCKET = {
    "id": 67474542,
    "court_id": "dcd",
    "case_name": "Securities and Exchange Commission v. Binance Holdings Limited",
    "case_name_full": "Securities and Exchange Commission v. Binance Holdings Limited, BAM Trading Services Inc.",
    "docket_number": "1:23-cv-01599",
    "date_filed": "2023-06-05",
}
PARTIES = [
    {"name": "Securities and Exchange Commission", "party_types": [{"name": "Plaintiff"}]},
    {"name": "Binance Holdings Limited", "party_types": [{"name": "Defendant"}]},
]


@pytest.fixture
def courtlistener(httpserver, settings):
    settings.COURTLISTENER_BASE_URL = httpserver.url_for("/api/rest/v4/")
    settings.COURTLISTENER_TOKEN = "test-token"
    settings.COURTLISTENER_TIMEOUT = (1, 1)
    return httpserver


def new_case_form(court_id="dcd", docket_number="1:23-cv-01599", title="", **fields):
    return nested_form_data(
        {
            "title": title,
            "slug": "",
            "caption": "",
            "court": court_id,
            "docket_number": docket_number,
            "courtlistener_docket_id": "",
            "tracking": "on",
            "judge": "",
            "referred_judge": "",
            "date_filed": "",
            "date_terminated": "",
            "summary": rich_text(fields.pop("summary", "")),
            "parties": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            **fields,
        }
    )


def add_url(cases):
    return f"/admin/pages/add/legaltracker/casepage/{cases.pk}/"


def test_a_case_created_from_court_and_docket_number_alone_is_filled_in_from_courtlistener(
    admin_client, tree, courtlistener
):
    home, news, cases = tree
    CourtFactory()
    # A near match on a further page is never fetched: the search costs one call of the quota.
    next_page = courtlistener.url_for("/api/rest/v4/dockets/") + "?cursor=2"
    courtlistener.expect_request("/api/rest/v4/dockets/").respond_with_json({"next": next_page, "results": [DOCKET]})
    courtlistener.expect_request("/api/rest/v4/parties/").respond_with_json({"next": None, "results": PARTIES})

    mistyped = admin_client.post(add_url(cases), {**new_case_form(date_filed="5 June"), "action-publish": "publish"})
    assert mistyped.status_code == 200 and not CasePage.objects.exists()
    assert [r.path for r, _ in courtlistener.log].count("/api/rest/v4/dockets/") == 1
    response = admin_client.post(add_url(cases), {**new_case_form(), "action-publish": "publish"})

    assert response.status_code == 302
    case = CasePage.objects.get(docket_number="1:23-cv-01599")
    assert case.title == "SEC v. Binance Holdings Limited"  # the short form reporters use
    assert case.caption == DOCKET["case_name_full"]
    assert case.slug == "sec-v-binance-holdings-limited" and case.live
    assert case.courtlistener_docket_id == DOCKET["id"]
    assert [(p.name, p.role) for p in case.parties.all()] == [
        ("Securities and Exchange Commission", "Plaintiff"),
        ("Binance Holdings Limited", "Defendant"),
    ]
    docket_searches = [r for r, _ in courtlistener.log if r.path == "/api/rest/v4/dockets/"]
    assert len(docket_searches) == 1  # the save after fixing the date reused the first answer
    assert docket_searches[0].args["court"] == "dcd" and docket_searches[0].args["docket_number"] == "1:23-cv-01599"
    # What the lookup filled in is the editor's to change afterwards, like anything they typed.
    edit = admin_client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    assert 'value="SEC v. Binance Holdings Limited"' in edit and "Binance Holdings Limited" in edit


def test_without_a_token_the_editor_is_asked_for_a_title_and_keeps_what_they_typed(admin_client, tree, settings):
    home, news, cases = tree
    CourtFactory()
    settings.COURTLISTENER_TOKEN = ""
    data = new_case_form(summary="<p>The SEC says Binance ran an unregistered exchange.</p>", judge="A. B. Jackson")

    response = admin_client.post(add_url(cases), {**data, "action-publish": "publish"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a title: CourtListener lookups are off" in html
    assert "1:23-cv-01599" in html and "A. B. Jackson" in html and "unregistered exchange" in html
    assert not CasePage.objects.exists()
    # With a title the case saves as usual.
    saved = admin_client.post(add_url(cases), {**data, "title": "SEC v. Binance", "action-publish": "publish"})
    assert saved.status_code == 302 and CasePage.objects.get().title == "SEC v. Binance"


def test_a_docket_courtlistener_does_not_have_is_named_in_the_message(admin_client, tree, courtlistener):
    home, news, cases = tree
    CourtFactory()
    courtlistener.expect_request("/api/rest/v4/dockets/").respond_with_json({"next": None, "results": []})

    response = admin_client.post(add_url(cases), {**new_case_form(docket_number="1:23-cv-09999")})

    assert response.status_code == 200
    assert "CourtListener has no docket 1:23-cv-09999 in court dcd; check the number" in response.content.decode()
    assert 'value="1:23-cv-09999"' in response.content.decode()
    assert not CasePage.objects.exists()


def test_a_courtlistener_outage_asks_for_a_title_or_a_retry(admin_client, tree, courtlistener):
    home, news, cases = tree
    CourtFactory()
    courtlistener.expect_request("/api/rest/v4/dockets/").respond_with_data("Bad gateway", status=502)

    response = admin_client.post(add_url(cases), {**new_case_form(), "action-publish": "publish"})

    assert "Enter a title, or try again in a minute: CourtListener did not answer." in response.content.decode()
    assert not CasePage.objects.exists()


def test_previewing_a_new_case_spends_no_courtlistener_calls(admin_client, tree, courtlistener):
    home, news, cases = tree
    CourtFactory()
    preview_url = f"/admin/pages/add/legaltracker/casepage/{cases.pk}/preview/"

    assert admin_client.post(preview_url, new_case_form()).json()["is_valid"] is True
    assert courtlistener.log == []


def test_the_live_status_panel_is_at_the_top_of_the_case_editor(admin_client, tree):
    home, news, cases = tree
    case = make_case(cases)
    file_entry(case, "1", "COMPLAINT against Binance.")
    html = admin_client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    assert html.index("Live status") < html.index('name="title"') < html.index('name="docket_number"')
    assert "Override or clear status" in html and "Status history" in html
    assert f"/admin/cases/{case.pk}/entries/" in html


def test_an_editor_adds_a_docket_entry_no_source_covers_and_the_status_follows(admin_client, tree, admin_user):
    home, news, cases = tree
    case = make_case(cases)
    file_entry(case, "1", "COMPLAINT against Binance.", number=1)
    url = f"/admin/cases/{case.pk}/entries/"

    assert "Add a docket entry to" in admin_client.get(url).content.decode()
    response = admin_client.post(
        url,
        {
            "date_filed": "2024-02-01",
            "entry_number": "2",
            "description": "ORDER granting the joint motion to stay the case pending settlement talks.",
            "document_url": "https://ecf.dcd.uscourts.gov/doc1/045012345678",
        },
        follow=True,
    )

    assert "Docket entry added" in response.content.decode()
    entry = DocketEntry.objects.get(case=case, entry_number=2)
    assert entry.source == Source.MANUAL and entry.recorded_by == "editor:admin"
    assert CaseStatus.objects.get(pk=case.pk).status == "stayed"
    change = StatusChange.objects.get(case=case, to_status="stayed")
    assert change.actor == "editor:admin" and change.source == Source.MANUAL and change.cause_entry == entry
    # Readers see it on the case page like any other filing.
    assert "joint motion to stay" in admin_client.get(case.url).content.decode()


def test_an_editor_corrects_their_entry_through_the_same_path(admin_client, tree):
    home, news, cases = tree
    case = make_case(cases)
    file_entry(case, "1", "COMPLAINT against Binance.", number=1)
    admin_client.post(
        f"/admin/cases/{case.pk}/entries/",
        {"date_filed": "2024-02-01", "entry_number": "2", "description": "ORDER granting motion to stay."},
    )
    entry = DocketEntry.objects.get(case=case, entry_number=2)
    assert CaseStatus.objects.get(pk=case.pk).status == "stayed"

    response = admin_client.post(
        f"/admin/cases/{case.pk}/entries/{entry.pk}/",
        {"date_filed": "2024-02-01", "entry_number": "2", "description": "NOTICE of appearance by counsel."},
        follow=True,
    )

    assert "Docket entry corrected" in response.content.decode()
    entry.refresh_from_db()
    assert entry.description == "NOTICE of appearance by counsel." and entry.recorded_by == "editor:admin"
    status = CaseStatus.objects.get(pk=case.pk)
    assert status.status != "stayed"
    undo = StatusChange.objects.get(case=case, from_status="stayed")
    assert undo.actor == "editor:admin" and undo.to_status == status.status


def test_docket_entry_form_refuses_what_readers_should_not_get(admin_client, tree):
    home, news, cases = tree
    case = make_case(cases)
    file_entry(case, "cl-1", "COMPLAINT against Binance.", number=1)
    url = f"/admin/cases/{case.pk}/entries/"
    for link in ["javascript:alert(1)", "ftp://example.org/filing.pdf"]:
        refused = admin_client.post(url, {"date_filed": "2024-02-01", "description": "Order.", "document_url": link})
        assert refused.status_code == 200 and "http" in refused.content.decode()
    clash = admin_client.post(url, {"date_filed": "2024-02-01", "entry_number": "1", "description": "Order."})
    assert "Entry #1 is already on the docket" in clash.content.decode()
    assert DocketEntry.objects.filter(case=case).count() == 1
    # Entries from the court's own record are corrected at their source, not here.
    court_entry = DocketEntry.objects.get(case=case)
    DocketEntry.objects.filter(pk=court_entry.pk).update(source=Source.COURTLISTENER)
    assert admin_client.get(f"{url}{court_entry.pk}/").status_code == 404
