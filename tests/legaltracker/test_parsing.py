"""Docket-number matching and the real PACER sample feeds."""

import json

import pytest

from legaltracker.docket_numbers import normalise_docket_number
from legaltracker.sources.base import MalformedData
from legaltracker.sources.pacer_rss import parse_feed
from tests.samples import sample


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1:23-cv-01599-ABJ-ZMF", "1:23-cv-01599"),
        ("1:23-cv-1599", "1:23-cv-01599"),
        ("1:23-CV-01599", "1:23-cv-01599"),
        ("23-cv-1599", "23-cv-01599"),
        ("1:18-mj-03122-1", "1:18-mj-03122"),
        ("17-10145", "17-10145"),
    ],
)
def test_docket_numbers_normalise(raw, expected):
    assert normalise_docket_number(raw) == expected


# item count in the XML, entries after merging multi-event items: the juriscraper golden output's length
FEEDS = {
    "sdny_1": (358, 341),
    "nyed_1": (432, 357),
    "nysb_1": (162, 160),
    "cadc": (13, 13),
    "wvsd": (3, 2),
    "mdb_1": (2, 2),
}


@pytest.mark.parametrize("name", sorted(FEEDS))
def test_real_sample_feeds_parse(name):
    feed = parse_feed(sample(f"pacer_rss/{name}.xml").read_bytes())
    golden = json.loads(sample(f"pacer_rss/{name}.json").read_text())
    items, entries = FEEDS[name]
    assert (feed.items, len(feed.entries)) == (items, entries)
    assert len(golden) == entries
    assert {normalise_docket_number(d["docket_number"]) for d in golden} == {
        e.normalised_docket_number for e in feed.entries
    }
    assert all("<" not in e.short_description and "&amp;" not in e.short_description for e in feed.entries)


def test_feed_details_match_the_golden_output():
    feed = parse_feed(sample("pacer_rss/sdny_1.xml").read_bytes())
    first = feed.entries[0]
    assert (first.docket_number, first.short_description, first.document_number) == (
        "1:18-cv-03365",
        "Notice of Appearance",
        3,
    )
    cadc = parse_feed(sample("pacer_rss/cadc.xml").read_bytes())
    assert any("Food & Water Watch" in e.case_name for e in cadc.entries)


def test_truncated_feed_is_a_clear_error():
    content = sample("pacer_rss/wvsd.xml").read_bytes()
    with pytest.raises(MalformedData):
        parse_feed(content[: len(content) // 2])
