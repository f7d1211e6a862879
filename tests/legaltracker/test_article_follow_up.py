"""Readers and reporters learn when a case embedded in a published story has moved on."""

from datetime import UTC, date, datetime

import pytest
from django.core import mail

from legaltracker.models import CaseStatus
from legaltracker.signals import case_status_changed
from tests.factories import AuthorFactory, file_entry, make_article, make_case

pytestmark = pytest.mark.django_db


def test_article_says_what_changed_since_publication(client, tree, django_capture_on_commit_callbacks):
    home, news, cases = tree
    case = make_case(cases)
    file_entry(case, "1", "MINUTE ORDER referring the motion to Magistrate Judge Zia M. Faruqui.", date(2023, 8, 16))
    article = make_article(
        news,
        title="Referral story",
        published_at=datetime(2023, 8, 17, tzinfo=UTC),
        body=[("case_widget", {"case": case, "display": "compact", "entries": 3})],
    )
    assert "Since this story was published" not in client.get(article.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the cached payload is dropped after commit
        file_entry(case, "2", "STIPULATION of Dismissal with prejudice.", date(2025, 5, 29))
    html = client.get(article.url).content.decode()
    assert "Since this story was published" in html and "SEC v. Binance is now dismissed" in html


def test_authors_of_live_stories_are_emailed_when_the_status_changes(tree, django_capture_on_commit_callbacks, caplog):
    from wagtail.models import ReferenceIndex

    home, news, cases = tree
    case = make_case(cases)
    with_email = AuthorFactory(name="Maya", email="maya@example.org")
    without_email = AuthorFactory(name="Anon", email="")
    story = make_article(
        news,
        title="Embeds it",
        authors=[with_email, without_email],
        body=[("case_widget", {"case": case, "display": "compact", "entries": 3})],
    )
    make_article(news, title="Does not embed it", authors=[AuthorFactory(email="other@example.org")])
    ReferenceIndex.create_or_update_for_object(story)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the tracker announces the change after commit
        file_entry(case, "1", "ORDER granting Motion to Stay.", date(2025, 2, 13))

    assert [m.to for m in mail.outbox] == [["maya@example.org"]]
    assert "SEC v. Binance is now stayed" == mail.outbox[0].subject
    assert "Embeds it" in mail.outbox[0].body and "Does not embed it" not in mail.outbox[0].body
    assert "failed" not in caplog.text


def test_a_failing_subscriber_never_undoes_the_status_change(tree, django_capture_on_commit_callbacks, caplog):
    def broken_mail_server(sender, case, status, **kwargs):
        raise ConnectionRefusedError("SMTP is down")

    case = make_case(tree[2])
    case_status_changed.connect(broken_mail_server)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            file_entry(case, "1", "ORDER granting Motion to Stay.", date(2025, 2, 13))
    finally:
        case_status_changed.disconnect(broken_mail_server)
    assert CaseStatus.objects.get(pk=case.pk).status == "stayed"
    assert "broken_mail_server" in caplog.text and "SMTP is down" in caplog.text
