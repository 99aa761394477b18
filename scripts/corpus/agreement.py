"""Agreement between the two independent annotation passes, with GOLD.md's matcher.

    python scripts/corpus/agreement.py       # corpus/passes/{A,B} -> corpus/agreement.json

For every document annotated in both passes: event P/R/F1 of pass B scored against pass A as
`rasd eval` scores a reading (type, country set, date; A's optional events neither hit nor miss), the
same with B as reference, the same with optional events ignored (each pass's required events only), type-only and type + country-set agreement (dates ignored), and entity-code
agreement over entities both passes found (their mentions overlap) and both coded.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from annotate import CORPUS, built, manifest  # noqa: E402

from rasd.eval import bootstrap_f1  # noqa: E402
from rasd.eval.scoring import Counts, score_events  # noqa: E402
from rasd.gold.sources import SourceIndex  # noqa: E402


def as_reading(ev: dict[str, Any]) -> dict[str, Any]:
    """A gold event in the shape of an extracted record, for the matcher."""
    return {"event": [ev["event"]], "mode": [ev["mode"]] if ev.get("mode") else [], "actor": ev.get("actor") or [],
            "recipient": ev.get("recipient") or [], "date": ev.get("date"), "context": ev.get("context") or [],
            "event_loc": None, "text": ev.get("evidence", "")}


def _multiset(golds: list[dict], key) -> Counter:
    return Counter(key(e) for e in golds)


def _overlap_counts(a: list[dict], b: list[dict], key) -> Counts:
    ca, cb = _multiset(a, key), _multiset(b, key)
    tp = sum((ca & cb).values())
    return Counts(tp=tp, fp=sum(cb.values()) - tp, fn=sum(ca.values()) - tp)


def _countries(e: dict) -> tuple:
    return tuple(sorted({c.split()[0] for c in (e.get("actor") or []) + (e.get("recipient") or [])}))


def entity_agreement(a: dict, b: dict) -> tuple[int, int, int, int]:
    """(entities in A, in B, found by both, both coded and equal, both coded) as counts; found = mentions overlap."""
    def spans(e: dict) -> list[tuple[int, int]]:
        return [(m["start"], m["end"]) for m in e.get("mentions") or []]

    found = same = coded = 0
    used: set[int] = set()
    for ea in a.get("entities", []):
        sa = spans(ea)
        for k, eb in enumerate(b.get("entities", [])):
            if k in used or not any(s < e2 and s2 < e for s, e in sa for s2, e2 in spans(eb)):
                continue
            used.add(k)
            found += 1
            if ea.get("code") and eb.get("code"):
                coded += 1
                same += ea["code"] == eb["code"]
            break
    return len(a.get("entities", [])), len(b.get("entities", [])), found, same, coded


def main() -> None:
    index, meta = SourceIndex(), manifest()
    passes = CORPUS / "passes"
    ids = sorted(p.stem for p in (passes / "B").glob("*.json") if (passes / "A" / p.name).exists())
    docs: dict[str, Any] = {}
    totals: dict[str, dict[str, Any]] = {}
    for doc_id in ids:
        a, err_a = built(passes / "A" / f"{doc_id}.json", index, meta)
        b, err_b = built(passes / "B" / f"{doc_id}.json", index, meta)
        if err_a or err_b:
            print(f"{doc_id}: skipped, drafts with problems: {(err_a + err_b)[:2]}")
            continue
        ab = score_events([as_reading(e) for e in b["events"]], a).counts
        strict = score_events([as_reading(e) for e in b["events"]], {"events": a["events"]}).counts
        ba = score_events([as_reading(e) for e in a["events"]], b).counts
        typ = _overlap_counts(a["events"], b["events"], lambda e: e["event"])
        tc = _overlap_counts(a["events"], b["events"], lambda e: (e["event"], _countries(e)))
        ents = entity_agreement(a, b)
        genre = meta[doc_id]["genre"]
        docs[doc_id] = {"genre": genre, "split": meta[doc_id]["split"], "events_a": len(a["events"]),
                        "events_b": len(b["events"]), "matched": ab.tp, "type_matched": typ.tp,
                        "type_country_matched": tc.tp, "entities": list(ents)}
        for g in (genre, "all"):
            t = totals.setdefault(g, {"docs": 0, "ab": [], "ba": [], "strict": [], "type": Counts(), "tc": Counts(),
                                      "ent": [0] * 5})
            t["docs"] += 1
            t["strict"].append((strict.tp, strict.fp, strict.fn))
            t["ab"].append((ab.tp, ab.fp, ab.fn))
            t["ba"].append((ba.tp, ba.fp, ba.fn))
            t["type"].add(typ)
            t["tc"].add(tc)
            t["ent"] = [x + y for x, y in zip(t["ent"], ents)]
    out: dict[str, Any] = {
        "_doc": __doc__.strip().splitlines()[0] + " Passes are independent annotation passes (pass A, pass B) "
                "made before adjudication; see corpus/README.md.",
        "summary": {}, "documents": docs}
    for g, t in totals.items():
        def f(counts: list[tuple[int, int, int]]) -> dict[str, Any]:
            c = Counts(*(sum(x[k] for x in counts) for k in range(3)))
            return {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                    "f1_ci95": list(bootstrap_f1(counts)), "tp": c.tp, "fp": c.fp, "fn": c.fn}
        n_a, n_b, found, same, coded = t["ent"]
        out["summary"][g] = {
            "docs": t["docs"],
            "events_b_against_a": f(t["ab"]), "events_a_against_b": f(t["ba"]),
            "events_without_optional": f(t["strict"]),
            "type_only_f1": round(t["type"].f1, 4), "type_and_countries_f1": round(t["tc"].f1, 4),
            "entities": {"a": n_a, "b": n_b, "found_by_both": found,
                         "f1": round(2 * found / (n_a + n_b), 4) if n_a + n_b else 1.0,
                         "codes_equal": same, "coded_by_both": coded,
                         "code_agreement": round(same / coded, 4) if coded else 1.0}}
    path = CORPUS / "agreement.json"
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out["summary"], indent=1))


if __name__ == "__main__":
    main()
