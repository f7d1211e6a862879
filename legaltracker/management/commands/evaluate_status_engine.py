"""Print how the status engine scores on a labelled corpus: accuracy per status, false and missed changes."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from legaltracker.status_engine.evaluation import evaluate, report


class Command(BaseCommand):
    help = "Score the status engine on a labelled corpus of real docket entries (see LABELS.md in the corpus)."

    def add_arguments(self, parser):
        default = Path(getattr(settings, "BASE_DIR", ".")) / "tests" / "fixtures" / "status_corpus"
        parser.add_argument("--corpus", type=Path, default=default, help="Folder with entries/, sequences/, holdout/.")
        parser.add_argument("--without-holdout", action="store_true", help="Leave out the held-back part.")
        parser.add_argument("--verbose", action="store_true", help="List every miss.")

    def handle(self, *args, corpus: Path, without_holdout: bool, verbose: bool, **options):
        if not (corpus / "entries").is_dir():
            raise CommandError(f"{corpus} has no entries/ folder; pass --corpus.")
        entries, sequences = evaluate(corpus, include_holdout=not without_holdout)
        self.stdout.write(report(entries, sequences, verbose=verbose))
