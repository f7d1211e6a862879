"""In real Chromium at phone width: every kind of public page passes axe, fits 390 px and stays light.

The budget is the issue's: under 100 KB of HTML, CSS and JavaScript before images.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from legaltracker.models import CaseIndexPage, CasePage
from newsroom.models import ArticlePage, Author, NewsIndexPage
from tests.browser.test_case_hub import axe_violations
from tests.factories import ensure_wagtail_roots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_BUDGET_BYTES = 100 * 1024
COUNTED_RESOURCES = {"document", "stylesheet", "script"}


def _public_urls() -> dict[str, str]:
    case_index = CaseIndexPage.objects.live().first()
    news = NewsIndexPage.objects.live().first()
    case = CasePage.objects.live().get(slug="sec-v-binance")
    return {
        "home": "/",
        "news index": news.url,
        "article": ArticlePage.objects.live().order_by("-first_published_at").first().url,
        "author page": news.url + news.reverse_subpage("author", kwargs={"slug": Author.objects.first().slug}),
        "case index": case_index.url,
        "filtered case index": case_index.url + "?status=dismissed",
        "tracker analytics": case_index.url + case_index.reverse_subpage("analytics"),
        "case page": case.url,
        "case embed": reverse("legaltracker:embed", kwargs={"slug": case.slug}),
        "search": reverse("search") + "?q=Binance",
    }


def test_every_public_page_passes_axe_fits_a_phone_and_stays_under_budget(live_server, phone):
    ensure_wagtail_roots()
    call_command("load_demo", verbosity=0)
    page, errors = phone
    problems = []
    for name, url in _public_urls().items():
        sizes: dict[str, int] = {}

        def count(response, sizes=sizes):
            if response.request.resource_type in COUNTED_RESOURCES and response.status == 200:
                sizes[response.url] = len(response.body())

        page.on("response", count)
        response = page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        page.remove_listener("response", count)
        if response.status != 200:
            problems.append(f"{name}: HTTP {response.status}")
            continue
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            problems.append(f"{name}: {overflow} px of horizontal scroll at 390 px")
        total = sum(sizes.values())
        if total >= PAGE_BUDGET_BYTES:
            problems.append(f"{name}: {total} bytes of HTML, CSS and JS")
        problems += [f"{name}: {violation}" for violation in axe_violations(page)]
    assert problems == [], "\n".join(problems)
    assert errors == []
