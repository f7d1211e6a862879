"""In real Chromium: Wagtail's admin works under the site's Content-Security-Policy (no violations)."""

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS
from tests.factories import make_article, make_case, site_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_pages_load_without_csp_violations(live_server, admin_user, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    _, news, cases = site_tree()
    case = make_case(cases)
    article = make_article(news, body=[("case_widget", {"case": case, "display": "full", "entries": 3})])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        violations = []
        page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
        page.goto(live_server.url + "/admin/login/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", "password")
        page.click("button[type=submit]")
        expect(page.locator("main")).to_be_visible()
        for path in ("/admin/", f"/admin/pages/{article.pk}/edit/", f"/admin/pages/{case.pk}/edit/"):
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
        # The editor's live preview renders the article inside a same-origin frame.
        page.goto(live_server.url + f"/admin/pages/{article.pk}/edit/preview/")
        browser.close()
    assert violations == [], "\n".join(violations)
