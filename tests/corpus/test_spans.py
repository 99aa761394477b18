"""Offsets from quotes: how a draft's copied text is found in the raw text."""

from __future__ import annotations

from rasd.doc import Doc, DocMeta
from rasd.gold.check import check_gold, code_problem
from rasd.gold.draft import build_gold
from rasd.gold.spans import find_all, flat, locate, mentions

RAW = ("أعلنت السعودية اليوم أن قوات التحالف قصفت مواقع للحوثيين في صعدة.\n"
       "وقال المتحدث باسم التحالف إن الحكومة السعودية ترحب بالقرار، وأضاف أن للسعودية حق الرد.")


def test_quotes_match_across_white_space() -> None:
    raw = "قصفت\u00a0الطائرات  مواقع\nفي حلب"
    assert find_all(raw, "قصفت الطائرات مواقع في حلب") == [(0, len(raw))]


def test_locate_prefers_the_evidence_then_earlier_text() -> None:
    ev = find_all(RAW, "قوات التحالف قصفت مواقع للحوثيين")[0]
    assert RAW[slice(*locate(RAW, "التحالف", ev))] == "التحالف" and locate(RAW, "التحالف", ev)[0] > ev[0]
    later = find_all(RAW, "ترحب بالقرار")[0]
    assert locate(RAW, "صعدة", later) == find_all(RAW, "صعدة")[0]  # before the evidence, nearest


def test_mentions_with_proclitics_contraction_and_adjectives() -> None:
    spans = mentions(RAW, ["السعودية"])
    # "أعلنت السعودية" and "للسعودية" (the preposition's ل not in the span); "الحكومة السعودية" is an adjective
    assert [RAW[s:e] for s, e in spans] == ["السعودية", "لسعودية"]
    assert [RAW[s:e] for s, e in mentions(RAW, ["الحوثيين"])] == ["لحوثيين"]
    assert mentions("والتحالف قال", ["التحالف"]) == [(1, 8)]
    assert mentions("التحالفات", ["التحالف"]) == []


def test_flat_drops_spans_inside_longer_ones() -> None:
    out = flat({0: [(0, 10)], 1: [(2, 5), (20, 25)]})
    assert out == {0: [(0, 10)], 1: [(20, 25)]}


def test_a_draft_becomes_a_valid_span_level_gold() -> None:
    doc = Doc(raw=RAW, id="d1", meta=DocMeta(source="d1", kind="jsonl"))
    draft = {"doc_date": "2018-06-18", "entities": [
        {"text": "السعودية", "type": "GPE", "name": "Saudi Arabia", "code": "SAU GOV"},
        {"text": "التحالف", "type": "ORG", "name": "Saudi-led coalition", "code": "SAU MIL", "forms": ["قوات التحالف"]},
        {"text": "الحوثيين", "type": "ORG", "name": "Houthis", "code": "YEM REB"},
        {"text": "صعدة", "type": "LOC", "name": "Saada"}],
        "events": [{"event": "ASSAULT", "mode": "aerial", "actor": ["SAU MIL"], "recipient": ["YEM REB"],
                    "date": "2018-06-18", "place": "Saada", "place_country": "YEM", "context": [],
                    "evidence": "قوات التحالف قصفت مواقع للحوثيين في صعدة", "trigger": "قصفت",
                    "args": [{"role": "actor", "text": "قوات التحالف", "code": "SAU MIL"},
                             {"role": "recipient", "text": "الحوثيين", "code": "YEM REB"}],
                    "date_text": "اليوم", "place_text": "صعدة"}]}
    gold, errors = build_gold(doc, draft)
    assert errors == [] and check_gold(gold, RAW) == []
    (ev,) = gold["events"]
    assert RAW[ev["trigger"]["start"] : ev["trigger"]["end"]] == "قصفت"
    assert [(a["role"], a["text"]) for a in ev["args"]] == [("actor", "قوات التحالف"), ("recipient", "لحوثيين")]
    assert ev["date_span"]["text"] == "اليوم" and ev["place_span"]["text"] == "صعدة"
    coalition = gold["entities"][1]
    assert [m["text"] for m in coalition["mentions"]] == ["قوات التحالف", "التحالف"]


def test_validator_names_each_problem() -> None:
    gold = {"entities": [{"text": "دمشق", "type": "CITY"}],
            "events": [{"event": "ATTACK", "actor": ["SAU GOV"]},
                       {"event": "ASSAULT", "mode": "bombing", "actor": ["XXX GOV"], "recipient": ["SAU FOO"],
                        "date": "2018-6-1", "context": ["soon"], "evidence": "ليس في النص",
                        "trigger": {"start": 0, "end": 5, "text": "غيرها"}}]}
    problems = check_gold(gold, RAW)
    assert "entity 1 'دمشق': type 'CITY'" in problems
    assert "entity 1 'دمشق': text not in the document" in problems
    assert "event 1: unknown event type 'ATTACK'" in problems
    assert "event 2: mode 'bombing' is not a mode of ASSAULT" in problems
    assert "event 2: code 'XXX GOV': unknown country XXX" in problems
    assert "event 2: code 'SAU FOO': unknown sector FOO" in problems
    assert "event 2: date '2018-6-1' is not YYYY-MM-DD or null" in problems
    assert "event 2: unknown context 'soon'" in problems
    assert "event 2: evidence not found in the document: 'ليس في النص'" in problems
    assert f"event 2 trigger: raw[0:5] is {RAW[0:5]!r}, not 'غيرها'" in problems
    assert code_problem("UNO GOV") is None and code_problem("IMG REB") is None
