"""Benchmark settings: production-like (DEBUG off) with a bare view beside the app.

BENCH_CONFIG=embedded runs the embedded default (SQLite and Django's database cache, nothing else
running); otherwise PostgreSQL and Redis, on a bench-owned database and Redis database numbers.
"""

import os

if os.environ.get("BENCH_CONFIG") == "embedded":
    os.environ["DATABASE_URL"] = os.environ["REDIS_URL"] = ""
    var_dir = os.environ.get("VAR_DIR", "/tmp/newsroom-bench-var").rstrip("/")
    # Its own folder: the SQLite file lives there. Gunicorn inherits the already adjusted value.
    os.environ["VAR_DIR"] = var_dir if var_dir.endswith("/embedded") else var_dir + "/embedded"
else:
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
