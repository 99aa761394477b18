"""`rasd eval`: run the pipeline over an evaluation folder and score it against its gold files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from rasd.doc import Doc
from rasd.eval.scoring import Counts, EventScores, Ratio, covered, repair_counts, score_events
from rasd.pipeline import default_pipeline
from rasd.store import event_rows
from rasd.store.records import entity_records
from rasd.text.normalize import normalize_text


@dataclass(slots=True)
class DocResult:
    """One document's reading and its scores."""

    key: str
    doc: Doc
    events: list[dict[str, Any]]
    event_scores: EventScores


def bootstrap_f1(counts: list[tuple[int, int, int]], reps: int = 1000, seed: int = 0) -> tuple[float, float]:
    """A 95% interval of micro F1, documents resampled with replacement (tp, fp, fn per document)."""
    if not counts:
        return (0.0, 0.0)
    arr = np.asarray(counts, dtype=np.int64)
    idx = np.random.default_rng(seed).integers(0, len(arr), size=(reps, len(arr)))
    tp, fp, fn = (arr[idx, k].sum(axis=1) for k in range(3))
    denom = 2 * tp + fp + fn
    f1 = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    lo, hi = np.percentile(f1, [2.5, 97.5])
    return (round(float(lo), 4), round(float(hi), 4))


def genre_of(key: str, gold: dict[str, Any]) -> str:
    """news or post: the gold's own field, else by the id (FIGNEWS rows are outlets' posts)."""
    return gold.get("genre") or ("post" if key.startswith("fignews") else "news")


@dataclass(slots=True)
class Report:
    """Every score GOLD.md defines, summed over a folder."""

    docs: int = 0
    repairs: Counts = field(default_factory=Counts)
    boilerplate: Ratio = field(default_factory=Ratio)
    boilerplate_extra: int = 0
    titles: Ratio = field(default_factory=Ratio)
    doc_dates: Ratio = field(default_factory=Ratio)
    entities_found: Ratio = field(default_factory=Ratio)
    entity_codes: Ratio = field(default_factory=Ratio)
    places: Ratio = field(default_factory=Ratio)
    events: EventScores = field(default_factory=EventScores)
    results: list[DocResult] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    genres: dict[str, str] = field(default_factory=dict)  # document key -> news | post
    # per PLOVER type: gold triggers found / gold triggers, candidates right / candidates (span-level gold only)
    trigger_recall: dict[str, Ratio] = field(default_factory=dict)
    trigger_precision: dict[str, Ratio] = field(default_factory=dict)

    def trigger_figures(self) -> dict[str, Any]:
        """Trigger recall and precision, overall and per type (empty without span-level gold)."""
        if not self.trigger_recall and not self.trigger_precision:
            return {}
        rec, prec = Ratio(), Ratio()
        for r in self.trigger_recall.values():
            rec.merge(r)
        for r in self.trigger_precision.values():
            prec.merge(r)
        types = sorted(set(self.trigger_recall) | set(self.trigger_precision))
        return {"recall": round(rec.value, 4), "precision": round(prec.value, 4), "gold": rec.total,
                "candidates": prec.total,
                "by_type": {t: {"recall": round(self.trigger_recall.get(t, Ratio()).value, 4),
                                "gold": self.trigger_recall.get(t, Ratio()).total,
                                "precision": round(self.trigger_precision.get(t, Ratio()).value, 4),
                                "candidates": self.trigger_precision.get(t, Ratio()).total} for t in types}}

    def event_figures(self, genre: str | None = None) -> dict[str, Any]:
        """Event P/R/F1 with a bootstrap 95% interval over documents, for one genre or all."""
        rows = [r for r in self.results if genre is None or self.genres.get(r.key) == genre]
        per_doc = [(r.event_scores.counts.tp, r.event_scores.counts.fp, r.event_scores.counts.fn) for r in rows]
        c = Counts(*(sum(x[k] for x in per_doc) for k in range(3)))
        return {"docs": len(rows), "precision": round(c.precision, 4), "recall": round(c.recall, 4),
                "f1": round(c.f1, 4), "f1_ci95": list(bootstrap_f1(per_doc)), "tp": c.tp, "fp": c.fp, "fn": c.fn}

    def as_dict(self) -> dict[str, Any]:
        """The scores as plain numbers (for the eval gate and JSON output)."""
        c = self.events.counts
        return {
            "docs": self.docs,
            "repairs_precision": round(self.repairs.precision, 4), "repairs_recall": round(self.repairs.recall, 4),
            "boilerplate_found": round(self.boilerplate.value, 4), "boilerplate_extra": self.boilerplate_extra,
            "titles": round(self.titles.value, 4), "doc_dates": round(self.doc_dates.value, 4),
            "entities_found": round(self.entities_found.value, 4), "entity_codes": round(self.entity_codes.value, 4),
            "places": round(self.places.value, 4),
            "events_precision": round(c.precision, 4), "events_recall": round(c.recall, 4), "events_f1": round(c.f1, 4),
            "events_tp": c.tp, "events_fp": c.fp, "events_fn": c.fn,
            "direction": round(self.events.direction.value, 4), "sector": round(self.events.sector.value, 4),
            "place": round(self.events.place.value, 4), "context": round(self.events.context.value, 4),
            "mode": round(self.events.mode.value, 4),
            "event_places_outside_gold_country": self.events.foreign_places,
            "events_f1_ci95": self.event_figures()["f1_ci95"],
            "by_genre": {g: self.event_figures(g) for g in ("news", "post") if g in self.genres.values()},
            "trigger_recall": self.trigger_figures().get("recall", 1.0),
            "trigger_precision": self.trigger_figures().get("precision", 1.0),
            "triggers": self.trigger_figures(),
        }


