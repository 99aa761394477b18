"""Throughput of the pipeline on news10k: articles/s per core, stage shares, peak memory, reference ratio.

    python bench/bench_run.py [--limit N] [--path ../shared/corpus/bench/news10k.jsonl.gz]

The reference pass only reads the corpus and splits words, so every figure is
also a ratio to the cheapest possible pass over the same text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.ingest import iter_docs  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

DEFAULT = (ROOT / ".." / "shared" / "corpus" / "bench" / "news10k.jsonl.gz").resolve()


def reference_pass(path: Path, limit: int) -> tuple[int, float]:
    """Read rows and split words: the floor every figure is compared with."""
    word = re.compile(r"\w+")
    t0 = time.perf_counter()
    n = words = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            words += len(word.findall(f"{row.get('title') or ''}\n\n{row.get('text') or ''}"))
            n += 1
            if n >= limit:
                break
    return n, time.perf_counter() - t0


def main() -> None:
    """Run both passes and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--path", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=10_000)
    args = ap.parse_args()
    if not args.path.exists():
        sys.exit(f"{args.path}: absent (the shared corpus is needed for this benchmark)")
    n_ref, t_ref = reference_pass(args.path, args.limit)
    pipe = Pipeline()
    t0 = time.perf_counter()
    n = events = 0
    stages: dict[str, float] = {}
    for doc in iter_docs([args.path]):
        doc = pipe(doc)
        events += len(doc.events)
        for k, v in doc.stage_seconds.items():
            stages[k] = stages.get(k, 0.0) + v
        n += 1
        if n >= args.limit:
            break
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate, ref_rate = n / elapsed, n_ref / t_ref
    print(f"articles: {n}  events: {events}  seconds: {elapsed:.1f}")
    print(f"pipeline: {rate:.1f} articles/s per core   reference (read + split words): {ref_rate:.1f} articles/s")
    print(f"ratio to reference: {ref_rate / rate:.1f}x slower   peak RSS: {peak_mb:.0f} MB")
    total = sum(stages.values()) or 1.0
    ingest = elapsed - total
    print(f"  {'ingest+other':<12} {ingest / elapsed:6.1%}")
    for k, v in stages.items():
        print(f"  {k:<12} {v / elapsed:6.1%}  ({1000 * v / n:.2f} ms/article)")


if __name__ == "__main__":
    main()
