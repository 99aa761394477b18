"""Store: an embedded DuckDB file of documents, entities, events and their mentions.

Writes are idempotent: a document is keyed by its id (a content hash unless
the input gives one) and a batch replaces its documents' rows inside one
transaction, so a run killed half-way leaves whole documents or none, and a
re-run adds nothing twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from rasd import __version__
from rasd.doc import Doc
from rasd.store.migrations import migrate
from rasd.store.records import document_record, entity_records


def _layers(doc: Doc) -> dict[str, Any]:
    """The analysis layers kept with a document (tokens are rebuilt on demand, not stored)."""
    return {
        "sentences": [[s.start, s.end, s.is_title] for s in doc.sentences],
        "times": [[t.start, t.end, t.value, t.precision, t.anchor, list(t.flags)] for t in doc.times],
        "places": [[p.start, p.end, p.name, p.country, p.geonameid, p.lat, p.lon, p.resolution] for p in doc.places],
        "actors": [[a.start, a.end, a.country, a.sector_code, a.actor_id, a.how] for a in doc.actors],
        "entities": [[e.start, e.end, e.type, e.source] for e in doc.entities],
        "stage_seconds": doc.stage_seconds,
    }


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert a DataFrame's rows into a table by column name (inside the caller's transaction)."""
    con.register("_rasd_rows", frame)
    cols = ", ".join(f'"{c}"' for c in frame.columns)
    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _rasd_rows")
    con.unregister("_rasd_rows")  # after a failure the caller rolls back; the next register replaces the view


