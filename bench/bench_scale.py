"""Distributed throughput on news10k: `rasd run --workers 1` and `--workers 2`, against the reference pass.

    python bench/bench_scale.py [--limit N] [--workers 1,2] [--partition-size 250] [--path news10k.jsonl.gz]

Prints articles/s (wall, whole run including cluster start, merge, clustering
and export) and per core, the speed-up, per-stage time shares, peak RSS per
worker, and the ratio to the reference pass (read + split words), for each
worker count.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_run import DEFAULT, reference_pass  # noqa: E402

from rasd.scale import run_distributed  # noqa: E402


def _subset(path: Path, limit: int, folder: Path) -> Path:
    """The first ``limit`` lines of the corpus as a plain JSONL file (the whole file when it has fewer)."""
    out = folder / f"news_{limit}.jsonl"
    with gzip.open(path, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return out


def one(path: Path, workers: int, partition_size: int, folder: Path) -> dict:
    """One distributed run from scratch; its figures."""
    out = folder / f"w{workers}"
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    summary = run_distributed([path], out, workers=workers, partition_size=partition_size, progress=False)
    wall = time.perf_counter() - t0
    stats = json.loads((out / "run_stats.json").read_text(encoding="utf-8"))
    return {"workers": workers, "articles": summary.read, "events": summary.events, "wall": wall,
            "rate": summary.read / wall, "per_core": summary.read / wall / workers,
            "stages": summary.stage_seconds, "rss": {k: v["rss_mb"] for k, v in stats["workers"].items()},
            "clusters": stats.get("clusters", {})}


def main() -> None:
    """Run the reference pass and each worker count; print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--path", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=10_000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--partition-size", type=int, default=250)
    args = ap.parse_args()
    if not args.path.exists():
        sys.exit(f"{args.path}: absent (the shared corpus is needed for this benchmark)")
    n_ref, t_ref = reference_pass(args.path, args.limit)
    ref_rate = n_ref / t_ref
    print(f"reference (read + split words): {ref_rate:.0f} articles/s on one core ({n_ref} articles)")
    with tempfile.TemporaryDirectory(prefix="rasd-bench-") as tmp:
        folder = Path(tmp)
        path = _subset(args.path, args.limit, folder)
        runs = [one(path, int(w), args.partition_size, folder) for w in args.workers.split(",")]
    base = runs[0]
    for r in runs:
        print(f"\nworkers={r['workers']}: {r['articles']} articles, {r['events']} events in {r['wall']:.1f}s "
              f"= {r['rate']:.1f} articles/s, {r['per_core']:.1f} per core "
              f"(speed-up {r['rate'] / base['rate']:.2f}x over workers={base['workers']}; "
              f"{ref_rate / r['per_core']:.1f}x slower than the reference per core)")
        print(f"  peak RSS per worker: {', '.join(f'{v:.0f} MB' for v in sorted(r['rss'].values()))}")
        busy = sum(r["stages"].values())
        worker_time = r["wall"] * r["workers"]
        print(f"  pipeline stages {busy / worker_time:.0%} of worker time; the rest is start-up, reading, "
              "Parquet, merge, clustering and export")
        for name, secs in sorted(r["stages"].items(), key=lambda kv: -kv[1]):
            print(f"    {name:<10} {secs / busy:6.1%}  ({1000 * secs / r['articles']:.2f} ms/article)")
        if r["clusters"]:
            c = r["clusters"]
            print(f"  clusters: {c['clusters']} for {c['events']} events; {c['multi']} of size > 1, largest {c['largest']}")


if __name__ == "__main__":
    main()
