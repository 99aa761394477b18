"""The DuckDB store: migrations, idempotent writes, records that point back into raw text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.pipeline import process_text
from rasd.store import Store
from rasd.store.migrations import MIGRATIONS, migrate


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        names = [r[0] for r in store.con.execute("SELECT name FROM _migrations ORDER BY name").fetchall()]
        assert names == [name for name, _ in MIGRATIONS]
        assert migrate(store.con) == []


def test_write_twice_adds_nothing(tmp_path: Path, seed_raw: str) -> None:
    doc = process_text(seed_raw, source="seed.txt")
    with Store(tmp_path / "a.duckdb") as store:
        store.write([doc])
        store.write([doc])
        assert store.sql("SELECT count(*) AS n FROM documents")["n"][0] == 1
        n_events = store.sql("SELECT count(*) AS n FROM events")["n"][0]
        assert n_events == len(doc.events)
        assert store.known_ids() == {doc.id}
    with Store(tmp_path / "a.duckdb", read_only=True) as store:
        rec = store.document_records()[0]
        raw = store.sql("SELECT raw FROM documents")["raw"][0]
    assert raw == seed_raw
    assert rec["doc_id"] == doc.id and rec["doc_source"] == "seed.txt"
    for r in rec["repairs"]:
        assert raw[r["start"] : r["end"]] == r["raw"]
    for e in rec["entities"]:
        assert raw[e["start"] : e["end"]] == e["raw_text"]
    assert [raw[b["start"] : b["end"]] for b in rec["boilerplate"]][0] == "تخطى إلى المحتوى"
    json.dumps(rec, ensure_ascii=False)


def test_a_document_that_cannot_be_stored_becomes_its_error_record(tmp_path: Path, seed_raw: str, monkeypatch) -> None:
    import rasd.store as store_mod

    good = process_text(seed_raw, source="seed.txt")
    other = process_text("التقى الرئيس الفرنسي نظيره المصري في القاهرة.", source="b.txt")
    with Store(tmp_path / "a.duckdb") as store:
        real_flat = store_mod._flat
        # the seed's events fail inside the transaction, on the events insert; the other document's do not
        monkeypatch.setattr(store_mod, "_flat", lambda rec: {"event_id": rec["id"], "doc_id": rec["doc_id"], "lat": "north"}
                            if rec["doc_id"] == good.id else real_flat(rec))
        assert good.events
        failed = store.write([other, good])
        assert [(d.id, r.split(" (")[0]) for d, r in failed] == [(good.id, "cannot be stored")]
        assert store.known_ids() == {other.id, good.id}
        (rec,) = store.document_records([good.id])
        assert rec["n_events"] == 0 and [e["stage"] for e in rec["errors"]] == ["store"]
        assert store.sql(f"SELECT count(*) AS n FROM entities WHERE doc_id = '{good.id}'")["n"][0] == 0
        assert store.sql(f"SELECT count(*) AS n FROM events WHERE doc_id = '{other.id}'")["n"][0] == len(other.events)


def test_same_document_twice_in_a_batch(tmp_path: Path) -> None:
    doc = process_text("التقى الرئيس الفرنسي نظيره المصري في القاهرة.", source="a.txt")
    with Store(tmp_path / "a.duckdb") as store:
        store.write([doc, doc])
        assert store.sql("SELECT count(*) AS n FROM documents")["n"][0] == 1
