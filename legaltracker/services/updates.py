"""Writing case data: docket entries, derived status, overrides, source health and the audit trail.

Every write goes through `apply_update` (or the override and health helpers beside it), in one
transaction that locks the case's status row, so concurrent workers serialise per case and
caches are invalidated in exactly one place, after commit.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateformat import format as date_format

from legaltracker import outbox
from legaltracker.conf import app_settings
from legaltracker.models import CasePage, CaseStatus, Court, DocketEntry, StatusChange
from legaltracker.signals import case_status_changed
from legaltracker.sources.base import DocketUpdate, EntryData
from legaltracker.sources.validation import safe_url
from legaltracker.status_engine import Outcome, replay
from legaltracker.status_engine.machine import TERMINATED
from legaltracker.statuses import Health, Source, Status

logger = logging.getLogger("legaltracker.services")

HEADLINE_LENGTH = 200
METADATA_FIELDS = (
    "courtlistener_docket_id",
    "caption",
    "judge",
    "referred_judge",
    "date_filed",
    "date_terminated",
    "date_last_filing",
    "parties",
)


@dataclass
class ApplyResult:
    created_entries: int
    status_changed: bool
    changed: bool
    version: int


def ensure_case_status(case_id: int) -> None:
    """Create the case's status row if it has none; safe when several workers race to do it."""
    CaseStatus.objects.bulk_create([CaseStatus(case_id=case_id)], ignore_conflicts=True)


def _locked_status(case_id: int) -> CaseStatus:
    ensure_case_status(case_id)
    return CaseStatus.objects.select_for_update().get(pk=case_id)


def _upsert_entries(case_id: int, entries: list[EntryData], actor: str = "") -> int:
    """Insert entries not seen before; an RSS entry is upgraded when CourtListener sends the same row."""
    if not entries:
        return 0
    existing = {(e.source, e.source_id): e for e in DocketEntry.objects.filter(case_id=case_id)}
    by_number = {e.entry_number: e for e in existing.values() if e.entry_number is not None}
    to_create: dict[tuple[str, str], DocketEntry] = {}
    changed = 0
    for data in entries:
        key = (data.source, data.source_id)
        if key in existing or key in to_create:
            continue
        twin = by_number.get(data.entry_number) if data.entry_number is not None else None
        if twin is not None:
            if twin.source == Source.PACER_RSS and data.source == Source.COURTLISTENER:
                twin.source, twin.source_id = data.source, data.source_id
                twin.description = data.description or twin.description
                twin.short_description = data.short_description or twin.short_description
                twin.document_url = safe_url(data.document_url)[:500] or twin.document_url
                twin.date_filed = data.date_filed or twin.date_filed
                twin.save()
                changed += 1
            continue
        entry = DocketEntry(
            case_id=case_id,
            source=data.source,
            source_id=data.source_id[:128],
            entry_number=data.entry_number,
            date_filed=data.date_filed,
            description=data.description,
            short_description=data.short_description[:200],
            document_url=safe_url(data.document_url)[:500],
            recorded_by=actor[:150],
        )
        to_create[key] = entry
        if entry.entry_number is not None:
            by_number[entry.entry_number] = entry
    DocketEntry.objects.bulk_create(to_create.values(), ignore_conflicts=True)
    return len(to_create) + changed


def _merge_metadata(status: CaseStatus, update: DocketUpdate) -> bool:
    changed = False
    for field in METADATA_FIELDS:
        value = getattr(update, field)
        if value and value != getattr(status, field):
            setattr(status, field, value)
            changed = True
    if update.entries_watermark and (
        status.entries_watermark is None or update.entries_watermark > status.entries_watermark
    ):
        status.entries_watermark = update.entries_watermark
    if update.entries_access:
        status.entries_access = update.entries_access
    return changed


