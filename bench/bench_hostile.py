"""Hostile inputs: wall time and peak memory of `rasd run` on each, in a fresh process.

    python bench/bench_hostile.py [--big]     # --big adds the 10 MB article and the 1 GB newline gzip

Each case is written to a temporary folder, run as `rasd run CASE --out DIR -q`, and reported with its
exit code, seconds, peak RSS (the child's ru_maxrss) and the first error recorded. The bounds to hold:
peak RSS under 1 GB on every case, the 10 MB article processed whole in under a minute.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = "قصفت الطائرات الحربية مواقع في مدينة حلب أمس الخميس. وقال مسؤول إن الهجوم أسفر عن مقتل خمسة أشخاص.\n"


def cases(folder: Path, big: bool) -> dict[str, Path]:
    """Write every case; name -> path."""
    out: dict[str, Path] = {}
    p = folder / "stray.txt"
    data = (ARTICLE * 20).encode("utf-8")
    p.write_bytes(data[:300] + b"\xff" + data[300:])
    out["utf-8 with a stray byte"] = p
    p = folder / "surrogate.jsonl"
    p.write_text(json.dumps({"id": "s1", "text": "\ud800" + ARTICLE}) + "\n", encoding="ascii")
    out["lone surrogate row"] = p
    p = folder / "bomb.warc.gz"
    with gzip.open(p, "wb", compresslevel=9) as fh:
        for _ in range(100):
            fh.write(b"\0" * (10 << 20))  # 1 GB of zeros, no newline
    out["WARC bomb (1 GB zero line)"] = p
    p = folder / "garbage.jsonl.gz"
    with gzip.open(p, "wb", compresslevel=9) as fh:
        fh.write(b"x\n" * 200_000)
    out["440-byte gzip of 200,000 bad rows"] = p
    p = folder / "page.html"
    p.write_text("<html><body>" + ("<p>" + ARTICLE + "</p>") * (20_000_000 // 200) + "</body></html>", encoding="utf-8")
    out["20 MB HTML page"] = p
    p = folder / "long1m.txt"
    p.write_text((ARTICLE * 20000)[:1_000_000], encoding="utf-8")
    out["1 MB article"] = p
    p = folder / "fifo.txt"
    os.mkfifo(p)
    out["FIFO"] = p
    if big:
        p = folder / "long10m.txt"
        p.write_text((ARTICLE * 110_000)[:5_600_000], encoding="utf-8")  # 10 MB of UTF-8
        out["10 MB article"] = p
        p = folder / "newlines.jsonl.gz"
        with gzip.open(p, "wb", compresslevel=1) as fh:
            for _ in range(1024):
                fh.write(b"\n" * (1 << 20))
        out["1 GB of newlines (gzip)"] = p
    return out


def run_case(path: Path, out: Path) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak RSS MB, first error) of one `rasd run`."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rasd.cli", "run", str(path), "--out", str(out), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak memory
    secs = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    first = ""
    docs = out / "documents.jsonl"
    if docs.exists():
        for line in docs.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            msgs = [e["message"] for e in rec["errors"]] + [w["message"] for w in rec.get("warnings", [])]
            if msgs:
                first = msgs[0]
                break
    return code, secs, usage.ru_maxrss / 1024, first[:90]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="add the 10 MB article and the 1 GB newline gzip")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'case':36s} {'exit':>4s} {'seconds':>8s} {'peak MB':>8s}  first error or warning")
        for k, (name, path) in enumerate(cases(folder, args.big).items()):
            code, secs, rss, first = run_case(path, folder / f"out{k}")
            print(f"{name:36s} {code:4d} {secs:8.1f} {rss:8.0f}  {first}")


if __name__ == "__main__":
    main()
