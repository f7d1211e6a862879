"""The federal courts the tracker knows, shipped as data (`data/courts.json`): CourtListener ids and names."""

import json
from functools import cache
from pathlib import Path

COURTS_FILE = Path(__file__).with_name("data") / "courts.json"


@cache
def known_courts() -> dict[str, str]:
    """CourtListener court id -> court name."""
    data = json.loads(COURTS_FILE.read_text(encoding="utf-8"))
    return {court["id"]: court["name"] for court in data["courts"]}