def event_rows(doc: Doc, coded_date: str) -> list[dict[str, Any]]:
    """The EVENTS.md records of a document's events."""
    if not doc.events:
        return []
    from rasd.events.record import event_record

    return [event_record(doc, ev, coder=f"rasd {__version__}", coded_date=coded_date) for ev in doc.events]


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    """One events-table row from an event record: flattened columns plus the record itself."""
    loc = rec.get("event_loc") or {}
    return {
        "event_id": rec["id"], "doc_id": rec["doc_id"], "event_type": rec["event"][0],
        "mode": list(rec.get("mode") or []), "context": list(rec.get("context") or []),
        "date": rec.get("date"), "date_precision": rec.get("date_precision"), "quad_code": rec.get("quad_code"),
        "actor_countries": [a.get("country") for a in rec["actor"]],
        "actor_sectors": [a.get("sector_code") for a in rec["actor"]],
        "actor_names": [a.get("entity_name") or a.get("raw_text") for a in rec["actor"]],
        "recipient_countries": [a.get("country") for a in rec.get("recipient") or []],
        "recipient_sectors": [a.get("sector_code") for a in rec.get("recipient") or []],
        "recipient_names": [a.get("entity_name") or a.get("raw_text") for a in rec.get("recipient") or []],
        "place_name": loc.get("name"), "place_country": loc.get("country"), "geonameid": loc.get("geonameid"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "text": rec.get("text"),
        "record": json.dumps(rec, ensure_ascii=False),
    }


TABLES = ("documents", "entities", "events", "event_mentions")


def _doc_rows(doc: Doc, coded_date: str, now: datetime) -> dict[str, list[dict[str, Any]]]:
    events = event_rows(doc, coded_date)
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    out["documents"].append({
        "doc_id": doc.id, "source": doc.source, "kind": doc.meta.kind, "url": doc.meta.url,
        "outlet": doc.meta.outlet, "title": doc.title, "doc_date": doc.doc_date,
        "doc_date_source": doc.doc_date_source, "raw": doc.raw, "page": doc.page,
        "n_events": len(events), "n_errors": len(doc.errors),
        "record": json.dumps(document_record(doc), ensure_ascii=False),
        "layers": json.dumps(_layers(doc), ensure_ascii=False), "rasd_version": __version__, "stored_at": now,
    })
    for e in entity_records(doc):
        out["entities"].append({"doc_id": doc.id, "start": e["start"], "end": e["end"], "raw_text": e["raw_text"],
                                "type": e["type"], "actor_id": e.get("actor_id"), "country": e.get("country"),
                                "sector_code": e.get("sector_code")})
    for ev, er in zip(doc.events, events):
        out["events"].append(_flat(er))
        spans = dict.fromkeys(((ev.sent_start, ev.sent_end),) + tuple(ev.mentions))
        out["event_mentions"].extend({"event_id": er["id"], "doc_id": doc.id, "start": s, "end": e} for s, e in spans)
    return out


def _encodable(rows: dict[str, list[dict[str, Any]]]) -> None:
    """Raise UnicodeEncodeError when some string of the rows cannot be written as UTF-8."""
    for table in rows.values():
        for row in table:
            for value in row.values():
                if isinstance(value, str):
                    value.encode("utf-8")


def table_rows(docs: Sequence[Doc], coded_date: str, *, isolate: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The store tables' rows for these documents. With ``isolate``, a document whose rows cannot be
    built or encoded is replaced by its error record (unstorable), so one bad document spoils nothing else."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for doc in docs:
        if isolate:
            try:
                rows = _doc_rows(doc, coded_date, now)
                _encodable(rows)
            except Exception as exc:  # noqa: BLE001
                rows = _doc_rows(unstorable(doc, exc), coded_date, now)
        else:
            rows = _doc_rows(doc, coded_date, now)
        for t in TABLES:
            out[t] += rows[t]
    return out


def _printable(text: str | None) -> str:
    """A string any UTF-8 writer accepts (what could not be encoded written as escapes)."""
    return (text or "").encode("utf-8", "backslashreplace").decode("utf-8")


def unstorable(doc: Doc, exc: BaseException) -> Doc:
    """The error record kept in place of a document that cannot be stored, with the reason."""
    from rasd.doc import DocMeta

    reason = f"cannot be stored ({type(exc).__name__}: {_printable(str(exc))[:200]})"
    bad = Doc(raw="", id=_printable(doc.id), meta=DocMeta(source=_printable(doc.source), kind=doc.meta.kind))
    bad.fail("store", reason)
    return bad


class Store:
    """A DuckDB file holding everything a run produced."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            migrate(self.con)

    def close(self) -> None:
        """Close the connection (checkpointing the file)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_ids(self) -> set[str]:
        """Ids of the documents already stored."""
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def write(self, docs: Sequence[Doc], *, coded_date: str | None = None) -> list[tuple[Doc, str]]:
        """Replace the rows of these documents in one transaction; returns (document, reason) for those that
        could not be stored, each replaced in the store by an error record saying why (the rest are kept)."""
        docs = list({d.id: d for d in docs}.values())  # the same document twice in a batch is stored once
        if not docs:
            return []
        coded_date = coded_date or datetime.now(timezone.utc).date().isoformat()
        try:
            self._write(docs, coded_date)
            return []
        except Exception:  # noqa: BLE001 - one bad document must not lose the batch: store them one by one
            pass
        failed: list[tuple[Doc, str]] = []
        for doc in docs:
            try:
                self._write([doc], coded_date)
            except Exception as exc:  # noqa: BLE001
                record = unstorable(doc, exc)
                self._write([record], coded_date)
                failed.append((doc, record.errors[0].message))
        return failed

    def _write(self, docs: list[Doc], coded_date: str) -> None:
        rows = table_rows(docs, coded_date)
        ids = pd.DataFrame({"doc_id": [d.id for d in docs]})
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("batch_ids", ids)
            for table in ("event_mentions", "events", "entities", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM batch_ids)")
            for table in TABLES:
                if rows[table]:
                    insert_frame(con, table, pd.DataFrame(rows[table]))
            con.unregister("batch_ids")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def document_records(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Stored document records, in source order."""
        rows = self.con.execute("SELECT doc_id, record FROM documents ORDER BY source, doc_id").fetchall()
        wanted = set(ids) if ids is not None else None
        return [json.loads(r) for d, r in rows if wanted is None or d in wanted]

    def event_records(self) -> list[dict[str, Any]]:
        """Stored event records, by document then position in the text."""
        rows = self.con.execute(
            "SELECT e.record FROM events e JOIN documents d USING (doc_id) ORDER BY d.source, e.doc_id, e.event_id"
        ).fetchall()
        recs = [json.loads(r[0]) for r in rows]
        recs.sort(key=lambda r: (r["doc_source"], r["doc_id"], r["text_span"]["start"], r["trigger"]["start"]))
        return recs

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a SQL query and return a DataFrame."""
        return self.con.execute(query, params or []).df()
