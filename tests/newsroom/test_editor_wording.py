"""What reporters read in the editor: labels, help, the block picker, bylines and draft previews."""

import html as html_lib
import re

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.blocks import StructBlock
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from legaltracker.models import CasePage, Party
from newsroom.blocks import ArticleBodyBlock
from newsroom.models import ArticleAuthor, ArticleCorrection, ArticlePage, Author, Disclaimer
from tests.factories import AuthorFactory, make_article, site_tree

pytestmark = pytest.mark.django_db


def own_editable_fields(model):
    inherited = {f.name for parent in model._meta.get_parent_list() for f in parent._meta.get_fields()}
    return [
        field
        for field in model._meta.get_fields()
        if field.name not in inherited
        and getattr(field, "editable", False)
        and not field.auto_created
        and field.concrete
        and not field.name.startswith("_")
        and field.name not in ("sort_order", "page", "case", "docket_number_normalised")
    ]


@pytest.mark.parametrize("model", [ArticlePage, ArticleAuthor, ArticleCorrection, Author, Disclaimer, CasePage, Party])
def test_every_field_editors_fill_in_explains_itself(model):
    unexplained = [field.name for field in own_editable_fields(model) if not str(field.help_text).strip()]
    assert unexplained == []


def test_every_article_block_has_a_label_a_description_and_help_on_its_parts():
    for name, block in ArticleBodyBlock().child_blocks.items():
        assert block.meta.label and block.get_description(), name
        if isinstance(block, StructBlock):
            for part_name, part in block.child_blocks.items():
                help_text = getattr(part.meta, "help_text", None) or getattr(
                    getattr(part, "field", None), "help_text", ""
                )
                assert str(help_text or "").strip(), f"{name}.{part_name}"


def picker_matches(word: str) -> set[str]:
    """Blocks Wagtail 8's block picker offers for a search: it matches the label and the block name."""
    return {
        name
        for name, block in ArticleBodyBlock().child_blocks.items()
        if word.lower() in f"{block.meta.label} {name}".lower()
    }


def test_reporters_find_blocks_by_the_words_they_use(admin_client, tree):
    for word in ["tracker", "docket", "case", "court"]:
        assert "case_widget" in picker_matches(word), word
    assert "document_image" in picker_matches("filing")
    assert "callout" in picker_matches("why it matters") and "callout" in picker_matches("flipside")
    assert "image" in picker_matches("photo") and "embed" in picker_matches("video")
    assert "quote" in picker_matches("pull quote") and "key_takeaways" in picker_matches("summary")
    home, news, cases = tree
    page = html_lib.unescape(admin_client.get(f"/admin/pages/add/newsroom/articlepage/{news.pk}/").content.decode())
    assert "Live case tracker (court case, docket status)" in page


def test_the_article_editor_explains_itself(admin_client, tree):
    home, news, cases = tree
    page = html_lib.unescape(admin_client.get(f"/admin/pages/add/newsroom/articlepage/{news.pk}/").content.decode())
    assert "The headline readers see." in page
    assert "Add author" in page and "Add authors" not in page  # one author at a time, each headed "Author"
    assert "Where the image comes from, when it is not ours" in page  # the hero image's source fields
    assert "The web address of the original, so readers can check it." in page
    assert "On the flipside: the strongest case against the story" in page  # callout kinds, explained
    assert "Why this matters: what it means for readers." in page
    # Topics sit on the content tab, beside the byline, because they drive the kicker and related stories.
    content_tab, promote_tab = page.index('id="tab-content"'), page.index('id="tab-promote"')
    assert content_tab < page.index('name="topics"') < promote_tab
    assert "shown above the headline and pick the stories listed as related" in page
    assert re.search(r'for="id_topics"[^>]*>\s*<span[^>]*>Topics<', page) and "Add correction" in page


def test_removing_the_only_author_is_refused_with_a_clear_message(admin_client, tree):
    home, news, cases = tree
    author = AuthorFactory(name="Only Byline")
    page = make_article(news, title="Has one author", authors=[author])
    link = page.article_authors.get()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "article_authors": inline_formset([{"id": link.pk, "author": author.pk, "DELETE": "1"}]),
            "corrections": inline_formset([]),
            "topics": "",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 200
    assert "Every story needs at least one author." in html_lib.unescape(response.content.decode())
    assert [link.author for link in ArticlePage.objects.get(pk=page.pk).article_authors.all()] == [author]


def preview(client, page, author, title):
    """The editor's preview of the article as edited, through the admin's preview view."""
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "article_authors": inline_formset([{"id": page.article_authors.get().pk, "author": author.pk}]),
            "corrections": inline_formset([]),
            "topics": "",
            "body": streamfield([]),
        }
    )
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(preview_url, data).json()["is_valid"] is True
    return client.get(preview_url).content.decode()


def test_a_draft_preview_says_so_and_the_published_page_does_not(admin_client, tree):
    home, news, cases = tree
    author = AuthorFactory()
    page = make_article(news, title="Preview label", authors=[author])

    html = preview(admin_client, page, author, "Preview label, rewritten")

    assert "Draft preview." in html and "Preview label, rewritten" in html
    assert "Readers see the published version until you publish these changes." in html
    # The notice sits inside the page's main content, where the editor looks.
    assert re.search(r'<main[^>]*>\s*<p class="editor-warning draft-preview-notice"', html)
    assert "Draft preview" not in admin_client.get(page.url).content.decode()

    unpublished = make_article(news, title="Never published", authors=[author], publish=False, live=False)
    html = preview(admin_client, unpublished, author, "Never published")
    assert "Draft preview." in html and "This story is not published; readers cannot see it yet." in html


@pytest.mark.django_db(transaction=True)
def test_load_demo_emails_nobody_and_prints_the_configured_admin_address(settings, capsys):
    settings.WAGTAILADMIN_BASE_URL = "https://desk.example"
    site_tree()  # a transactional test starts from empty tables
    mail.outbox = []

    call_command("load_demo")

    # The demo's cases change status as their histories load; their stories' authors have addresses.
    assert Author.objects.exclude(email="").exists()
    assert mail.outbox == []
    assert "Admin: https://desk.example/admin/" in capsys.readouterr().out


def test_ensure_admin_prints_the_configured_admin_address(settings, tmp_path, capsys):
    settings.WAGTAILADMIN_BASE_URL = "https://desk.example"
    settings.VAR_DIR = tmp_path
    call_command("ensure_admin")
    assert "Admin login: https://desk.example/admin/  username: admin" in capsys.readouterr().out
