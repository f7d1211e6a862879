"""Per-site newsroom settings, edited under Settings in the Wagtail admin."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="doc-full")
class NewsroomSettings(BaseSiteSetting):
    publisher_name = models.CharField(max_length=120, blank=True, help_text="Used in article metadata.")
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    default_disclaimer = models.ForeignKey(
        "newsroom.Disclaimer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the foot of every article that does not choose its own.",
    )

    panels = [FieldPanel("publisher_name"), FieldPanel("logo"), FieldPanel("default_disclaimer")]

    class Meta:
        verbose_name = "Newsroom settings"
