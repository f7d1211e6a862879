"""Refresh tracked cases now: court feeds first, then CourtListener, with a progress bar."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from legaltracker import services
from legaltracker.models import CasePage, CaseStatus, Court
from legaltracker.sources.base import RateLimited, SourceError


class Command(BaseCommand):
    help = "Refresh tracked cases from PACER RSS and CourtListener, inside the shared quota."

    def add_arguments(self, parser):
        parser.add_argument("--case", dest="slug", help="Only this case (slug); earlier lookup failures are forgiven.")
        parser.add_argument("--court", help="Only cases in this court (CourtListener id).")

    def handle(self, slug=None, court=None, **options):
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
        failures = 0
        for court_id in tqdm(list(court_ids), desc="Court feeds", disable=None):
            try:
                services.refresh_court_feed(court_id)
            except SourceError as exc:
                failures += 1
                self.stderr.write(f"{court_id}: {exc}")
        for case in tqdm(list(cases), desc="Cases", disable=None):
            try:
                result = services.refresh_case(case.pk)
            except RateLimited as exc:
                # Not a failure: what arrived is kept, and the rest follows when the quota has room.
                progress = services.backfill_progress(CaseStatus.objects.filter(pk=case.pk).first())
                self.stdout.write(
                    f"{case.slug}: {progress + '; ' if progress else ''}CourtListener quota spent, "
                    f"the rest follows in about {exc.retry_after or 60:.0f}s (next beat run or run this again)"
                )
                continue
            except SourceError as exc:
                failures += 1
                self.stderr.write(f"{case.slug}: {exc}")
                continue
            done = result.skipped or f"{result.created_entries} new entries"
            self.stdout.write(f"{case.slug}: {done}{'; ' + result.progress if result.progress else ''}")
        if failures:
            raise CommandError(f"{failures} refreshes failed; see the messages above. Nothing half-written.")
