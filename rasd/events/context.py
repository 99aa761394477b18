"""What governs an event's clause besides its actors: modality, attribution, date and place."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from rasd.doc import Attribution, Doc, Place, TimeExpr
from rasd.events.clause import SentenceView
from rasd.events.lexicon import Lexicon

_NEG_BEFORE = frozenset({"لم", "لن", "ما", "لا", "عدم", "دون", "بدون", "ولم", "ولن", "ولا", "فلم", "فلن"})
_CUES = ("future", "future_after", "hypothetical", "negation", "attribution")


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue matches of one sentence, as token ranges per cue table."""

    found: dict[str, tuple[tuple[int, int], ...]]

    def any_in(self, name: str, lo: int, hi: int) -> bool:
        """Whether a cue of ``name`` starts in tokens ``[lo, hi)``."""
        return any(lo <= i < hi for i, _ in self.found.get(name, ()))


def sentence_cues(doc: Doc, lex: Lexicon, sv: SentenceView) -> Cues:
    """Find every modality and attribution cue of a sentence once."""
    found = {}
    for name in _CUES:
        found[name] = tuple((m.i, m.j) for m in lex.cues[name].find(doc.tokens, sv.lo, sv.hi))
    return Cues(found)


def modality(doc: Doc, cues: Cues, sv: SentenceView, i: int, j: int, proclitics: str) -> set[str]:
    """The auxiliary labels (future, hypothetical, negation) that the trigger's clause carries."""
    lo, _ = sv.clause(i)
    out: set[str] = set()
    if "س" in proclitics or cues.any_in("future", max(lo, i - 4), i) or cues.any_in("future_after", j, j + 3):
        out.add("future")
    toks = doc.tokens
    if any(toks[k].norm in _NEG_BEFORE for k in range(max(sv.lo, i - 2), i)) or cues.any_in("negation", max(lo, i - 3), i):
        out.add("negation")
    if cues.any_in("hypothetical", max(sv.lo, i - 8), i):
        out.add("hypothetical")
    return out


def attribution(doc: Doc, lex: Lexicon, cues: Cues, sv: SentenceView) -> Attribution | None:
    """Who the sentence says reported it: the phrase after "بحسب", "نقلت عن", "قالت مصادر"..."""
    toks = doc.tokens
    for ci, cj in cues.found.get("attribution", ()):
        start = cj
        if toks[cj - 1].norm in ("مصادر", "مصدر"):
            start = cj - 1  # the cue ends with the source itself: "قالت مصادر"
        if start >= sv.hi:
            continue
        for g in sv.groups:
            if g.i == start or g.i == start + 1 and start + 1 < sv.hi and toks[start].norm in ("عن", "ان"):
                a = g.actors[0]
                return Attribution(a.start, g.actors[-1].end, a.sector_code, a.country)
        if toks[start].norm in ("ان", "عن", "الي"):
            continue
        end = start + 1
        if end < sv.hi and toks[end].norm not in lex.single["boundary"] and not doc.raw[toks[end - 1].end : toks[end].start].strip():
            end += 1
        return Attribution(toks[start].start, toks[end - 1].end)
    return None


def _iso(value: str) -> str:
    """The start of a range, else the value."""
    return value.split("/")[0]


def event_date(doc: Doc, times: list[TimeExpr], sv: SentenceView, prev: SentenceView | None, i: int) -> tuple[str | None, str]:
    """The date governing token ``i``: its clause, its sentence, the previous sentence, else the document's."""
    toks = doc.tokens
    lo, hi = sv.clause(i)
    tpos = toks[i].start

    def pick(a: int, b: int) -> TimeExpr | None:
        cands = [t for t in times if a <= t.start < b and t.value]
        if not cands:
            return None
        after = [t for t in cands if t.start >= tpos]
        pool = after or cands
        rank = {"day": 0, "month": 1, "year": 2}
        return min(pool, key=lambda t: (abs(t.start - tpos) // 40, rank.get(t.precision, 3)))

    spans = [(toks[lo].start, toks[hi - 1].end), (toks[sv.lo].start, toks[sv.hi - 1].end)]
    if prev is not None and prev.hi > prev.lo:
        spans.append((toks[prev.lo].start, toks[prev.hi - 1].end))
    for a, b in spans:
        t = pick(a, b)
        if t is not None and t.value:
            return _iso(t.value), t.precision
    return doc.doc_date, "document"


def event_place(doc: Doc, places: list[Place], taken: list[tuple[int, int]], sv: SentenceView, i: int,
                tok_starts: list[int]) -> Place | None:
    """The place governing token ``i``: in its clause (after the trigger first), else in its sentence."""
    toks = doc.tokens
    lo, hi = sv.clause(i)
    tpos = toks[i].start
    starts = [s for s, _ in taken]

    def free(p: Place) -> bool:
        k = bisect.bisect_right(starts, p.start) - 1
        return not (k >= 0 and taken[k][1] > p.start) and not any(s < p.end <= e for s, e in taken)

    for a, b in ((toks[lo].start, toks[hi - 1].end), (toks[sv.lo].start, toks[sv.hi - 1].end)):
        cands = [p for p in places if a <= p.start < b and not p.is_nationality and free(p)]
        if cands:
            fine = [p for p in cands if p.resolution != "country"] or cands
            return min(fine, key=lambda p: (not _locative(doc, tok_starts, p), p.start < tpos, abs(p.start - tpos)))
    return None


_LOCATIVE = frozenset({"في", "داخل", "قرب", "بالقرب", "الي"})


def _locative(doc: Doc, tok_starts: list[int], p: Place) -> bool:
    """Whether a place is named as where something happened: "في ..." (a few words before) or "بـ...""."""
    toks = doc.tokens
    k = bisect.bisect_right(tok_starts, p.start) - 1  # the token holding the place
    if k < 0:
        return False
    if toks[k].start < p.start and doc.raw[toks[k].start : p.start][-1:] in "بف":
        return True
    return any(toks[m].norm in _LOCATIVE and toks[m].sent == toks[k].sent for m in range(max(0, k - 3), k))


def historical(value: str | None, precision: str, doc_date: str | None) -> bool:
    """Whether an event date lies more than a year before the document's date."""
    if not value or not doc_date or precision == "document":
        return False
    try:
        y, m = int(value[:4]), int(value[5:7]) if len(value) >= 7 else 12
        dy, dm, dd = (int(x) for x in doc_date[:10].split("-"))
        return date(y, m, 28 if len(value) < 10 else int(value[8:10])) < date(dy - 1, dm, min(dd, 28))
    except ValueError:
        return False


def later(value: str | None, precision: str, doc_date: str | None) -> bool:
    """Whether a day-precise event date lies after the document's date (a scheduled event)."""
    return bool(value and doc_date and precision == "day" and len(value) >= 10 and value[:10] > doc_date[:10])
