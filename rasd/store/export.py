"""Exports of the store: events as PLOVER JSONL or flat POLECAT-style CSV/Parquet, and documents.

The flat tables have one row per event record; several actors (or
recipients) of one record are joined with "; " in the same order in the
name, country and sector columns. Every row carries its cross-article
cluster: ``cluster_id``, ``num_reports`` (records of the same real-world
event), ``num_mentions`` (sentences telling it, across documents) and
``num_sources`` (distinct outlets).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from rasd.store import Store
from rasd.store.clusters import ensure_clusters

FORMATS = ("jsonl", "csv", "parquet")
WHATS = ("events", "documents")

EVENT_COLUMNS = [
    "event_id", "doc_id", "doc_source", "url", "outlet", "date", "date_precision", "event_type", "mode", "context",
    "quad_code", "actor_name", "actor_country", "actor_sector", "recipient_name", "recipient_country",
    "recipient_sector", "place_name", "place_country", "geonameid", "lat", "lon", "text", "cluster_id",
    "num_reports", "num_mentions", "num_sources",
]
DOCUMENT_COLUMNS = ["doc_id", "doc_source", "kind", "url", "outlet", "title", "doc_date", "doc_date_source",
                    "n_events", "n_errors", "errors", "raw"]


def _join(col: str) -> str:
    return f"array_to_string(list_transform(e.{col}, lambda x: coalesce(x, '')), '; ')"


FLAT_SQL = f"""
    SELECT e.event_id, e.doc_id, d.source AS doc_source, d.url, d.outlet, e.date, e.date_precision, e.event_type,
           array_to_string(e.mode, '; ') AS mode, array_to_string(e.context, '; ') AS context, e.quad_code,
           {_join('actor_names')} AS actor_name, {_join('actor_countries')} AS actor_country,
           {_join('actor_sectors')} AS actor_sector, {_join('recipient_names')} AS recipient_name,
           {_join('recipient_countries')} AS recipient_country, {_join('recipient_sectors')} AS recipient_sector,
           e.place_name, e.place_country, e.geonameid, e.lat, e.lon, e.text, c.cluster_id,
           c.n_reports AS num_reports, c.n_mentions AS num_mentions, c.n_sources AS num_sources
    FROM events e JOIN documents d USING (doc_id)
    LEFT JOIN event_cluster_members m USING (event_id) LEFT JOIN event_clusters c USING (cluster_id)"""
EVENTS_SQL = FLAT_SQL + "\n    ORDER BY d.source, e.doc_id, e.event_id"

DOCUMENTS_SQL = """
    SELECT doc_id, source AS doc_source, kind, url, outlet, title, doc_date, doc_date_source, n_events, n_errors,
           CAST(json_extract(record, '$.errors') AS VARCHAR) AS errors, raw
    FROM documents ORDER BY source, doc_id"""


def _jsonl(store: Store, what: str, path: Path) -> int:
    """Write the records, events with their cluster figures added (EVENTS.md allows extra fields)."""
    if what == "documents":
        records = store.document_records()
    else:
        records = store.event_records()
        figures = {r[0]: r[1:] for r in store.con.execute(
            "SELECT m.event_id, c.cluster_id, c.n_reports, c.n_mentions, c.n_sources "
            "FROM event_cluster_members m JOIN event_clusters c USING (cluster_id)").fetchall()}
        for rec in records:
            cid, reports, mentions, sources = figures.get(rec["id"], (None, 1, 1, 1))
            rec.update(cluster_id=cid, num_reports=reports, num_mentions=mentions, num_sources=sources)
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records)


def export(store: Store, out_dir: str | Path, fmt: str = "jsonl", what: str = "events") -> tuple[Path, int]:
    """Write OUT/<what>.<fmt> from the store (atomically) and return its path and row count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if what not in WHATS:
        raise ValueError(f"unknown table {what!r} (one of {', '.join(WHATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if what == "events":
        ensure_clusters(store)
    path = out / f"{what}.{fmt}"
    tmp = out / f".{what}.{fmt}.tmp"
    if fmt == "jsonl":
        n = _jsonl(store, what, tmp)
    else:
        query = EVENTS_SQL if what == "events" else DOCUMENTS_SQL
        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        target = str(tmp).replace("'", "''")
        store.con.execute(f"COPY ({query}) TO '{target}' ({options})")
        n = store.con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
    os.replace(tmp, path)
    return path, int(n)
