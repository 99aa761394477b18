"""The driver of a distributed run: plan, submit, merge in order, cluster, export."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rasd.ingest.common import Limits
from rasd.run import RunSummary, export_jsonl, open_store
from rasd.scale.frames import is_done, merge_partition, read_stats
from rasd.scale.partitions import Partition, plan
from rasd.scale.worker import process_partition
from rasd.store import Store


def _add(summary: RunSummary, stats: dict[str, Any], added: int) -> None:
    """Fold one partition's stats into the run summary (documents stored before count as skipped)."""
    summary.read += stats.get("read", 0)
    summary.processed += added
    summary.skipped += stats.get("duplicates", 0) + stats.get("processed", 0) - added
    summary.events += stats.get("events", 0)
    summary.repairs += stats.get("repairs", 0)
    summary.failed.extend((s, m) for s, m in stats.get("failed", []))
    for name, secs in stats.get("stage_seconds", {}).items():
        summary.stage_seconds[name] = summary.stage_seconds.get(name, 0.0) + secs


def _client(stack: ExitStack, workers: int, scheduler: str | None) -> Any:
    """A Dask client on the given scheduler, or on a LocalCluster of worker processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        return stack.enter_context(Client(scheduler))
    cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               dashboard_address=None))
    return stack.enter_context(Client(cluster))


def _progress(enabled: bool, total: int) -> tuple[Any, Callable[[int], None]]:
    """A rich progress bar (or a no-op) and the function that advances it."""
    from contextlib import nullcontext

    if not enabled:
        return nullcontext(), lambda n: None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    bar = Progress(TextColumn("rasd run"), BarColumn(), MofNCompleteColumn(), TextColumn("rows/files"),
                   TimeElapsedColumn(), TimeRemainingColumn())
    task = bar.add_task("run", total=total)
    return bar, lambda n: bar.advance(task, n)


def run_distributed(paths: Iterable[str | Path], out_dir: Path, *, workers: int = 2, scheduler: str | None = None,
                    db: Path | None = None, partition_size: int = 500, progress: bool = True,
                    force: bool = False, retries: int = 2,
                    on_merged: Callable[[Partition], None] | None = None, limits: Limits | None = None) -> RunSummary:
    """Run `rasd run` over partitions of PATHS on Dask; resumable, idempotent, and exact on resume."""
    from distributed import as_completed

    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    parts_root = out_dir.resolve() / "partitions"  # absolute: workers may not share the driver's directory
    parts_root.mkdir(parents=True, exist_ok=True)
    limits = limits or Limits()
    parts = plan(paths, partition_size, limits)
    coded_date = datetime.now(timezone.utc).date().isoformat()
    summary = RunSummary()
    run_stats: dict[str, Any] = {"partitions": len(parts), "workers": {}, "merged_before": 0}
    with open_store(db or out_dir / "rasd.duckdb") as store, ExitStack() as stack:
        merged_ids = set() if force else {r[0] for r in store.con.execute("SELECT partition_id FROM run_partitions").fetchall()}
        if force:
            for p in parts:
                shutil.rmtree(parts_root / p.id, ignore_errors=True)
        todo = [p for p in parts if p.id not in merged_ids]
        for p in parts:
            if p.id in merged_ids:
                n = store.con.execute("SELECT n_docs FROM run_partitions WHERE partition_id = ?", [p.id]).fetchone()[0]
                summary.read += n
                summary.skipped += n
                run_stats["merged_before"] += 1
        bar, advance = _progress(progress, sum(p.size for p in todo))
        stack.enter_context(bar)
        results: dict[int, dict[str, Any] | None] = {}  # partition index -> stats (None: failed)
        pending = [p for p in todo if not is_done(parts_root / p.id)]
        pending_ids = {p.id for p in pending}
        for p in todo:
            if p.id not in pending_ids:
                results[p.index] = read_stats(parts_root / p.id)
                advance(p.size)
        queue = list(todo)  # merged strictly in partition order, so a resumed run merges as a fresh one does

        def merge_ready() -> None:
            while queue and queue[0].index in results:
                p = queue.pop(0)
                stats = results[p.index]
                if stats is None:
                    continue
                added = merge_partition(store, parts_root / p.id, partition_id=p.id, source=p.source,
                                        start=p.start, stop=p.stop, force=force)
                _add(summary, stats, added)
                w = run_stats["workers"].setdefault(stats.get("worker", "?"), {"partitions": 0, "rss_mb": 0.0})
                w["partitions"] += 1
                w["rss_mb"] = max(w["rss_mb"], stats.get("rss_mb", 0.0))
                if on_merged:
                    on_merged(p)

        merge_ready()
        if pending:
            client = _client(stack, workers, scheduler)
            futures = {client.submit(process_partition, p, str(parts_root), coded_date, limits.doc_seconds, key=f"rasd-part-{p.id}",
                                     retries=retries, pure=False): p for p in pending}
            for fut in as_completed(futures):
                p = futures[fut]
                try:
                    results[p.index] = fut.result()
                except Exception as exc:  # noqa: BLE001 - a partition that fails after its retries is reported
                    results[p.index] = None
                    summary.failed.append((p.source if p.files else f"{p.source}[{p.start}:{p.stop}]",
                                           f"partition failed: {type(exc).__name__}: {exc}"))
                advance(p.size)
                merge_ready()
        merge_ready()
        from rasd.store.clusters import cluster_events

        run_stats["clusters"] = cluster_events(store)
        export_jsonl(store, out_dir)
    summary.seconds = time.perf_counter() - t0
    run_stats.update(seconds=summary.seconds, read=summary.read, processed=summary.processed, events=summary.events,
                     stage_seconds=summary.stage_seconds)
    (out_dir / "run_stats.json").write_text(json.dumps(run_stats, indent=1), encoding="utf-8")
    return summary
