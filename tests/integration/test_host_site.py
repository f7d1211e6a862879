"""What a site integrator does, as the README says it: a fresh `wagtail start` site gets the plugin.

The host installs this package with pip into its own environment, adds the apps and one URL include,
puts a case widget on its own home page under a block name of its own, and runs with SQLite, its
default per-process cache, and no Celery or Redis at all.
"""

import html
import json
import re
import subprocess
import sys
from pathlib import Path

from tests.integration.conftest import REPO
from tests.integration.serving import fetch, free_port, serving
from tests.samples import sample

SECRET = "integration-secret"

# Step 1 of the README's "Adding the apps to an existing Wagtail site".
SETTINGS_ADDITIONS = """
INSTALLED_APPS += [
    "newsroom",
    "legaltracker",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
]
WAGTAILADMIN_BASE_URL = "{base_url}"
WEBHOOK_SECRET = "{secret}"
"""

# The host's own home page, with a StreamField of its own that offers the case widget as "court_case".
HOME_MODELS = """from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from legaltracker.blocks import CaseWidgetBlock


class HomePage(Page):
    features = StreamField([("court_case", CaseWidgetBlock())], blank=True)

    content_panels = Page.content_panels + [FieldPanel("features")]
"""
HOME_BLOCKS = "{% load wagtailcore_tags %}{% for block in page.features %}{% include_block block %}{% endfor %}"

# Editors put the case on the home page twice (two displays); a webhook needs the CourtListener docket id.
EDIT_HOME_PAGE = """
import json
from home.models import HomePage
from legaltracker.models import CasePage
case = CasePage.objects.get()
CasePage.objects.filter(pk=case.pk).update(courtlistener_docket_id=4242)
home = HomePage.objects.get()
home.features = [
    ("court_case", {"case": case, "display": "compact", "entries": 3}),
    ("court_case", {"case": case, "display": "full", "entries": 3}),
]
home.save_revision().publish()
print(json.dumps({"slug": case.slug, "path": case.url}))
"""

WEBHOOK_ENTRY = {
    "id": 9001,
    "docket": 4242,
    "entry_number": 305,
    "date_filed": "2025-03-04",
    "description": "NOTICE of appearance by counsel for the defendants.",
    "date_modified": "2025-03-04T10:00:00-05:00",
    "recap_documents": [],
}


def run(python: Path, site: Path, *args: str, timeout: int = 240) -> str:
    result = subprocess.run(
        [str(python), "manage.py", *args], cwd=site, env=host_env(site), capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {args[0]}: {result.stderr[-3000:]}"
    return result.stdout + result.stderr


def host_env(site: Path) -> dict:
    # Only what any shell has: no DATABASE_URL, REDIS_URL or settings module from the test run.
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(site), "LANG": "C.UTF-8"}


def create_host_site(tmp_path: Path, base_url: str) -> Path:
    wagtail = Path(sys.executable).parent / "wagtail"
    subprocess.run([str(wagtail), "start", "hostsite"], cwd=tmp_path, check=True, capture_output=True, timeout=60)
    site = tmp_path / "hostsite"
    settings = site / "hostsite" / "settings" / "base.py"
    settings.write_text(settings.read_text() + SETTINGS_ADDITIONS.format(base_url=base_url, secret=SECRET))
    # Step 2: one include, before Wagtail's own pages.
    urls = site / "hostsite" / "urls.py"
    urls.write_text(
        urls.read_text().replace(
            "urlpatterns = [\n", 'urlpatterns = [\n    path("", include("legaltracker.urls")),\n', 1
        )
    )
    (site / "home" / "models.py").write_text(HOME_MODELS)
    template = site / "home" / "templates" / "home" / "home_page.html"
    template.write_text(
        template.read_text()
        .replace("{% include 'home/welcome_page.html' %}", HOME_BLOCKS.replace("{% load wagtailcore_tags %}", ""))
        .replace("{% load static %}", "{% load static wagtailcore_tags %}")
    )
    return site


