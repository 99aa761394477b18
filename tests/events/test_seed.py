"""The seed article: exactly its five gold events, and records that validate with exact offsets."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from rasd.events import run
from rasd.events.record import event_record
from tests.conftest import shared_path
from tests.events.util import hand_doc

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "rasd/events/data/events.schema.json").read_text("utf-8"))

# the seed's actor mentions as an analyst codes them (GOLD.md conventions)
SEED_ACTORS = [
    ("مبعوث بوتين", "RUS GOV"), ("بشار الأسد", "SYR GOV"), ("الأسد", "SYR GOV"), ("لافرنتييف", "RUS GOV"),
    ("مبعوث الرئيس الروسي إلى سوريا “ألكسندر لافرنتييف”", "RUS GOV"),
    ("رئاسة الجمهورية العربية السورية", "SYR GOV"), ("الولايات المتحدة الأمريكية", "USA GOV"), ("روسيا", "RUS GOV"),
    ("مبعوث “بوتين” إلى سوريا “ألكسندر لافرينييف”", "RUS GOV"), ("صحيفة “الشرق الأوسط”", "SAU JRN"),
    ("بريت ماغورك", "USA GOV"), ("إدارة “بايدن”", "USA GOV"), ("موسكو", "RUS GOV"), ("واشنطن", "USA GOV"),
    ("تركيا", "TUR GOV"), ("إيران", "IRN GOV"), ("وفدي نظام الأسد", "SYR GOV"), ("المعـ.ـارضة", "SYR OPP"),
    ("نائب رئيس الوزراء الروسي “يوري بوريسوف”", "RUS GOV"), ("فلاديمير بوتين", "RUS GOV"), ("جو بايدن", "USA GOV"),
]
SEED_PLACES = [("دمشق", "Damascus", "SYR"), ("نور سلطان", "Nur-Sultan", "KAZ"), ("جنيف", "Geneva", "CHE"),
               ("أستانا", "Astana", "KAZ")]

EXPECTED = [  # type, mode, actor codes, recipient codes, date, precision, place, context, trigger
    ("CONSULT", ("visit",), ["RUS GOV"], ["SYR GOV"], "2021-07-01", "day", "Damascus", (), "التقى"),
    ("CONSULT", (), ["RUS GOV", "USA GOV"], [], "2021-07-02", "document", None, (), "لقاء"),
    ("CONSULT", ("multilateral",), ["IRN GOV", "RUS GOV", "SYR GOV", "SYR OPP", "TUR GOV"], [], "2021-07-07", "day",
     "Nur-Sultan", ("future",), "الاجتماعات"),
    ("CONSULT", ("visit",), ["RUS GOV"], ["SYR GOV"], "2021-06-22", "day", "Damascus", (), "التقى"),
    ("CONSULT", ("third-party",), ["RUS GOV", "USA GOV"], [], "2021-06-13", "day", "Geneva", (), "قمة"),
]


@pytest.fixture(scope="module")
def seed_doc():
    raw = shared_path("corpus", "seed", "000_7ba5d46f9773e582.txt").read_text(encoding="utf-8")
    return run(hand_doc(raw, SEED_ACTORS, SEED_PLACES, date="2021-07-02"))


def test_seed_five_events(seed_doc):
    got = [(e.event, e.mode, sorted(f"{a.country} {a.sector_code}" for a in e.actor),
            sorted(f"{a.country} {a.sector_code}" for a in e.recipient), e.date, e.date_precision,
            e.place.name if e.place else None, e.context, seed_doc.raw[e.trigger_start : e.trigger_end])
           for e in seed_doc.events]
    assert got == EXPECTED


def test_seed_offsets(seed_doc):
    first = seed_doc.events[0]
    assert (first.trigger_start, first.trigger_end, first.sent_start, first.sent_end) == (105, 110, 105, 211)
    assert (first.place.start, first.place.end) == (188, 192)
    title = seed_doc.sentences[0]
    assert (title.start, title.end) in first.mentions  # the headline tells the same meeting


def test_records_validate(seed_doc):
    for ev in seed_doc.events:
        rec = event_record(seed_doc, ev, coder="rasd 0.1.0", coded_date="2026-11-29")
        jsonschema.validate(rec, SCHEMA)
        raw = seed_doc.raw
        for ent in rec["actor"] + rec["recipient"] + [rec["event_loc"], rec["attribution"]]:
            if ent is not None:
                assert raw[ent["start"] : ent["end"]] == ent["raw_text"]
        assert raw[rec["trigger"]["start"] : rec["trigger"]["end"]] == rec["event_text"][0]
        assert raw[rec["text_span"]["start"] : rec["text_span"]["end"]] == rec["text"]
        assert rec["id"] == event_record(seed_doc, ev, coder="rasd 0.1.0", coded_date="2030-01-01")["id"]


def test_schema_rejects_actorless(seed_doc):
    rec = event_record(seed_doc, seed_doc.events[0], coder="rasd 0.1.0", coded_date="2026-11-29")
    rec["actor"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(rec, SCHEMA)
