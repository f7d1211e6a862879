"""Editors in the Wagtail admin, the demo loader, and the cost of rendering an article."""

import pytest
from django.core.management import call_command
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from legaltracker.models import CasePage, DocketEntry
from newsroom.models import ArticlePage, Author, Disclaimer
from tests.factories import AuthorFactory, DisclaimerFactory, make_article, make_case, make_image

pytestmark = pytest.mark.django_db


def test_editor_creates_and_publishes_an_article_with_every_block(admin_client, tree):
    home, news, cases = tree
    author, disclaimer, image = AuthorFactory(), DisclaimerFactory(), make_image()
    target = make_article(news, title="Target story")
    case = make_case(cases)
    data = nested_form_data(
        {
            "title": "Built in the admin",
            "slug": "built-in-the-admin",
            "dek": "Every block, from the editor.",
            "hero_image": image.pk,
            "hero_alt_text": "A banner",
            "hero_caption": "Caption",
            "hero_credit": "Created by the desk",
            "hero_source_name": "",
            "hero_source_url": "",
            "disclaimer": disclaimer.pk,
            "article_authors": inline_formset([{"author": author.pk}]),
            "corrections": inline_formset([]),
            "topics": "SEC, Binance",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Admin paragraph.</p>")),
                    ("heading", {"text": "Admin heading", "level": "h2"}),
                    ("key_takeaways", {"title": "Key takeaways", "points": streamfield([("item", "Admin point")])}),
                    (
                        "image",
                        {
                            "image": image.pk,
                            "alt_text": "Alt",
                            "caption": "Admin caption",
                            "credit": "Credit",
                            "source_name": "",
                            "source_url": "",
                        },
                    ),
                    (
                        "document_image",
                        {
                            "image": image.pk,
                            "alt_text": "Order",
                            "caption": "",
                            "source_name": "CourtListener",
                            "source_url": "https://www.courtlistener.com/docket/1/",
                        },
                    ),
                    ("quote", {"quote": "Admin quote", "attribution": "", "source_url": ""}),
                    (
                        "callout",
                        {
                            "kind": "why-it-matters",
                            "title": "",
                            "points": streamfield([("item", "Admin reason")]),
                            "text": rich_text(""),
                        },
                    ),
                    ("read_more", {"page": target.pk, "lead_in": "Read more:"}),
                    ("related_stories", {"title": "Related", "pages": streamfield([("item", target.pk)])}),
                    ("case_widget", {"case": case.pk, "display": "compact", "entries": 3}),
                    ("embed", case.full_url),
                ]
            ),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/add/newsroom/articlepage/{news.pk}/", data)

    if response.status_code != 302:
        form = response.context["form"]
        raise AssertionError(str([getattr(e, "block_errors", e) for e in form.errors.as_data().get("body", [])]))
    page = ArticlePage.objects.get(slug="built-in-the-admin")
    assert page.live
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "heading",
        "key_takeaways",
        "image",
        "document_image",
        "quote",
        "callout",
        "read_more",
        "related_stories",
        "case_widget",
        "embed",
    ]
    html = admin_client.get(page.url).content.decode()
    for text in [
        "Admin paragraph.",
        "Admin heading",
        "Admin point",
        "Admin caption",
        "Admin quote",
        "Admin reason",
        "Target story",
        "SEC v. Binance",
        author.short_bio,
        "not investment advice",
    ]:
        assert text in html, text


