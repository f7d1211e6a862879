"""Each case's feed of new filings and status changes, in RSS and in Atom."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from legaltracker.hub import feed_items
from legaltracker.links import absolute_page_url
from legaltracker.models import CasePage, DocketEntry
from legaltracker.statuses import Status
from legaltracker.text import reader_date, without_final_period


class CaseFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, slug):
        case = CasePage.objects.live().select_related("court").filter(slug=slug).first()
        if case is None:
            raise Http404("No such case.")
        return case

    def title(self, case):
        return f"{case.title}: new filings and status changes"

    def link(self, case):
        return absolute_page_url(case)

    def description(self, case):
        return f"New docket entries and status changes in {case.title} ({case.court.name}, No. {case.docket_number})."

    def items(self, case):
        # One Feed instance serves every request, so the page URL travels on the items, not on self.
        case_url = absolute_page_url(case)
        items = feed_items(case)
        for item in items:
            item.case_url = case_url
        return items

    def item_title(self, item):
        if isinstance(item, DocketEntry):
            kind = item.short_description or "Filing"
            number = f" #{item.entry_number}" if item.entry_number else ""
            return f"{kind}{number}" + (f", {reader_date(item.date_filed)}" if item.date_filed else "")
        return f"Status now {Status(item.to_status).label.lower()}"

    def item_description(self, item):
        if isinstance(item, DocketEntry):
            return item.description
        if item.reason:
            return f"{without_final_period(item.reason)}."
        cause = item.cause_entry
        return f"From the docket: {cause.description}" if cause else ""

    def item_link(self, item):
        if isinstance(item, DocketEntry) and item.document_url.lower().startswith(("https://", "http://")):
            return item.document_url
        return item.case_url

    def item_guid(self, item):
        kind = "entry" if isinstance(item, DocketEntry) else "status"
        return f"{item.case_url}#{kind}-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at


class CaseAtomFeed(CaseFeed):
    feed_type = Atom1Feed
    subtitle = CaseFeed.description
