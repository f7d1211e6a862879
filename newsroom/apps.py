from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from legaltracker.signals import case_status_changed
        from newsroom import checks, routing, signals, site_sections  # noqa: F401
        from newsroom.notifications import notify_authors_of_status_change

        case_status_changed.connect(notify_authors_of_status_change, dispatch_uid="newsroom-notify-authors")
