"""Time the entities stage on news10k articles and optionally save its output for comparison.

Articles go through clean and segment (not timed); the entities stage then
runs on each, ``--warm`` articles first (caches fill) and the next ``N``
timed. ``--impl MODULE`` times another implementation of the stage (any
module with ``run(doc)``); ``--dump FILE`` writes every timed and warm-up
article's entities (start, end, type, source, score) as JSON lines.

Run: ``.venv/bin/python bench/bench_entities.py [N] [--warm 100] [--dump out.jsonl]``.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import time
from pathlib import Path

from rasd.clean import clean
from rasd.ingest import iter_docs
from rasd.segment import segment

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpus" / "bench" / "news10k.jsonl.gz"


def main() -> None:
    """Print ms per article (and tokens/s) for the entities stage."""
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=300)
    ap.add_argument("--warm", type=int, default=100)
    ap.add_argument("--impl", default="rasd.entities")
    ap.add_argument("--dump", type=Path)
    args = ap.parse_args()
    run = importlib.import_module(args.impl).run
    docs = [segment(clean(d)) for d in itertools.islice(iter_docs(NEWS), args.warm + args.n)]
    for d in docs[: args.warm]:
        run(d)
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs[args.warm :]:
        run(d)
    el, cpu = time.perf_counter() - t0, time.process_time() - c0
    ntok = sum(len(d.tokens) for d in docs[args.warm :])
    # CPU time is the steadier figure on a shared machine (wall time includes waiting for a core)
    print(f"{args.impl}: {1000 * el / args.n:.2f} ms/article wall, {1000 * cpu / args.n:.2f} ms/article CPU, {ntok / el:,.0f} tokens/s "
          f"({args.n} articles, {ntok} tokens, after {args.warm} warm-up)")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for d in docs:
                ents = [[e.start, e.end, e.type, e.source, e.score] for e in d.entities]
                f.write(json.dumps({"id": d.id, "entities": ents}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
