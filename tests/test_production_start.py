"""The README's production start, run for real: check --deploy, collectstatic, migrate, gunicorn, worker, beat."""

import secrets

import pytest
import requests
from django.conf import settings

from tests.factories import make_article, make_case, site_tree
from tests.processes import BIN, CeleryWorker, Gunicorn, Process, base_env, manage, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

HEADERS = {"Host": "localhost", "X-Forwarded-Proto": "https"}


@pytest.fixture
def production_env(tmp_path):
    # The documented variables; Redis databases owned by the tests, so nothing of a developer's is touched.
    return base_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,127.0.0.1",
        REDIS_URL=settings.REDIS_URL,
        REDIS_DB_BROKER="10",
        REDIS_DB_RESULTS="11",
        REDIS_DB_CACHE="9",
        STATIC_ROOT=str(tmp_path / "static"),
        COURTLISTENER_TOKEN="",
        WEBHOOK_SECRET=secrets.token_urlsafe(32),
        SITE_BASE_URL="https://localhost",
        LEGALTRACKER_SCHEDULE_SECONDS="5",
        LEGALTRACKER_OUTBOX_SWEEP_SECONDS="5",
    )


def test_documented_production_start_serves_every_page_with_security_headers(tmp_path, production_env):
    _, news, cases = site_tree()
    article = make_article(news, title="Exchange sued")
    case = make_case(cases)

    deploy = manage(production_env, "check", "--deploy", "--fail-level", "WARNING")
    assert deploy.returncode == 0 and "no issues" in deploy.stdout, deploy.stdout + deploy.stderr
    assert manage(production_env, "collectstatic", "--noinput").returncode == 0
    assert manage(production_env, "migrate", "--noinput").returncode == 0

    web = Gunicorn(production_env, tmp_path).start("/", HEADERS)
    worker = CeleryWorker(production_env, tmp_path, "prod").start()
    beat = Process(
        [str(BIN / "celery"), "-A", "config", "beat", "--loglevel", "INFO"],
        production_env,
        tmp_path / "beat.log",
    ).start()
    try:
        paths = ["/", article.url, case.url, f"/cases/{case.slug}/widget.json", f"/cases/{case.slug}/embed/"]
        paths += ["/sitemap.xml", "/news/feed/", "/static/legaltracker/widget.js"]
        for path in paths:
            response = requests.get(web.url + path, headers=HEADERS, timeout=10, allow_redirects=False)
            assert response.status_code == 200, (path, response.status_code, web.output()[-2000:])
        page = requests.get(web.url + case.url, headers=HEADERS, timeout=10)
        assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        assert (
            "frame-ancestors *"
            in requests.get(web.url + f"/cases/{case.slug}/embed/", headers=HEADERS, timeout=10).headers[
                "Content-Security-Policy"
            ]
        )
        # Plain http is sent to https.
        assert requests.get(web.url + "/", headers={"Host": "localhost"}, allow_redirects=False).status_code == 301
        # One structured line per request on stderr; beat's sweep runs on the worker.
        wait_for(
            lambda: "legaltracker.tasks.sweep_outbox" in worker.output() and "succeeded" in worker.output(),
            30,
            "a swept outbox",
        )
        assert f"event=request method=GET path='{case.url}' status=200" in web.output()
    finally:
        beat.stop()
        worker.stop()
        web.stop()
