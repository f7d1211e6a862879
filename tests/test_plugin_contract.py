"""What a host site relies on: checks that say what to set, mountable URLs, widgets that cannot go
stale in a per-process cache, publishing that survives a dead broker, and two apps that stand apart."""

import ast
import html
import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from celery import Celery
from django.core.checks import run_checks

from config.celery import app as site_celery_app
from legaltracker import outbox
from tests.factories import file_entry, make_article, make_case

REPO = Path(__file__).resolve().parent.parent
LOCAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "contract"}}


def imports_of(app: str) -> dict[str, set[str]]:
    """Every module of `app` and the modules it imports anywhere in its code (lazy imports included)."""
    modules = {}
    for path in (REPO / app).rglob("*.py"):
        if "migrations" not in path.parts:
            name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
            modules[name] = path
    graph = {}
    for name, path in modules.items():
        imported = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
        graph[name] = imported
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles among the graph's own modules."""
    edges = {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}
    found, done = [], set()

    def visit(module, path):
        if module in path:
            found.append(path[path.index(module) :] + [module])
            return
        if module in done:
            return
        for dependency in sorted(edges[module]):
            visit(dependency, [*path, module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])
    return found


def test_the_tracker_stands_alone_and_its_imports_have_no_cycles():
    tracker = imports_of("legaltracker")
    assert not {
        m: sorted(d for d in deps if d.startswith("newsroom"))
        for m, deps in tracker.items()
        if any(d.startswith("newsroom") for d in deps)
    }
    assert cycles(tracker) == []
    newsroom_uses = {d for deps in imports_of("newsroom").values() for d in deps if d.startswith("legaltracker")}
    assert newsroom_uses <= {
        "legaltracker.blocks",
        "legaltracker.blocks.CaseWidgetBlock",
        "legaltracker.blocks.case_widget_payloads",
        "legaltracker.previews",
        "legaltracker.previews.label_draft_preview",
        "legaltracker.signals",
        "legaltracker.signals.case_status_changed",
    }


def test_check_warns_about_what_production_should_set(settings):
    settings.CACHES = LOCAL_CACHE
    settings.WEBHOOK_SECRET = ""
    settings.WAGTAILADMIN_BASE_URL = ""
    warned = {message.id: message for message in run_checks(tags=["legaltracker", "newsroom"])}
    assert {"legaltracker.W001", "legaltracker.W003", "legaltracker.W004", "newsroom.W001"} <= set(warned)
    assert "Redis, Memcached or the database cache" in warned["legaltracker.W001"].hint

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "c"}}
    settings.WEBHOOK_SECRET = "long-random-secret"
    settings.WAGTAILADMIN_BASE_URL = "https://news.example.com"
    assert run_checks(tags=["legaltracker", "newsroom"]) == []


def test_a_missing_base_template_is_an_error(settings):
    settings.LEGALTRACKER_BASE_TEMPLATE = "no/such/base.html"
    assert [m.id for m in run_checks(tags=["legaltracker"]) if m.is_serious()] == ["legaltracker.E001"]


@pytest.mark.django_db
@pytest.mark.urls("tests.urls_prefixed")
def test_tracker_urls_work_under_a_prefix(client, tree):
    case = make_case(tree[2])
    widget = client.get(f"/tracker/cases/{case.slug}/widget.json")
    assert widget.status_code == 200 and widget.json()["widget_url"] == f"/tracker/cases/{case.slug}/widget.json"

    page = client.get(case.url).content.decode()
    oembed_href = html.unescape(re.search(r'type="application/json\+oembed" href="([^"]+)"', page).group(1))
    assert urlsplit(oembed_href).path == "/tracker/oembed/"
    oembed = client.get(oembed_href).json()
    assert f'src="http://testserver/tracker/cases/{case.slug}/embed/"' in oembed["html"]
    embed_url = f"http://testserver/tracker/cases/{case.slug}/embed/"
    assert client.get("/tracker/oembed/", {"url": embed_url}).json()["title"] == case.title


@pytest.mark.django_db
def test_with_a_per_process_cache_a_change_made_elsewhere_shows_within_the_short_timeout(client, tree, settings):
    settings.CACHES = LOCAL_CACHE
    settings.WIDGET_LOCAL_CACHE_SECONDS = 0
    settings.WIDGET_UNSHARED_CACHE_SECONDS = 0  # the bound under test, at its limit so no test has to wait
    case = make_case(tree[2])
    assert client.get(f"/cases/{case.slug}/widget.json").json()["status"] == "filed"
    # Not committed in this test, so this process's invalidation never runs: as for a change in a worker.
    file_entry(case, "1", "ORDER granting Motion to Stay.")
    assert client.get(f"/cases/{case.slug}/widget.json").json()["status"] == "stayed"


@pytest.mark.django_db
def test_publishing_a_case_survives_an_unreachable_broker(tree, django_capture_on_commit_callbacks, caplog):
    unreachable = Celery("unreachable", broker="redis://127.0.0.1:9/0")  # becomes this thread's current app
    unreachable.conf.task_publish_retry = False
    unreachable.conf.broker_transport_options = {"max_retries": 0}  # fail at once instead of retrying
    try:
        with caplog.at_level(logging.WARNING, "legaltracker.outbox"), django_capture_on_commit_callbacks(execute=True):
            case = make_case(tree[2])
    finally:
        site_celery_app.set_current()
    assert case.live
    assert "could not queue legaltracker.tasks.refresh_case" in caplog.text
    # The lookup is not lost: it waits in the outbox for the broker, and the sweeper sends it.
    assert outbox.pending().filter(kind="refresh_case", payload__case_id=case.pk).exists()


@pytest.mark.django_db
def test_many_widgets_share_one_lookup_and_one_copy_of_their_assets(client, tree, django_assert_max_num_queries):
    home, news, cases = tree
    one = make_article(news, title="One widget", body=[("case_widget", {"case": make_case(cases), "display": "full"})])
    others = [make_case(cases, slug=f"case-{n}", docket_number=f"1:24-cv-0000{n}") for n in range(1, 4)]
    three = make_article(
        news, title="Three widgets", body=[("case_widget", {"case": c, "display": "full"}) for c in others]
    )
    with django_assert_max_num_queries(100) as one_widget:
        client.get(one.url)
    with django_assert_max_num_queries(len(one_widget.captured_queries)):
        page = client.get(three.url).content.decode()
    assert page.count("data-case-widget") == 3
    assert page.count("legaltracker/widget.js") == 1 and page.count("legaltracker/widget.css") == 1
