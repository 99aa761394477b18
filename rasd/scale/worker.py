"""What a Dask worker does with one partition: read it, run the pipeline, write its Parquet frames."""

from __future__ import annotations

import os
import resource
import shutil
import socket
import time
from pathlib import Path
from typing import Any

from rasd.doc import Doc
from rasd.pipeline import default_pipeline
from rasd.scale.frames import frames, is_done, read_stats, write_partition
from rasd.scale.partitions import Partition


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_partition(part: Partition, parts_root: str, coded_date: str,
                      doc_seconds: float | None = None) -> dict[str, Any]:
    """Run the pipeline over a partition and write its results; a finished partition is not redone."""
    part_dir = Path(parts_root) / part.id
    if is_done(part_dir):
        return read_stats(part_dir)
    if part_dir.exists():  # a previous attempt died before its marker: start it again
        shutil.rmtree(part_dir)
    t0 = time.perf_counter()
    pipe = default_pipeline(doc_seconds)  # built once per worker process, on its first partition
    seen: set[str] = set()
    docs: list[Doc] = []
    stats: dict[str, Any] = {"partition": part.id, "index": part.index, "read": 0, "processed": 0, "duplicates": 0,
                             "events": 0, "repairs": 0, "failed": [], "stage_seconds": {}}
    stages: dict[str, float] = stats["stage_seconds"]
    for doc in part.docs():
        stats["read"] += 1
        if doc.id in seen:  # the first occurrence wins, as in a single-process run
            stats["duplicates"] += 1
            continue
        seen.add(doc.id)
        doc = pipe(doc)
        stats["processed"] += 1
        stats["events"] += len(doc.events)
        stats["repairs"] += len(doc.repairs)
        for name, secs in doc.stage_seconds.items():
            stages[name] = stages.get(name, 0.0) + secs
        stats["failed"].extend([doc.source, e.message] for e in doc.errors)
        docs.append(doc)
    tables = frames(docs, coded_date)
    stats.update(seconds=time.perf_counter() - t0, worker=f"{socket.gethostname()}:{os.getpid()}",
                 rss_mb=round(peak_rss_mb(), 1))
    write_partition(part_dir, tables, stats)
    return stats
