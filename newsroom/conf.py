"""The newsroom's settings, each with its default, read lazily from Django's settings.

A host site sets nothing to get working defaults; `newsroom.checks` warns about what a production
site should set. Read values as `app_settings.NAME` at call time, never at import.
"""

from django.conf import settings

DEFAULTS = {
    # The template the newsroom's pages extend. It must have Wagtail's project-template blocks:
    # title, extra_css (head content: metadata, stylesheets), body_class, content, extra_js.
    "NEWSROOM_BASE_TEMPLATE": "base.html",
    # Public pages, as told to browsers and CDNs: browsers revalidate after NEWSROOM_MAX_AGE (a 304
    # when nothing changed); a CDN keeps a page NEWSROOM_S_MAXAGE seconds unless purged first, and
    # may serve it up to NEWSROOM_STALE_WHILE_REVALIDATE seconds longer while it fetches a new copy.
    "NEWSROOM_MAX_AGE": 60,
    "NEWSROOM_S_MAXAGE": 300,
    "NEWSROOM_STALE_WHILE_REVALIDATE": 60,
    # The origin page cache that anonymous readers share: on or off, which Django cache holds it,
    # and how long a page is kept there at most (every change purges the pages showing it sooner).
    "NEWSROOM_PAGE_CACHE_ENABLED": True,
    "NEWSROOM_PAGE_CACHE_ALIAS": "default",
    "NEWSROOM_PAGE_CACHE_SECONDS": 3600,
    # Key pages by host as well as path: only for installations that serve several Wagtail sites
    # whose pages share paths, each reached at the hostname its Site record names.
    "NEWSROOM_PAGE_CACHE_PER_HOST": False,
}


class AppSettings:
    """Attribute access to the newsroom's settings: the host's value, else the default above."""

    def __getattr__(self, name: str):
        if name not in DEFAULTS:
            raise AttributeError(f"newsroom has no setting {name}")
        return getattr(settings, name, DEFAULTS[name])


app_settings = AppSettings()


def template_context() -> dict:
    """What every newsroom template needs from the settings, whatever renders it (page or preview)."""
    return {"newsroom_base_template": app_settings.NEWSROOM_BASE_TEMPLATE}
