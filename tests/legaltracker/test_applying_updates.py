"""Applying source updates to a case: idempotent rows, RSS rows upgraded by CourtListener, overrides."""

import pytest

from legaltracker import services
from legaltracker.models import CaseStatus, DocketEntry, StatusChange
from legaltracker.sources.base import DocketUpdate, EntryData
from legaltracker.statuses import Source, Status
from tests.factories import file_entry, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(tree):
    home, news, cases = tree
    return make_case(cases)


def test_the_same_update_twice_leaves_identical_rows(case):
    update = DocketUpdate(
        source=Source.MANUAL,
        entries=[
            EntryData(source=Source.MANUAL, source_id="a", entry_number=1, description="COMPLAINT filed."),
            EntryData(
                source=Source.MANUAL, source_id="b", entry_number=2, description="ORDER granting Motion to Stay."
            ),
        ],
    )
    first = services.apply_update(case.pk, update, actor="test")
    rows = list(DocketEntry.objects.values_list("source_id", "description"))
    second = services.apply_update(case.pk, update, actor="test")

    assert first.changed and not second.changed
    assert second.version == first.version
    assert list(DocketEntry.objects.values_list("source_id", "description")) == rows
    assert StatusChange.objects.filter(case=case).count() == 1


def test_rss_entry_is_upgraded_when_courtlistener_sends_the_same_row(case):
    services.apply_update(
        case.pk,
        DocketUpdate(
            source=Source.PACER_RSS,
            entries=[EntryData(source=Source.PACER_RSS, source_id="h1", entry_number=7, description="Order")],
        ),
        actor="test",
    )
    services.apply_update(
        case.pk,
        DocketUpdate(
            source=Source.COURTLISTENER,
            entries=[
                EntryData(
                    source=Source.COURTLISTENER,
                    source_id="77",
                    entry_number=7,
                    description="ORDER granting Motion to Stay.",
                )
            ],
        ),
        actor="test",
    )
    assert list(DocketEntry.objects.values_list("source", "description")) == [
        ("courtlistener", "ORDER granting Motion to Stay.")
    ]


def test_editor_override_holds_through_refreshes_until_cleared(case, admin_user):
    file_entry(case, "a", "COMPLAINT filed.")
    with pytest.raises(ValueError):
        services.override_status(case.pk, Status.SETTLED, "  ", admin_user)
    services.override_status(case.pk, Status.SETTLED, "Parties announced a settlement in court.", admin_user)
    file_entry(case, "b", "ORDER granting Motion to Stay.")
    assert CaseStatus.objects.get(pk=case.pk).status == Status.SETTLED

    services.clear_override(case.pk, admin_user)
    assert CaseStatus.objects.get(pk=case.pk).status == Status.STAYED
    change = StatusChange.objects.filter(case=case, actor=f"editor:{admin_user.username}").order_by("pk").first()
    assert (change.to_status, change.reason) == (Status.SETTLED, "Parties announced a settlement in court.")
