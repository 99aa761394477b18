"""Resolve recognised expressions to ISO values, and infer the document date from the text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hijridate import Gregorian, Hijri

from rasd.time.recognise import Mention

_WORD = re.compile(r"\w+")
# a date after these words is an event's date in a sentence, not a dateline
_NOT_DATELINE = frozenset({"في", "وفي", "منذ", "يوم", "بتاريخ", "حتي", "قبل", "بعد", "خلال", "من", "الي", "ان"})


@dataclass(frozen=True, slots=True)
class Resolved:
    """The value of one expression: ISO value (or None), precision, anchor and flags."""

    value: str | None
    precision: str
    anchor: str
    flags: tuple[str, ...] = ()


def _safe(y: int, m: int, d: int) -> dt.date | None:
    """A date, or None when it does not exist."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def hijri_to_date(y: int, m: int, d: int) -> dt.date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date, or None out of range."""
    try:
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_month_range(y: int, m: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian days of a Hijri month."""
    try:
        h = Hijri(y, m, 1)
        return h.to_gregorian(), Hijri(y, m, h.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _year_for_month(month: int, rel: str | None, ref: dt.date) -> int:
    """The year of a month named without one: past, current, next, or the nearest to ``ref``."""
    if rel == "past":
        return ref.year if month < ref.month else ref.year - 1
    if rel == "next":
        return ref.year if month > ref.month else ref.year + 1
    if rel == "current":
        return ref.year
    # nearest month to the reference, the past winning a tie: news looks back more than forward
    return min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: (abs((y * 12 + month) - (ref.year * 12 + ref.month)), y))


def _year_for_day(month: int, day: int, rel: str | None, ref: tuple[int, int, int]) -> int:
    """The year of "25 ابريل المقبل" / "22 حزيران الفائت": the next or last such day around ``ref`` (y, m, d)."""
    if rel == "next":
        return ref[0] if (month, day) > ref[1:] else ref[0] + 1
    if rel == "past":
        return ref[0] if (month, day) < ref[1:] else ref[0] - 1
    return ref[0]


def weekday_year(day: int, month: int, weekday: int, today: dt.date) -> int | None:
    """The most recent year not after ``today`` in which day/month falls on ``weekday``."""
    for y in range(today.year, today.year - 60, -1):
        d = _safe(y, month, day)
        if d is not None and d <= today and d.weekday() == weekday:
            return y
    return None


def explicit_date(men: Mention) -> dt.date | None:
    """The Gregorian date of an expression that states day, month and year."""
    if men.day is None or men.month is None or men.year is None or men.year2 is not None:
        return None
    return hijri_to_date(men.year, men.month, men.day) if men.hijri else _safe(men.year, men.month, men.day)


def _is_dateline_head(head: str) -> bool:
    """Whether the words before a date look like a dateline head ("الكويت", "الرياض - واس"), not a sentence."""
    words = _WORD.findall(head)
    return len(words) <= 4 and not (words and words[-1] in _NOT_DATELINE)


def infer_doc_date(mentions: list[Mention], text: str, first_body: tuple[int, int] | None,
                   today: dt.date) -> dt.date | None:
    """The publication date the text states: "امس الخميس 1 تموز", "اليوم الاحد 5 ...", or a dateline."""
    for men in mentions:
        if men.rel_day not in (0, -1) or men.day is None or men.month is None or men.hijri:
            continue
        if men.year is not None:
            d = _safe(men.year, men.month, men.day)
        elif men.weekday is not None:
            y = weekday_year(men.day, men.month, men.weekday, today)
            d = _safe(y, men.month, men.day) if y else None
        else:
            continue
        if d is not None:
            return d - dt.timedelta(days=men.rel_day)
    if first_body is None:
        return None
    # a dateline: a full date within the first words of the body ("الكويت 25 شوال 1436 هـ الموافق 10 اغسطس 2015")
    start, end = first_body
    dated = [m for m in mentions if start <= m.start < min(end, start + 80) and explicit_date(m) is not None]
    if not dated or dated[0].start >= start + 40 or not _is_dateline_head(text[start : dated[0].start]):
        return None
    # "25 شوال 1436 هـ الموافق 10 اغسطس 2015": the Gregorian twin right after a Hijri date wins
    twin = [m for m in dated[1:] if not m.hijri and m.start <= dated[0].end + 20]
    return explicit_date(twin[0] if dated[0].hijri and twin else dated[0])


def _month_value(y: int, m: int) -> str:
    """ISO month."""
    return f"{y:04d}-{m:02d}"


def _shift_months(d: dt.date, n: int) -> tuple[int, int]:
    """Year and month ``n`` months after ``d``'s."""
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _week_range(d: dt.date) -> str:
    """The Sunday-to-Saturday week containing ``d`` (the working week of most Arab states)."""
    start = d - dt.timedelta(days=(d.weekday() + 1) % 7)
    return f"{start.isoformat()}/{(start + dt.timedelta(days=6)).isoformat()}"


class Resolver:
    """Resolves mentions in reading order, remembering the last month mentioned."""

    def __init__(self, doc_date: dt.date | None) -> None:
        self.doc = doc_date
        self.last: tuple[int, int] | None = None  # (year, month) of the last dated expression

    def __call__(self, men: Mention) -> Resolved:
        """Resolve one mention; updates the memory of the last month."""
        r = self._resolve(men)
        if r.value and r.precision in ("day", "month") and "/" not in r.value:
            self.last = (int(r.value[:4]), int(r.value[5:7]))
        return r

    def _resolve(self, men: Mention) -> Resolved:
        """Dispatch on what the mention states."""
        if men.kind == "ago":
            return self._ago(men)
        if men.kind == "period":
            return self._period(men)
        if men.day is not None and (men.month is not None or men.month_from):
            return self._day(men)
        if men.month is not None:
            return self._month(men)
        if men.year is not None:
            return self._year(men)
        return self._relative_day(men)

    def _day(self, men: Mention) -> Resolved:
        """A day of a month, with or without a year, a weekday or a relative day word."""
        flags: list[str] = ["hijri"] if men.hijri else []
        anchor = "absolute"
        d: dt.date | None = None
        assert men.day is not None
        if men.month_from:
            if men.rel == "same":
                anchor = "previous"
                ym = self.last or ((self.doc.year, self.doc.month) if self.doc else None)
            else:
                anchor = "document"
                ym = _shift_months(self.doc, {"past": -1, "next": 1}.get(men.rel or "", 0)) if self.doc else None
            d = _safe(ym[0], ym[1], men.day) if ym else None
        elif men.hijri:
            y = men.year
            if y is None and self.doc is not None:
                anchor = "document"
                h = Gregorian(self.doc.year, self.doc.month, self.doc.day).to_hijri()
                y = _year_for_day(men.month, men.day, men.rel, (h.year, h.month, h.day))  # type: ignore[arg-type]
            d = hijri_to_date(y, men.month, men.day) if y else None  # type: ignore[arg-type]
        else:
            assert men.month is not None
            y = men.year
            if y is None and self.doc is not None:
                anchor = "document"
                if men.rel in ("past", "next"):
                    y = _year_for_day(men.month, men.day, men.rel, (self.doc.year, self.doc.month, self.doc.day))
                else:
                    y = _year_for_month(men.month, men.rel, self.doc)
            d = _safe(y, men.month, men.day) if y else None
        if d is None:
            return Resolved(None, "day", anchor, tuple(flags))
        if men.weekday is not None and d.weekday() != men.weekday:
            flags.append("weekday-conflict")  # the explicit date wins
        if men.rel_day is not None and self.doc is not None and d != self.doc + dt.timedelta(days=men.rel_day):
            flags.append("relative-conflict")
        return Resolved(d.isoformat(), "day", anchor, tuple(flags))

    def _month(self, men: Mention) -> Resolved:
        """A month with a year, a relation, or neither."""
        assert men.month is not None
        if men.hijri:
            y = men.year
            anchor = "absolute"
            if y is None:
                if self.doc is None:
                    return Resolved(None, "month", "document", ("hijri",))
                anchor = "document"
                h = Gregorian(self.doc.year, self.doc.month, self.doc.day).to_hijri()
                y = h.year
                if men.rel == "past" and men.month >= h.month:
                    y -= 1
                elif men.rel == "next" and men.month <= h.month:
                    y += 1
            rng = hijri_month_range(y, men.month)
            value = f"{rng[0].isoformat()}/{rng[1].isoformat()}" if rng else None
            return Resolved(value, "month", anchor, ("hijri",))
        if men.year is not None:
            return Resolved(_month_value(men.year, men.month), "month", "absolute")
        if self.doc is None:
            return Resolved(None, "month", "document")
        return Resolved(_month_value(_year_for_month(men.month, men.rel, self.doc), men.month), "month", "document")

    def _year(self, men: Mention) -> Resolved:
        """A year or a span of years, Gregorian or Hijri."""
        assert men.year is not None
        if men.hijri:
            first = hijri_to_date(men.year, 1, 1)
            last = hijri_to_date(men.year, 12, 29)
            last = hijri_month_range(men.year, 12)[1] if hijri_month_range(men.year, 12) else last  # type: ignore[index]
            value = f"{first.isoformat()}/{last.isoformat()}" if first and last else None
            return Resolved(value, "year", "absolute", ("hijri",))
        if men.year2 is not None and men.year2 > men.year:
            return Resolved(f"{men.year}/{men.year2}", "year", "absolute")
        return Resolved(f"{men.year:04d}", "year", "absolute")

    def _relative_day(self, men: Mention) -> Resolved:
        """امس / اليوم / غدا, and weekdays: against the document date."""
        if self.doc is None:
            return Resolved(None, "day", "document")
        if men.rel_day is not None:
            d = self.doc + dt.timedelta(days=men.rel_day)
            flags = ("weekday-conflict",) if men.weekday is not None and d.weekday() != men.weekday else ()
            return Resolved(d.isoformat(), "day", "document", flags)
        assert men.weekday is not None
        back = (self.doc.weekday() - men.weekday) % 7
        if men.wrel == "past":
            back = back or 7
        elif men.wrel == "next":
            ahead = (men.weekday - self.doc.weekday()) % 7 or 7
            return Resolved((self.doc + dt.timedelta(days=ahead)).isoformat(), "day", "document")
        # a bare weekday in news is the latest such day up to the publication day
        return Resolved((self.doc - dt.timedelta(days=back)).isoformat(), "day", "document")

    def _ago(self, men: Mention) -> Resolved:
        """"قبل 3 ايام": n units before the document date."""
        assert men.ago is not None
        n, unit = men.ago
        if self.doc is None:
            return Resolved(None, {"week": "day"}.get(unit, unit), "document")
        if unit in ("day", "week"):
            d = self.doc - dt.timedelta(days=n * (7 if unit == "week" else 1))
            return Resolved(d.isoformat(), "day", "document")
        if unit == "month":
            return Resolved(_month_value(*_shift_months(self.doc, -n)), "month", "document")
        return Resolved(f"{self.doc.year - n:04d}", "year", "document")

    def _period(self, men: Mention) -> Resolved:
        """الاسبوع/الشهر/العام + الماضي/الجاري/المقبل/ذاته."""
        step = {"past": -1, "next": 1}.get(men.rel or "", 0)
        if men.year is not None and men.period == "year":
            return self._year(men)  # "العام الماضي 1435ه": the stated year wins
        if men.rel == "same":
            if self.last is None:
                return Resolved(None, "month", "previous")
            return Resolved(_month_value(*self.last), "month", "previous")
        if self.doc is None:
            return Resolved(None, "day" if men.period == "week" else men.period or "day", "document")
        if men.period == "week":
            return Resolved(_week_range(self.doc + dt.timedelta(days=7 * step)), "day", "document")
        if men.period == "month":
            return Resolved(_month_value(*_shift_months(self.doc, step)), "month", "document")
        return Resolved(f"{self.doc.year + step:04d}", "year", "document")
