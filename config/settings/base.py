"""Settings shared by every environment. Everything site-specific comes from the environment."""

from pathlib import Path

import dj_database_url

from config.csp import PUBLIC_POLICY
from config.env import env_bool, env_int, env_list, env_str, redis_db_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
# The embedded default keeps its database, broker queue and media here; make sure it exists.
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "demo",
    "newsroom",
    "legaltracker",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304s for every GET, including pages served from the origin page cache just below it.
    "django.middleware.http.ConditionalGetMiddleware",
    # Above sessions and authentication, so a cached page is served without touching either.
    "newsroom.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsroom.middleware.AnonymousReaderMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Page requests skip Wagtail's level-by-level routing while the stored route still holds.
    "newsroom.routing.RouteMemoMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: PostgreSQL from DATABASE_URL, else the embedded SQLite file under var/.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: broker, results, cache and quota counters on separate database numbers.
REDIS_URL = env_str("REDIS_URL")
REDIS_DB_BROKER = env_int("REDIS_DB_BROKER", 0)
REDIS_DB_RESULTS = env_int("REDIS_DB_RESULTS", 1)
REDIS_DB_CACHE = env_int("REDIS_DB_CACHE", 2)

if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to a miss when Redis is down: pages are then served from the database.
            "BACKEND": "legaltracker.cache.ResilientRedisCache",
            "LOCATION": redis_db_url(REDIS_URL, REDIS_DB_CACHE),
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsroom"),
            "OPTIONS": {"RETRY_AFTER": env_int("CACHE_RETRY_AFTER_SECONDS", 5)},
        },
    }
    CELERY_BROKER_URL = redis_db_url(REDIS_URL, REDIS_DB_BROKER)
    CELERY_RESULT_BACKEND = redis_db_url(REDIS_URL, REDIS_DB_RESULTS)
    # A request that enqueues work (the webhook) must not hang on a dead broker: fail fast, and the
    # outbox keeps the work for the sweeper.
    _REDIS_SOCKETS = {"socket_connect_timeout": 1, "socket_timeout": 5}
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        **_REDIS_SOCKETS,
        "max_retries": 1,
        # Redis hands an unacknowledged task to another worker after this many seconds; tasks waiting
        # on a countdown are unacknowledged, so it must exceed the longest retry countdown
        # (LEGALTRACKER_MAX_RETRY_COUNTDOWN_SECONDS) plus the task time limit (checked by legaltracker).
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
        # How often workers look for such tasks: every interval x throttle seconds.
        "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
        "unacked_restore_throttle": env_int("CELERY_UNACKED_RESTORE_THROTTLE", 10),
    }
    CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
        **_REDIS_SOCKETS,
        "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2},
    }
    CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
    CELERY_REDIS_SOCKET_TIMEOUT = 5
    CELERY_BROKER_CONNECTION_TIMEOUT = 1
    CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
else:
    # Embedded default: a cache every process shares (web, worker, beat) and a broker on disk.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "newsroom_cache",
        },
    }
    CELERY_BROKER_URL = "filesystem://"
    _QUEUE_DIR = VAR_DIR / "celery" / "queue"
    _QUEUE_DIR.mkdir(parents=True, exist_ok=True)  # kombu's filesystem transport does not create it
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_QUEUE_DIR),
        "data_folder_out": str(_QUEUE_DIR),
        "store_processed": False,
        # kombu's filesystem transport keeps its control exchanges here (default: ./control).
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }
    CELERY_RESULT_BACKEND = None
# Image renditions are looked up once per process and then kept in memory.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_RESULT_EXPIRES = 3600
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_TIMEZONE = "UTC"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Serve app static files straight from the apps when collectstatic has not run (demo and tests).
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers: the site refuses to be framed, except the case embed page (see legaltracker.views).
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_POLICY}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "The Docket Desk")
WAGTAILADMIN_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt"]
WAGTAILEMBEDS_FINDERS = [
    {"class": "legaltracker.embeds.CaseEmbedFinder"},
    {"class": "wagtail.embeds.finders.oembed"},
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# Frontend cache purging: the origin page cache always, and an HTTP PURGE endpoint (Varnish or
# any proxy) when one is configured; every purge list reaches both (see docs/caching.md).
WAGTAILFRONTENDCACHE = {"origin": {"BACKEND": "newsroom.page_cache.OriginPageCacheBackend"}}
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }

