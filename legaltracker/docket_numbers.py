"""Docket numbers as courts write them, reduced to one comparable form.

`1:23-cv-01599-ABJ-ZMF`, `1:23-cv-1599` and `1:23-CV-01599` all become `1:23-cv-01599`;
a form without the office number (`23-cv-1599`) becomes `23-cv-01599`.
"""

import re

_DOCKET = re.compile(r"^\s*(?:(?P<office>\d{1,2}):)?(?P<year>\d{2})-(?P<type>[a-z]{1,5})-(?P<serial>\d{1,6})", re.I)
_BANKRUPTCY = re.compile(r"^\s*(?:(?P<office>\d{1,2}):)?(?P<year>\d{2})-(?P<serial>\d{1,6})\b")


def normalise_docket_number(raw: str) -> str:
    """The canonical form used to match a feed item or API docket to a tracked case."""
    text = (raw or "").strip()
    match = _DOCKET.match(text)
    if match:
        core = f"{match['year']}-{match['type'].lower()}-{int(match['serial']):05d}"
    else:
        match = _BANKRUPTCY.match(text)
        if not match:
            return text.lower()
        core = f"{match['year']}-{int(match['serial']):05d}"
    return f"{int(match['office'])}:{core}" if match["office"] else core


def without_office(normalised: str) -> str:
    return normalised.split(":", 1)[-1]


def is_recognised(raw: str) -> bool:
    """True for the federal forms courts print (`1:23-cv-01599`, `23-cv-1599`, `17-10145`, with suffixes)."""
    return bool(_DOCKET.match(raw or "") or _BANKRUPTCY.match(raw or ""))
