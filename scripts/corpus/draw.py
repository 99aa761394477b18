"""Draw the annotated corpus's documents: seeded, stratified by outlet, with a held-out test split.

    python scripts/corpus/draw.py            # writes corpus/manifest.tsv

News rows come from ../shared/corpus/bench/news10k.jsonl.gz, stratified by outlet in proportion to
news10k with at least 5 per outlet (sport and culture pages kept: they test false positives); posts
from ../shared/corpus/pool/fignews_posts.jsonl. Excluded: the rows ../shared/corpus/README.md reserves
and any row that is also in ../shared/corpus/dev (same URL, title or text). Splits are dealt within
each genre and outlet so each split has its share of outlets and posts; a subset of every split and
genre is marked for a second, independent annotation pass. The keyword supplement (rows added to
train only for PLOVER types with fewer than 15 train events) is drawn by `--supplement`.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

from rasd.gold.sources import SourceIndex

SEED = 20261204
N_NEWS, N_POSTS, MIN_PER_OUTLET = 295, 125, 5
SPLITS = {"news": {"test": 72, "dev": 60, "train": 163}, "post": {"test": 30, "dev": 25, "train": 70}}
DOUBLE = {"news": {"test": 12, "dev": 10, "train": 14}, "post": {"test": 5, "dev": 5, "train": 6}}
BATCH = 24
ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "corpus" / "manifest.tsv"
FIELDS = ["id", "genre", "outlet", "split", "draw", "double", "batch"]


def reserved(index: SourceIndex) -> set[str]:
    """The rows ../shared/corpus/README.md reserves for measurement."""
    text = (index.root / "corpus" / "README.md").read_text(encoding="utf-8")
    section = text.split("## Reserved rows", 1)[1]
    return set(re.findall(r"bench-\d{5}", section))


def dev_keys(index: SourceIndex) -> set[str]:
    """URLs, titles and text openings of the shared dev articles, to keep them out."""
    keys: set[str] = set()
    with open(index.root / "corpus" / "dev" / "articles.jsonl", encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            for k in (row.get("url"), row.get("title"), (row.get("text") or "")[:200].strip()):
                if k:
                    keys.add(k)
    return keys


def allocate(sizes: Counter[str], total: int, floor: int) -> dict[str, int]:
    """Per-outlet counts in proportion to ``sizes``, at least ``floor`` each, summing to ``total``."""
    alloc = {o: min(floor, n) for o, n in sizes.items()}
    rest = total - sum(alloc.values())
    pool = sum(sizes.values())
    shares = {o: rest * n / pool for o, n in sizes.items()}
    for o in alloc:
        alloc[o] += int(shares[o])
    left = total - sum(alloc.values())
    for o in sorted(shares, key=lambda o: shares[o] - int(shares[o]), reverse=True)[:left]:
        alloc[o] += 1
    return alloc


def deal(items: list[dict], counts: dict[str, int], key: str, rng: random.Random) -> None:
    """Assign ``key`` values to items in the given counts, spread evenly over the items' order."""
    total = sum(counts.values())
    labels: list[str] = []
    acc = {k: 0.0 for k in counts}
    for _ in range(total):
        for k in counts:
            acc[k] += counts[k] / total
        pick = max((k for k in counts if labels.count(k) < counts[k]), key=lambda k: acc[k])
        acc[pick] -= 1
        labels.append(pick)
    for item, label in zip(items, labels):
        item[key] = label


