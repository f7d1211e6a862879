"""What one docket entry says happened: the rule table an editor can review.

A docket entry is read as an *event* (the case was stayed, dismissed, appealed...), never as a
status: what an event does to the case depends on where the case stands (see `machine.py`).
Rules are tried in order and the first that matches decides; each says why it exists.

Three principles keep false alarms out:
- a filing that *asks* for something (a motion, a letter, a brief, a notice of a motion) changes
  nothing, whatever it mentions: only the court's order, a judgment, or a filing that takes
  effect by itself (a notice of appeal, a notice or stipulation of voluntary dismissal) does;
- an ending that reaches only part of the case (some defendants, some claims, "in part")
  leaves the case going, unless the same entry closes the case;
- a reference to an earlier filing ("re [42] Notice of Appeal") is not that filing.
"""

import re
from dataclasses import dataclass
from enum import StrEnum


class Event(StrEnum):
    NONE = "none"
    FILED = "filed"
    STAYED = "stayed"
    STAY_LIFTED = "stay_lifted"
    REOPENED = "reopened"
    DISMISSED = "dismissed"
    SETTLED = "settled"
    JUDGMENT = "judgment"
    CLOSED = "closed"
    APPEAL = "appeal"
    APPEAL_AFFIRMED = "appeal_affirmed"
    APPEAL_REVERSED = "appeal_reversed"
    APPEAL_DISMISSED = "appeal_dismissed"
    MANDATE = "mandate"

    @property
    def label(self) -> str:
        """The corpus label (LABELS.md) this event is scored against."""
        if self in (Event.STAY_LIFTED, Event.REOPENED):
            return "resumed"  # lifting a stay and reopening a case both resume it
        if self == Event.MANDATE:
            return "none"  # a mandate that does not say how the appeal ended decides nothing new
        return self.value


@dataclass(frozen=True)
class Rule:
    name: str
    event: Event
    pattern: re.Pattern
    why: str
    unless: re.Pattern | None = None

    def matches(self, text: str) -> bool:
        return bool(self.pattern.search(text)) and not (self.unless and self.unless.search(text))


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I | re.S)


# "granting [45] Defendants' Joint Motion to": the granted motion is the first one named after the verb.
_GRANTING = r"\bgrant(?:ing|s|ed)\s+(?:\[?\d+\]?\s*)?(?:(?:the|a|in full|[\w.,&-]+['’]s?|joint|renewed|amended|consent|unopposed|defendants?|plaintiffs?)\s+){0,6}"
# A ruling that denies the very motion it names.
_DENYING = r"\bden(?:y|ying|ies|ied)\s+(?:as moot\s+)?(?:\[?\d+\]?\s*)?(?:(?:the|[\w.,&-]+['’]s?|joint|defendants?|plaintiffs?)\s+){0,5}motions? (?:to|for)\s+(?:a\s+)?"
# Words that limit an ending to part of the case. "as to X" is partial unless X is "all".
_PARTIAL = (
    r"\bin part\b|\bpartial(?:ly)?\b|\bas to (?!all\b)(?:the )?(?:defendant|plaintiff|claims?|counts?|certain|some|[A-Z])"
    r"|(?<!all )\bclaims? (?:against|of|by)\b|\bcounts? (?:\w+ )?(?:and \w+ )?(?:of|against|is|are)\b|\bparty\s*\(s\)"
    r"|\b(?:dismiss(?:ing|al of)|terminat(?:ing|es?)) (?:certain |some |the following )?(?:parties|defendants?|plaintiffs?)\b"
    r"|(?-i:\bre [A-Z][a-z]+ [A-Z])"
)
# The same entry also closes the case: whatever the partial-looking wording, nothing is left.
_CLOSES = r"\b(?:civil |criminal )?case (?:is |was |hereby )*(?:terminated|closed)\b|\b(?:close|terminate) (?:this|the) (?:case|action)\b|\ball (?:\w+ )?(?:cases|claims) (?:are |is )?(?:hereby )?(?:closed|dismissed)\b"
# Entries by or about a court of appeals.
_APPELLATE = r"\b(?:usca|u\.s\.c\.a|court of appeals|\d+(?:st|nd|rd|th) circuit|federal circuit|mandate|appellate|memorandum disposition|petition for review)\b"
# Said conditionally: "the appeal may be dismissed if...".
_CONDITIONAL = r"\b(?:may|will|could|shall) be (?:\w+ )?dismissed\b|\bsubject to dismissal\b"
_NOTICE_OF_APPEAL = r"notice(?: of|,) (?:interlocutory |cross[- ]|amended |limited |joint )?appeal\b"

