"""Entity scores on a `token TAG` file (CoNLL-style exact spans, per class and micro-averaged).

Run as ``python -m rasd.entities.evaluate FILE``; ``rasd eval --ner FILE`` prints the same.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

CLASSES = ("PER", "LOC", "ORG", "MISC")
# ANERcorp spells PERS, AQMAR MIS; both map to the pipeline's names
_ALIASES = {"PERS": "PER", "MIS": "MISC", "GPE": "LOC"}


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a file of `token TAG` lines, blank lines between sentences."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.replace("\u200e", "").split()
        if len(parts) < 2:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], canonical_tag(parts[-1])))
    if cur:
        sents.append(cur)
    return sents


def canonical_tag(tag: str) -> str:
    """B-/I- tag with the class renamed to PER/LOC/ORG/MISC (anything else is O)."""
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        return "O"
    cls = _ALIASES.get(tag[2:], tag[2:])
    return f"{tag[0]}-{cls}" if cls in CLASSES else "O"


def spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """(class, first, last+1) spans of a BIO sequence; a stray I- opens a span (CoNLL convention)."""
    out: set[tuple[str, int, int]] = set()
    cls, start = None, 0
    for i, tag in enumerate(list(tags) + ["O"]):
        if cls is not None and not (tag.startswith("I-") and tag[2:] == cls):
            out.add((cls, start, i))
            cls = None
        if tag.startswith("B-") or (tag.startswith("I-") and cls is None):
            cls, start = tag[2:], i
    return out


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> dict[str, dict[str, float]]:
    """Per-class and micro P/R/F1 (and counts) over (gold tags, predicted tags) sentence pairs."""
    tp = dict.fromkeys(CLASSES, 0)
    ng = dict.fromkeys(CLASSES, 0)
    npred = dict.fromkeys(CLASSES, 0)
    for gold, pred in pairs:
        g, p = spans(gold), spans(pred)
        for cls, *_ in g:
            ng[cls] = ng.get(cls, 0) + 1
        for cls, *_ in p:
            npred[cls] = npred.get(cls, 0) + 1
        for cls, *_ in g & p:
            tp[cls] = tp.get(cls, 0) + 1
    out = {c: _prf(tp[c], npred[c], ng[c]) for c in CLASSES}
    out["micro"] = _prf(sum(tp.values()), sum(npred.values()), sum(ng.values()))
    return out


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    """Precision, recall, F1 and the counts behind them."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": npred, "gold": ngold}


def ner_scores(path: Path, tagger: Callable[[Sequence[Sequence[str]]], list[list[str]]] | None = None) -> dict[str, dict[str, float]]:
    """Tag the sentences of a `token TAG` file with the model (or ``tagger``) and score them."""
    if tagger is None:
        from rasd.entities.model import tag_sentences

        tagger = tag_sentences
    sents = read_conll(Path(path))
    preds = tagger([[w for w, _ in s] for s in sents])
    return score(([t for _, t in s], p) for s, p in zip(sents, preds))


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    """A small table of the scores."""
    lines = [f"{'class':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for cls, s in scores.items():
        lines.append(f"{cls:<6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {int(s['gold']):6d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the scores of the model on each file named."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m rasd.entities.evaluate FILE [FILE...]", file=sys.stderr)
        return 2
    for arg in args:
        print(arg)
        print(format_scores(ner_scores(Path(arg))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
