"""Retry outbox messages that are due: the same sweep beat runs, for sites without Celery or a live broker."""

from django.core.management.base import BaseCommand

from legaltracker import outbox


class Command(BaseCommand):
    help = "Run pending outbox messages that are due (webhook events, invalidations, refreshes, emails)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="At most this many messages in one run.")

    def handle(self, limit, **options):
        outcomes = outbox.sweep(limit=limit)
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items())) or "nothing due"
        still_parked = outbox.parked().count()
        self.stdout.write(f"Outbox: {summary}; {still_parked} parked.")
