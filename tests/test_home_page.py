"""The demo home page: a lead story, the latest stories, cases with new filings this week, topic sections."""

from datetime import timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag

from tests.factories import file_entry, make_article, make_case

pytestmark = pytest.mark.django_db


def test_home_page_leads_with_the_newest_story_then_cases_and_topics(client, tree):
    home, news, cases = tree
    now = timezone.now()
    enforcement = Tag.objects.create(name="Enforcement", slug="enforcement")
    for n in range(9):
        make_article(
            news, title=f"Story {n}", published_at=now - timedelta(days=9 - n), topics=[enforcement] if n < 3 else []
        )
    active = make_case(cases, slug="sec-v-kraken", title="SEC v. Kraken", docket_number="3:23-cv-06003")
    file_entry(active, "1", "COMPLAINT filed.", timezone.localdate() - timedelta(days=30))
    file_entry(active, "2", "MOTION to dismiss.", timezone.localdate() - timedelta(days=2))
    quiet = make_case(cases, slug="sec-v-quiet", title="SEC v. Quiet", docket_number="1:21-cv-00001")
    file_entry(quiet, "1", "COMPLAINT filed.", timezone.localdate() - timedelta(days=40))

    html = client.get(home.url).content.decode()

    lead = html[html.index('<article class="lead-story"') : html.index("</article>")]
    assert "Story 8" in lead
    latest = html[html.index("<h2>Latest stories</h2>") : html.index("<h2>Cases with new filings this week</h2>")]
    assert [f"Story {n}" in latest for n in (7, 6, 5, 4, 3, 2)] == [True] * 6 and "Story 8" not in latest
    recent = html[html.index("<h2>Cases with new filings this week</h2>") :]
    assert "SEC v. Kraken</a> · 1 new filing" in recent and "SEC v. Quiet" not in recent
    topic = html[html.index('<h2 id="topic-enforcement">Enforcement</h2>') :]
    # The topic section shows its stories that are not already above.
    assert "Story 1" in topic and "Story 0" in topic and "Story 2" not in topic
    assert html.count("<h1>") == 1


def test_a_new_filing_reaches_the_cached_home_page(client, tree, django_capture_on_commit_callbacks):
    home, news, cases = tree
    case = make_case(cases, slug="sec-v-kraken", title="SEC v. Kraken", docket_number="3:23-cv-06003")
    client.get(home.url)
    assert client.get(home.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        file_entry(case, "1", "COMPLAINT filed.", timezone.localdate())
    assert "SEC v. Kraken" in client.get(home.url).content.decode()


def test_editors_choose_the_lead_story_and_the_newest_leads_when_it_is_withdrawn(
    client, tree, django_capture_on_commit_callbacks
):
    home, news, cases = tree
    now = timezone.now()
    stories = [make_article(news, title=f"Story {n}", published_at=now - timedelta(days=9 - n)) for n in range(4)]

    def lead_and_latest() -> tuple[str, str]:
        html = client.get(home.url).content.decode()
        return html[html.index('<article class="lead-story"') : html.index("</article>")], html

    assert "Story 3" in lead_and_latest()[0]  # the newest leads, and the page is now cached
    home.lead_story = stories[0]
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()  # the home page is purged, so readers get the choice at once
    lead, html = lead_and_latest()
    assert "Story 0" in lead and html.count("Story 0</a>") == 1  # not listed again below
    assert "Story 3" in html[html.index("<h2>Latest stories</h2>") :]

    with django_capture_on_commit_callbacks(execute=True):
        stories[0].unpublish()
    lead, html = lead_and_latest()
    assert "Story 3" in lead and "Story 0" not in html
