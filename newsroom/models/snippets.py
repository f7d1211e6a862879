"""Snippets editors reuse across articles: author bios and standard disclaimers."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PreviewableMixin, RevisionMixin
from wagtail.search import index

from newsroom.conf import template_context


class Author(PreviewableMixin, RevisionMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=120, help_text="As it appears in the byline.")
    slug = models.SlugField(
        max_length=120, unique=True, blank=True, help_text="The author page's web address. Empty: made from the name."
    )
    role = models.CharField(max_length=120, blank=True, help_text="For example: Senior legal reporter.")
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A head-and-shoulders portrait, shown small beside the bio: a square crop with the face central.",
    )
    short_bio = models.TextField(max_length=400, help_text="Two or three sentences, shown at the end of every article.")
    bio = RichTextField(
        "Long bio", blank=True, features=["bold", "italic", "link"], help_text="Shown on the author page."
    )
    x_url = models.URLField("X (Twitter) profile", blank=True, help_text="For example: https://x.com/anaruiz")
    linkedin_url = models.URLField(
        "LinkedIn profile", blank=True, help_text="For example: https://www.linkedin.com/in/anaruiz"
    )
    email = models.EmailField(
        blank=True, help_text="Shown to readers, and where we send news of cases in this author's stories."
    )
    website = models.URLField(blank=True, help_text="A personal site or portfolio, if any.")
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="author")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("short_bio"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("x_url"), FieldPanel("linkedin_url"), FieldPanel("email"), FieldPanel("website")],
            heading="Links",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)

    @property
    def links(self) -> list[tuple[str, str]]:
        """(label, href) pairs for the links the author has filled in."""
        candidates = [
            ("X", self.x_url),
            ("LinkedIn", self.linkedin_url),
            ("Email", f"mailto:{self.email}" if self.email else ""),
            ("Website", self.website),
        ]
        return [(label, href) for label, href in candidates if href]

    # Previews show the bio box as readers meet it at the end of an article, and the author page.
    preview_modes = [("", "Bio box in an article"), ("page", "Author page")]

    def get_preview_template(self, request, mode_name):
        if mode_name == "page":
            return "newsroom/author_page.html"
        return "newsroom/previews/author_bio.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(template_context())
        context.update({"author": self, "articles": [], "is_preview": True})
        return context


class Disclaimer(PreviewableMixin, RevisionMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        GENERAL = "general", "General"
        NOT_INVESTMENT_ADVICE = "investment", "Not investment advice"
        SPONSORED = "sponsored", "Sponsored"
        CONFLICT_OF_INTEREST = "conflict", "Conflict of interest"

    name = models.CharField(max_length=120, help_text="Editors' name for it; readers do not see it.")
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.GENERAL,
        help_text="General: any standing note. Not investment advice: for stories about tokens or trading. "
        "Sponsored: the story was paid for. Conflict of interest: someone involved holds a stake in what it covers.",
    )
    text = RichTextField(
        features=["bold", "italic", "link"], help_text="What readers see at the foot of the story, in full."
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="disclaimer")

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("text")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    def get_preview_template(self, request, mode_name):
        return "newsroom/previews/disclaimer.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(template_context())
        context["disclaimer"] = self
        return context
