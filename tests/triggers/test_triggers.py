"""The triggers layer: every candidate, with its type and lexicon entry, before the events stage filters."""

from __future__ import annotations

from rasd.eval import Report, _score_triggers
from rasd.pipeline import process_text


def test_seed_triggers_include_every_gold_trigger(seed_raw: str) -> None:
    doc = process_text(seed_raw, source="seed.txt", stages=["clean", "segment", "triggers"])
    by_span = {(t.start, t.end): t for t in doc.triggers}
    meet = by_span[(105, 110)]
    assert (doc.raw[105:110], meet.event, meet.source) == ("التقى", "CONSULT", "lexicon")
    assert all(doc.raw[t.start : t.end] for t in doc.triggers)
    assert [t.start for t in doc.triggers] == sorted(t.start for t in doc.triggers)


def test_events_code_only_from_the_layer(seed_raw: str) -> None:
    doc = process_text(seed_raw, source="seed.txt")
    spans = {(t.start, t.end) for t in doc.triggers}
    assert doc.events and all(any(s <= e.trigger_start and e.trigger_end <= t for s, t in spans) for e in doc.events)


def test_trigger_recall_and_precision() -> None:
    raw = "قصفت الطائرات مواقع في حلب. والتقى الوزير نظيره في دمشق."
    doc = process_text(raw, stages=["clean", "segment", "triggers"])
    assert [(raw[t.start : t.end], t.event) for t in doc.triggers] == [("قصفت", "ASSAULT"), ("والتقى", "CONSULT")]
    gold = {"events": [{"event": "ASSAULT", "trigger": {"start": 0, "end": 4, "text": "قصفت"},
                        "evidence_span": {"start": 0, "end": 26}}],
            "optional_events": []}
    report = Report()
    _score_triggers(doc, gold, report)
    figures = report.trigger_figures()
    assert (figures["recall"], figures["gold"], figures["precision"], figures["candidates"]) == (1.0, 1, 0.5, 2)
    assert figures["by_type"]["CONSULT"] == {"recall": 1.0, "gold": 0, "precision": 0.0, "candidates": 1}
