"""Named schema migrations, applied in order and recorded in the `_migrations` table."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_documents", """
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY, source VARCHAR, kind VARCHAR, url VARCHAR, outlet VARCHAR,
            title VARCHAR, doc_date VARCHAR, doc_date_source VARCHAR, raw VARCHAR, page VARCHAR,
            n_events INTEGER, n_errors INTEGER, record JSON, layers JSON,
            rasd_version VARCHAR, stored_at TIMESTAMP
        )"""),
    ("0002_entities", """
        CREATE TABLE entities (
            doc_id VARCHAR, start INTEGER, "end" INTEGER, raw_text VARCHAR, type VARCHAR,
            actor_id VARCHAR, country VARCHAR, sector_code VARCHAR,
            PRIMARY KEY (doc_id, start, "end")
        )"""),
    ("0003_events", """
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, event_type VARCHAR, mode VARCHAR[], context VARCHAR[],
            date VARCHAR, date_precision VARCHAR, quad_code INTEGER,
            actor_countries VARCHAR[], actor_sectors VARCHAR[], actor_names VARCHAR[],
            recipient_countries VARCHAR[], recipient_sectors VARCHAR[], recipient_names VARCHAR[],
            place_name VARCHAR, place_country VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
            text VARCHAR, record JSON
        )"""),
    ("0004_event_mentions", """
        CREATE TABLE event_mentions (
            event_id VARCHAR, doc_id VARCHAR, start INTEGER, "end" INTEGER,
            PRIMARY KEY (event_id, start, "end")
        )"""),
    ("0005_event_clusters", """
        CREATE TABLE event_clusters (
            cluster_id VARCHAR PRIMARY KEY, event_type VARCHAR, date VARCHAR, first_date VARCHAR, last_date VARCHAR,
            n_reports INTEGER, n_mentions INTEGER, n_sources INTEGER,
            sources VARCHAR[], doc_ids VARCHAR[], event_ids VARCHAR[]
        );
        CREATE TABLE event_cluster_members (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR)"""),
    ("0006_run_partitions", """
        CREATE TABLE run_partitions (
            partition_id VARCHAR PRIMARY KEY, source VARCHAR, first_line BIGINT, last_line BIGINT,
            n_docs INTEGER, n_events INTEGER, merged_at TIMESTAMP
        )"""),
]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations this database has not seen; return their names."""
    con.execute("CREATE TABLE IF NOT EXISTS _migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    done = {r[0] for r in con.execute("SELECT name FROM _migrations").fetchall()}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        con.execute(sql)
        con.execute("INSERT INTO _migrations VALUES (?, ?)", [name, datetime.now(timezone.utc).replace(tzinfo=None)])
        con.execute("COMMIT")
        applied.append(name)
    return applied
