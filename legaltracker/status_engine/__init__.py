"""The status engine: docket entries in, the case's status (and the entry and rule behind it) out.

`events` reads one entry as an event; `machine` reads a whole docket as a history.
"""

from legaltracker.status_engine.events import RULES, Event, Rule, classify, classify_entry
from legaltracker.status_engine.machine import TRANSITIONS, Outcome, replay

__all__ = ["RULES", "TRANSITIONS", "Event", "Outcome", "Rule", "classify", "classify_entry", "replay"]
