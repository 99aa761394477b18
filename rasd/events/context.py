"""What governs an event's clause besides its actors: modality, attribution, date and place."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar
from datetime import date

from rasd.doc import Attribution, Doc, Place, TimeExpr, Token
from rasd.events.clause import SentenceView
from rasd.events.lexicon import Lexicon
from rasd.text.normalize import normalize_text

T = TypeVar("T", TimeExpr, Place)

_NEG_BEFORE = frozenset({"لم", "لن", "ما", "لا", "عدم", "دون", "بدون", "ولم", "ولن", "ولا", "فلم", "فلن"})
_MAY = frozenset({"قد", "وقد", "فقد"})
_SAME = frozenset({"ذاته", "نفسه"})
_PLUPERFECT = frozenset({"وكان", "وكانت", "كان", "كانت", "وكانوا"})
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
        found[name] = tuple((m.i, m.j) for m in lex.find(name, doc.tokens, sv.lo, sv.hi))
    return Cues(found)


def modality(doc: Doc, cues: Cues, sv: SentenceView, i: int, j: int, proclitics: str) -> set[str]:
    """The auxiliary labels (future, hypothetical, negation) that the trigger's clause carries."""
    lo, _ = sv.clause(i)
    out: set[str] = set()
    toks = doc.tokens
    # "من المقرر أن يلتقي": the cue governs across "أن", which opens a clause of its own
    flo = max(sv.lo, lo - 4) if lo > sv.lo and toks[lo].norm in ("ان", "وان") else lo
    if "س" in proclitics or cues.any_in("future", max(flo, i - 5), i) or cues.any_in("future_after", j, j + 3):
        out.add("future")
    if any(toks[k].norm in _NEG_BEFORE and not _not_negation(toks, k, i, sv.lo) for k in range(max(sv.lo, i - 2), i)) \
            or any(not _not_negation(toks, a, i, sv.lo) for a, _ in cues.found.get("negation", ()) if max(lo, i - 3) <= a < i):
        out.add("negation")
    if cues.any_in("hypothetical", max(sv.lo, i - 8), i) or (
            i > sv.lo and toks[i - 1].norm in _MAY and not proclitics and toks[i].norm[:1] in ("ي", "ت")):
        out.add("hypothetical")  # "قد يدعو": a present verb after "قد" is what may happen
    return out


# "سرعان ما أيد", "بعد ما", "كل ما", "وهو ما": "ما" that is not a negation
_MA_NOT_NEG = frozenset({"سرعان", "بعد", "عند", "كل", "طالما", "ربما", "قبل", "مثل", "حسب", "بحسب", "اول", "كثيرا",
                         "غالبا", "نادرا", "قلما", "حين", "بين", "وسرعان",
                         "هو", "هي", "وهو", "وهي"})  # "وهو ما رفضته الصين": the relative "that which"


# "كما طالب", "مما أدى", "فيما دعا": "ما" fused with a preposition is a conjunction or a relative, never a negation
_MA_FUSED = frozenset({"كما", "وكما", "مما", "ومما", "بما", "وبما", "لما", "ولما", "فيما", "وفيما"})


def _not_negation(toks: tuple[Token, ...], k: int, i: int, lo: int) -> bool:
    """Whether the negation-looking word at ``k`` does not negate: "ما" as a relative or conjunction, "بدون طيار"."""
    if toks[k].norm in _MA_FUSED:
        return True
    if toks[k].norm in ("دون", "بدون") and k + 1 < len(toks) and toks[k + 1].norm == "طيار":
        return True  # "طائرات بدون طيار": a drone, not a negation
    if toks[k].norm not in ("ما", "وما"):
        return False
    if k > lo and toks[k - 1].norm in _MA_NOT_NEG:
        return True
    return i - k == 1 and toks[i].norm[:1] in ("ي", "ت")  # "ما يدعو للأسف": a relative before a present verb


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


def within(items: Sequence[T], a: int, b: int) -> Sequence[T]:
    """The items (sorted by start) that start in [a, b): a slice found by bisection, so a sentence's
    look-up costs its own items, not the whole document's."""
    lo = bisect.bisect_left(items, a, key=lambda x: x.start)
    hi = bisect.bisect_left(items, b, lo, key=lambda x: x.start)
    return items[lo:hi]


