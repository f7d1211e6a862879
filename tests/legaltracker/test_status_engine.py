"""The status engine: entries read as events, dockets read as histories, and the labelled corpus."""

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from legaltracker import services
from legaltracker.models import CaseStatus, DocketEntry
from legaltracker.sources.base import DocketUpdate
from legaltracker.sources.courtlistener import entry_from_json
from legaltracker.status_engine import Event, classify, classify_entry, replay
from legaltracker.status_engine.evaluation import evaluate, report
from legaltracker.statuses import Status
from tests.factories import make_case

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "status_corpus"


@pytest.mark.parametrize(
    "text, event",
    [
        ("ORDER granting [45] Motion to Dismiss. The Clerk is directed to close the case.", Event.DISMISSED),
        ("Order Dismissing Case", Event.DISMISSED),
        ("ORDER DISMISSING CASE", Event.DISMISSED),
        ("STIPULATION AND ORDER OF DISCONTINUANCE", Event.DISMISSED),
        ("NOTICE of Voluntary Dismissal of the entire action by plaintiff.", Event.DISMISSED),
        ("STIPULATION of Dismissal with prejudice by Securities and Exchange Commission.", Event.DISMISSED),
        ("ORDER STAYING CASE pending the outcome of settlement discussions.", Event.STAYED),
        ("MINUTE ORDER lifting the stay; the parties shall file a joint status report.", Event.STAY_LIFTED),
        ("ORDER: the Clerk of Court is directed to reopen this case.", Event.REOPENED),
        ("~Util - Terminate Civil Case", Event.CLOSED),
        ("NOTICE OF APPEAL by Samuel Bankman-Fried. Filing fee $605.", Event.APPEAL),
        ("NOTICE OF CROSS APPEAL by Ripple Labs, Inc.", Event.APPEAL),
        ("MANDATE of USCA as to [102] Notice of Appeal: the judgment below is AFFIRMED.", Event.APPEAL_AFFIRMED),
        ("USCA JUDGMENT: the judgment is VACATED and REMANDED for further proceedings.", Event.APPEAL_REVERSED),
        ("MANDATE of USCA: the appeal and cross appeal are dismissed by stipulation.", Event.APPEAL_DISMISSED),
        ("FINAL JUDGMENT as to Ripple Labs, Inc.: civil penalty and permanent injunction.", Event.JUDGMENT),
        ("JUDGMENT IN A CRIMINAL CASE as to Samuel Bankman-Fried.", Event.JUDGMENT),
        ("ORDER granting [88] Motion for Summary Judgment. Judgment is entered for the defendant.", Event.JUDGMENT),
        ("FINAL JUDGMENT AS TO ALL DEFENDANTS ON CONSENT", Event.SETTLED),
        ("LETTER addressed to Judge Torres informing the Court that a settlement was reached.", Event.SETTLED),
        ("COMPLAINT against Binance Holdings Limited. Filing fee $402.", Event.FILED),
    ],
)
def test_entries_read_as_events(text, event):
    assert classify(text).event == event


@pytest.mark.parametrize(
    "text",
    [
        # A motion asks; only the ruling moves the case.
        "MOTION to Dismiss for Failure to State a Claim by Coinbase, Inc.",
        "MOTION for Leave to Appeal in forma pauperis by John Doe.",
        "MOTION for Extension of Time to File Stipulation of Dismissal.",
        # A notice that mentions a final judgment in passing (Rule 73 consent) is not a judgment.
        "NOTICE, CONSENT, AND REFERENCE OF A CIVIL ACTION TO A MAGISTRATE JUDGE: "
        "the magistrate judge may order entry of a final judgment.",
        "ORDER granting [30] Motion for Leave to Appear by Telephone at the hearing on the motion to dismiss.",
        # Partial endings leave the case going.
        "MEMORANDUM OPINION AND ORDER granting in part and denying in part [54] Motion to Dismiss.",
        "ORDER granting [61] Motion to Dismiss (Partial).",
        "STIPULATION of Voluntary Dismissal as to Defendant BAM Management US Holdings Inc.",
        # An appeal of a magistrate judge's order goes to the district judge, not to a court of appeals.
        "APPEAL OF MAGISTRATE JUDGE DECISION to District Court by Binance Holdings Limited.",
        # PACER feeds do not say how a motion was decided.
        "Order on Motion to Dismiss",
        "ORDER denying [12] Motion to Stay.",
        "ORDER granting [140] Motion to Stay Discovery.",
        "Affirmation in Support (non-motion)",
        "Transmission to Judgments and Orders Clerk",
    ],
)
def test_false_alarms_change_nothing(text):
    assert classify(text).event == Event.NONE


