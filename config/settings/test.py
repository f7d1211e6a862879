"""Tests: real PostgreSQL and Redis (see TESTING.md), on Redis databases the tests own."""

import os

from config.env import env_str, redis_db_url

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379")
# Test-owned Redis databases, so a developer's own data is never flushed.
os.environ.setdefault("REDIS_DB_BROKER", "12")
os.environ.setdefault("REDIS_DB_RESULTS", "13")
os.environ.setdefault("REDIS_DB_CACHE", "14")
os.environ.setdefault("VAR_DIR", "/tmp/newsroom-test-var")

from .base import *  # noqa: E402,F403
from .base import CACHES, DATABASES, REDIS_URL  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
CACHES["default"]["KEY_PREFIX"] = "newsroom-test"
TEST_REDIS_URL = redis_db_url(REDIS_URL, 14)
# The embedded default's cache, so the quota's database-cache path runs against PostgreSQL too.
CACHES["embedded"] = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "legaltracker_quota"}
COURTLISTENER_TOKEN = env_str("TEST_COURTLISTENER_TOKEN", "test-token")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Request threads of the live server must not keep connections open past the request.
DATABASES["default"]["CONN_MAX_AGE"] = 0