def test_a_fresh_wagtail_site_runs_the_plugin_without_celery(plugin_python, tmp_path):
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    site = create_host_site(tmp_path, base_url)

    run(plugin_python, site, "makemigrations", "home")
    run(plugin_python, site, "migrate", "--noinput")
    checks = run(plugin_python, site, "check")
    assert "legaltracker.W002" in checks and "refresh_cases" in checks  # no Celery: says how to refresh
    assert "legaltracker.W001" in checks  # the default per-process cache

    tracked = run(plugin_python, site, "track_case", "wvsd", "3:15-cv-13328", "--title", "Sigman v. CSX")
    assert "refresh_cases" in tracked
    feed = str(sample("pacer_rss/wvsd.xml"))
    assert "1 new entries in 1 cases" in run(
        plugin_python, site, "ingest_docket_data", "--source", "pacer-rss", "--court", "wvsd", feed
    )
    case = json.loads(run(plugin_python, site, "shell", "-c", EDIT_HOME_PAGE).strip().splitlines()[-1])

    with serving(
        [str(plugin_python), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        site,
        host_env(site),
        base_url,
    ):
        widget_url = f"{base_url}/cases/{case['slug']}/widget.json"
        status, headers, body = fetch(widget_url)
        widget = json.loads(body)
        assert status == 200 and widget["status_label"] != "Filed"
        assert fetch(widget_url, headers={"If-None-Match": headers["ETag"]})[0] == 304

        # The host's home page shows the widget, filled in by the server, with one copy of its assets.
        status, _, home = fetch(base_url + "/")
        assert status == 200
        assert home.count("data-case-widget") == 2
        assert f'data-field="status_label">{widget["status_label"]}<' in home
        assert "Order Dismissing Case" in home
        assert home.count("legaltracker/widget.js") == 1 and home.count("legaltracker/widget.css") == 1

        # The case page sits inside the host's base.html with its stylesheet and oEmbed link in the head.
        status, _, page = fetch(base_url + case["path"])
        head = page.split("</head>")[0]
        assert status == 200 and "css/hostsite.css" in head
        assert "legaltracker/widget.css" in head
        oembed_link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', head)
        assert oembed_link, head
        status, _, oembed = fetch(html.unescape(oembed_link.group(1)))
        iframe = f'<iframe src="{base_url}/cases/{case["slug"]}/embed/"'
        assert status == 200 and json.loads(oembed)["html"].startswith(iframe)

        status, headers, embed = fetch(f"{base_url}/cases/{case['slug']}/embed/")
        assert status == 200 and headers["Content-Security-Policy"] == "frame-ancestors *"
        assert widget["status_label"] in embed

        # Webhooks: a wrong secret is a 404; a delivery is applied at once (no Celery), a retry is a duplicate.
        delivery = json.dumps({"payload": {"results": [WEBHOOK_ENTRY]}, "webhook": {"version": 2, "event_type": 1}})
        hook = f"{base_url}/hooks/courtlistener/{SECRET}/"
        assert fetch(f"{base_url}/hooks/courtlistener/wrong/", data=delivery)[0] == 404
        key = {"Idempotency-Key": "delivery-1", "Content-Type": "application/json"}
        assert fetch(hook, data=delivery, headers=key)[0] == 202
        status, _, again = fetch(hook, data=delivery, headers=key)
        assert status == 200 and json.loads(again)["duplicate"] is True
        entries = json.loads(fetch(widget_url)[2])["entries"]
        assert entries[0]["description"] == WEBHOOK_ENTRY["description"]

        assert fetch(base_url + "/static/legaltracker/widget.js")[0] == 200


def test_the_readme_shows_the_same_integration_steps():
    readme = (REPO / "README.md").read_text()
    assert 'path("", include("legaltracker.urls"))' in readme
    for app in ("newsroom", "legaltracker", "wagtail.contrib.settings", "wagtail.contrib.routable_page"):
        assert f'"{app}"' in readme
