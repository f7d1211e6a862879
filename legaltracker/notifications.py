"""Telling reporters that a case their published story embeds has changed status."""

from django.conf import settings
from django.core.mail import send_mail

from legaltracker.models import CasePage, CaseStatus
from legaltracker.purge import pages_embedding


def notify_authors_of_status_change(case_id: int) -> int:
    """Email each author (with an address) of a live article embedding the case; returns emails sent."""
    case = CasePage.objects.filter(pk=case_id).first()
    status = CaseStatus.objects.filter(pk=case_id).first()
    if case is None or status is None or status.is_backfilling:
        # While a docket's history is still arriving, its status passes through stages that are
        # old news; the backfill tells authors once, when it is complete.
        return 0
    from newsroom.models import ArticlePage

    articles = ArticlePage.objects.filter(pk__in=pages_embedding(case).values("pk")).prefetch_related(
        "article_authors__author"
    )
    stories_by_email: dict[str, list] = {}
    for article in articles:
        for link in article.article_authors.all():
            if link.author.email:
                stories_by_email.setdefault(link.author.email, []).append(article)
    for email, stories in stories_by_email.items():
        listing = "\n".join(f"- {story.title}: {story.full_url}" for story in stories)
        send_mail(
            subject=f"{case.title} is now {status.status_label.lower()}",
            message=(
                f"{case.title} changed status to {status.status_label}.\n"
                f"Latest event: {status.headline or 'see the docket'}\n\n"
                f"Your published stories that embed this case (their live widgets already show it):\n{listing}\n\n"
                f"Case page: {case.full_url}\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    return len(stories_by_email)
