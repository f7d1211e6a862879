"""Add a realistic new docket entry to a case through the service, to watch widgets update live."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from legaltracker import services
from legaltracker.models import CasePage
from legaltracker.sources.base import DocketUpdate, EntryData
from legaltracker.statuses import Source

# Filings cycled through on each call, so repeated demos keep changing the widget's latest filings.
# They are the routine traffic of a case whose appeal is pending: none of them decides anything, so
# the status the engine derived from the real timeline stays true.
FILINGS = [
    "LETTER addressed to the Court by counsel for the defendant about the schedule of the pending appeal.",
    "ORDER scheduling a status conference; the parties shall file a joint letter one week before it.",
    "NOTICE of Appearance by additional counsel for the defendant.",
]


class Command(BaseCommand):
    help = "Add a demo docket entry to CASE_SLUG through services.apply_update (for demos and manual testing)."

    def add_arguments(self, parser):
        parser.add_argument("case_slug")

    def handle(self, case_slug, **options):
        case = CasePage.objects.filter(slug=case_slug).first()
        if case is None:
            raise CommandError(f"No case with slug {case_slug!r}.")
        count = case.docket_entries.filter(source=Source.MANUAL, source_id__startswith="demo-filing-").count()
        text = FILINGS[count % len(FILINGS)]
        update = DocketUpdate(
            source=Source.MANUAL,
            entries=[
                EntryData(
                    source=Source.MANUAL,
                    source_id=f"demo-filing-{count + 1}",
                    date_filed=timezone.localdate(),
                    description=text,
                )
            ],
        )
        result = services.apply_update(case.pk, update, actor="command:demo_filing")
        self.stdout.write(f"{case.title}: added “{text}” (status now version {result.version}).")
