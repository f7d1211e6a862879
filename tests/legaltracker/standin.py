"""A CourtListener stand-in for a docket of many entries, paged with cursors as API v4 pages them.

It runs inside pytest-httpserver, keeps a log of every request with the simulated time it
arrived at, and moves the simulated clock on by half a second per request (the time a call takes).
"""

import base64
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlencode

from werkzeug import Request, Response

DOCKET_ID = 67474542
MAX_PAGE_SIZE = 100
START = datetime.fromisoformat("2023-06-05T09:00:00-07:00")


class SimulatedClock:
    """The quota's clock: seconds since an arbitrary start, moved on by the test and the stand-in."""

    def __init__(self, start: float = 1_900_000_000.0):
        self.start = self.now = start

    def __call__(self) -> float:
        return self.now

    def elapsed(self) -> float:
        return self.now - self.start


def make_entries(count: int) -> list[dict]:
    return [
        {
            "id": 500_000 + n,
            "entry_number": n,
            "date_filed": (START + timedelta(days=n // 3)).date().isoformat(),
            "description": "COMPLAINT filed." if n == 1 else f"NOTICE of filing number {n}.",
            "date_modified": (START + timedelta(hours=n)).isoformat(),
            "recap_documents": [],
        }
        for n in range(1, count + 1)
    ]


@dataclass
class LoggedCall:
    at: float
    path: str
    args: dict


@dataclass
class DocketStandIn:
    server: object
    clock: SimulatedClock
    entries: list[dict]
    docket: dict
    calls: list[LoggedCall] = field(default_factory=list)
    cursors_to_reject: int = 0  # answered as CourtListener answers a cursor it no longer accepts

    def install(self) -> "DocketStandIn":
        self.server.expect_request(f"/api/rest/v4/dockets/{DOCKET_ID}/").respond_with_handler(self._docket)
        self.server.expect_request("/api/rest/v4/parties/").respond_with_handler(self._parties)
        self.server.expect_request("/api/rest/v4/docket-entries/").respond_with_handler(self._entries)
        return self

    def _log(self, request: Request) -> None:
        self.calls.append(LoggedCall(self.clock(), request.path, request.args.to_dict()))
        self.clock.now += 0.5

    def _json(self, body: dict) -> Response:
        return Response(json.dumps(body), content_type="application/json")

    def _docket(self, request: Request) -> Response:
        self._log(request)
        return self._json(self.docket)

    def _parties(self, request: Request) -> Response:
        self._log(request)
        return self._json({"count": None, "next": None, "previous": None, "results": []})

    def _entries(self, request: Request) -> Response:
        self._log(request)
        args = request.args.to_dict()
        matching = list(self.entries) if args.get("docket") == str(DOCKET_ID) else []
        if "date_modified__gt" in args:
            after = datetime.fromisoformat(args["date_modified__gt"])
            matching = [e for e in matching if datetime.fromisoformat(e["date_modified"]) > after]
        matching.sort(key=lambda e: e["date_modified"])
        if self.cursors_to_reject and "cursor" in args:
            self.cursors_to_reject -= 1
            return Response(json.dumps({"detail": "Invalid cursor"}), status=404, content_type="application/json")
        if args.get("count") == "on":
            return self._json({"count": len(matching)})
        size = min(int(args.get("page_size", 20)), MAX_PAGE_SIZE)
        offset = int(base64.b64decode(args.pop("cursor")).decode()) if "cursor" in args else 0
        page = matching[offset : offset + size]
        base = self.server.url_for("/api/rest/v4/docket-entries/")
        following = offset + size
        next_url = f"{base}?{urlencode({**args, 'cursor': base64.b64encode(str(following).encode()).decode()})}"
        count_url = f"{base}?{urlencode({**request.args.to_dict(), 'count': 'on'})}"
        return self._json(
            {
                "count": count_url,
                "next": next_url if following < len(matching) else None,
                "previous": None,
                "results": page,
            }
        )

    # What the log says.
    def entry_pages(self) -> list[tuple]:
        return [
            tuple(sorted(c.args.items()))
            for c in self.calls
            if c.path.endswith("/docket-entries/") and "count" not in c.args
        ]

    def calls_per_minute(self) -> dict[int, int]:
        minutes: dict[int, int] = {}
        for call in self.calls:
            minute = int((call.at - self.clock.start) // 60)
            minutes[minute] = minutes.get(minute, 0) + 1
        return minutes

    def busiest_sliding_minute(self) -> int:
        """The most calls in any 60 seconds, wherever that minute starts."""
        times = [c.at for c in self.calls]
        return max((sum(1 for t in times if start <= t < start + 60) for start in times), default=0)
