"""System checks (`manage.py check`): what a production site should set for the newsroom."""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from newsroom.conf import app_settings


@register("newsroom")
def check_production_settings(app_configs=None, **kwargs):
    problems = []
    if not getattr(settings, "WAGTAILADMIN_BASE_URL", ""):
        problems.append(
            Warning(
                "WAGTAILADMIN_BASE_URL is not set: canonical links, Open Graph URLs, feeds and emails to authors "
                "name the host in the Wagtail Site record (often http://localhost).",
                hint="Set WAGTAILADMIN_BASE_URL to the site's public address, for example https://news.example.com.",
                id="newsroom.W001",
            )
        )
    try:
        get_template(app_settings.NEWSROOM_BASE_TEMPLATE)
    except TemplateDoesNotExist:
        problems.append(
            Error(
                f"Newsroom pages extend {app_settings.NEWSROOM_BASE_TEMPLATE!r}, which no template loader finds.",
                hint="Create that template or set NEWSROOM_BASE_TEMPLATE to the site's base template.",
                id="newsroom.E001",
            )
        )
    return problems
