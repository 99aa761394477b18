"""Annotation tools: show a document as rasd reads it, check a draft, build the gold folders.

    python scripts/corpus/annotate.py show ID...          # header and raw text of shared documents
    python scripts/corpus/annotate.py check DRAFT.json... # build a draft's spans and list every problem
    python scripts/corpus/annotate.py diff DRAFT.json...  # after annotating: where rasd's reading differs
    python scripts/corpus/annotate.py build               # corpus/passes -> corpus/gold/{train,dev,test}

A draft (corpus/passes/PASS/ID.json) holds codes and copied quotes; offsets are computed from the quotes
(rasd/gold/draft.py). The gold file of a document is its adjudicated draft when it has one, else pass A.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from rasd.gold.check import check_gold
from rasd.gold.draft import build_gold
from rasd.gold.sources import SourceIndex

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def manifest() -> dict[str, dict[str, str]]:
    """corpus/manifest.tsv by id."""
    with (CORPUS / "manifest.tsv").open(encoding="utf-8") as fh:
        return {r["id"]: r for r in csv.DictReader(fh, delimiter="\t")}


def show(ids: list[str], index: SourceIndex) -> None:
    for doc_id in ids:
        row = index.row(doc_id)
        doc = index.doc(doc_id)
        print(f"=== {doc_id}  outlet={row.get('outlet')}  date={row.get('date')}  url={row.get('url')}")
        print(doc.raw)
        print(f"=== end {doc_id} ({len(doc.raw)} characters)\n")


def _draft(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def built(path: Path, index: SourceIndex, meta: dict[str, dict[str, str]]) -> tuple[dict, list[str]]:
    """A draft's gold and its problems (building, then the validator's)."""
    draft = _draft(path)
    doc_id = draft.get("id") or path.stem
    if doc_id not in meta:
        return {}, [f"{doc_id} is not in corpus/manifest.tsv"]
    m = meta[doc_id]
    gold, errors = build_gold(index.doc(doc_id), draft, {"genre": m["genre"], "outlet": m["outlet"], "split": m["split"]})
    errors += [e for e in check_gold(gold, index.doc(doc_id).raw) if e not in errors]
    return gold, errors


def check(paths: list[Path], index: SourceIndex) -> int:
    meta = manifest()
    bad = 0
    for path in paths:
        try:
            gold, errors = built(path, index, meta)
        except (ValueError, KeyError) as exc:
            gold, errors = {}, [f"unreadable draft: {exc}"]
        n_m = sum(len(e.get("mentions", [])) for e in gold.get("entities", []))
        status = "OK" if not errors else f"{len(errors)} problem(s)"
        print(f"{path.name}: {status}; {len(gold.get('entities', []))} entities ({n_m} mentions), "
              f"{len(gold.get('events', []))} events, {len(gold.get('optional_events', []))} optional")
        for e in errors:
            print(f"  - {e}")
        bad += bool(errors)
    return 1 if bad else 0


def diff(paths: list[Path], index: SourceIndex) -> int:
    """A draft beside what rasd extracts from the same document: for catching slips after annotating."""
    from rasd.eval import Report, score_doc
    from rasd.pipeline import default_pipeline

    meta = manifest()
    pipe = default_pipeline()
    for path in paths:
        gold, errors = built(path, index, meta)
        if errors:
            print(f"{path.name}: fix the draft first: {errors[0]}")
            continue
        report = Report()
        score_doc(pipe(index.doc(gold["doc"])), gold, gold["doc"], report)
        print(f"=== {gold['doc']} ({path})")
        for m in report.misses:
            if "event" in m or "entity code" in m:
                print("  " + m.split(": ", 1)[1] if m.startswith(gold["doc"]) else "  " + m)
    return 0


def build(index: SourceIndex, out_root: Path = CORPUS / "gold") -> int:
    """Every manifest document's gold file from its adjudicated draft, else its pass-A draft."""
    meta = manifest()
    passes = CORPUS / "passes"
    written, failed = 0, []
    for doc_id, m in sorted(meta.items()):
        path = next((p for p in (passes / "adjudicated" / f"{doc_id}.json", passes / "A" / f"{doc_id}.json") if p.exists()), None)
        if path is None:
            continue
        gold, errors = built(path, index, meta)
        if errors:
            failed.append(f"{doc_id}: {errors[0]}")
            continue
        gold["annotation"] = {"pass": path.parent.name, "double": m["double"] == "1", "draw": m["draw"]}
        target = out_root / m["split"] / f"{doc_id}.gold.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written += 1
    print(f"{written} gold files written under {out_root}; {len(failed)} drafts with problems")
    for f in failed:
        print(f"  - {f}")
    return 1 if failed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("show").add_argument("ids", nargs="+")
    sub.add_parser("check").add_argument("drafts", nargs="+", type=Path)
    sub.add_parser("diff").add_argument("drafts", nargs="+", type=Path)
    sub.add_parser("build")
    args = ap.parse_args()
    index = SourceIndex()
    if args.cmd == "show":
        show(args.ids, index)
        return 0
    if args.cmd == "check":
        return check(args.drafts, index)
    if args.cmd == "diff":
        return diff(args.drafts, index)
    return build(index)


if __name__ == "__main__":
    sys.exit(main())
