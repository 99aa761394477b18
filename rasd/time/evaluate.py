"""Span precision and recall of the time recogniser against Wojood's DATE annotations.

Wojood (SinaLab/ArabicNER, MIT) gives one token per line with one or more
nested tags (``B-DATE``, ``I-DATE`` ...) and a blank line between sentences.
Each sentence is rebuilt with single spaces, run through clean, segment and
time, and the recognised spans are mapped back to token ranges. Exact
matches score the strict figures; any token overlap scores the lenient ones.
Wojood also tags durations ("أسبوعين") and bare years as DATE, which rasd
does not read as dates, so recall has a ceiling below 1.

Run: ``python -m rasd.time.evaluate ../shared/data/wojood-sample``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from rasd.doc import Doc, DocMeta


def _sentences(path: Path) -> Iterator[tuple[list[str], set[tuple[int, int]]]]:
    """Tokens and gold DATE token ranges of each sentence of a Wojood file."""
    tokens: list[str] = []
    tags: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if parts:
            tokens.append(parts[0])
            tags.append(parts[1:])
            continue
        if tokens:
            yield tokens, _gold_spans(tags)
        tokens, tags = [], []


def _gold_spans(tags: list[list[str]]) -> set[tuple[int, int]]:
    """DATE token ranges [i, j) from nested BIO columns."""
    spans: set[tuple[int, int]] = set()
    start: int | None = None
    for i, tt in enumerate([*tags, []]):
        if start is not None and "I-DATE" not in tt:
            spans.add((start, i))
            start = None
        if "B-DATE" in tt:
            if start is not None:
                spans.add((start, i))
            start = i
    return spans


def _predicted(tokens: list[str]) -> set[tuple[int, int]]:
    """Token ranges the time stage finds in a sentence rebuilt from its tokens."""
    from rasd.clean import clean
    from rasd.segment import segment
    from rasd.time import run

    text = " ".join(tokens)
    offsets = []
    pos = 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    doc = run(segment(clean(Doc(raw=text, id="wojood", meta=DocMeta(source="wojood", kind="txt")))))
    out: set[tuple[int, int]] = set()
    for t in doc.times:
        hit = [k for k, (s, e) in enumerate(offsets) if s < t.end and e > t.start]
        if hit:
            out.add((hit[0], hit[-1] + 1))
    return out


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from matched counts."""
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def wojood_scores(path: Path) -> dict:
    """Strict and lenient span P/R/F1 of DATE spans over a Wojood file or a folder of them (*.txt)."""
    files = sorted(p for p in path.glob("*.txt") if "LICENSE" not in p.name) if path.is_dir() else [path]
    n_gold = n_pred = exact = lp = lg = 0
    for f in files:
        for tokens, gold in _sentences(f):
            pred = _predicted(tokens)
            n_gold += len(gold)
            n_pred += len(pred)
            exact += len(gold & pred)
            lp += sum(1 for p in pred if any(p[0] < g[1] and g[0] < p[1] for g in gold))
            lg += sum(1 for g in gold if any(p[0] < g[1] and g[0] < p[1] for p in pred))
    return {"files": [f.name for f in files], "gold_spans": n_gold, "predicted_spans": n_pred,
            "strict": _prf(exact, n_pred, exact, n_gold), "lenient": _prf(lp, n_pred, lg, n_gold)}


def main(argv: list[str]) -> int:
    """Print the scores of the path given (default: ../shared/data/wojood-sample)."""
    default = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "wojood-sample"
    path = Path(argv[0]) if argv else default
    if not path.exists():
        print(f"no such file or folder: {path}", file=sys.stderr)
        return 2
    print(json.dumps(wojood_scores(path), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
