"""Train the entity tagger (a CRF) from /work/shared/data and write it to rasd/entities/data/.

    python scripts/train_ner.py                 # lexicons + model, scored on the ANERcorp test split
    python scripts/train_ner.py --clusters      # also rebuild the word clusters (a few minutes)
    python scripts/train_ner.py --aqmar         # add AQMAR (Wikipedia) to the training data

Prints per-class P/R/F1 on the test split and the tagging speed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pycrfsuite  # noqa: E402

from rasd.entities import features  # noqa: E402
from rasd.entities.evaluate import format_scores, ner_scores, read_conll  # noqa: E402
from rasd.entities.model import BLOCK, file_words, open_tagger, tag_sentences  # noqa: E402
from rasd.text.normalize import normalize_text  # noqa: E402

SHARED = (ROOT / ".." / "shared" / "data").resolve()
DATA = features.DATA
VERSION = "1.0"


def build_person_names() -> None:
    """person_names.tsv: Arabic person-name tokens from Wikidata labels (CC0), with a frequency band."""
    counts: Counter[str] = Counter()
    src = SHARED / "wikidata-names" / "wd_arabic.normalized.aligned.tokens"
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        word = normalize_text(parts[1].replace(" ", ""))
        if len(word) >= 3 and parts[2].isdigit():
            counts[word] += int(parts[2])
    rows = [f"{w}\t{'h' if c >= 20 else 'm' if c >= 3 else 'l'}" for w, c in sorted(counts.items())]
    header = "# person-name tokens from Wikidata labels (CC0, steveash/NETransliteration-COLING2018); built by scripts/train_ner.py"
    (DATA / "person_names.tsv").write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"person_names.tsv: {len(rows)} names")


def build_places() -> None:
    """places.tsv: words of country and region names in Arabic, from CLDR (babel)."""
    from babel import Locale

    words: set[str] = set()
    for name in Locale("ar").territories.values():
        for w in re.findall(r"\w+", normalize_text(name)):
            if len(w) >= 3:
                words.add(w)
                if w.startswith("ال") and len(w) > 4:
                    words.add(w[2:])
    header = "# words of Arabic country and region names, from CLDR via babel (Unicode licence); built by scripts/train_ner.py"
    (DATA / "places.tsv").write_text(header + "\n" + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"places.tsv: {len(words)} words")


def load(paths: list[Path]) -> list[list[tuple[str, str, str]]]:
    """Sentences of (normalised word, tag, gap class), file tokens split into the words the pipeline would see."""
    out = []
    for path in paths:
        for sent in read_conll(path):
            tags = [t for _, t in sent]
            words, seen = [], set()
            for w, k, gap in file_words([w for w, _ in sent]):
                tag = tags[k] if k not in seen or tags[k] == "O" else "I-" + tags[k][2:]
                seen.add(k)
                words.append((w, tag, gap))
            if words:
                out.append(_repair(words))
    return out


def _repair(words: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Turn a stray I- (after O or another class) into B-, so training sequences are well formed."""
    fixed, prev = [], "O"
    for w, t, g in words:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        fixed.append((w, t, g))
        prev = t
    return fixed


def train(sents: list[list[tuple[str, str, str]]], model: Path, c1: float, c2: float, iters: int) -> float:
    """Fit the CRF (blocks of sentences standing for articles) and write it; returns the seconds taken."""
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for b in range(0, len(sents), BLOCK):
        block = sents[b : b + BLOCK]
        words = [[(w, None) for w, _, _ in s] for s in block]
        ev = features.doc_evidence(words)
        for sent, w in zip(block, words):
            trainer.append(features.sentence_features(w, ev, [g for _, _, g in sent]), [t for _, t, _ in sent])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True})
    trainer.train(str(model))
    return time.perf_counter() - t0


def evaluate(model: Path, test: Path) -> tuple[dict, float]:
    """Scores on a `token TAG` file and the tagging speed in tokens/s (features included, cold cache)."""
    features.word_features.cache_clear()
    t0 = time.perf_counter()
    scores = ner_scores(test, lambda sents: tag_sentences(sents, open_tagger(model)))
    secs = time.perf_counter() - t0
    ntok = sum(len(s) for s in read_conll(test))
    return scores, ntok / secs


def write_card(model: Path, scores: dict, speed: float, params: dict, trained_on: list[str]) -> None:
    """ner.json: version, checksum, training data and parameters, test scores, speed."""
    from rasd.entities.model import sha256

    card = {
        "version": VERSION,
        "file": model.name,
        "sha256": sha256(model),
        "trained_on": trained_on,
        "params": params,
        "test": {k: {m: round(v, 4) for m, v in s.items()} for k, s in scores.items()},
        "tokens_per_second": round(speed),
    }
    (DATA / "ner.json").write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    """Build the lexicons, train, score, and write the model with its card."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clusters", action="store_true", help="rebuild word clusters from the text of the training split and AQMAR")
    ap.add_argument("--aqmar", action="store_true", help="add AQMAR to the training data")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--out", type=Path, default=DATA / "ner.crfsuite")
    args = ap.parse_args()
    build_person_names()
    build_places()
    if args.clusters:
        from rasd.entities.clusters import build_clusters

        # the text (not the tags) of the training split and of AQMAR; never the test split, and never
        # news10k, which stays unseen so that it can measure how rasd generalises
        build_clusters([SHARED / "anercorp" / "train.txt", *sorted((SHARED / "aqmar").glob("*.txt"))],
                       DATA / "clusters.tsv")
    for fn in (features._names, features._places, features._clusters, features._triggers, features._gazetteer):
        fn.cache_clear()
    features.word_features.cache_clear()
    paths = [SHARED / "anercorp" / "train.txt"]
    if args.aqmar:
        paths += sorted((SHARED / "aqmar").glob("*.txt"))
    sents = load(paths)
    secs = train(sents, args.out, args.c1, args.c2, args.iters)
    print(f"trained on {sum(map(len, sents))} tokens in {len(sents)} sentences in {secs:.0f}s")
    scores, speed = evaluate(args.out, SHARED / "anercorp" / "test.txt")
    print(format_scores(scores))
    print(f"tagging speed: {speed:,.0f} tokens/s (features included, cold cache)")
    if args.out == DATA / "ner.crfsuite":
        write_card(args.out, scores, speed, {"c1": args.c1, "c2": args.c2, "max_iterations": args.iters},
                   ["anercorp/train.txt"] + (["aqmar/*.txt"] if args.aqmar else []))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
