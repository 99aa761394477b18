"""Exports round-trip: Parquet and CSV load in pandas and DuckDB with the documented columns; JSONL validates."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from rasd.store import Store
from rasd.store.export import DOCUMENT_COLUMNS, EVENT_COLUMNS, export

SCHEMA = Path(__file__).resolve().parents[2] / "rasd" / "events" / "data" / "events.schema.json"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "scale.md"


@pytest.fixture(scope="module")
def exported(wire_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    with Store(wire_db) as store:
        for fmt in ("jsonl", "csv", "parquet"):
            for what in ("events", "documents"):
                export(store, out, fmt, what)
    return out


def _load(path: Path) -> list[pd.DataFrame]:
    reader = pd.read_parquet if path.suffix == ".parquet" else pd.read_csv
    return [reader(path), duckdb.connect().sql(f"SELECT * FROM '{path}'").df()]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_events(exported: Path, fmt: str) -> None:
    for frame in _load(exported / f"events.{fmt}"):
        assert list(frame.columns) == EVENT_COLUMNS
        assert len(frame) == 5
        row = frame[frame["doc_id"] == "wire-2"].iloc[0]
        assert (row["event_type"], row["actor_name"], row["actor_country"], row["recipient_country"]) == (
            "CONSULT", "John Kerry", "USA", "SAU")
        assert (row["place_name"], int(row["geonameid"]), row["mode"]) == ("Jeddah", 105343, "visit")
        assert (int(row["num_reports"]), int(row["num_sources"]), int(row["num_mentions"])) == (3, 3, 6)
        assert row["url"] == "http://www.okaz.com/wire-2"
        assert frame["cluster_id"].nunique() == 3


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_documents(exported: Path, fmt: str) -> None:
    for frame in _load(exported / f"documents.{fmt}"):
        assert list(frame.columns) == DOCUMENT_COLUMNS
        assert sorted(frame["doc_id"]) == ["wire-1", "wire-2", "wire-3", "wire-4", "wire-5"]
        row = frame[frame["doc_id"] == "wire-4"].iloc[0]
        assert row["raw"].startswith("المملكة تدين تفجير مسجد الكويت\n\nأدانت")


def test_jsonl_records(exported: Path) -> None:
    recs = [json.loads(line) for line in (exported / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 5
    by_doc = {r["doc_id"]: r for r in recs}
    raw = "الملك سلمان يلتقي كيري\n\n"
    assert by_doc["wire-2"]["text_span"]["start"] == len(raw)
    assert by_doc["wire-2"]["num_sources"] == 3 and by_doc["wire-4"]["num_reports"] == 1
    if SCHEMA.exists():
        import jsonschema

        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        for rec in recs:
            jsonschema.validate(rec, schema)
    docs = [json.loads(line) for line in (exported / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["doc_id"] for d in docs] == ["wire-1", "wire-2", "wire-3", "wire-4", "wire-5"]


def test_documented_columns() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for col in EVENT_COLUMNS + DOCUMENT_COLUMNS:
        assert f"`{col}`" in text, col


def test_unknown_format(wire_db: Path, tmp_path: Path) -> None:
    with Store(wire_db) as store, pytest.raises(ValueError, match="unknown format"):
        export(store, tmp_path, "xlsx")
