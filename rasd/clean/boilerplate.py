"""Find page furniture (skip links, related-article lines, share buttons, agency marks) by line patterns."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from rasd.doc import Boilerplate

_DATA = Path(__file__).with_name("data") / "boilerplate.json"
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    """Compile the line and partial patterns once."""
    spec = json.loads(_DATA.read_text(encoding="utf-8"))

    def comp(items: list[dict[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
        return [(p["kind"], re.compile(p["pattern"], re.I if "i" in p.get("flags", "") else 0)) for p in items]

    return comp(spec["line_patterns"]), comp(spec["partial_patterns"])


def find_boilerplate(raw: str) -> tuple[Boilerplate, ...]:
    """Boilerplate spans of ``raw``, trimmed of surrounding white space, in order."""
    lines, partials = _patterns()
    out: list[Boilerplate] = []
    for m in _LINE.finditer(raw):
        line = m.group()
        if not line.strip():
            continue
        for kind, pat in lines:
            if pat.match(line):
                out.append(_trimmed(raw, m.start(), m.end(), kind))
                break
        else:
            for kind, pat in partials:
                pm = pat.search(line)
                if pm and pm.group().strip():
                    out.append(_trimmed(raw, m.start() + pm.start(), m.start() + pm.end(), kind))
    return tuple(out)


def _trimmed(raw: str, start: int, end: int, kind: str) -> Boilerplate:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return Boilerplate(start, end, kind)
