"""Apply saved court data through the same code path as the refresh tasks.

Replaying a file changes nothing the second time; a bad file is refused whole with one line
naming the file and the problem.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from tqdm import tqdm

from legaltracker import services, webhooks
from legaltracker.docket_numbers import normalise_docket_number
from legaltracker.models import CasePage, Court
from legaltracker.sources import courtlistener, pacer_rss
from legaltracker.sources.base import SourceError

SOURCES = ("pacer-rss", "courtlistener-docket", "courtlistener-webhook")


class Command(BaseCommand):
    help = "Ingest a saved PACER RSS feed, CourtListener docket (with entries) or CourtListener webhook body."

    def add_arguments(self, parser):
        parser.add_argument("--source", required=True, choices=SOURCES)
        parser.add_argument("--court", help="CourtListener court id; required for pacer-rss.")
        parser.add_argument("file")

    def handle(self, source, court=None, file=None, **options):
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror}).") from exc
        if not content.strip():
            raise CommandError(f"{path}: the file is empty.")
        try:
            with transaction.atomic():  # all or nothing: a failure half-way writes nothing
                summary = getattr(self, "_" + source.replace("-", "_"))(content, court)
        except (SourceError, CommandError) as exc:
            raise CommandError(f"{path}: {exc}".replace("\n", " ")) from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: not valid JSON ({exc}).".replace("\n", " ")) from exc
        except (ValueError, TypeError, AttributeError, KeyError, DatabaseError) as exc:
            # Hostile or odd values deep in the file: one line naming the problem, never a traceback.
            problem = f"{type(exc).__name__}: {exc}".replace("\n", " ")[:300]
            raise CommandError(f"{path}: malformed data ({problem}).") from exc
        self.stdout.write(self.style.SUCCESS(f"{path}: {summary}"))

    def _pacer_rss(self, content: bytes, court: str | None) -> str:
        if not court:
            raise CommandError("--court is required with --source pacer-rss.")
        if not Court.objects.filter(pk=court).exists():
            raise CommandError(f"Unknown court {court!r}; add it in the admin or with track_case first.")
        feed = pacer_rss.parse_feed(content)
        result = services.apply_feed(court, tqdm(feed.entries, desc="Feed items", disable=None), actor="command:ingest")
        return f"{feed.items} items, {result.created_entries} new entries in {len(result.matched_cases)} cases."

    def _courtlistener_docket(self, content: bytes, court: str | None) -> str:
        data = json.loads(content)
        if not isinstance(data, dict):
            raise CommandError("Expected a docket object with its entries under 'entries' or 'docket_entries'.")
        update = courtlistener.update_from_docket(data, court or "", "")
        entries = data.get("entries", data.get("docket_entries", []))
        if isinstance(entries, dict):  # a saved v4 list page
            entries = entries.get("results", [])
        if not isinstance(entries, list):
            raise CommandError("'entries' must be a list of docket entries.")
        courtlistener.add_entries(update, tqdm(entries, desc="Entries", disable=None))
        case_ids = webhooks.cases_for_docket(update.courtlistener_docket_id) or list(
            CasePage.objects.filter(
                court_id=update.court_id, docket_number_normalised=normalise_docket_number(update.docket_number)
            ).values_list("pk", flat=True)
        )
        if not case_ids:
            raise CommandError(f"No tracked case matches docket {update.docket_number} ({update.court_id}).")
        created = sum(
            services.apply_update(case_id, update, actor="command:ingest").created_entries for case_id in case_ids
        )
        return f"{len(update.entries)} entries, {created} new, applied to {len(case_ids)} case(s)."

    def _courtlistener_webhook(self, content: bytes, court: str | None) -> str:
        cases = webhooks.apply_webhook_body(json.loads(content), actor="command:ingest")
        return f"applied to {len(cases)} case(s)."
