"""Refresh tracked cases now: court feeds first, then CourtListener, with a progress bar.

With `--due` it does what Celery beat's `schedule_due_refreshes` does, in this process: run it
from cron every few minutes on a site without Celery.
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from legaltracker import services
from legaltracker.conf import app_settings
from legaltracker.due import due_case_ids, due_court_ids, refresh_budget
from legaltracker.models import CasePage, CaseStatus, Court
from legaltracker.sources.base import RateLimited, SourceError


class Command(BaseCommand):
    help = "Refresh tracked cases from PACER RSS and CourtListener, inside the shared quota."

    def add_arguments(self, parser):
        parser.add_argument("--case", dest="slug", help="Only this case (slug); earlier lookup failures are forgiven.")
        parser.add_argument("--court", help="Only cases in this court (CourtListener id).")
        parser.add_argument(
            "--due",
            action="store_true",
            help="Only the court feeds and cases that are due, within the quota (for cron, instead of Celery beat).",
        )

    def handle(self, slug=None, court=None, due=False, **options):
        if due:
            court_ids = due_court_ids()
            case_ids = due_case_ids(refresh_budget()) if app_settings.COURTLISTENER_TOKEN else []
        else:
            court_ids, case_ids = self._selected(slug, court)
        failures = 0
        for court_id in tqdm(court_ids, desc="Court feeds", disable=None):
            try:
                services.refresh_court_feed(court_id)
            except SourceError as exc:
                failures += 1
                self.stderr.write(f"{court_id}: {exc}")
        slugs = dict(CasePage.objects.filter(pk__in=case_ids).values_list("pk", "slug"))
        for case_id in tqdm(case_ids, desc="Cases", disable=None):
            try:
                result = services.refresh_case(case_id)
            except RateLimited as exc:
                # Not a failure: what arrived is kept, and the rest follows when the quota has room.
                progress = services.backfill_progress(CaseStatus.objects.filter(pk=case_id).first())
                self.stdout.write(
                    f"{slugs.get(case_id)}: {progress + '; ' if progress else ''}CourtListener quota spent, "
                    f"the rest follows in about {exc.retry_after or 60:.0f}s (next scheduled run or run this again)"
                )
                continue
            except SourceError as exc:
                failures += 1
                self.stderr.write(f"{slugs.get(case_id)}: {exc}")
                continue
            done = result.skipped or f"{result.created_entries} new entries"
            self.stdout.write(f"{slugs.get(case_id)}: {done}{'; ' + result.progress if result.progress else ''}")
        if failures:
            raise CommandError(f"{failures} refreshes failed; see the messages above. Nothing half-written.")

    def _selected(self, slug, court) -> tuple[list[str], list[int]]:
        cases = CasePage.objects.filter(tracking=True)
        if slug:
            cases = CasePage.objects.filter(slug=slug)
            if not cases.exists():
                raise CommandError(f"No case with slug {slug!r}.")
            services.reset_refresh_failures(cases.get().pk)
        if court:
            cases = cases.filter(court_id=court)
        court_ids = (
            Court.objects.filter(cases__in=cases).exclude(pacer_rss_url="").distinct().values_list("pk", flat=True)
        )
        return list(court_ids), list(cases.values_list("pk", flat=True))
