"""Telling reporters that a case their published story embeds has changed status.

Subscribes to the tracker's `case_status_changed` signal; the stories are found through Wagtail's
reference index, so any page type that embeds the case counts, and those with authors are emailed.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from wagtail.models import Page, ReferenceIndex

from newsroom.links import absolute_page_url


def live_pages_embedding(obj):
    """Live pages whose content refers to `obj`, whatever their type."""
    source_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in source_ids]).exclude(pk=obj.pk)


def notify_authors_of_status_change(sender, case, status, **kwargs) -> int:
    """Email each author (with an address) of a live article embedding the case; returns emails sent."""
    from newsroom.models import ArticlePage

    articles = ArticlePage.objects.filter(pk__in=live_pages_embedding(case).values("pk")).prefetch_related(
        "article_authors__author"
    )
    stories_by_email: dict[str, list] = {}
    for article in articles:
        for link in article.article_authors.all():
            if link.author.email:
                stories_by_email.setdefault(link.author.email, []).append(article)
    for email, stories in stories_by_email.items():
        listing = "\n".join(f"- {story.title}: {absolute_page_url(story)}" for story in stories)
        send_mail(
            subject=f"{case.title} is now {status.status_label.lower()}",
            message=(
                f"{case.title} changed status to {status.status_label}.\n"
                f"Latest event: {status.headline or 'see the docket'}\n\n"
                f"Your published stories that embed this case (their live widgets already show it):\n{listing}\n\n"
                f"Case page: {absolute_page_url(case)}\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    return len(stories_by_email)
