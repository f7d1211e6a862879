"""Start tracking a case from a court id and docket number; creates the case index if needed.

All or nothing: a bad court id or docket number is one line and a non-zero exit, and writes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from legaltracker.courts import known_courts
from legaltracker.dispatch import celery_configured
from legaltracker.docket_numbers import is_recognised, normalise_docket_number
from legaltracker.models import CaseIndexPage, CasePage, Court


class Command(BaseCommand):
    help = "Create and publish a tracked case page for COURT DOCKET_NUMBER; the docket is looked up in the background."

    def add_arguments(self, parser):
        parser.add_argument("court", help="CourtListener court id, for example dcd or nysd.")
        parser.add_argument("docket_number")
        parser.add_argument("--title", help="Short name readers know, e.g. 'SEC v. Binance'.")

    def handle(self, court, docket_number, title=None, **options):
        court = court.strip().lower()
        docket_number = docket_number.strip()
        if not Court.objects.filter(pk=court).exists() and court not in known_courts():
            raise CommandError(f"Unknown court id {court!r}: use a CourtListener id such as dcd or nysd.")
        if not is_recognised(docket_number):
            raise CommandError(f"{docket_number!r} is not a docket number; use the court's form, e.g. 1:23-cv-01599.")
        with transaction.atomic():
            case, court_added = self._track(court, docket_number, title)
        if court_added:
            self.stdout.write(f"Added {case.court.name} ({court}); set its PACER RSS feed in the admin to poll it.")
        if celery_configured():
            next_step = "a docket lookup is queued"
        else:
            next_step = "`manage.py refresh_cases` looks the docket up (no Celery is configured)"
        self.stdout.write(self.style.SUCCESS(f"Tracking {case.title} at {case.url}; {next_step}."))

    def _track(self, court: str, docket_number: str, title: str | None) -> tuple[CasePage, bool]:
        court_obj, created = Court.objects.get_or_create(pk=court, defaults={"name": known_courts().get(court, court)})
        normalised = normalise_docket_number(docket_number)
        existing = CasePage.objects.filter(court=court_obj, docket_number_normalised=normalised).first()
        if existing:
            raise CommandError(f"Already tracked: {existing.title} ({existing.url}).")
        index = CaseIndexPage.objects.first()
        if index is None:
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                raise CommandError("No Wagtail site exists yet; run migrate first.")
            index = site.root_page.add_child(instance=CaseIndexPage(title="Case tracker", slug="cases"))
            index.save_revision().publish()
        case = CasePage(title=title or f"{court} {docket_number}", court=court_obj, docket_number=docket_number)
        index.add_child(instance=case)
        case.save_revision().publish()
        return case, created
