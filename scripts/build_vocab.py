"""Build rasd/clean/data/vocab.txt.gz: normalised Arabic word forms seen in public NER corpora.

The obfuscation repairer uses it to tell "طو.فان" (pieces that are not words)
from "لي.لقد" (two words with a missing space). Sources (../shared/data):
ANERcorp (research use), NewsFANE Gold and AQMAR (CC BY-SA 3.0). Only word
forms and counts are kept, no sentence.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.text.normalize import normalize_text  # noqa: E402

DATA = (ROOT / ".." / "shared" / "data").resolve()
OUT = ROOT / "rasd" / "clean" / "data" / "vocab.txt.gz"


def main() -> None:
    """Count word forms over the corpora and write those with an Arabic letter."""
    files = [DATA / "anercorp" / "ANERCorp_original.txt", DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt",
             *sorted((DATA / "aqmar").glob("*.txt"))]
    counts: Counter[str] = Counter()
    for path in files:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            for line in fh:
                parts = line.split()
                if parts:
                    word = normalize_text(parts[0])
                    if any("\u0621" <= c <= "\u064a" for c in word):
                        counts[word] += 1
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{word}\t{n}\n")
    print(f"{OUT}: {len(counts)} word forms from {len(files)} files")


if __name__ == "__main__":
    main()
