"""Entity code accuracy: gold entities that carry a code, against the actors found."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rasd.doc import Doc
from rasd.text.normalize import normalize_text

_NON_WORD = re.compile(r"[^\w]+|_")


def _key(text: str) -> str:
    """Letters only, normalised: "حـMـاس" and "حماس" differ, "الأمـ.ـن" and "الأمن" do not."""
    return _NON_WORD.sub("", normalize_text(text)).replace("ـ", "")


@dataclass
class CodeScore:
    """How many coded gold entities got their code; the misses, for reading."""

    total: int = 0
    found: int = 0
    correct: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Correct codes over coded gold entities (a gold entity no actor covers counts as wrong)."""
        return self.correct / self.total if self.total else 0.0


def _actor_keys(doc: Doc) -> list[tuple[str, str, str]]:
    """(raw key, repaired key, code) of every actor span."""
    out = []
    for a in doc.actors:
        raw_key = _key(doc.raw[a.start : a.end])
        fixed = raw_key
        if doc.norm is not None:
            n0, n1 = doc.norm.norm_span(a.start, a.end)
            fixed = _key(doc.norm.text[n0:n1])
        out.append((raw_key, fixed, f"{a.country} {a.sector_code}"))
    return out


def score_doc(doc: Doc, gold: dict[str, Any], into: CodeScore | None = None) -> CodeScore:
    """Add one document's coded gold entities to a score: matched when the text occurs in an actor span."""
    sc = into or CodeScore()
    keys = _actor_keys(doc)
    for ent in gold.get("entities", []):
        code = ent.get("code")
        if not code:
            continue
        sc.total += 1
        k = _key(ent["text"])
        # "للولايات المتحدة" holds "الولايات المتحدة": ل before the article drops its alif
        k2 = "ل" + k[2:] if k.startswith("ال") else k
        hits = [c for r, f, c in keys if k and (k in r or k in f or k2 in r or k2 in f)]
        if hits:
            sc.found += 1
        if code in hits:
            sc.correct += 1
        else:
            sc.misses.append({"doc": gold.get("doc"), "text": ent["text"], "gold": code, "got": sorted(set(hits))})
    return sc


def score_docs(pairs: Iterable[tuple[Doc, dict[str, Any]]]) -> CodeScore:
    """Entity code accuracy over (doc, gold) pairs."""
    sc = CodeScore()
    for doc, gold in pairs:
        score_doc(doc, gold, sc)
    return sc