def draw() -> list[dict]:
    """The random part of the corpus: news by outlet and posts, split and marked for double annotation."""
    index = SourceIndex()
    rng = random.Random(SEED)
    skip_ids, skip_keys = reserved(index), dev_keys(index)

    def usable(r: dict) -> bool:
        return (r["id"] not in skip_ids and r.get("url") not in skip_keys and r.get("title") not in skip_keys
                and (r.get("text") or "")[:200].strip() not in skip_keys and bool((r.get("text") or "").strip()))

    news = [r for r in index.rows("news10k").values() if usable(r)]
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(news, key=lambda r: r["id"]):
        by_outlet[r["outlet"]].append(r)
    alloc = allocate(Counter(r["outlet"] for r in index.rows("news10k").values()), N_NEWS, MIN_PER_OUTLET)
    picked: list[dict] = []
    for outlet in sorted(by_outlet):
        rows = rng.sample(by_outlet[outlet], alloc[outlet])
        picked += [{"id": r["id"], "genre": "news", "outlet": outlet, "draw": "random"} for r in rows]
    posts = sorted((r for r in index.rows("fignews_pool").values() if usable(r)), key=lambda r: r["id"])
    picked += [{"id": r["id"], "genre": "post", "outlet": "fignews", "draw": "random"} for r in rng.sample(posts, N_POSTS)]
    for genre in ("news", "post"):
        items = [p for p in picked if p["genre"] == genre]
        rng.shuffle(items)
        items.sort(key=lambda p: p["outlet"])  # stable: random order within an outlet, outlets dealt evenly
        deal(items, SPLITS[genre], "split", rng)
        for split, n in DOUBLE[genre].items():
            chosen = rng.sample([p for p in items if p["split"] == split], n)
            for p in items:
                p.setdefault("double", 0)
            for p in chosen:
                p["double"] = 1
    rng.shuffle(picked)
    for i, p in enumerate(picked):
        p["batch"] = f"A{i // BATCH + 1:02d}"
    return picked


# Keyword searches for the supplement: words that usually tell the type (GOLD.md's cues); a hit is only a
# candidate, its annotation decides what it holds.
KEYWORDS = {
    "PROTEST": r"تظاهر|احتجاج|اعتصام|إضراب|مسيرة احتجاجية",
    "THREATEN": r"هدد|يهدد|توعد|تهديد",
    "AID": r"مساعدات|معونات|منحة|إغاثة",
    "RETREAT": r"انسحب|أفرج|إطلاق سراح|وقف إطلاق النار|هدنة|استقال",
    "CONCEDE": r"اعتذر|اعترف ب|تراجع عن",
    "REJECT": r"رفض|نفى|نفت",
    "SANCTION": r"عقوبات|تجميد أصول|طرد السفير|قطع العلاقات",
    "MOBILIZE": r"حشد|تعزيزات|نشر قوات|استنفار|حالة التأهب",
    "COOPERATE": r"تعاون أمني|تبادل المعلومات|تدريبات مشتركة|مناورات مشتركة",
    "AGREE": r"وقع|توقيع اتفاق|مذكرة تفاهم|اتفقت",
}
N_SUPPLEMENT = 4


# The second supplement, drawn after the first pass: the types with fewer than 15 events in train then
# (train counts from the pass-A drafts: CONCEDE 3, COOPERATE 2, AID 10, RETREAT 9, REJECT 12, PROTEST 13,
# MOBILIZE 7), each with about twice as many candidate rows as it lacked, searched in title and text.
KEYWORDS_2 = {
    "CONCEDE": (14, r"اعتذر|اعتذار|اعترف بخطأ|تراجع عن قرار|تراجعت عن|رضخ"),
    "COOPERATE": (14, r"تعاون أمني|تعاون عسكري|تبادل المعلومات|تدريبات مشتركة|مناورات مشتركة|تمرين مشترك|عمليات مشتركة"),
    "AID": (7, r"مساعدات إنسانية|مساعدات عسكرية|قدمت مساعدات|منحة مالية|قافلة إغاثة|دعم مالي"),
    "RETREAT": (8, r"أفرجت|الإفراج عن|أطلق سراح|انسحاب القوات|انسحبت|وقف إطلاق النار|استقالة"),
    "REJECT": (5, r"رفضت|نفت|نفى"),
    "PROTEST": (4, r"تظاهر|متظاهرين|احتجاجات|اعتصام|إضراب"),
    "MOBILIZE": (10, r"تعزيزات عسكرية|حشود|حشدت|نشر قوات|استنفار|رفع حالة التأهب|دفعت بتعزيزات"),
}


