"""Factories and small builders for the site tree the tests need."""

import io

import factory
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from demo.models import HomePage
from legaltracker.models import CaseIndexPage, CasePage, Court
from newsroom.models import ArticleAuthor, ArticlePage, Author, Disclaimer, NewsIndexPage


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    role = "Legal reporter"
    short_bio = factory.LazyAttribute(lambda o: f"{o.name} covers crypto enforcement cases.")


class DisclaimerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disclaimer

    name = factory.Sequence(lambda n: f"Disclaimer {n}")
    kind = "investment"
    text = factory.LazyAttribute(lambda o: f"<p>{o.name}: this is not investment advice.</p>")


class CourtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Court
        django_get_or_create = ("id",)

    id = "dcd"
    name = "U.S. District Court for the District of Columbia"


def make_image(title: str = "Test image", colour: str = "navy") -> Image:
    if Collection.get_first_root_node() is None:  # a transactional test flushed the one migrations made
        Collection.add_root(name="Root")
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 360), colour).save(buffer, format="PNG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png")
    image.save()
    return image


def ensure_wagtail_roots() -> Page:
    """The root page, locale and root collection, recreated when a transactional test flushed them."""
    root = Page.get_first_root_node()
    if root is None:  # a transactional test flushed the rows Wagtail's migrations created
        Locale.objects.get_or_create(language_code="en")
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:  # images need the root collection, flushed likewise
        Collection.add_root(name="Root")
    return root


def site_tree():
    """Home, news index and case index under the root, with the default site pointing at home."""
    root = ensure_wagtail_roots()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Home", slug="test-home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
        )
    news = NewsIndexPage.objects.first() or home.add_child(instance=NewsIndexPage(title="News", slug="news"))
    cases = CaseIndexPage.objects.first() or home.add_child(instance=CaseIndexPage(title="Cases", slug="cases"))
    return home, news, cases


def make_article(news, title="A story", body=None, authors=None, topics=(), publish=True, **fields) -> ArticlePage:
    page = ArticlePage(title=title, slug=fields.pop("slug", None) or slugify(title)[:50], **fields)
    page.article_authors = [ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors or [AuthorFactory()])]
    page.body = body or []
    news.add_child(instance=page)
    if topics:
        page.topics.add(*topics)
        page.save()
    if publish:
        page.save_revision().publish()
    return page


def make_case(
    cases_index, slug="sec-v-binance", title="SEC v. Binance", court=None, docket_number="1:23-cv-01599", **fields
) -> CasePage:
    court = court or CourtFactory()
    case = CasePage(title=title, slug=slug, court=court, docket_number=docket_number, **fields)
    cases_index.add_child(instance=case)
    case.save_revision().publish()
    return case


def file_entry(case, source_id: str, text: str, day=None, number=None):
    """File one editor-entered docket entry on a case through the service every source uses."""
    from legaltracker import services
    from legaltracker.sources.base import DocketUpdate, EntryData
    from legaltracker.statuses import Source

    entry = EntryData(source=Source.MANUAL, source_id=source_id, description=text, date_filed=day, entry_number=number)
    return services.apply_update(case.pk, DocketUpdate(source=Source.MANUAL, entries=[entry]), actor="test")
