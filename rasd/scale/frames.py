"""A partition's results as Parquet frames shaped like the store's tables, and their merge into the store."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from rasd import __version__
from rasd.doc import Doc
from rasd.store import TABLES, Store, table_rows
COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "source", "kind", "url", "outlet", "title", "doc_date", "doc_date_source", "raw", "page",
                  "n_events", "n_errors", "record", "layers", "rasd_version", "stored_at"],
    "entities": ["doc_id", "start", "end", "raw_text", "type", "actor_id", "country", "sector_code"],
    "events": ["event_id", "doc_id", "event_type", "mode", "context", "date", "date_precision", "quad_code",
               "actor_countries", "actor_sectors", "actor_names", "recipient_countries", "recipient_sectors",
               "recipient_names", "place_name", "place_country", "geonameid", "lat", "lon", "text", "record"],
    "event_mentions": ["event_id", "doc_id", "start", "end"],
}
MARKER = "_SUCCESS"


def frames(docs: Sequence[Doc], coded_date: str) -> dict[str, pd.DataFrame]:
    """The four tables' rows for these documents, built as `Store.write` builds them; a document that cannot
    be encoded becomes its error record, so the partition's other documents are kept."""
    rows = table_rows(docs, coded_date, isolate=True)
    return {t: pd.DataFrame(rows[t], columns=COLUMNS[t]) for t in TABLES}


def is_done(part_dir: Path) -> bool:
    """Whether a partition's results are complete on disk (its marker is written last)."""
    return (part_dir / MARKER).exists()


def write_partition(part_dir: Path, tables: dict[str, pd.DataFrame], stats: dict[str, Any]) -> None:
    """Write the frames, then the stats, then the marker atomically: a marker means everything is there."""
    part_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        tmp = part_dir / f"{name}.parquet.tmp"
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, part_dir / f"{name}.parquet")
    (part_dir / "stats.json").write_text(json.dumps(stats, ensure_ascii=False), encoding="utf-8")
    tmp = part_dir / f"{MARKER}.tmp"
    tmp.write_text(datetime.now(timezone.utc).isoformat(), encoding="utf-8")
    os.replace(tmp, part_dir / MARKER)


def read_stats(part_dir: Path) -> dict[str, Any]:
    """The stats a finished partition wrote."""
    return json.loads((part_dir / "stats.json").read_text(encoding="utf-8"))


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def merge_partition(store: Store, part_dir: Path, *, partition_id: str, source: str, start: int | None,
                    stop: int | None, force: bool = False) -> int:
    """Merge one finished partition into the store in one transaction; return the documents added.

    The first stored occurrence of a document id wins (as in a single-process
    run) unless ``force``; the partition is recorded as merged in the same
    transaction, so a killed merge leaves nothing and is redone whole.
    """
    stats = read_stats(part_dir)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        docs_file = _sql_path(part_dir / "documents.parquet")
        con.execute(f"CREATE OR REPLACE TEMP TABLE part_ids AS SELECT DISTINCT doc_id FROM read_parquet('{docs_file}')")
        if force:
            for table in ("event_mentions", "events", "entities", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM part_ids)")
        else:
            con.execute("DELETE FROM part_ids WHERE doc_id IN (SELECT doc_id FROM documents)")
        added = con.execute("SELECT count(*) FROM part_ids").fetchone()[0]
        for table in TABLES:
            cols = ", ".join(f'"{c}"' for c in COLUMNS[table])
            path = _sql_path(part_dir / f"{table}.parquet")
            n = con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
            if n:
                con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_parquet('{path}') "
                            "WHERE doc_id IN (SELECT doc_id FROM part_ids)")
        con.execute("DELETE FROM run_partitions WHERE partition_id = ?", [partition_id])
        con.execute("INSERT INTO run_partitions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [partition_id, source, start, stop, stats.get("read", 0), stats.get("events", 0),
                     datetime.now(timezone.utc).replace(tzinfo=None)])
        con.execute("DROP TABLE part_ids")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return int(added)