# Filings that ask the court for something, and clerical entries, change nothing by themselves.
REQUEST = Rule(
    "a request or a filing about the case",
    Event.NONE,
    _re(
        r"^\W*(?:\d+\W+)?(?:(?:joint|consent|emergency|unopposed|renewed|amended|supplemental|second|first|cross|bnc|"
        r"ex parte|defendants?['’]?s?|plaintiffs?['’]?s?|pro se|sealed|redacted|text|\w+['’]s)\s+)*"
        r"(?:motion|letter motion|memorandum (?:of law|of points|in support|in opposition)|memo\b|response|reply|brief|"
        r"declaration|affidavit|affirmation|exhibit|proposed|objection|report and recommendations?|"
        r"request|application(?! for (?:an? )?(?:order (?:authorizing )?)?pen register)|opposition|sur-?reply|status report|"
        r"transcript|summons|appeal fee|appeal transcript|appeal record|transmission|certificate|sealed document|"
        r"designated clerk|acknowledg(?:e)?ment|notification|letter(?! (?:order|of (?:dismissal|discontinuance))))\b"
    ),
    "A motion, letter, brief or declaration asks for a ruling; only the ruling moves the case.",
    unless=_re(r"\bsettlement (?:was |has been |had been )?reached\b|\breached (?:a |an )?(?:\w+ ){0,4}settlement\b"),
)