def _headline(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= HEADLINE_LENGTH else text[: HEADLINE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def derive_status(case_id: int, date_terminated) -> Outcome:
    """Replay the case's docket oldest first through the status engine."""
    entries = DocketEntry.objects.filter(case_id=case_id).only(
        "id", "description", "short_description", "date_filed", "entry_number", "document_url"
    )
    entries = entries.order_by(F("date_filed").asc(nulls_last=True), F("entry_number").asc(nulls_last=True), "pk")
    return replay(entries.iterator(), date_terminated=date_terminated)


def _describe(outcome: Outcome, date_terminated) -> tuple[str, object]:
    """The headline readers see beside the status, and the date it refers to."""
    if outcome.rule is TERMINATED:
        return (
            f"The court's docket shows the case terminated on {date_format(date_terminated, 'N j, Y')}.",
            date_terminated,
        )
    cause = outcome.cause
    return (_headline(cause.description), cause.date_filed) if cause else ("", None)


def _record_change(
    status: CaseStatus, new_status: str, *, cause, source: str, actor: str, reason: str = "", rule: str = ""
) -> None:
    StatusChange.objects.create(
        case_id=status.case_id,
        from_status=status.status,
        to_status=new_status,
        cause_entry=cause,
        rule=rule,
        source=source,
        actor=actor,
        reason=reason,
    )
    status.status = new_status


def _finish(status: CaseStatus, changed: bool, status_changed: bool = False) -> None:
    now = timezone.now()
    if changed:
        status.version += 1
        status.last_changed = now
        # Written in this transaction, sent after commit, swept if sending fails: never lost.
        outbox.enqueue("case_changed", case_id=status.case_id)
        if status_changed:
            outbox.enqueue("announce_status_change", case_id=status.case_id)
    status.save()


def next_refresh_time(status: CaseStatus, now=None):
    """Cases with recent activity are checked sooner than quiet or finished ones."""
    now = now or timezone.now()
    recent = status.last_event_date and (now.date() - status.last_event_date) <= timedelta(days=30)
    minutes = (
        app_settings.LEGALTRACKER_ACTIVE_CASE_INTERVAL_MINUTES
        if recent
        else app_settings.LEGALTRACKER_QUIET_CASE_INTERVAL_MINUTES
    )
    return now + timedelta(minutes=minutes)


def apply_update(case_id: int, update: DocketUpdate, actor: str, follow_up_refresh: bool = False) -> ApplyResult:
    """Apply one source's docket data to a case: entries, metadata, derived status, version.

    `follow_up_refresh`: when new entries arrived, queue a CourtListener refresh of the case in the
    same transaction (a feed item is partial; the full entry comes from CourtListener).
    """
    with transaction.atomic():
        status = _locked_status(case_id)
        created = _upsert_entries(case_id, update.entries, actor)
        metadata_changed = _merge_metadata(status, update)
        derivation_changed, status_changed = _rederive(status, source=update.source, actor=actor)
        metadata_changed = metadata_changed or derivation_changed
        # A source that answered is healthy again; an editor's entry says nothing about the sources,
        # so a failing CourtListener stays failing on the dashboard.
        health_changed = update.source != Source.MANUAL and status.health != Health.OK
        if update.source != Source.MANUAL:
            status.health, status.health_message = Health.OK, _access_note(status)
        # The first read of the court record turns "not yet checked" into a status readers may trust.
        first_check = status.last_checked is None
        status.last_checked = timezone.now()
        status.next_refresh_at = next_refresh_time(status)
        changed = bool(created or metadata_changed or status_changed or health_changed or first_check)
        _finish(status, changed, status_changed)
        if follow_up_refresh and created:
            outbox.enqueue("refresh_case", case_id=case_id, with_docket=False)
    return ApplyResult(created, status_changed, changed, status.version)


def _rederive(status: CaseStatus, *, source: str, actor: str) -> tuple[bool, bool]:
    """Read the docket again and move the status; (derivation changed, status changed).

    The caller holds the status row's lock and saves it through `_finish`.
    """
    outcome = derive_status(status.case_id, status.date_terminated)
    derived, cause = outcome.status, outcome.cause
    derivation_changed = status_changed = False
    if (derived, cause.pk if cause else None, outcome.rule_name) != (
        status.derived_status,
        status.status_entry_id,
        status.status_rule,
    ):
        status.derived_status, status.status_entry, status.status_rule = derived, cause, outcome.rule_name
        status.headline, status.last_event_date = _describe(outcome, status.date_terminated)
        derivation_changed = True
    effective = status.override_status or derived
    if effective != status.status:
        _record_change(status, effective, cause=cause, source=source, actor=actor, rule=outcome.rule_name)
        status_changed = True
    return derivation_changed, status_changed


def add_manual_entry(
    case_id: int, *, date_filed, entry_number: int | None, description: str, document_url: str, user
) -> ApplyResult:
    """An editor files a docket entry no source covers: applied like any source's, under the editor's name."""
    entry = EntryData(
        source=Source.MANUAL,
        source_id=f"editor-{uuid.uuid4().hex}",
        entry_number=entry_number,
        date_filed=date_filed,
        description=description,
        document_url=document_url,
    )
    return apply_update(case_id, DocketUpdate(source=Source.MANUAL, entries=[entry]), actor=_editor(user))


def correct_manual_entry(
    entry_id: int, *, date_filed, entry_number: int | None, description: str, document_url: str, user
) -> ApplyResult:
    """Correct a docket entry an editor added, and read the docket again, in one transaction.

    Entries from CourtListener or PACER are the court's record and are corrected at the source.
    """
    case_id = DocketEntry.objects.values_list("case_id", flat=True).get(pk=entry_id)
    actor = _editor(user)
    with transaction.atomic():
        status = _locked_status(case_id)
        entry = DocketEntry.objects.select_for_update().get(pk=entry_id)
        if entry.source != Source.MANUAL:
            raise ValueError("Only entries added by editors can be corrected in the admin.")
        corrected = {
            "date_filed": date_filed,
            "entry_number": entry_number,
            "description": description,
            "document_url": safe_url(document_url)[:500],
        }
        entry_changed = any(getattr(entry, field) != value for field, value in corrected.items())
        if entry_changed:
            for field, value in corrected.items():
                setattr(entry, field, value)
            entry.recorded_by = actor[:150]
            entry.save()
        derivation_changed, status_changed = _rederive(status, source=Source.MANUAL, actor=actor)
        _finish(status, entry_changed or derivation_changed or status_changed, status_changed)
    return ApplyResult(0, status_changed, entry_changed or derivation_changed or status_changed, status.version)


def _access_note(status: CaseStatus) -> str:
    if status.entries_access == "forbidden":
        return "CourtListener docket entries are closed to this account; using docket metadata and PACER RSS."
    return ""


def override_status(case_id: int, new_status: str, reason: str, user) -> None:
    """An editor sets the status by hand; it holds through refreshes until cleared."""
    if not reason.strip():
        raise ValueError("A reason is required to override a case's status.")
    Status(new_status)  # raises ValueError for an unknown status
    with transaction.atomic():
        status = _locked_status(case_id)
        status.override_status = new_status
        status.override_reason = reason.strip()
        status.override_by = user
        status.override_at = timezone.now()
        changed = new_status != status.status
        if changed:
            _record_change(status, new_status, cause=None, source=Source.MANUAL, actor=_editor(user), reason=reason)
        _finish(status, True)


def clear_override(case_id: int, user) -> None:
    with transaction.atomic():
        status = _locked_status(case_id)
        if not status.override_status:
            return
        status.override_status, status.override_reason = "", ""
        status.override_by, status.override_at = None, None
        if status.derived_status != status.status:
            _record_change(
                status,
                status.derived_status,
                cause=status.status_entry,
                rule=status.status_rule,
                source=Source.MANUAL,
                actor=_editor(user),
                reason="Override cleared",
            )
        _finish(status, True)


def _editor(user) -> str:
    return f"editor:{user.get_username()}" if user else "editor"


def mark_source_health(case_id: int, health: str, message: str) -> None:
    """Record that a source is stale or failing for this case, for operators; readers get a plain note.

    It leaves `last_checked` alone: a refresh that was skipped or failed did not check the record.
    """
    with transaction.atomic():
        status = _locked_status(case_id)
        changed = (status.health, status.health_message) != (health, message[:300])
        status.health, status.health_message = health, message[:300]
        _finish(status, changed)


def mark_court_feed(court_id: str, health: str, message: str = "", last_build: str | None = None) -> None:
    fields = {"feed_health": health, "feed_message": message[:300], "feed_checked_at": timezone.now()}
    if last_build is not None:
        fields["feed_last_build"] = last_build[:64]
    Court.objects.filter(pk=court_id).update(**fields)


def _refresh_lock_key(case_id: int) -> str:
    return f"legaltracker:refresh-lock:{case_id}"


def refresh_lock_seconds() -> int:
    """The lock lives as long as a refresh task may run: a killed worker's lock is gone by the time
    a retry of its task could start, and a live task never loses it mid-refresh."""
    return app_settings.LEGALTRACKER_TASK_TIME_LIMIT


def refresh_lock(case_id: int) -> bool:
    """Take the per-case refresh lock; False means another worker is refreshing this case."""
    return cache.add(_refresh_lock_key(case_id), "1", timeout=refresh_lock_seconds())


def release_refresh_lock(case_id: int) -> None:
    cache.delete(_refresh_lock_key(case_id))


def announce_status_change(case_id: int, strict: bool = False) -> None:
    """Send `case_status_changed` for a case, unless its docket's history is still loading.

    While a backfill runs, the status passes through stages that are old news; the backfill
    announces once, when the whole docket is in. A subscriber's failure is logged; with `strict`
    (the outbox) it is raised afterwards too, so the announcement is retried.
    """
    case = CasePage.objects.select_related("status").filter(pk=case_id).first()
    if case is None or case.status.is_backfilling:
        return
    failures = []
    for receiver, outcome in case_status_changed.send_robust(CasePage, case=case, status=case.status):
        if isinstance(outcome, Exception):  # a subscriber's failure (an email) must not fail the others
            logger.error("%s failed for case %s", receiver, case_id, exc_info=outcome)
            failures.append(outcome)
    if strict and failures:
        raise failures[0]


def tracked_cases():
    return CasePage.objects.filter(tracking=True)