# The third supplement: after the second, CONCEDE, COOPERATE, MOBILIZE and RETREAT were still under 15 train
# events (about 4, 2, 11 and 11): rows whose title matches first (the act is then the story), then text.
KEYWORDS_3 = {
    "CONCEDE": (12, r"اعتذر|اعتذار|يعتذر|تراجع عن|تراجعت عن|اعترف ب|اعترفت ب"),
    "COOPERATE": (12, r"التعاون الأمني|تعاون أمني|التنسيق الأمني|تنسيق أمني|مناورات|تدريبات مشتركة|تبادل المعلومات"
                      r"|تعاون عسكري|التعاون العسكري"),
    "MOBILIZE": (6, r"تعزيزات|حشود|حشدت|استنفار|حالة التأهب"),
    "RETREAT": (6, r"أفرج|الإفراج عن|أطلق سراح|انسحاب|انسحبت|استقال"),
}


def _keyword_draw(drawn: list[dict], keywords: dict[str, tuple[int, str]], seed: int, batch: str,
                  where: str) -> list[dict]:
    """Train-only news10k rows for some types: a seeded draw, per type, among the rows the type's keywords
    match (``where``: "title"; "title+lead", the title or the text's first 1,500 characters; "title first",
    title matches and then text matches), not drawn already, not reserved, not dev."""
    index = SourceIndex()
    rng = random.Random(seed)
    taken = {r["id"] for r in drawn} | reserved(index)
    skip_keys = dev_keys(index)
    usable = sorted((r for r in index.rows("news10k").values()
                     if r.get("url") not in skip_keys and r.get("title") not in skip_keys), key=lambda r: r["id"])
    out: list[dict] = []
    for etype, (n, pattern) in keywords.items():
        rx = re.compile(pattern)
        free = [r for r in usable if r["id"] not in taken]
        titled = [r for r in free if rx.search(r.get("title") or "")]
        if where == "title":
            picked = rng.sample(titled, min(n, len(titled)))
        elif where == "title+lead":
            cands = [r for r in free if rx.search(r.get("title") or "") or rx.search((r.get("text") or "")[:1500])]
            picked = rng.sample(cands, min(n, len(cands)))
        else:
            picked = rng.sample(titled, min(n, len(titled)))
            texted = [r for r in free if not rx.search(r.get("title") or "") and rx.search(r.get("text") or "")]
            picked += rng.sample(texted, min(n - len(picked), len(texted)))
        for r in picked:
            taken.add(r["id"])
            out.append({"id": r["id"], "genre": "news", "outlet": r["outlet"], "split": "train",
                        "draw": f"keyword:{etype}", "double": 0, "batch": batch})
    return out


def supplement(drawn: list[dict]) -> list[dict]:
    """The first supplement: N_SUPPLEMENT rows a type whose title matches KEYWORDS."""
    return _keyword_draw(drawn, {t: (N_SUPPLEMENT, p) for t, p in KEYWORDS.items()}, SEED + 1, "S01", "title")


def supplement_2(drawn: list[dict]) -> list[dict]:
    """The second supplement (KEYWORDS_2), searched in title and lead."""
    return _keyword_draw(drawn, KEYWORDS_2, SEED + 2, "S02", "title+lead")


def supplement_3(drawn: list[dict]) -> list[dict]:
    """The third supplement (KEYWORDS_3), title matches first."""
    return _keyword_draw(drawn, KEYWORDS_3, SEED + 3, "S03", "title first")


def write(rows: list[dict]) -> None:
    """corpus/manifest.tsv, one document a line."""
    MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    with MANIFEST.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for r in sorted(rows, key=lambda r: (r["batch"], r["id"])):
            w.writerow({k: r.get(k, "") for k in FIELDS})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--supplement", action="store_true", help="also draw the keyword supplement (train only)")
    args = ap.parse_args()
    rows = draw()
    if args.supplement:
        rows += supplement(rows)
        rows += supplement_2(rows)
        rows += supplement_3(rows)
    write(rows)
    c = Counter((r["genre"], r["split"]) for r in rows)
    print(f"{len(rows)} documents -> {MANIFEST}: {dict(sorted(c.items()))}, double {sum(r['double'] for r in rows)}")


if __name__ == "__main__":
    main()
