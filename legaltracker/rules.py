"""The rule table that turns docket text into a case status.

Each rule is a pattern over the docket entry's text. Entries are read oldest first and the
last entry that matches any rule decides the status; its text becomes the headline readers see.
Within one entry the first matching rule wins, so narrower rules come before broader ones.
A rule whose status is ACTIVE records a significant event without ending anything.
"""

import re
from dataclasses import dataclass

from legaltracker.statuses import Status


@dataclass(frozen=True)
class Rule:
    name: str
    status: Status
    pattern: re.Pattern


def _rule(name: str, status: Status, pattern: str) -> Rule:
    return Rule(name, status, re.compile(pattern, re.I | re.S))


RULES: list[Rule] = [
    _rule("notice of appeal", Status.APPEAL, r"\bnotice of (?:interlocutory |cross[- ])?appeal\b"),
    _rule(
        "appeal dismissed",
        Status.CLOSED,
        r"\b(?:appeals?|cross[- ]appeals?) (?:is |are )?(?:voluntarily )?dismissed\b"
        r"|\bmandate of (?:the )?usca\b.{0,80}dismiss",
    ),
    _rule(
        "stay lifted",
        Status.ACTIVE,
        r"\b(?:lift(?:s|ing|ed)?|vacat(?:es|ing|ed)) (?:the )?stay\b|\bstay (?:is )?(?:hereby )?lifted\b",
    ),
    _rule(
        "stay granted",
        Status.STAYED,
        r"\bgranting\b[^.]{0,120}\bmotion to stay\b"
        r"|\b(?:case|action|matter|proceedings?) (?:is|are|shall be|is hereby|are hereby) stayed\b",
    ),
    _rule(
        "consent judgment",
        Status.SETTLED,
        r"\bconsent (?:judgment|decree)\b|\bjudgment (?:as to .{0,80}?)?(?:on|by) consent\b"
        r"|\bnotice of settlement\b|\bsettlement agreement\b",
    ),
    _rule(
        "stipulation of dismissal",
        Status.DISMISSED,
        r"\bstipulation (?:and (?:\[proposed\] )?order )?of (?:voluntary )?dismissal\b"
        r"|\bnotice of voluntary dismissal\b",
    ),
    _rule(
        "partial dismissal",
        Status.ACTIVE,
        r"\bgranting in part and denying in part\b|\bdenying in part and granting in part\b",
    ),
    _rule(
        "dismissal granted",
        Status.DISMISSED,
        r"\b(?:order|opinion)\b[^.]{0,80}\bgranting\b[^.]{0,80}\bmotion to dismiss\b"
        r"|\b(?:case|action|complaint) (?:is )?(?:hereby )?dismissed\b",
    ),
    _rule(
        "final judgment",
        Status.JUDGMENT,
        r"\bfinal judgment\b|\bjudgment (?:is )?(?:hereby )?entered\b|^\s*judgment\b"
        r"|\bjudgment (?:in a criminal case )?as to\b",
    ),
    _rule("verdict", Status.ACTIVE, r"\bjury verdict\b|\bverdict form\b"),
    _rule("referral to magistrate", Status.ACTIVE, r"\breferr(?:ing|ed|al)\b[^.]{0,160}\bmagistrate judge\b"),
    _rule("motion ruled on", Status.ACTIVE, r"\b(?:order|opinion)\b[^.]{0,80}\b(?:granting|denying)\b"),
    _rule(
        "case closed", Status.CLOSED, r"\b(?:civil )?case (?:is )?(?:closed|terminated)\b|\bclose (?:adversary )?case\b"
    ),
]


def match_rule(text: str) -> Rule | None:
    """The first rule that matches this docket text, or None for a routine entry."""
    for rule in RULES:
        if rule.pattern.search(text or ""):
            return rule
    return None
