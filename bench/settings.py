"""Benchmark settings: production-like (DEBUG off, PostgreSQL, Redis) with a bare view beside the app."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379")
# Bench-owned Redis databases, so neither a developer's data nor the tests' are touched.
os.environ.setdefault("REDIS_DB_BROKER", "9")
os.environ.setdefault("REDIS_DB_RESULTS", "10")
os.environ.setdefault("REDIS_DB_CACHE", "11")
os.environ.setdefault("VAR_DIR", "/tmp/newsroom-bench-var")

from config.settings.base import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False}