def gold_key(doc: Doc) -> str:
    """The gold file's name for a document: a text file's stem, a JSONL row's id."""
    return Path(doc.source).stem if doc.meta.kind == "txt" else doc.source


def _inputs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in {".txt", ".jsonl", ".html", ".warc"}
                  or p.name.endswith((".jsonl.gz", ".warc.gz")))


def _occurrences(text: str, doc: Doc) -> list[tuple[int, int]]:
    """Raw spans where a gold text stands: as written (repaired words are written raw in gold),
    else on the normalised view, else after the preposition ل that contracts an article ("للولايات")."""
    assert doc.norm is not None
    spans: list[tuple[int, int]] = []
    pos = doc.raw.find(text)
    while pos >= 0:
        spans.append((pos, pos + len(text)))
        pos = doc.raw.find(text, pos + 1)
    if spans:
        return spans
    needle = normalize_text(text)
    for cand in (needle, "ل" + needle[1:] if needle.startswith("ال") else None):
        if not cand:
            continue
        pos = doc.norm.text.find(cand)
        while pos >= 0:
            spans.append(doc.norm.raw_span(pos, pos + len(cand)))
            pos = doc.norm.text.find(cand, pos + 1)
        if spans:
            break
    return spans


def _spans_for(text: str, doc: Doc, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records (with raw start/end) overlapping an occurrence of a gold text."""
    return [r for s, e in _occurrences(text, doc) for r in records if r["start"] < e and s < r["end"]]


def _score_entities(doc: Doc, gold: dict[str, Any], report: Report) -> None:
    records = entity_records(doc)
    places = [{"start": p.start, "end": p.end, "name": p.name, "country": p.country}
              for p in doc.places if not p.is_nationality]
    for g in gold.get("entities", []):
        hits = _spans_for(g["text"], doc, records)
        report.entities_found.add(bool(hits))
        if not hits:
            report.misses.append(f"entity not found: {g['text']}")
        if g.get("code"):
            codes = {f"{h.get('country')} {h.get('sector_code')}" for h in hits if h.get("sector_code")}
            ok = g["code"] in codes
            report.entity_codes.add(ok)
            if not ok:
                report.misses.append(f"entity code: {g['text']} gold {g['code']} got {sorted(codes)}")
        if g.get("type") in ("LOC", "GPE") and g.get("name"):
            ph = _spans_for(g["text"], doc, places)
            ok = any(fuzz.token_set_ratio(g["name"].lower(), (p["name"] or "").lower()) >= 80 for p in ph)
            if not ph and g["type"] == "GPE" and g.get("code"):
                continue  # a state acting as an actor is scored as an entity code, not as a place
            report.places.add(ok)
            if not ok:
                report.misses.append(f"place: {g['text']} gold {g['name']} got {[p['name'] for p in ph]}")


def _title_ok(doc: Doc, gold_title: str | None) -> bool:
    """The title as read, compared with gold on the repaired, normalised view (gold writes repaired words)."""
    if doc.title_span is None or doc.norm is None:
        return (doc.title or None) == (gold_title or None)
    ns, ne = doc.norm.norm_span(*doc.title_span)
    return doc.norm.text[ns:ne] == normalize_text(gold_title or "")


def _gold_place_ids(doc: Doc, gold: dict[str, Any]) -> dict[str, set[int]]:
    """Gazetteer ids that the gold's place entities resolve to in this document, by gold name."""
    places = [{"start": p.start, "end": p.end, "gid": p.geonameid} for p in doc.places if p.geonameid is not None]
    out: dict[str, set[int]] = {}
    for g in gold.get("entities", []):
        if g.get("type") in ("LOC", "GPE") and g.get("name"):
            out.setdefault(g["name"], set()).update(p["gid"] for p in _spans_for(g["text"], doc, places))
    return out


def _score_triggers(doc: Doc, gold: dict[str, Any], report: Report) -> None:
    """Trigger recall: a gold trigger overlapped by a candidate of its type. Precision: a candidate is right
    when it overlaps a gold trigger of its type or lies in a sentence telling a gold (or optional) event of
    its type (gold marks only the clearest telling of an event)."""
    golds = [e for e in gold.get("events", []) if e.get("trigger")]
    if not golds:
        if not any("trigger" in e for e in gold.get("events", [])) and gold.get("events"):
            return  # a reading without span-level fields: nothing to measure
    sents = [(s.start, s.end) for s in doc.sentences]

    def sentences_of(start: int, end: int) -> set[int]:
        return {k for k, (a, b) in enumerate(sents) if a < end and start < b}

    for e in golds:
        t = e["trigger"]
        hit = any(c.event == e["event"] and c.start < t["end"] and t["start"] < c.end for c in doc.triggers)
        report.trigger_recall.setdefault(e["event"], Ratio()).add(hit)
        if not hit:
            report.misses.append(f"trigger missed: {e['event']} {t['text']!r}")
    telling: dict[str, set[int]] = {}
    for e in gold.get("events", []) + gold.get("optional_events", []):
        span = e.get("evidence_span") or e.get("trigger")
        if span:
            telling.setdefault(e["event"], set()).update(sentences_of(span["start"], span["end"]))
    for c in doc.triggers:
        ok = any(e["event"] == c.event and c.start < e["trigger"]["end"] and e["trigger"]["start"] < c.end for e in golds) \
            or bool(sentences_of(c.start, c.end) & telling.get(c.event, set()))
        report.trigger_precision.setdefault(c.event, Ratio()).add(ok)


def score_doc(doc: Doc, gold: dict[str, Any], key: str, report: Report) -> None:
    """Score one processed document against its gold reading, into ``report``."""
    report.docs += 1
    report.genres[key] = genre_of(key, gold)
    if doc.errors:
        report.misses.append(f"{key}: errors {[e.message for e in doc.errors]}")
    report.repairs.add(repair_counts([(doc.raw[r.start : r.end], r.fixed) for r in doc.repairs], gold.get("repairs", {})))
    spans = [(b.start, b.end) for b in doc.boilerplate]
    for line in gold.get("boilerplate", []):
        ok = covered(doc.raw, line.strip(), spans)
        report.boilerplate.add(ok)
        if not ok:
            report.misses.append(f"{key}: boilerplate missed: {line[:60]}")
    gold_lines = gold.get("boilerplate", [])
    report.boilerplate_extra += sum(1 for b in doc.boilerplate if not any(doc.raw[b.start : b.end] in g for g in gold_lines))
    if "title" in gold:
        report.titles.add(_title_ok(doc, gold["title"]))
    if "doc_date" in gold:
        ok = doc.doc_date == gold["doc_date"]
        report.doc_dates.add(ok)
        if not ok:
            report.misses.append(f"{key}: doc_date {doc.doc_date} gold {gold['doc_date']}")
    _score_entities(doc, gold, report)
    _score_triggers(doc, gold, report)
    events = event_rows(doc, coded_date="")
    es = score_events(events, gold, _gold_place_ids(doc, gold))
    report.misses += [f"{key}: event missed: {m}" for m in es.missed]
    report.misses += [f"{key}: event not in gold: {m}" for m in es.extra]
    report.events.merge(es)
    report.results.append(DocResult(key, doc, events, es))


def is_gold_folder(folder: str | Path) -> bool:
    """A corpus gold folder: ID.gold.json files whose documents live in the shared sources, no articles beside."""
    folder = Path(folder)
    return folder.is_dir() and not (folder / "gold").is_dir() and any(folder.glob("*.gold.json"))


def evaluate_gold_folder(folder: str | Path) -> Report:
    """Score the pipeline on a corpus gold folder (corpus/gold/dev): each document read from ../shared by id."""
    from rasd.gold.sources import SourceIndex

    folder = Path(folder)
    index = SourceIndex(folder)
    pipe = default_pipeline()
    report = Report()
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        key = gold.get("doc") or path.name[: -len(".gold.json")]
        score_doc(pipe(index.doc(key)), gold, key, report)
    return report


def evaluate_dir(folder: str | Path) -> Report:
    """Run the pipeline over every article of ``folder`` and score it against ``folder/gold``;
    a corpus gold folder (ID.gold.json files only) reads its documents from the shared sources."""
    from rasd.ingest import iter_docs

    folder = Path(folder)
    if is_gold_folder(folder):
        return evaluate_gold_folder(folder)
    gold_dir = folder / "gold"
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"{folder}: no gold/ folder")
    pipe = default_pipeline()
    report = Report()
    for doc in iter_docs(_inputs(folder)):
        key = gold_key(doc)
        gold_path = gold_dir / f"{key}.gold.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        score_doc(pipe(doc), gold, key, report)
    return report
