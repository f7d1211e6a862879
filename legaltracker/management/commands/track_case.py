"""Start tracking a case from a court id and docket number; creates the case index if needed."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from legaltracker.dispatch import celery_configured
from legaltracker.docket_numbers import normalise_docket_number
from legaltracker.models import CaseIndexPage, CasePage, Court


class Command(BaseCommand):
    help = "Create and publish a tracked case page for COURT DOCKET_NUMBER; the docket is looked up in the background."

    def add_arguments(self, parser):
        parser.add_argument("court")
        parser.add_argument("docket_number")
        parser.add_argument("--title", help="Short name readers know, e.g. 'SEC v. Binance'.")

    def handle(self, court, docket_number, title=None, **options):
        court_obj = Court.objects.filter(pk=court).first()
        if court_obj is None:
            court_obj = Court.objects.create(id=court, name=court.upper())
            self.stdout.write(f"Created court {court}; add its name and PACER RSS feed in the admin.")
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
        if celery_configured():
            next_step = "a docket lookup is queued"
        else:
            next_step = "`manage.py refresh_cases` looks the docket up (no Celery is configured)"
        self.stdout.write(self.style.SUCCESS(f"Tracking {case.title} at {case.url}; {next_step}."))