RULES: list[Rule] = [
    REQUEST,
    Rule(
        "a notice that is not an appeal, a dismissal or a settlement",
        Event.NONE,
        _re(
            r"^\W*(?:\w+ ){0,2}notice\b(?!(?: of|,) (?:interlocutory |cross[- ]|amended |limited |joint )?appeal"
            r"|\s+of (?:voluntary )?(?:dismissal|discontinuance)|\s+of settlement|\s+of removal)"
        ),
        "A notice informs (of a motion, a hearing, a consent to a magistrate judge); it decides nothing.",
        unless=_re(
            r"\bsettlement (?:was |has been |had been )?reached\b|\breached (?:a |an )?(?:\w+ ){0,4}settlement\b"
        ),
    ),
    Rule(
        "RSS: an order on a motion, outcome not stated",
        Event.NONE,
        _re(r"^\W*order on (?:\w+ )?motion\b"),
        "PACER feeds name the motion an order rules on but not whether it was granted: no guessing.",
    ),
    Rule(
        "case reopened",
        Event.REOPENED,
        _re(
            r"\b(?:case|action|matter) (?:is |shall be |be |was |has been )?(?:hereby )?re-?opened\b"
            r"|\b(?:re-?open(?:ing|s)?|restor(?:ing|e)s?) (?:the |this )?(?:case|action|matter)\b(?! to the)|\bcase reopened\b"
        ),
        "A closed case that is reopened is going again; a routine order after judgment is not a reopening.",
        unless=_re(
            r"^\W*order on motion|\bden(?:y|ying|ied)\b|\bright (?:of a party )?to\b|\bmove\b|\bmay\b|\bwithout prejudice\b|\bif\b"
        ),
    ),
    Rule(
        "appeals court closes its case",
        Event.CLOSED,
        _re(r"^\W*case termination\b"),
        "A court of appeals' own utility entry closing the appeal's docket after its decision.",
    ),
    # Appeals: how they end, then how they begin. These come before dismissals and judgments
    # because an appeals court's "judgment" or "dismissal" is about the appeal, not the case.
    Rule(
        "appeal dismissed or withdrawn",
        Event.APPEAL_DISMISSED,
        _re(
            r"\b(?:cross[- ])?appeals? (?:is |are |was |were |be |has been |have been )?(?:hereby )?(?:voluntarily |jointly )?"
            r"(?:dismissed|withdrawn)\b|\bdismiss(?:ing|al of) (?:the |this |his |her |its |their )?(?:cross[- ])?appeals?\b"
            r"|\bwithdraw(?:ing|al of)? (?:the |this |his |her |its |their )?(?:notice of )?(?:cross[- ])?appeals?\b"
            rf"|^(?=.*{_APPELLATE}).*\b(?:dismissed|dismissing|voluntary dismissal)\b"
        ),
        "An appeal that ends without a decision leaves the trial court's ruling as it was.",
        unless=_re(_CONDITIONAL + r"|^\W*(?:motion|letter)\b|^\W*" + _NOTICE_OF_APPEAL),
    ),
    Rule(
        "appeals court reverses or vacates",
        Event.APPEAL_REVERSED,
        _re(r"\b(?:revers(?:ed|ing|es)|vacat(?:ed|ing) and remand(?:ed|ing)|remanded for further)\b"),
        "Reversed or vacated and remanded: the case goes back to the trial court.",
        unless=_re(r"\baffirmed in part\b(?!.*\breversed\b)|\bremand(?:ed|ing)? to (?:the )?state court\b|\bssa\b"),
    ),
    Rule(
        "appeals court affirms",
        Event.APPEAL_AFFIRMED,
        _re(rf"^(?=.*{_APPELLATE}).*\baffirm(?:ed|ing|s)\b|\bjudgment\b.{{0,80}}\baffirm(?:ed|ing)\b|^\W*affirmed\b"),
        "An affirmance ends the appeal and the trial court's ruling stands.",
    ),
    Rule(
        "mandate issued",
        Event.MANDATE,
        _re(
            r"^\W*(?:certified copy of )?(?:the )?mandate\b|\bmandate (?:of|from) (?:the )?(?:usca|court of appeals)\b|\breceived (?:\w+ ){0,5}mandate\b"
        ),
        "The mandate ends an appeal; when it does not say how, the trial court's ruling stands.",
        unless=_re(r"\bpending (?:a |the )?mandate\b|\buntil the mandate\b"),
    ),
    Rule(
        "notice of appeal",
        Event.APPEAL,
        _re(
            r"^\W*(?:(?:amended|joint|corrected|sealed|defendant['’]?s?|plaintiff['’]?s?|government['’]?s?|first|second|\w+['’]s)\s+)*"
            + _NOTICE_OF_APPEAL
            + r"|^\W*(?:\w+ ){0,3}(?:case|appeal) docketed\b|\breinstat\w* (?:the |this )?appeal\b"
        ),
        "A notice of appeal takes the case to the court of appeals by itself.",
        unless=_re(r"\bmagistrate\b|\bdeficien|\bnotification\b|\btransmitted to\b"),
    ),
    # Resuming after a stay of the whole case; a stay of one order or deadline lifted is not that.
    Rule(
        "stay lifted",
        Event.STAY_LIFTED,
        _re(
            r"\blift(?:s|ing|ed)? (?:the |its )?(?:\w+ )?stay\b(?! of)|\bstay (?:is |shall be |be )?(?:hereby )?(?:lifted|vacated|dissolved)\b"
            r"|\bvacat(?:es|ing) (?:the )?stay\b(?! of)"
        ),
        "Proceedings resume where the stay paused them.",
    ),
    # Stays of the whole case; a stay of discovery, of a deadline or of a judgment is not one.
    Rule(
        "case stayed",
        Event.STAYED,
        _re(
            r"\bstay(?:ing|s)? (?:the |this |all )?(?:case|action|matter|proceedings?|litigation)\b"
            r"|\b(?:case|action|matter|proceedings?|litigation) (?:is |are |shall be |be |will be )?(?:hereby )?stayed\b"
            rf"|{_GRANTING}motion (?:for a |to )stay\b(?! (?:of )?(?:discovery|execution|enforcement|the judgment|pending appeal|deadline))"
            r"|^\W*order staying\b"
        ),
        "A stay pauses the whole case until the court lifts it.",
        unless=_re(
            rf"\bstay(?:ing)? (?:of )?(?:all )?discovery\b|\bdiscovery (?:is )?stayed\b|{_DENYING}stay|\bmotion to lift\b"
            r"|\bdeadlines?\b.{0,120}?\bstayed\b|\bstay of (?:removal|execution|sentence)\b"
        ),
    ),
    # Settlements end the case by agreement; they outrank the dismissal that usually goes with them.
    Rule(
        "settlement",
        Event.SETTLED,
        _re(
            r"^\W*(?:(?:final|amended|stipulated|agreed)\s+)?consent (?:final )?(?:judgment|decree)\b|\bentry of (?:the |a )?consent (?:judgment|decree)\b"
            r"|\bjudgment\W+consent\b|\bjudgment (?:\w+ ){0,6}(?:on|by) consent\b|\bapprov(?:ing|ed|es) (?:the )?consent decree\b"
            r"|\bstipulation (?:and order )?of settlement\b|\bnotice of settlement\b"
            r"|\bsettlement (?:was |has been |had been )?reached\b|\breached (?:a |an )?(?:\w+ ){0,4}settlement\b"
            r"|\b(?:case|action|matter|parties) (?:has|have|having) (?:been )?(?:reported )?(?:fully )?settled\b"
            r"|\b(?:has|have) been (?:reported )?settled\b|\bapprov(?:ing|ed|es) (?:the )?(?:proposed )?(?:class )?settlement\b"
            r"|\bdismiss\w*\b.*\b(?:settle(?:d|ment))\b(?! conference)"
        ),
        "The parties settled: the case ends on the terms they agreed.",
        unless=_re(r"\bpreliminar|" + _PARTIAL),
    ),
    Rule(
        "case dismissed and closed in one entry",
        Event.DISMISSED,
        _re(rf"^(?=.*\bdismiss).*(?:{_CLOSES})"),
        "Dismissing the last parties or claims and closing the case in one entry ends the whole case.",
        unless=_re(rf"\bappeal\b|{_DENYING}dismiss|\bsentenc"),
    ),
    Rule(
        "case dismissed",
        Event.DISMISSED,
        _re(
            r"\bdismiss(?:ing|es) (?:the |this |plaintiff['’]?s['’]? |the plaintiffs?['’]? )?(?:entire |civil )?(?:case|action|complaint|petition|matter|suit)\b"
            r"|\b(?:case|action|complaint|petition|matter|suit) (?:is |are |shall be |be |was )?(?:hereby )?(?:voluntarily )?dismissed\b"
            r"|\border (?:of|for) (?:voluntary )?dismissal\b|\bstipulation (?:and (?:\[proposed\] )?order )?(?:of|for) (?:voluntary )?(?:dismissal|discontinuance)\b"
            r"|\bnotice of (?:voluntary )?dismissal\b|\border (?:of )?discontinu|\bdiscontinued\b"
            rf"|{_GRANTING}motions? to dismiss\b|\border dismissing case\b|\bentire action\b.{{0,40}}\bdismiss|\bdismiss\w* (?:of )?(?:the )?entire (?:action|case)\b"
            r"|\b(?:all|any and all) claims\b.{0,160}\b(?:are|is) (?:hereby )?dismissed\b"
        ),
        "The whole action ends without a judgment for either side.",
        unless=_re(
            _PARTIAL + rf"|\bwithout prejudice to\b|\bappeal\b|{_DENYING}dismiss|\bmotion for (?:an )?extension\b"
        ),
    ),
    Rule(
        "judgment",
        Event.JUDGMENT,
        _re(
            r"^\W*(?:amended |final |clerk['’]?s |default |corrected )?judgment\b(?!s)|\bjudgment\W+clerk\b|\border and (?:final )?judgment\b"
            r"|\bfinal judgment\b|\bjudgment (?:is |shall be )?(?:hereby )?entered\b|^\W*(?:\w+ ){0,3}judgment (?:order )?filed\b"
            r"|\bjudgment in a criminal case\b|\bjudgment and commitment\b"
            rf"|{_GRANTING}(?:cross[- ])?motions? for (?:default |summary )?judgment\b|\bgrant(?:ing|ed) summary judgment\b"
            r"|\bsentenc\w* (?:\w+ ){0,4}held\b|(?<!any )\bsentence (?:was )?imposed\b|^\W*minutes? (?:\w+ ){0,4}sentencing\b"
        ),
        "A final judgment decides the case for one side (in a criminal case, the sentence).",
        unless=_re(
            r"\bin part\b|\bpartial\b|\bnotice\b|\bconsent\b|\bmotion for (?:an )?extension\b|\bsatisfaction of judgment\b"
            rf"|{_DENYING}(?:default |summary )?judgment|\bwrit\b|\bexecut(?:ion|ed)\b|\bcontinu|\bset for\b|\breset\b"
        ),
    ),
    # The clerk's utility entries that close a case with no reason given.
    Rule(
        "case closed by the clerk",
        Event.CLOSED,
        _re(
            r"\bterminate (?:civil |criminal )?case\b|\b(?:civil |criminal )?case terminated\b|\bcase (?:is )?closed\b"
            r"|\bclose (?:adversary |bankruptcy )?case\b|\bclosing (?:the |this )?case\b|\bfinal decree\b|\bcase termination\b"
            r"|\badministrative(?:ly)? (?:terminat|clos)\w*|\b(?:terminate|close) (?:this|the) (?:action|case)\b"
        ),
        "The clerk closed the case; the entries around it may say why.",
        unless=_re(
            r"\bnotice of hearing\b|\bcase (?:is |was )?(?:hereby )?reopened\b"
            r"|\b(?:as|because|since) (?:this|the) (?:matter|case|action) (?:is|was|has been)\b"
        ),
    ),
    Rule(
        "the case begins",
        Event.FILED,
        _re(
            r"^\W*(?:\w+ )?(?:(?:class action |verified |civil |sealed )?complaint|indictment|information|"
            r"(?:voluntary |involuntary )?petition|notice of removal|application for (?:an? )?(?:order (?:authorizing )?)?pen register)\b"
            r"|^\W*case opened\b"
        ),
        "The document that starts the case.",
        unless=_re(
            r"\bamended\b|\bsuperseding\b|\bthird[- ]party\b|\bcounter|\bcross[- ]|\bplea\b"
            r"|\bpetition (?:to enter|for (?:a )?(?:warrant|summons|action on|revocation|leave))\b"
        ),
    ),
]

NO_RULE = Rule("routine entry", Event.NONE, _re(r"$^"), "Nothing in the entry changes where the case stands.")


def normalise_text(text: str) -> str:
    """One line of plain text: brackets from PACER feeds and repeated spaces removed."""
    text = " ".join((text or "").split())
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    return text


def classify(text: str) -> Rule:
    """The rule that reads this docket text; `NO_RULE` for a routine entry."""
    text = normalise_text(text)
    for rule in RULES:
        if rule.matches(text):
            return rule
    return NO_RULE


DOCUMENT_TYPE_REQUEST = Rule(
    "document type: a request",
    Event.NONE,
    REQUEST.pattern,
    "The court's own name for the document (CourtListener's short description) says it is a motion, "
    "letter or brief, whatever its long text quotes.",
)


def classify_entry(text: str, short_description: str = "") -> Rule:
    """Like `classify`, but the document's type, where the source gives it, outranks its text."""
    if short_description and REQUEST.matches(normalise_text(short_description)):
        return DOCUMENT_TYPE_REQUEST
    return classify(text)