def test_the_document_type_outranks_what_the_text_quotes():
    text = "The action is dismissed as settled, the defendants argue in the attached memorandum."
    assert classify(text).event == Event.SETTLED
    assert classify_entry(text, "Memorandum of Law in Support").event == Event.NONE
    assert (
        classify_entry("ORDER granting [20] Motion to Dismiss.", "Order on Motion to Dismiss").event == Event.DISMISSED
    )


@pytest.mark.django_db
def test_courtlistener_entries_keep_the_documents_short_description(tree):
    item = {
        "id": 7,
        "entry_number": 12,
        "description": "MOTION to Dismiss the Complaint by Coinbase, Inc.",
        "recap_documents": [{"document_type": 1, "description": "Motion to Dismiss", "absolute_url": "/docket/1/12/"}],
    }
    entry = entry_from_json(item)
    assert entry.short_description == "Motion to Dismiss"
    _, _, cases = tree
    case = make_case(cases)
    services.apply_update(case.pk, DocketUpdate(source=entry.source, entries=[entry]), actor="test")
    stored = DocketEntry.objects.get(case=case)
    assert stored.short_description == "Motion to Dismiss"
    assert CaseStatus.objects.get(pk=case.pk).status_rule == "first activity"


def _docket(*texts):
    return [SimpleNamespace(description=text) for text in texts]


def test_an_affirmed_appeal_returns_the_case_to_its_judgment():
    outcome = replay(
        _docket(
            "COMPLAINT against Ripple Labs, Inc.",
            "SUMMONS issued.",
            "FINAL JUDGMENT as to Ripple Labs, Inc.",
            "NOTICE OF APPEAL by Securities and Exchange Commission.",
            "MANDATE of USCA: the judgment of the district court is AFFIRMED.",
        )
    )
    assert outcome.status == Status.JUDGMENT
    assert outcome.rule.name == "appeals court affirms"
    assert outcome.cause.description.startswith("MANDATE")


def test_a_reversal_sends_the_case_back_to_the_trial_court():
    outcome = replay(
        _docket(
            "COMPLAINT",
            "ORDER granting [20] Motion to Dismiss.",
            "NOTICE OF APPEAL by plaintiff.",
            "USCA JUDGMENT: REVERSED and REMANDED.",
        )
    )
    assert outcome.status == Status.ACTIVE


def test_a_dismissed_appeal_keeps_the_ending_it_had():
    outcome = replay(
        _docket(
            "COMPLAINT",
            "FINAL JUDGMENT for plaintiff.",
            "NOTICE OF APPEAL by defendant.",
            "NOTICE OF CROSS APPEAL by plaintiff.",
            "ORDER of USCA: the appeals are dismissed by stipulation of the parties.",
        )
    )
    assert outcome.status == Status.JUDGMENT


def test_a_stay_then_a_lift_then_a_settlement():
    docket = _docket(
        "COMPLAINT",
        "ORDER STAYING CASE.",
        "ORDER lifting the stay.",
        "STIPULATION AND ORDER OF SETTLEMENT.",
        "~Util - Terminate Civil Case",
    )
    assert replay(docket[:2]).status == Status.STAYED
    assert replay(docket[:3]).status == Status.ACTIVE
    # The clerk's closing entry never hides how the case ended.
    assert replay(docket).status == Status.SETTLED


def test_a_routine_order_after_judgment_does_not_reopen():
    outcome = replay(_docket("COMPLAINT", "JUDGMENT for defendant.", "ORDER granting motion to return exhibits."))
    assert outcome.status == Status.JUDGMENT


def test_a_terminated_docket_with_no_readable_ending_is_closed():
    outcome = replay(_docket("COMPLAINT", "ORDER setting schedule."), date_terminated=date(2024, 5, 1))
    assert outcome.status == Status.CLOSED
    assert outcome.rule.name == "docket terminated"


def test_a_new_case_is_filed_until_something_else_happens():
    assert replay(_docket("COMPLAINT against Coinbase, Inc.")).status == Status.FILED
    assert replay(_docket("COMPLAINT against Coinbase, Inc.", "SUMMONS Issued")).status == Status.ACTIVE


def test_the_labelled_corpus_meets_the_bar():
    """Real docket entries and whole dockets, labelled by hand (tests/fixtures/status_corpus)."""
    entries, sequences = evaluate(CORPUS)
    summary = report(entries, sequences, verbose=True)
    assert entries.total >= 400 and sequences.dockets >= 15, summary
    assert entries.accuracy >= 0.97, summary
    assert sequences.final_accuracy >= 0.95 and sequences.step_accuracy >= 0.95, summary
    assert not sequences.false_ending_changes, summary
