"""Per-site newsroom settings, edited under Settings in the Wagtail admin."""

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from newsroom import page_cache


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

    @staticmethod
    def cache_key(site_id) -> str:
        return f"newsroom:settings:{site_id}"

    @classmethod
    def for_request(cls, request):
        """The request's site's settings, from the shared cache when they are there: every page's
        header reads them, and they rarely change (saving them drops the cached copy). The admin
        edits what `for_site` reads from the database."""
        attr_name = cls.get_cache_attr_name()
        site = None if hasattr(request, attr_name) else Site.find_for_request(request)
        if site is not None:
            found = cls.cached_for_site(site)
            found._request = request  # as Wagtail's for_request does, for page URLs in settings
            setattr(request, attr_name, found)
        return super().for_request(request)

    @classmethod
    def cached_for_site(cls, site):
        return page_cache.read_through(cls.cache_key(site.pk), lambda: cls.for_site(site))


@receiver([post_save, post_delete], sender=NewsroomSettings, dispatch_uid="newsroom-settings-cache")
def _forget_cached_settings(sender, instance, **kwargs):
    page_cache.forget(NewsroomSettings.cache_key(instance.site_id))
