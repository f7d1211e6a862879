"""A docket read as a history: where the case stands, and what each event can change.

`TRANSITIONS` is the whole state machine in one table: for each event, the statuses it moves a
case from and to. An event that has no row for the current status changes nothing: a stay
after a dismissal, a clerk closing a case that already has a judgment, an appeals court's
decision when we never saw the appeal.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from legaltracker.status_engine.events import Event, Rule
from legaltracker.status_engine.events import classify_entry as classify_entry_text
from legaltracker.statuses import Status

S = Status
# Where a case can be when it ends in the trial court.
UNDER_WAY = (S.FILED, S.ACTIVE, S.STAYED)
ENDINGS = (S.DISMISSED, S.SETTLED, S.JUDGMENT, S.CLOSED)
# An appeal's outcome sends the case back to the status it had before the appeal (see replay).
BACK_FROM_APPEAL = "status before the appeal"

TRANSITIONS: dict[Event, dict[Status, Status | str]] = {
    # Pausing and resuming.
    Event.STAYED: {S.FILED: S.STAYED, S.ACTIVE: S.STAYED},
    Event.STAY_LIFTED: {S.STAYED: S.ACTIVE},
    Event.REOPENED: {s: S.ACTIVE for s in (S.STAYED, *ENDINGS)},
    # Endings. A later, specific ending replaces an earlier one (a dismissal followed by the
    # clerk's judgment that records it stays a dismissal because the judgment's text says so);
    # the clerk's bare "case closed" never hides a specific ending.
    Event.DISMISSED: {s: S.DISMISSED for s in (*UNDER_WAY, S.CLOSED, S.JUDGMENT)},
    Event.SETTLED: {s: S.SETTLED for s in (*UNDER_WAY, S.CLOSED, S.DISMISSED, S.JUDGMENT, S.APPEAL)},
    Event.JUDGMENT: {s: S.JUDGMENT for s in (*UNDER_WAY, S.CLOSED)},
    Event.CLOSED: {s: S.CLOSED for s in UNDER_WAY},
    # Appeals. A notice of appeal while the case is going (an interlocutory appeal) comes back
    # to "active" whatever the outcome.
    Event.APPEAL: {s: S.APPEAL for s in (*UNDER_WAY, *ENDINGS)},
    Event.APPEAL_AFFIRMED: {S.APPEAL: BACK_FROM_APPEAL},
    Event.APPEAL_DISMISSED: {S.APPEAL: BACK_FROM_APPEAL},
    Event.MANDATE: {S.APPEAL: BACK_FROM_APPEAL},
    Event.APPEAL_REVERSED: {S.APPEAL: S.ACTIVE},
}


@dataclass(frozen=True)
class StructuredRule:
    """A status that comes from the docket's structured fields rather than an entry's text."""

    name: str
    why: str


TERMINATED = StructuredRule(
    "docket terminated",
    "CourtListener gives the docket a termination date but no entry we read says how it ended.",
)
FIRST_ACTIVITY = StructuredRule("first activity", "Something besides the initiating document has been filed.")


@dataclass
class Outcome:
    """The status a docket's history leads to, with the entry and rule that set it."""

    status: Status
    cause: object | None = None
    rule: Rule | StructuredRule | None = None
    before_appeal: Status | None = None

    @property
    def rule_name(self) -> str:
        return self.rule.name if self.rule else ""


def step(outcome: Outcome, entry, rule: Rule, may_activate: bool = True) -> bool:
    """Apply one entry's event to the outcome; True when the status changed."""
    target = TRANSITIONS.get(rule.event, {}).get(outcome.status)
    if target is None:
        if outcome.status == S.FILED and rule.event != Event.FILED and may_activate:
            outcome.status, outcome.cause, outcome.rule = S.ACTIVE, entry, FIRST_ACTIVITY
            return True
        if outcome.rule is FIRST_ACTIVITY:
            outcome.cause = entry  # a case that is simply going is "active as of" its latest filing
        return False
    if target == BACK_FROM_APPEAL:
        target = outcome.before_appeal or S.JUDGMENT
    if rule.event == Event.APPEAL:
        outcome.before_appeal = outcome.status if outcome.status not in (S.FILED, S.STAYED) else S.ACTIVE
    changed = target != outcome.status
    outcome.status, outcome.cause, outcome.rule = target, entry, rule
    return changed


def history(entries: Iterable, classify_entry=None) -> Iterator[tuple[object, Rule, Outcome]]:
    """Each entry of a docket, oldest first, with its rule and where the case stands after it.

    Entries docketed before the initiating document (an arrest, a summons) do not make the case
    active: it starts with the complaint or indictment.
    """
    classify_entry = classify_entry or (
        lambda entry: classify_entry_text(entry.description, getattr(entry, "short_description", ""))
    )
    read = [(entry, classify_entry(entry)) for entry in entries]
    opening = next((index for index, (_, rule) in enumerate(read) if rule.event == Event.FILED), -1)
    outcome = Outcome(S.FILED)
    for index, (entry, rule) in enumerate(read):
        step(outcome, entry, rule, may_activate=index > opening)
        yield entry, rule, outcome


def close_if_terminated(outcome: Outcome, date_terminated: date | None) -> Outcome:
    """A docket the court marked terminated is closed when no entry we read says how it ended."""
    if date_terminated and outcome.status in UNDER_WAY:
        # The source is the docket record itself, not an entry.
        outcome.status, outcome.cause, outcome.rule = S.CLOSED, None, TERMINATED
    return outcome


def replay(entries: Iterable, date_terminated: date | None = None, classify_entry=None) -> Outcome:
    """Read a docket oldest first and return where the case stands.

    `entries` are objects with a `description`; `date_terminated` is the docket's structured
    termination date, which closes a case no entry explains.
    """
    outcome = Outcome(S.FILED)
    for _, _, after in history(entries, classify_entry):
        outcome = after
    return close_if_terminated(outcome, date_terminated)
