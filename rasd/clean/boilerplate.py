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


_SEPARATOR = re.compile(r"\n[ \t\u00a0]+\n")
_SENTENCE_INSIDE = re.compile(r"[.!؟?]\s+\S")


@lru_cache(maxsize=1)
def _blocks() -> list[dict]:
    """Trailing-block rules, compiled once."""
    spec = json.loads(_DATA.read_text(encoding="utf-8"))
    return [{**b, "when": re.compile(b["when"]), "continuation": re.compile(b["continuation"])}
            for b in spec.get("blocks", [])]


def _trailing_block(raw: str, rule: dict) -> list[Boilerplate]:
    """The trailing run of one-sentence leads after the last white-space-only line."""
    if not rule["when"].search(raw):
        return []
    seps = list(_SEPARATOR.finditer(raw))
    if not seps:
        return []
    run: list[Boilerplate] = []
    for m in reversed(list(_LINE.finditer(raw, seps[-1].end()))):
        line = m.group().strip()
        if not line:
            continue
        if (rule["continuation"].match(line) or len(line) > rule["max_chars"]
                or _SENTENCE_INSIDE.search(line[:-1])):
            break
        run.append(_trimmed(raw, m.start(), m.end(), rule["kind"]))
    return run[::-1] if len(run) >= rule["min_lines"] else []


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
    for rule in _blocks():
        block = _trailing_block(raw, rule)
        if block:
            first = block[0].start
            out = [b for b in out if b.end <= first] + block
    return tuple(sorted(out, key=lambda b: b.start))


def _trimmed(raw: str, start: int, end: int, kind: str) -> Boilerplate:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return Boilerplate(start, end, kind)
