"""Finding annotated quotes in a document's raw text: offsets from what an annotator copied."""

from __future__ import annotations

import re
from functools import lru_cache

# Arabic letters, diacritics and tatweel, Latin letters and digits: what continues a word
_WORD = r"\u0621-\u063A\u0641-\u064A\u064B-\u065F\u0640\u0670-\u06D3A-Za-z0-9"
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "وال", "بال", "فال", "كال")
_WORD_RE = re.compile(f"[{_WORD}]")


@lru_cache(maxsize=4096)
def _pattern(quote: str) -> re.Pattern[str]:
    """A quote as a pattern whose spaces match any run of white space (copied text loses NBSPs, newlines)."""
    parts = quote.split()
    return re.compile(r"\s+".join(re.escape(p) for p in parts))


def find_all(raw: str, quote: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Every (start, end) where ``quote`` stands in ``raw[lo:hi]``, white space compared loosely."""
    if not quote.strip():
        return []
    hi = len(raw) if hi is None else hi
    return [(m.start(), m.end()) for m in _pattern(quote.strip()).finditer(raw, lo, hi)]


def find_name(raw: str, quote: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Like find_all; a quote written with its article ("الحوثيين") also matches its form contracted
    after the preposition ل ("للحوثيين"), the span then starting at the article's ل."""
    hits = find_all(raw, quote, lo, hi)
    q = quote.strip()
    if hits or not q.startswith("ال") or len(q) < 4:
        return hits
    return [(s, e) for s, e in find_all(raw, "ل" + q[2:], lo, hi) if s >= 1 and raw[s - 1] == "ل"]


def sentence_bounds(raw: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) around a span: where an argument is looked for after the evidence itself."""
    lo = raw.rfind("\n", 0, start) + 1
    hi = raw.find("\n", end)
    return lo, len(raw) if hi < 0 else hi


def locate(raw: str, quote: str, near: tuple[int, int] | None = None, nth: int = 1) -> tuple[int, int] | None:
    """The span of ``quote``: its ``nth`` occurrence inside ``near`` (the evidence), else in the
    paragraph around it, else the closest occurrence before it, else the closest after; without
    ``near``, the ``nth`` occurrence in the document."""
    if near is None:
        hits = find_name(raw, quote)
        return hits[nth - 1] if len(hits) >= nth else None
    for lo, hi in (near, sentence_bounds(raw, *near)):
        hits = find_name(raw, quote, lo, hi)
        if len(hits) >= nth:
            return hits[nth - 1]
    hits = find_name(raw, quote)
    if not hits:
        return None
    before = [h for h in hits if h[1] <= near[0]]
    return before[-1] if before else min(hits, key=lambda h: h[0] - near[0])


def _bounded(raw: str, start: int, end: int) -> int | None:
    """Where a name found at ``start``..``end`` begins as a word: after at most a proclitic; None if inside a word."""
    if end < len(raw) and _WORD_RE.match(raw[end]):
        return None
    for clitic in sorted(_PROCLITICS, key=len, reverse=True):
        s = start - len(clitic)
        if s < 0 or raw[s:start] != clitic:
            continue
        if s == 0 or not _WORD_RE.match(raw[s - 1]):
            return start
    return None


_PREV_WORD = re.compile(f"([{_WORD}]+)[\\s]+$")


def _adjective_use(raw: str, form: str, start: int) -> bool:
    """A one-word nisba form ("السعودية", "الأمريكي") right after a definite noun is that noun's adjective
    ("الحكومة السعودية"), not the name: not a mention."""
    if " " in form or not form.startswith("ال") or not form.endswith(("ية", "ي", "يون", "يين")):
        return False
    m = _PREV_WORD.search(raw, max(0, start - 40), start)
    return bool(m) and m.group(1).lstrip("وفبلك").startswith(("ال", "ل"))


def mentions(raw: str, forms: list[str]) -> list[tuple[int, int]]:
    """Every word-bounded occurrence of any form (a proclitic before it allowed; ل + ال contracted to لل),
    a nisba form after a definite noun excepted (it is an adjective there)."""
    found: set[tuple[int, int]] = set()
    for form in {f.strip() for f in forms if f and f.strip()}:
        for s, e in find_all(raw, form):
            if _bounded(raw, s, e) is not None and not _adjective_use(raw, form, s):
                found.add((s, e))
        if form.startswith("ال") and len(form) > 3:
            for s, e in find_all(raw, "ل" + form[2:]):
                # "للسعودية": the span is the article's ل and the noun, after the preposition ل
                if s >= 1 and raw[s - 1] == "ل" and _bounded(raw, s - 1, e) is not None:
                    found.add((s, e))  # an adjective never takes the preposition: "للسعودية" is the name
    return sorted(found)


def flat(spans: dict[int, list[tuple[int, int]]]) -> dict[int, list[tuple[int, int]]]:
    """Mentions of several entities made flat: a span inside a longer one of another entity is dropped."""
    every = sorted(((s, e, k) for k, v in spans.items() for s, e in v), key=lambda x: (-(x[1] - x[0]), x[0]))
    kept: list[tuple[int, int, int]] = []
    for s, e, k in every:
        if not any(s < ke and ks < e and (ks, ke) != (s, e) or ((ks, ke) == (s, e) and kk != k) for ks, ke, kk in kept):
            kept.append((s, e, k))
    out: dict[int, list[tuple[int, int]]] = {k: [] for k in spans}
    for s, e, k in sorted(kept):
        out[k].append((s, e))
    return out
