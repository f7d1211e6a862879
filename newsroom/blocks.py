"""StreamField blocks for article bodies. Each block renders with its own template."""

from django.utils.functional import cached_property
from django.utils.timezone import now
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.blocks import ImageChooserBlock

from legaltracker.blocks import CaseWidgetBlock

MAX_RELATED_STORIES = 6


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=160)
    level = blocks.ChoiceBlock(choices=[("h2", "Section heading"), ("h3", "Sub-heading")], default="h2")

    class Meta:
        icon = "title"
        template = "newsroom/blocks/heading.html"


class KeyTakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Key takeaways", max_length=80)
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1, max_num=8)

    class Meta:
        icon = "list-ul"
        template = "newsroom/blocks/key_takeaways.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(max_length=250, help_text="Describe the image for readers who cannot see it.")
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=200, help_text="For example: Created by Ana Ruiz.")
    source_name = blocks.CharBlock(required=False, max_length=120)
    source_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "image"
        label = "Image"
        template = "newsroom/blocks/image.html"


class DocumentImageBlock(blocks.StructBlock):
    """An image of a court filing, always credited to where readers can read the original."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(max_length=250)
    caption = blocks.CharBlock(required=False, max_length=300)
    source_name = blocks.CharBlock(default="CourtListener", max_length=120)
    source_url = blocks.URLBlock(help_text="Link to the filing itself.")

    class Meta:
        icon = "doc-full"
        label = "Court document image"
        template = "newsroom/blocks/document_image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)
    source_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quote.html"


CALLOUT_KINDS = [
    ("flipside", "On the flipside"),
    ("why-it-matters", "Why this matters"),
    ("context", "Context"),
]


class CalloutValue(blocks.StructValue):
    @property
    def heading(self) -> str:
        return self.get("title") or dict(CALLOUT_KINDS).get(self.get("kind"), "")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="why-it-matters")
    title = blocks.CharBlock(required=False, max_length=120, help_text="Leave empty to use the kind's name.")
    points = blocks.ListBlock(blocks.CharBlock(max_length=400), required=False, min_num=0)
    text = blocks.RichTextBlock(required=False, features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        template = "newsroom/blocks/callout.html"
        value_class = CalloutValue


class LivePageStructValue(blocks.StructValue):
    """Resolves the chosen story at render time, so its title and URL are never a stale copy."""

    @cached_property
    def target(self):
        page = self.get("page")
        if page is None or not page.live:
            return None
        return page


class ReadMoreBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(page_type="newsroom.ArticlePage")
    lead_in = blocks.CharBlock(required=False, max_length=120, default="Read more:")

    class Meta:
        icon = "link"
        label = "Read more"
        template = "newsroom/blocks/read_more.html"
        value_class = LivePageStructValue


class RelatedStoriesBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Related stories", max_length=80)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="newsroom.ArticlePage"),
        required=False,
        min_num=0,
        max_num=MAX_RELATED_STORIES,
        help_text="Leave empty to list the newest stories that share a topic with this one.",
    )

    class Meta:
        icon = "list-ul"
        label = "Related stories"
        template = "newsroom/blocks/related_stories.html"

    def get_context(self, value, parent_context=None):
        from newsroom.models import ArticlePage

        context = super().get_context(value, parent_context)
        chosen = [page for page in value["pages"] if page is not None and page.live]
        if chosen:
            context["stories"] = chosen
        else:
            context["stories"] = ArticlePage.objects.related_to(
                (parent_context or {}).get("page"), limit=MAX_RELATED_STORIES
            )
        return context


class ArticleEmbedBlock(EmbedBlock):
    """An embed whose stored oEmbed answer is read with the page's other embeds, in one query."""

    def bulk_to_python(self, values):
        embeds = [self.to_python(value) for value in values]
        hashes = [get_embed_hash(e.url, e.max_width, e.max_height) if e is not None else None for e in embeds]
        stored = Embed.objects.exclude(cache_until__lte=now()).in_bulk([h for h in hashes if h], field_name="hash")
        for embed, key in zip(embeds, hashes, strict=True):
            if embed is not None:
                embed.stored = stored.get(key)  # None: the template asks the finders as usual
        return embeds


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "h3"], template="newsroom/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    key_takeaways = KeyTakeawaysBlock()
    image = CaptionedImageBlock()
    document_image = DocumentImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    read_more = ReadMoreBlock()
    related_stories = RelatedStoriesBlock()
    case_widget = CaseWidgetBlock()
    embed = ArticleEmbedBlock(template="newsroom/blocks/embed.html", help_text="A link to a post or video to embed.")
