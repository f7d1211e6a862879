from django.apps import AppConfig


class LegalTrackerConfig(AppConfig):
    name = "legaltracker"
    verbose_name = "Legal tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from legaltracker import checks, signal_handlers  # noqa: F401
