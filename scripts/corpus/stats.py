"""The corpus's counts, as markdown tables for corpus/README.md.

    python scripts/corpus/stats.py > /tmp/stats.md
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
         "MOBILIZE COERCE ASSAULT").split()
SPLITS = ("train", "dev", "test")


def main() -> None:
    golds = {s: [json.loads(p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "gold" / s).glob("*.gold.json"))]
             for s in SPLITS}
    print("| split | news | posts | documents | with events | events | optional | entities | mentions |")
    print("|---|---|---|---|---|---|---|---|---|")
    for s in SPLITS:
        g = golds[s]
        genre = Counter(x["genre"] for x in g)
        print(f"| {s} | {genre['news']} | {genre['post']} | {len(g)} | {sum(1 for x in g if x['events'])} | "
              f"{sum(len(x['events']) for x in g)} | {sum(len(x['optional_events']) for x in g)} | "
              f"{sum(len(x['entities']) for x in g)} | {sum(len(e['mentions']) for x in g for e in x['entities'])} |")
    print()
    print("| event type | " + " | ".join(SPLITS) + " |")
    print("|---|" + "---|" * len(SPLITS))
    for t in TYPES:
        print(f"| {t} | " + " | ".join(str(sum(1 for x in golds[s] for e in x["events"] if e["event"] == t))
                                       for s in SPLITS) + " |")
    print()
    outlets = Counter((x["outlet"], s) for s in SPLITS for x in golds[s])
    print("| outlet | " + " | ".join(SPLITS) + " |")
    print("|---|" + "---|" * len(SPLITS))
    for o in sorted({o for o, _ in outlets}):
        print(f"| {o} | " + " | ".join(str(outlets[o, s]) for s in SPLITS) + " |")
    print()
    spans = Counter()
    for s in SPLITS:
        for x in golds[s]:
            for e in x["events"]:
                spans["events"] += 1
                spans["trigger"] += "trigger" in e
                spans["args"] += len(e.get("args") or [])
                spans["date_span"] += "date_span" in e
                spans["place_span"] += "place_span" in e
                spans["fatalities"] += "fatalities" in e
    print("| span-level field | count |")
    print("|---|---|")
    for k in ("events", "trigger", "args", "date_span", "place_span", "fatalities"):
        print(f"| {k} | {spans[k]} |")


if __name__ == "__main__":
    main()
