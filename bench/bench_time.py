"""Compare rasd's time stage with dateparser.search_dates(languages=['ar']) on the same text.

Three figures in one run:
  1. expressions found and time per article on news10k articles (the same
     sentences go to both systems);
  2. correctness on the spot-check table tests/time/data/expressions.tsv
     (real news snippets with hand-checked values): an expression counts as
     right when a system returns its value at its precision;
  3. a sample of each system's finds on news10k, printed for a reader to judge.

Run: ``.venv/bin/python bench/bench_time.py [N_ARTICLES]`` (default 200).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import sys
import time
import warnings
from pathlib import Path

from rasd.clean import clean
from rasd.doc import Doc, DocMeta
from rasd.segment import segment
from rasd.time import run as time_run

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpus" / "bench" / "news10k.jsonl.gz"
TABLE = ROOT / "tests" / "time" / "data" / "expressions.tsv"
TODAY = dt.date(2025, 1, 1)


def _prepared(raw: str, date: str | None) -> Doc:
    """A document through clean and segment (not timed: both systems get the same sentences)."""
    return segment(clean(Doc(raw=raw, id="b", meta=DocMeta(source="bench", kind="jsonl", date=date))))


def _dp_search(text: str, base: dt.date | None) -> list[tuple[str, dt.datetime]]:
    """dateparser's finds in a text, relative to ``base``."""
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)  # type: ignore[assignment]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return search_dates(text, languages=["ar"], settings=settings) or []


def _matches(value: str, precision: str, got: dt.date) -> bool:
    """Whether a found date agrees with an expected value at its precision (a range by its start)."""
    start = value.split("/")[0]
    return got.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]] == start[: len(start)]


def articles(n: int) -> list[dict]:
    """The first ``n`` dated news10k articles."""
    out = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("date"):
                out.append(row)
            if len(out) >= n:
                break
    return out


def bench_news(n: int) -> dict:
    """Finds and time per article of both systems on the same sentences."""
    rasd_n = dp_n = dp_bad = 0
    rasd_t = dp_t = 0.0
    rasd_s: list[str] = []
    dp_s: list[str] = []
    rows = articles(n)
    for row in rows:
        raw = f"{row['title']}\n\n{row['text']}" if row.get("title") else row["text"]
        doc = _prepared(raw, row["date"])
        t0 = time.perf_counter()
        time_run(doc, today=TODAY)
        rasd_t += time.perf_counter() - t0
        rasd_n += len(doc.times)
        rasd_s += [f"{doc.raw[t.start:t.end]} -> {t.value}" for t in doc.times]
        base = dt.date.fromisoformat(row["date"][:10])
        t0 = time.perf_counter()
        for s in doc.sentences:
            hits = _dp_search(doc.raw[s.start : s.end], base)
            dp_n += len(hits)
            dp_bad += sum(1 for h in hits if not 1900 <= h[1].year <= 2100 or not any(c.isalpha() for c in h[0]))
            dp_s += [f"{h[0]} -> {h[1].date().isoformat()}" for h in hits]
        dp_t += time.perf_counter() - t0
    return {"articles": len(rows), "rasd_found": rasd_n, "dp_found": dp_n, "dp_bad": dp_bad, "rasd_ms": 1000 * rasd_t / len(rows),
            "dp_ms": 1000 * dp_t / len(rows), "rasd_sample": rasd_s, "dp_sample": dp_s}


def spot_check() -> dict:
    """Share of the table's expressions each system resolves to the expected value."""
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    rasd_ok = dp_ok = 0
    for doc_date, text, span, value, precision, _ in rows:
        doc = _prepared(text, doc_date)
        time_run(doc, today=TODAY)
        rasd_ok += any(doc.raw[t.start : t.end] == span and t.value == value and t.precision == precision
                       for t in doc.times)
        hits = _dp_search(text, dt.date.fromisoformat(doc_date))
        dp_ok += any(_matches(value, precision, h[1].date()) for h in hits)
    return {"expressions": len(rows), "rasd_correct": rasd_ok, "dp_correct": dp_ok}


def main(argv: list[str]) -> int:
    """Run both comparisons and print the table."""
    if not NEWS.exists():
        print(f"needs {NEWS}", file=sys.stderr)
        return 2
    n = int(argv[0]) if argv else 200
    news = bench_news(n)
    spot = spot_check()
    print(f"news10k, {news['articles']} dated articles, the same sentences to both systems")
    print(f"{'system':<34}{'found':>8}{'ms/article':>12}{'spot-check correct':>22}")
    k = spot["expressions"]
    print(f"{'rasd time stage':<34}{news['rasd_found']:>8}{news['rasd_ms']:>12.2f}"
          f"{spot['rasd_correct']:>12}/{k} ({spot['rasd_correct'] / k:.0%})")
    print(f"{'dateparser.search_dates(ar)':<34}{news['dp_found']:>8}{news['dp_ms']:>12.2f}"
          f"{spot['dp_correct']:>12}/{k} ({spot['dp_correct'] / k:.0%})")
    print(f"dateparser finds that are plainly not dates (a bare number, or a year outside 1900-2100): {news['dp_bad']}")
    print("(the spot-check table was built from rasd's finds on news10k, checked by hand, plus written sentences:"
          " it measures dateparser against values a reader confirmed, and rasd against regressions)")
    rnd = random.Random(0)
    for name in ("rasd", "dp"):
        sample = news[f"{name}_sample"]
        print(f"\n{name}: 12 finds drawn at random from news10k")
        for line in rnd.sample(sample, min(12, len(sample))):
            print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
