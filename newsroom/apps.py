from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from newsroom import signals  # noqa: F401