def test_article_without_an_author_is_refused(admin_client, tree):
    home, news, cases = tree
    data = nested_form_data(
        {
            "title": "No byline",
            "slug": "no-byline",
            "article_authors": inline_formset([]),
            "corrections": inline_formset([]),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/newsroom/articlepage/{news.pk}/", data)
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="no-byline").exists()


def test_snippet_edit_shows_where_a_disclaimer_is_used(admin_client, tree):
    home, news, cases = tree
    disclaimer = DisclaimerFactory(name="Used one")
    page = make_article(news, title="Uses the disclaimer", disclaimer=disclaimer)
    from wagtail.models import ReferenceIndex

    ReferenceIndex.create_or_update_for_object(page)
    response = admin_client.get(f"/admin/snippets/newsroom/disclaimer/usage/{disclaimer.pk}/")
    assert response.status_code == 200
    assert "Uses the disclaimer" in response.content.decode()


def test_author_and_disclaimer_previews(admin_client, tree):
    author = AuthorFactory(name="Preview Person")
    disclaimer = DisclaimerFactory(text="<p>Preview disclaimer text.</p>")
    assert "Preview Person" in author.make_preview_request().render().content.decode()
    assert "Preview disclaimer text." in disclaimer.make_preview_request().render().content.decode()


def test_load_demo_twice_adds_nothing_twice(db):
    call_command("load_demo")
    counts = [
        ArticlePage.objects.count(),
        CasePage.objects.count(),
        Author.objects.count(),
        Disclaimer.objects.count(),
        DocketEntry.objects.count(),
    ]
    call_command("load_demo")
    assert counts == [
        ArticlePage.objects.count(),
        CasePage.objects.count(),
        Author.objects.count(),
        Disclaimer.objects.count(),
        DocketEntry.objects.count(),
    ]
    assert counts[0] >= 6 and counts[1] == 4 and counts[2] == 3 and counts[3] == 2


def test_demo_binance_article_shows_what_readers_expect(client, db, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://docketdesk.example"
    call_command("load_demo")
    page = ArticlePage.objects.get(slug="binance-us-fights-sec-discovery-requests")
    html = client.get(page.url, HTTP_HOST="localhost").content.decode()
    # Every absolute link names the configured address, and the demo's Site record agrees with it.
    assert page.full_url == f"https://docketdesk.example{page.url}"
    assert f'<link rel="canonical" href="https://docketdesk.example{page.url}">' in html
    assert f'<meta property="og:url" content="https://docketdesk.example{page.url}">' in html
    for text in [
        "Key takeaways",
        "Created by the Docket Desk graphics team",
        "On the flipside",
        "Why this matters",
        "Read this to learn more:",
        "Maya Okafor",
        "not investment",
        "Source:",
        "Live case tracker",
    ]:
        assert text in html, text
    target = ArticlePage.objects.get(slug="binance-ruling-most-sec-claims-survive")
    assert client.get(target.url, HTTP_HOST="localhost").status_code == 200


BLOCK_KINDS = ["paragraph", "key_takeaways", "image", "callout", "read_more", "case_widget", "quote"]


def _block(kind, image, target, case):
    return {
        "paragraph": ("paragraph", "<p>Text.</p>"),
        "key_takeaways": ("key_takeaways", {"title": "Key takeaways", "points": ["One", "Two"]}),
        "image": (
            "image",
            {
                "image": image,
                "alt_text": "Alt",
                "caption": "Cap",
                "credit": "Credit",
                "source_name": "",
                "source_url": "",
            },
        ),
        "callout": ("callout", {"kind": "context", "title": "", "points": ["Point"], "text": ""}),
        "read_more": ("read_more", {"page": target, "lead_in": "Read more:"}),
        "case_widget": ("case_widget", {"case": case, "display": "full", "entries": 3}),
        "quote": ("quote", {"quote": "Quote", "attribution": "", "source_url": ""}),
    }[kind]


def _queries_to_render(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm renditions, the widget cache and the route memo, as a busy site has them
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("kind", BLOCK_KINDS)
def test_article_query_count_is_the_same_with_1_and_20_blocks(kind, client, settings, tree):
    settings.NEWSROOM_PAGE_CACHE_ENABLED = False  # measure the renderer, not the page and fragment caches
    home, news, cases = tree
    image, target, case = make_image(), make_article(news, title="Target"), make_case(cases)
    block = _block(kind, image, target, case)
    one = make_article(news, title="One block", body=[block])
    twenty = make_article(news, title="Twenty blocks", body=[block] * 20)

    assert _queries_to_render(client, twenty.url) <= _queries_to_render(client, one.url)


def test_mixed_article_query_count_does_not_grow_with_blocks(client, settings, tree):
    settings.NEWSROOM_PAGE_CACHE_ENABLED = False
    home, news, cases = tree
    image, target, case = make_image(), make_article(news, title="Target"), make_case(cases)
    mixed = [_block(kind, image, target, case) for kind in BLOCK_KINDS]
    small = make_article(news, title="Seven blocks", body=mixed)
    large = make_article(news, title="Twenty one blocks", body=mixed * 3)

    assert _queries_to_render(client, large.url) <= _queries_to_render(client, small.url)


def test_editor_preview_shows_the_live_widget_readers_will_see(admin_client, tree):
    import re

    from tests.factories import file_entry

    home, news, cases = tree
    case = make_case(cases)
    file_entry(case, "1", "ORDER granting the joint motion to stay.")
    author = AuthorFactory()
    page = make_article(
        news,
        title="Preview me",
        authors=[author],
        body=[("case_widget", {"case": case, "display": "full", "entries": 3})],
    )
    data = nested_form_data(
        {
            "title": "Preview me",
            "slug": page.slug,
            "dek": "",
            "hero_image": "",
            "hero_alt_text": "",
            "hero_caption": "",
            "hero_credit": "",
            "hero_source_name": "",
            "hero_source_url": "",
            "disclaimer": "",
            "article_authors": inline_formset([{"id": page.article_authors.first().pk, "author": author.pk}]),
            "corrections": inline_formset([]),
            "topics": "",
            "body": streamfield([("case_widget", {"case": case.pk, "display": "full", "entries": 3})]),
        }
    )
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"

    assert admin_client.post(preview_url, data).json()["is_valid"] is True
    preview = admin_client.get(preview_url).content.decode()
    public = admin_client.get(page.url).content.decode()

    def widget(html):
        return re.search(r"<section class=\"case-widget.*?</section>", html, re.S).group(0)

    assert "Stayed" in widget(preview)
    assert widget(preview) == widget(public)


def test_editing_a_disclaimer_or_bio_purges_the_pages_that_show_it(
    httpserver, settings, tree, django_capture_on_commit_callbacks
):
    from newsroom.models import NewsroomSettings

    home, news, cases = tree
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": httpserver.url_for("/")}
    }
    default, own = DisclaimerFactory(name="Default"), DisclaimerFactory(name="Own")
    site_settings = NewsroomSettings.for_site(home.get_site())
    site_settings.default_disclaimer = default
    site_settings.save()
    writer = AuthorFactory()
    uses_default = make_article(news, title="Uses default", authors=[writer])
    uses_own = make_article(news, title="Uses own", disclaimer=own)
    httpserver.expect_request("/", method="PURGE").respond_with_data("")

    def purged_after(snippet):
        httpserver.clear_log()
        with django_capture_on_commit_callbacks(execute=True):
            snippet.save()
        return {request.path for request, _ in httpserver.log if request.method == "PURGE"}

    assert purged_after(default) == {uses_default.url}
    assert purged_after(own) == {uses_own.url}
    assert purged_after(writer) == {uses_default.url, f"{news.url}authors/{writer.slug}/"}
