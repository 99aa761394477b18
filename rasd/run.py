"""The job behind `rasd run`: read inputs, run the pipeline, store in batches, export JSONL."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rasd.doc import Doc
from rasd.ingest.common import Limits
from rasd.pipeline import Pipeline, default_pipeline
from rasd.store import Store


# A batch is written once it holds this much text, whatever its count: processed documents keep all their
# layers until stored, so the parts of one huge article must not wait for each other.
BATCH_CHARS = 1_000_000


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the CLI and the benchmarks."""

    read: int = 0
    processed: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    events: int = 0
    repairs: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)


def export_jsonl(store: Store, out_dir: Path) -> tuple[Path, Path]:
    """Write documents.jsonl and events.jsonl from the store (so they always match it)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs_path, events_path = out_dir / "documents.jsonl", out_dir / "events.jsonl"
    for path, records in ((docs_path, store.document_records()), (events_path, store.event_records())):
        tmp = path.with_suffix(".jsonl.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        tmp.replace(path)
    return docs_path, events_path


def process_docs(docs: Iterable[Doc], store: Store, *, pipeline: Pipeline | None = None, batch_size: int = 200,
                 force: bool = False, on_doc: Callable[[Doc], None] | None = None) -> RunSummary:
    """Run the pipeline over documents and store them in batches; skip ones already stored."""
    import time

    t0 = time.perf_counter()
    pipe = pipeline or default_pipeline()
    known = set() if force else store.known_ids()
    summary = RunSummary()
    batch: list[Doc] = []
    batch_chars = 0
    for doc in docs:
        summary.read += 1
        if doc.id in known and not doc.errors:
            summary.skipped += 1
            if on_doc:
                on_doc(doc)
            continue
        known.add(doc.id)
        doc = pipe(doc)
        summary.processed += 1
        summary.events += len(doc.events)
        summary.repairs += len(doc.repairs)
        for name, secs in doc.stage_seconds.items():
            summary.stage_seconds[name] = summary.stage_seconds.get(name, 0.0) + secs
        summary.failed.extend((doc.source, e.message) for e in doc.errors)
        batch.append(doc)
        if on_doc:
            on_doc(doc)
        batch_chars += len(doc.raw)
        if len(batch) >= batch_size or batch_chars >= BATCH_CHARS:
            _store(store, batch, summary)
            batch, batch_chars = [], 0
    _store(store, batch, summary)
    summary.seconds = time.perf_counter() - t0
    return summary


def _store(store: Store, batch: list[Doc], summary: RunSummary) -> None:
    """Write a batch; a document the store refuses is counted as failed with the store's reason."""
    for doc, reason in store.write(batch):
        summary.failed.append((doc.source, reason))


class StoreBusy(Exception):
    """The store is held by another writer (DuckDB allows one process at a time)."""


def open_store(path: Path) -> Store:
    """The run's store, or StoreBusy naming it when another process holds it."""
    import duckdb

    try:
        return Store(path)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(f"{path}: in use by another rasd process (one writer at a time; "
                            "wait for it to finish or give another --out/--db)") from None
        raise


def run_paths(paths: Iterable[str | Path], out_dir: Path, *, db: Path | None = None, batch_size: int = 200,
              force: bool = False, on_doc: Callable[[Doc], None] | None = None,
              limits: Limits | None = None) -> RunSummary:
    """Read, process, store and export: the whole of `rasd run` on one process."""
    from rasd.ingest import iter_docs

    limits = limits or Limits()
    with open_store(db or out_dir / "rasd.duckdb") as store:
        summary = process_docs(iter_docs(paths, limits=limits), store, batch_size=batch_size, force=force,
                               on_doc=on_doc, pipeline=default_pipeline(doc_seconds=limits.doc_seconds))
        export_jsonl(store, out_dir)
    return summary
