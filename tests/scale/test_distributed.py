"""Distributed runs on a real LocalCluster: partitions, exact resume after kill -9, no work redone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from rasd.scale import plan
from rasd.store import Store
from tests.conftest import ROOT, dev_rows

RUN = """
import sys, time
from pathlib import Path
from rasd.scale import run_distributed
out, slow = Path(sys.argv[1]), float(sys.argv[2])
def merged(p):
    (out / "merged.log").open("a").write(p.id + "\\n")
    time.sleep(slow)
s = run_distributed([sys.argv[3]], out, workers=2, partition_size=3, progress=False, on_merged=merged)
print(s.read, s.processed, s.skipped, len(s.failed))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Dev rows as one JSONL, with a bad line and a row repeated in a later partition."""
    rows = dev_rows()[:20]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(7, "{not json")
    lines.append(json.dumps(rows[2], ensure_ascii=False))
    path = tmp_path_factory.mktemp("corpus") / "dev.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_plan(corpus: Path, tmp_path: Path) -> None:
    parts = plan([corpus], 5)
    assert [(p.start, p.stop) for p in parts] == [(0, 5), (5, 10), (10, 15), (15, 20), (20, 22)]
    assert len({p.id for p in parts}) == 5 and plan([corpus], 5) == parts
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text("نص", encoding="utf-8")
    groups = plan([tmp_path, corpus], 2)
    assert [[Path(f).name for f in p.files] for p in groups[:2]] == [["a.txt", "b.txt"], ["c.html"]]
    assert [p.index for p in groups] == list(range(13))  # 2 groups of files, then 11 line ranges


def _run(out: Path, corpus: Path, slow: float = 0.0) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", RUN, str(out), str(slow), str(corpus)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _tables(db: Path) -> dict[str, pd.DataFrame]:
    """Every table of a store, sorted, without the columns that record when or how fast."""
    out = {}
    with Store(db, read_only=True) as store:
        for table, key in (("documents", "doc_id"), ("entities", "doc_id, start"), ("events", "event_id"),
                           ("event_mentions", "event_id, start"), ("event_clusters", "cluster_id"),
                           ("run_partitions", "partition_id")):
            frame = store.sql(f"SELECT * FROM {table} ORDER BY {key}")
            frame = frame.drop(columns=[c for c in ("stored_at", "merged_at") if c in frame.columns])
            if "layers" in frame.columns:  # stage timings differ from run to run; the layers do not
                frame["layers"] = [json.dumps({k: v for k, v in json.loads(x).items() if k != "stage_seconds"})
                                   for x in frame["layers"]]
            out[table] = frame
    return out


def test_kill_and_resume_gives_the_same_store(corpus: Path, tmp_path: Path) -> None:
    killed, whole = tmp_path / "killed", tmp_path / "whole"
    reference = _run(whole, corpus)
    proc = _run(killed, corpus, slow=0.5)
    log = killed / "merged.log"
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline and proc.poll() is None:
        if log.exists() and len(log.read_text().split()) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, proc.communicate()
    os.killpg(proc.pid, signal.SIGKILL)  # the driver, its scheduler and its workers, mid-run
    proc.wait()
    n_merged = len(log.read_text().split())
    assert 3 <= n_merged < 8
    out, errs = reference.communicate(timeout=60)
    assert reference.returncode == 0, errs
    read, processed, skipped, failed_ref = map(int, out.split())
    assert (read, processed, skipped) == (22, 21, 1)  # 22 lines: 20 articles, a bad line, a repeat
    assert failed_ref >= 1
    resumed = _run(killed, corpus)
    out, errs = resumed.communicate(timeout=60)
    assert resumed.returncode == 0, errs
    read, processed, skipped, failed = map(int, out.split())
    assert read == 22 and processed < 21 and skipped > 1  # merged partitions were not processed again
    assert len(log.read_text().split()) == 8  # every partition merged exactly once over the two runs
    a, b = _tables(killed / "rasd.duckdb"), _tables(whole / "rasd.duckdb")
    for table in a:
        pd.testing.assert_frame_equal(a[table], b[table], obj=table)
    assert len(a["documents"]) == 21 and len(a["run_partitions"]) == 8
    assert (killed / "events.jsonl").read_text() == (whole / "events.jsonl").read_text()