def event_date(doc: Doc, times: list[TimeExpr], sv: SentenceView, prev: SentenceView | None, i: int) -> tuple[str | None, str]:
    """The date governing token ``i``: its clause, its sentence, the previous sentence, else the document's."""
    toks = doc.tokens
    lo, hi = sv.clause(i)
    tpos = toks[i].start

    def pick(a: int, b: int) -> TimeExpr | None:
        cands = [t for t in within(times, a, b) if t.value]
        if not cands:
            return None
        after = [t for t in cands if t.start >= tpos]
        pool = after or cands
        rank = {"day": 0, "month": 1, "year": 2}
        return min(pool, key=lambda t: (abs(t.start - tpos) // 40, rank.get(t.precision, 3)))

    spans = [(toks[lo].start, toks[hi - 1].end), (toks[sv.lo].start, toks[sv.hi - 1].end)]
    if prev is not None and prev.hi > prev.lo and toks[prev.lo].norm not in _PLUPERFECT:
        # "وكان الرئيسان التقيا قبل ذلك أواخر نوفمبر": a background sentence lends its date to nothing after it
        spans.append((toks[prev.lo].start, toks[prev.hi - 1].end))
    own = spans[:2]
    for a, b in own:
        t = pick(a, b)
        if t is not None and t.value:
            return _iso(t.value), t.precision
    if _same_day(toks, sv.lo, sv.hi):
        # "في اليوم ذاته": the day last named before the sentence, however far back it was told
        t = next((t for t in reversed(times) if t.start < toks[sv.lo].start and t.value and t.precision == "day"), None)
        if t is not None:
            return _iso(t.value), t.precision
    for a, b in spans[2:]:
        t = pick(a, b)
        if t is not None and t.value:
            return _iso(t.value), t.precision
    return doc.doc_date, "document"


def _same_day(toks: tuple[Token, ...], lo: int, hi: int) -> bool:
    """Whether a sentence dates itself by the day told before it: "في اليوم ذاته", "في نفس اليوم", "اليوم نفسه"."""
    return any((toks[k].norm == "اليوم" and toks[k + 1].norm in _SAME)
               or (toks[k].norm in ("نفس", "ذات") and toks[k + 1].norm == "اليوم") for k in range(lo, hi - 1))


def event_place(doc: Doc, places: list[Place], taken: list[tuple[int, int]], sv: SentenceView, i: int,
                tok_starts: list[int], verbal: bool = False) -> Place | None:
    """The place governing token ``i``: in its clause (after the trigger first), else in its sentence."""
    toks = doc.tokens
    lo, hi = sv.clause(i)
    tpos = toks[i].start
    starts = [s for s, _ in taken]

    def free(p: Place) -> bool:
        k = bisect.bisect_right(starts, p.start) - 1
        return not (k >= 0 and taken[k][1] > p.start) and not any(s < p.end <= e for s, e in taken)

    if verbal:
        # a condemnation, a demand or a sanction is placed only where the clause says it was made
        # ("في مؤتمر صحفي بالرياض، أدان ..."); "أدان التفجير في عسير" names where the condemned act happened
        cands = [p for p in within(places, toks[lo].start, tpos) if not p.is_nationality and free(p)
                 and _locative(doc, tok_starts, p)]
        return cands[-1] if cands else None
    for a, b in ((toks[lo].start, toks[hi - 1].end), (toks[sv.lo].start, toks[sv.hi - 1].end)):
        cands = [p for p in within(places, a, b) if not p.is_nationality and free(p)]
        if cands:
            fine = [p for p in cands if p.resolution != "country"] or cands
            best = min(fine, key=lambda p: (not _locative(doc, tok_starts, p), p.start < tpos, abs(p.start - tpos)))
            if best.resolution == "country" and any(
                    q.start > best.end and normalize_text(doc.raw[best.end : q.start]).strip() == "و" for q in cands):
                return None  # "ضربة جوية في سوريا والعراق": two countries, no one place
            return best
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
