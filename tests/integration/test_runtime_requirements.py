"""The demo site installed from requirements.txt alone, as production installs it, queues tasks on Redis."""

import os
import subprocess

import redis

from config.env import redis_db_url
from tests.integration.conftest import REPO, pip_env

# A Redis database of its own, so the queue this test reads holds only what it queued.
BROKER_DB = 15


def test_a_task_is_queued_on_redis_with_only_the_runtime_requirements(runtime_python, tmp_path):
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379")
    queue = redis.Redis.from_url(redis_db_url(redis_url, BROKER_DB))
    queue.flushdb()
    env = {
        **pip_env(),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "REDIS_URL": redis_url,
        "REDIS_DB_BROKER": str(BROKER_DB),
        "VAR_DIR": str(tmp_path / "var"),
    }
    env.pop("DATABASE_URL", None)
    enqueue = (
        "import django; django.setup(); from legaltracker.tasks import refresh_case; print(refresh_case.delay(1).id)"
    )
    try:
        result = subprocess.run(
            [str(runtime_python), "-c", enqueue], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr[-3000:]
        task_id = result.stdout.strip()
        assert queue.llen("celery") == 1
        assert task_id.encode() in queue.lindex("celery", 0)
    finally:
        queue.flushdb()
