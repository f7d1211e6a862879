"""The news section's RSS feed: newest articles first, with their dek and authors."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from newsroom.links import absolute_page_url

FEED_LENGTH = 30


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def title(self):
        return self.news_index.title

    def link(self):
        return absolute_page_url(self.news_index)

    def description(self):
        return self.news_index.search_description or f"The latest from {self.news_index.title}."

    def items(self):
        return self.news_index.articles().prefetch_related("article_authors__author", "topics")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.dek

    def item_link(self, item):
        return absolute_page_url(item)

    def item_pubdate(self, item):
        return item.display_published_at

    def item_updateddate(self, item):
        return item.display_updated_at

    def item_author_name(self, item):
        return ", ".join(link.author.name for link in item.article_authors.all())

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]
