"""Find temporal expressions in the normalised view and read their parts (nothing resolved yet)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rasd.time.grammar import NEEDS, Grammar, grammar, lookup

_NEXT_WORD = re.compile(r"[^\S\n]+(\w+)")
_BEFORE = 48  # the longest lead before a cue word: "منتصف ليله يوم امس الخميس الحادي والثلاثين من "
_AFTER = 64  # the longest tail after it: "تشرين الاول/اكتوبر الماضي من عام 2021 م"


@dataclass(slots=True)
class Mention:
    """The parts of one temporal expression, offsets in the normalised view."""

    start: int
    end: int
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    year2: int | None = None
    hijri: bool = False
    month_from: str | None = None  # "previous" or "document" when the month is "الشهر ذاته/الجاري"
    weekday: int | None = None
    rel_day: int | None = None  # offset in days of امس/اليوم/غدا
    rel: str | None = None  # past, current, next, same
    wrel: str | None = None  # relation after a weekday
    ago: tuple[int, str] | None = None  # (n, unit) of "قبل 3 ايام"
    period: str | None = None  # week, month, year of "الاسبوع الماضي"
    dual_months: tuple[int, int] | None = None


def _int_or_none(s: str | None) -> int | None:
    """A decimal string as int, or None."""
    return int(s) if s else None


def _month_parts(g: Grammar, m: re.Match[str], men: Mention) -> bool:
    """Read the month (Gregorian, dual, Hijri or 'the same month'); False when the month is doubtful."""
    gd = m.groupdict()
    if gd.get("m1"):
        a = lookup(g.months, gd["m1"])
        b = lookup(g.months, gd.get("m2"))
        men.month = a  # type: ignore[assignment]
        if b is not None:
            men.dual_months = (a, b)  # type: ignore[assignment]
        return True
    if gd.get("hm"):
        men.month = lookup(g.hijri_months, gd["hm"])  # type: ignore[assignment]
        men.hijri = True
        return True
    if gd.get("pm"):
        men.month_from = "pending"
        return True
    return False


def _read(g: Grammar, kind: str, m: re.Match[str], text: str) -> Mention | None:
    """Turn one pattern match into a Mention, or None when the context rules it out."""
    gd = m.groupdict()
    men = Mention(m.start("x"), m.end("x"), kind)
    if gd.get("d"):
        men.day = int(gd["d"])
    elif gd.get("dw"):
        men.day = lookup(g.ordinals, gd["dw"])  # type: ignore[assignment]
    _month_parts(g, m, men)
    if gd.get("y"):
        men.year = int(gd["y"])
        era = gd.get("era")
        # Saudi and Gulf papers write Hijri years without the era mark; 13xx-14xx cannot be news-era Gregorian
        # a Hijri era mark on a 19xx/20xx year is a slip of the pen for a Gregorian one
        men.hijri = men.year < 1600 and (era in ("ه", "هجري", "هجريه") or era is None or men.hijri)
    men.year2 = _int_or_none(gd.get("y2"))
    if men.year2 is not None and men.year is not None and not men.year < men.year2 < men.year + 100:
        men.year2, men.end = None, m.end("y")  # "عام 2015 الي 1358": the second number is not a year
    if gd.get("rel"):
        men.rel = lookup(g.relations, gd["rel"])  # type: ignore[assignment]
    if gd.get("wd"):
        men.weekday = lookup(g.weekdays, gd["wd"])  # type: ignore[assignment]
        if gd.get("wrel"):
            men.wrel = lookup(g.relations, gd["wrel"])  # type: ignore[assignment]
    if gd.get("rd"):
        men.rel_day = lookup(g.relative_days, gd["rd"])  # type: ignore[assignment]
    if kind == "numeric":
        return _numeric(men, gd)
    if kind == "ago":
        return _ago(g, men, gd)
    if kind == "period":
        men.period = lookup(g.periods, gd.get("per")) or lookup(g.this_periods, gd.get("this"))  # type: ignore[assignment]
        if gd.get("this"):
            men.rel = "current"
        if men.rel == "same" and men.period != "month":
            return None
        return men
    if kind in ("year_prep", "year_paren") and men.year is not None and men.year < 1900 and gd.get("era") is None:
        return None  # a bare 13xx-18xx number after a preposition is more often a count than a year
    return _check_context(g, kind, m, men, text)


def _check_context(g: Grammar, kind: str, m: re.Match[str], men: Mention, text: str) -> Mention | None:
    """Drop readings that a look at the words around rules out."""
    gd = m.groupdict()
    if kind in ("month_prep",) and gd.get("m1") and gd.get("m2") is None and _norm_key(gd["m1"]) in g.ambiguous_months:
        return None
    if kind == "month_rel" and men.hijri and men.rel == "same":
        return None
    if gd.get("wd") and _norm_key(gd["wd"]) in g.ambiguous_weekdays:
        if not (gd.get("tod") or gd.get("yawm") or gd.get("rd") or gd.get("wrel") or men.day is not None):
            return None
    if gd.get("rd") == "اليوم" and men.weekday is None and men.day is None:
        nxt = _NEXT_WORD.match(text, m.end("x"))
        if nxt and (nxt.group(1) in g.not_today or nxt.group(1) in g.ordinals):
            return None
    if gd.get("pm") and men.day is None:
        return None
    return men


def _norm_key(word: str) -> str:
    """A matched phrase with its spaces collapsed."""
    return " ".join(word.split())


def _numeric(men: Mention, gd: dict[str, str | None]) -> Mention | None:
    """Read d/m/y or y/m/d; None when the numbers are not a valid date."""
    n1, n2, n3 = int(gd["n1"] or 0), int(gd["n2"] or 0), int(gd["n3"] or 0)
    if len(gd["n1"] or "") == 4 and len(gd["n3"] or "") <= 2:
        y, mo, d = n1, n2, n3
    elif len(gd["n3"] or "") == 4 and len(gd["n1"] or "") <= 2:
        d, mo, y = n1, n2, n3
        if mo > 12 and d <= 12:
            d, mo = mo, d  # month/day/year, as some wire copy writes it
    else:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    era = gd.get("era")
    men.day, men.month, men.year = d, mo, y
    men.hijri = 1300 <= y < 1600 and era != "م"
    if not men.hijri and not 1900 <= y <= 2099:
        return None
    return men


def _ago(g: Grammar, men: Mention, gd: dict[str, str | None]) -> Mention | None:
    """Read "قبل 3 ايام" / "منذ اسبوع" / "قبل يومين" as (n, unit)."""
    if gd.get("du"):
        men.ago = (2, lookup(g.dual_units, gd["du"]))  # type: ignore[assignment]
    elif gd.get("su"):
        unit = {"يوم": "day", "اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}[gd["su"] or ""]
        men.ago = (1, unit)
    else:
        raw_n = gd.get("n") or ""
        n = int(raw_n) if raw_n.isdigit() else lookup(g.numbers, raw_n)
        if n is None:
            return None  # "قبل بضعة ايام" has no definite date
        men.ago = (n, lookup(g.units, gd.get("u")))  # type: ignore[assignment]
    if men.ago[1] == "hour":
        men.ago = (0, "day")
    return men


def find_mentions(text: str, spans: list[tuple[int, int]]) -> list[Mention]:
    """Temporal expressions inside the given normalised spans (sentences), left to right, longest first."""
    g = grammar()
    starts = [s for s, _ in spans]
    # windows around each cue word: a pattern runs only where its cue occurs, not over whole sentences
    windows: dict[str, list[list[int]]] = {}
    for end, kinds in g.triggers.iter(text):
        k = bisect_right(starts, end) - 1
        if k < 0 or end >= spans[k][1]:
            continue
        ws, we = max(spans[k][0], end - _BEFORE), min(spans[k][1], end + _AFTER)
        for cue in kinds:
            win = windows.setdefault(cue, [])
            if win and ws <= win[-1][1] and win[-1][0] >= spans[k][0]:
                win[-1][1] = max(win[-1][1], we)
            else:
                win.append([ws, we])
    found: list[Mention] = []
    for kind, pat in g.patterns:
        for ws, we in windows.get(NEEDS[kind], ()):
            for m in pat.finditer(text, ws, we):
                men = _read(g, kind, m, text)
                if men is not None:
                    found.append(men)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    last_end = -1
    for men in found:
        if men.start >= last_end:
            out.append(men)
            last_end = men.end
    return out
