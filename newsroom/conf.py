"""The newsroom's settings, each with its default, read lazily from Django's settings.

A host site sets nothing to get working defaults; `newsroom.checks` warns about what a production
site should set. Read values as `app_settings.NAME` at call time, never at import.
"""

from django.conf import settings

DEFAULTS = {
    # The template the newsroom's pages extend. It must have Wagtail's project-template blocks:
    # title, extra_css (head content: metadata, stylesheets), body_class, content, extra_js.
    "NEWSROOM_BASE_TEMPLATE": "base.html",
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