# Court data sources.
COURTLISTENER_BASE_URL = env_str("COURTLISTENER_BASE_URL", "https://www.courtlistener.com/api/rest/v4/")
COURTLISTENER_TOKEN = env_str("COURTLISTENER_TOKEN")
# The account's quota (defaults: CourtListener's free tier) shared by every worker.
COURTLISTENER_LIMIT_PER_MINUTE = env_int("COURTLISTENER_LIMIT_PER_MINUTE", 5)
COURTLISTENER_LIMIT_PER_HOUR = env_int("COURTLISTENER_LIMIT_PER_HOUR", 50)
COURTLISTENER_LIMIT_PER_DAY = env_int("COURTLISTENER_LIMIT_PER_DAY", 125)
# (connect, read) seconds.
COURTLISTENER_TIMEOUT = (env_int("COURTLISTENER_CONNECT_TIMEOUT", 5), env_int("COURTLISTENER_READ_TIMEOUT", 20))
PACER_RSS_TIMEOUT = (env_int("PACER_RSS_CONNECT_TIMEOUT", 5), env_int("PACER_RSS_READ_TIMEOUT", 20))
LEGALTRACKER_USER_AGENT = env_str(
    "LEGALTRACKER_USER_AGENT", f"{WAGTAIL_SITE_NAME} case tracker (+{WAGTAILADMIN_BASE_URL})"
)
WEBHOOK_SECRET = env_str("WEBHOOK_SECRET")
# Minutes between polls of each tracked court's PACER RSS feed, and of each case's docket.
LEGALTRACKER_FEED_INTERVAL_MINUTES = env_int("LEGALTRACKER_FEED_INTERVAL_MINUTES", 5)
LEGALTRACKER_ACTIVE_CASE_INTERVAL_MINUTES = env_int("LEGALTRACKER_ACTIVE_CASE_INTERVAL_MINUTES", 60)
LEGALTRACKER_QUIET_CASE_INTERVAL_MINUTES = env_int("LEGALTRACKER_QUIET_CASE_INTERVAL_MINUTES", 24 * 60)
LEGALTRACKER_RETRY_BASE_SECONDS = env_int("LEGALTRACKER_RETRY_BASE_SECONDS", 10)
LEGALTRACKER_BREAKER_THRESHOLD = env_int("LEGALTRACKER_BREAKER_THRESHOLD", 5)
LEGALTRACKER_BREAKER_COOLDOWN_SECONDS = env_int("LEGALTRACKER_BREAKER_COOLDOWN_SECONDS", 600)
# Refresh tasks' time limits (the per-case lock lives as long) and the longest retry countdown;
# CELERY_VISIBILITY_TIMEOUT must exceed their sum (manage.py check says so).
LEGALTRACKER_TASK_TIME_LIMIT = env_int("LEGALTRACKER_TASK_TIME_LIMIT", 240)
LEGALTRACKER_TASK_SOFT_TIME_LIMIT = env_int("LEGALTRACKER_TASK_SOFT_TIME_LIMIT", 200)
LEGALTRACKER_MAX_RETRY_COUNTDOWN_SECONDS = env_int("LEGALTRACKER_MAX_RETRY_COUNTDOWN_SECONDS", 900)
# The outbox: retry backoff base, attempts before parking, and how long after commit an unsent
# message waits before the sweeper takes it.
OUTBOX_RETRY_BASE_SECONDS = env_int("OUTBOX_RETRY_BASE_SECONDS", 30)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 5)
OUTBOX_GRACE_SECONDS = env_int("OUTBOX_GRACE_SECONDS", 60)

# Widgets.
WIDGET_MAX_AGE = env_int("WIDGET_MAX_AGE", 30)
WIDGET_STALE_WHILE_REVALIDATE = env_int("WIDGET_STALE_WHILE_REVALIDATE", 300)
WIDGET_POLL_SECONDS = env_int("WIDGET_POLL_SECONDS", 60)
# Seconds a web process reuses a widget payload before asking the shared cache again.
WIDGET_LOCAL_CACHE_SECONDS = env_int("WIDGET_LOCAL_CACHE_SECONDS", 2)
EMBED_FRAME_ANCESTORS = env_list("EMBED_FRAME_ANCESTORS", ["*"])

CELERY_BEAT_SCHEDULE = {
    "schedule-due-refreshes": {
        "task": "legaltracker.tasks.schedule_due_refreshes",
        "schedule": env_int("LEGALTRACKER_SCHEDULE_SECONDS", 60),
    },
    "sweep-outbox": {
        "task": "legaltracker.tasks.sweep_outbox",
        "schedule": env_int("LEGALTRACKER_OUTBOX_SWEEP_SECONDS", 60),
    },
}

# Email (author notifications): SMTP settings from the environment.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "legaltracker": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    },
}
