"""Measuring the status engine against a labelled corpus of real docket entries and dockets.

The corpus format is described in tests/fixtures/status_corpus/LABELS.md.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from django.utils.dateparse import parse_date

from legaltracker.status_engine.events import classify_entry
from legaltracker.status_engine.machine import ENDINGS, close_if_terminated, history
from legaltracker.statuses import Status


@dataclass
class EntryScore:
    total: int = 0
    correct: int = 0
    per_label: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class SequenceScore:
    dockets: int = 0
    finals_correct: int = 0
    steps: int = 0
    steps_correct: int = 0
    per_status: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    false_changes: list[dict] = field(default_factory=list)
    missed_changes: list[dict] = field(default_factory=list)
    false_ending_changes: list[dict] = field(default_factory=list)
    wrong_finals: list[dict] = field(default_factory=list)

    @property
    def final_accuracy(self) -> float:
        return self.finals_correct / self.dockets if self.dockets else 0.0

    @property
    def step_accuracy(self) -> float:
        return self.steps_correct / self.steps if self.steps else 0.0


def load_entries(folder: Path) -> list[dict]:
    items = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                item["_where"] = f"{path.name}:{number}"
                items.append(item)
    return items


def load_sequences(folder: Path) -> list[dict]:
    return [json.loads(path.read_text()) | {"_where": path.name} for path in sorted(folder.glob("*.json"))]


def score_entries(items: list[dict]) -> EntryScore:
    score = EntryScore()
    for item in items:
        rule = classify_entry(item["text"], item.get("doc_type") or "")
        got, expected = rule.event.label, item["expected"]
        score.total += 1
        score.per_label[expected][1] += 1
        if got == expected:
            score.correct += 1
            score.per_label[expected][0] += 1
        else:
            score.errors.append(
                {"where": item["_where"], "text": item["text"], "expected": expected, "got": got, "rule": rule.name}
            )
    return score


def score_sequences(dockets: list[dict]) -> SequenceScore:
    score = SequenceScore()
    for docket in dockets:
        score.dockets += 1
        raws = docket["entries"]
        entries = [
            SimpleNamespace(description=raw["text"], short_description=raw.get("doc_type") or "", raw=raw)
            for raw in raws
        ]
        engine_before, expected = Status.FILED, Status.FILED
        outcome = None
        for index, (entry, _, outcome) in enumerate(history(entries)):
            raw, last = entry.raw, index == len(raws) - 1
            expected_before = expected
            if raw.get("expect"):
                expected = Status(raw["expect"])
            if last:
                close_if_terminated(outcome, parse_date(docket.get("date_terminated") or ""))
                expected = Status(docket["final"])
            got = outcome.status
            score.steps += 1
            score.per_status[expected][1] += 1
            if got == expected:
                score.steps_correct += 1
                score.per_status[expected][0] += 1
            where = {
                "docket": docket["_where"],
                "number": raw.get("number"),
                "text": raw["text"][:160],
                "expected": str(expected),
                "got": str(got),
            }
            engine_changed, label_changed = got != engine_before, expected != expected_before
            if engine_changed and (not label_changed or got != expected):
                score.false_changes.append(where)
                if got in ENDINGS or engine_before in ENDINGS:
                    score.false_ending_changes.append(where)
            if label_changed and got != expected:
                score.missed_changes.append(where)
            engine_before = got
        final = Status(docket["final"])
        got_final = outcome.status if outcome else Status.FILED
        if got_final == final:
            score.finals_correct += 1
        else:
            score.wrong_finals.append({"docket": docket["_where"], "expected": str(final), "got": str(got_final)})
    return score


def report(entries: EntryScore, sequences: SequenceScore, verbose: bool = False) -> str:
    lines = [f"Single entries: {entries.correct}/{entries.total} right ({entries.accuracy:.3f})"]
    for label, (right, total) in sorted(entries.per_label.items()):
        lines.append(f"  {label:<17} {right:>4}/{total:<4} {right / total:.3f}")
    lines.append(
        f"Whole dockets: {sequences.finals_correct}/{sequences.dockets} final statuses right "
        f"({sequences.final_accuracy:.3f}); {sequences.steps_correct}/{sequences.steps} steps right "
        f"({sequences.step_accuracy:.3f})"
    )
    for status, (right, total) in sorted(sequences.per_status.items()):
        lines.append(f"  {status:<17} {right:>4}/{total:<4} {right / total:.3f}")
    lines.append(
        f"False changes: {len(sequences.false_changes)} (of a case's ending: {len(sequences.false_ending_changes)}); "
        f"missed changes: {len(sequences.missed_changes)}"
    )
    if verbose:
        lines.append("Entry errors:")
        lines += [
            f"  {e['where']}: expected {e['expected']}, got {e['got']} ({e['rule']}): {e['text'][:140]}"
            for e in entries.errors
        ]
        for title, rows in (("False changes", sequences.false_changes), ("Missed changes", sequences.missed_changes)):
            lines.append(f"{title}:")
            lines += [
                f"  {r['docket']} #{r['number']}: expected {r['expected']}, got {r['got']}: {r['text']}" for r in rows
            ]
        lines += [
            f"Wrong final: {w['docket']}: expected {w['expected']}, got {w['got']}" for w in sequences.wrong_finals
        ]
    return "\n".join(lines)


def evaluate(corpus: Path, include_holdout: bool = True) -> tuple[EntryScore, SequenceScore]:
    """Score the engine on the corpus folder (and its held-back part unless told not to)."""
    folders = [corpus] + ([corpus / "holdout"] if include_holdout else [])
    entries = [item for folder in folders for item in load_entries(folder / "entries" if folder == corpus else folder)]
    dockets = [d for folder in folders for d in load_sequences(folder / "sequences")]
    return score_entries(entries), score_sequences(dockets)
