"""Metadata dates (JSONL fields, WARC headers) to ISO "YYYY-MM-DD", or None."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from functools import lru_cache
from pathlib import Path

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:$|[T\s])")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_NAMED = re.compile(r"(\d{1,2})\s+([^\W\d_]+(?:\s[^\W\d_]+)?)\s*,?\s+(\d{4})|([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_YEARS = range(1900, 2101)


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Month names to numbers, from data/months.json (validated)."""
    table = json.loads((Path(__file__).parent / "data" / "months.json").read_text(encoding="utf-8"))["months"]
    for name, num in table.items():
        if not (isinstance(num, int) and 1 <= num <= 12) or name != name.lower():
            raise ValueError(f"months.json: bad entry {name!r}: {num!r}")
    return table


def _iso(y: int, m: int, d: int) -> str | None:
    """The ISO date, or None when it is not a real calendar date in a plausible year."""
    if y not in _YEARS:
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_epoch(value: float) -> str | None:
    """A Unix timestamp (seconds, or milliseconds when that large) as a UTC date."""
    if value > 1e11:
        value /= 1000
    try:
        return _iso(*dt.datetime.fromtimestamp(value, dt.timezone.utc).timetuple()[:3])
    except (OverflowError, OSError, ValueError):
        return None


def parse_date(value: object) -> str | None:
    """The calendar date a metadata value names, as written (no time-zone shift); None when unparseable."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    s = value.strip().translate(_DIGITS)
    if not s:
        return None
    # The date part of an ISO date-time is the local publication date: keep it, do not shift to UTC.
    if m := _YMD.match(s):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _COMPACT.match(s):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        # Arabic and European outlets write the day first; only a second field over 12 says otherwise.
        return _iso(y, a, b) if b > 12 >= a else _iso(y, b, a)
    if s.isdigit() and len(s) >= 9:  # a bare year or short number is not a timestamp
        return _from_epoch(float(s))
    parsed = email.utils.parsedate_tz(s)
    if parsed is not None:
        return _iso(*parsed[:3])
    if m := _NAMED.search(s):
        if m[1]:
            month = _months().get(m[2].lower())
            return _iso(int(m[3]), month, int(m[1])) if month else None
        month = _months().get(m[4].lower())
        return _iso(int(m[6]), month, int(m[5])) if month else None
    return None
