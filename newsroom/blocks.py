"""StreamField blocks for article bodies. Each block renders with its own template.

Wagtail's block picker searches a block's label and name only, so labels carry the words
reporters type ("tracker", "docket", "photo"); `description` explains the block in its preview.
"""

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
    text = blocks.CharBlock(max_length=160, help_text="A few words that say what the next section is about.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Sub-headings sit under a section heading.",
    )

    class Meta:
        icon = "title"
        label = "Heading (section title)"
        description = "A heading that breaks a long story into sections."
        template = "newsroom/blocks/heading.html"


class KeyTakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Key takeaways", max_length=80, help_text="Usually left as “Key takeaways”.")
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label="Point"),
        min_num=1,
        max_num=8,
        label="Points",
        help_text="One short sentence each; up to eight.",
    )

    class Meta:
        icon = "list-ul"
        label = "Key takeaways (summary bullets)"
        description = "A boxed list of the story's main points, usually near the top."
        template = "newsroom/blocks/key_takeaways.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(help_text="Choose or upload a picture; it is resized for every screen.")
    alt_text = blocks.CharBlock(max_length=250, help_text="Describe the image for readers who cannot see it.")
    caption = blocks.CharBlock(required=False, max_length=300, help_text="Shown under the image.")
    credit = blocks.CharBlock(
        required=False, max_length=200, help_text="Who made the image, for example: Created by Ana Ruiz."
    )
    source_name = blocks.CharBlock(
        required=False, max_length=120, help_text="Where the image comes from when it is not ours, for example Reuters."
    )
    source_url = blocks.URLBlock(required=False, help_text="The original's web address; the source name links to it.")

    class Meta:
        icon = "image"
        label = "Image (photo, chart, illustration)"
        description = "A picture with its caption, credit and source."
        template = "newsroom/blocks/image.html"


class DocumentImageBlock(blocks.StructBlock):
    """An image of a court filing, always credited to where readers can read the original."""

    image = ImageChooserBlock(help_text="A screenshot or scan of the page that matters.")
    alt_text = blocks.CharBlock(max_length=250, help_text="What the document says, for readers who cannot see it.")
    caption = blocks.CharBlock(required=False, max_length=300, help_text="Which filing this is and why it matters.")
    source_name = blocks.CharBlock(
        default="CourtListener", max_length=120, help_text="Where readers can read the original."
    )
    source_url = blocks.URLBlock(help_text="Link to the filing itself.")

    class Meta:
        icon = "doc-full"
        label = "Court document image (filing, order, docket page)"
        description = "An image of a court filing, always linked to the original so readers can check it."
        template = "newsroom/blocks/document_image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words exactly as said or written, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text="Who said it, for example: Gary Gensler, SEC chair."
    )
    source_url = blocks.URLBlock(required=False, help_text="Where it was said or written, if it is online.")

    class Meta:
        icon = "openquote"
        label = "Quote (pull quote)"
        description = "A quotation set apart from the text, with who said it."
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
    kind = blocks.ChoiceBlock(
        choices=CALLOUT_KINDS,
        default="why-it-matters",
        help_text="On the flipside: the strongest case against the story's main point. "
        "Why this matters: what it means for readers. Context: the background needed to follow the story.",
    )
    title = blocks.CharBlock(required=False, max_length=120, help_text="Leave empty to use the kind's name.")
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=400, label="Point"),
        required=False,
        min_num=0,
        label="Points",
        help_text="Short bullet points; or write a paragraph below instead.",
    )
    text = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link"], help_text="A paragraph, with or instead of points."
    )

    class Meta:
        icon = "help"
        label = "Callout box (why it matters, flipside, context)"
        description = "A boxed aside: why the story matters, the other side of it, or background."
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
    page = blocks.PageChooserBlock(
        page_type="newsroom.ArticlePage", label="Story", help_text="Shows the story's current headline and link."
    )
    lead_in = blocks.CharBlock(
        required=False, max_length=120, default="Read more:", help_text="The words before the headline."
    )

    class Meta:
        icon = "link"
        label = "Read more (link to one of our stories)"
        description = "A one-line link to another of our stories, always with its current headline."
        template = "newsroom/blocks/read_more.html"
        value_class = LivePageStructValue


class RelatedStoriesBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Related stories", max_length=80, help_text="The heading above the list.")
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="newsroom.ArticlePage", label="Story"),
        label="Stories",
        required=False,
        min_num=0,
        max_num=MAX_RELATED_STORIES,
        help_text="Leave empty to list the newest stories that share a topic with this one.",
    )

    class Meta:
        icon = "list-ul"
        label = "Related stories (more coverage)"
        description = "A list of our stories, chosen by you or picked by shared topics."
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
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        template="newsroom/blocks/paragraph.html",
        label="Paragraph (text)",
        description="Body text: paragraphs, lists and links.",
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
    embed = ArticleEmbedBlock(
        template="newsroom/blocks/embed.html",
        label="Embed (X post, video, social media)",
        help_text="Paste the address of a post or video, for example on X or YouTube.",
    )
