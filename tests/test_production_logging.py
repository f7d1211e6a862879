"""Production logging: one key=value line per record, tracebacks folded in; Sentry starts only with a DSN."""

import logging
import secrets
import subprocess
import sys

from config.logs import OneLineFormatter
from tests.processes import ROOT


def test_an_error_with_its_traceback_is_one_line():
    try:
        raise ValueError("the docket\nis malformed")
    except ValueError:
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "event=%s", ("error",), sys.exc_info())
    line = OneLineFormatter().format(record)
    assert "\n" not in line
    assert line.startswith("time=") and "level=ERROR logger=django.request event=error" in line
    assert "ValueError" in line and "traceback=" in line


def test_sentry_is_initialised_only_when_a_dsn_is_set(tmp_path):
    probe = (
        "import django; django.setup(); import sentry_sdk; "
        "client = sentry_sdk.get_client(); print(client.is_active(), client.options.get('environment'))"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "VAR_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }

    def active(**extra) -> str:
        run = subprocess.run(
            [sys.executable, "-c", probe], env={**env, **extra}, cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    assert active() == "False None"  # no client configured at all
    assert active(SENTRY_DSN="https://public@127.0.0.1:9/1", SENTRY_ENVIRONMENT="staging") == "True staging"
