"""Clean: boilerplate, obfuscation repair, the title, and the normalised view; raw is never rewritten."""

from __future__ import annotations

import re

from rasd.clean.boilerplate import find_boilerplate
from rasd.clean.repair import find_repairs
from rasd.doc import Doc
from rasd.text.normalize import build_view

_LINE = re.compile(r"[^\n]+")
_MAX_TITLE = 250


def _guess_title(doc: Doc) -> tuple[int, int] | None:
    """A text file's title: its first line outside boilerplate, when short and followed by a blank line."""
    covered = [(b.start, b.end) for b in doc.boilerplate]
    for m in _LINE.finditer(doc.raw):
        s, e = m.start(), m.end()
        while s < e and doc.raw[s].isspace():
            s += 1
        while e > s and doc.raw[e - 1].isspace():
            e -= 1
        if s == e or any(bs <= s and e <= be for bs, be in covered):
            continue
        line = doc.raw[s:e]
        blank_after = doc.raw.startswith("\n\n", m.end()) or doc.raw.startswith("\r\n\r\n", m.end())
        if len(line) <= _MAX_TITLE and blank_after and not line.endswith((".", "。", "؟", "!", ":")):
            return s, e
        return None
    return None


def clean(doc: Doc) -> Doc:
    """Add boilerplate, repairs, the title span and the normalised view."""
    doc.boilerplate = find_boilerplate(doc.raw)
    doc.repairs, edits = find_repairs(doc.raw)
    if doc.title_span is None and doc.meta.kind == "txt" and doc.meta.title is None:
        doc.title_span = _guess_title(doc)
    doc.norm = build_view(doc.raw, edits)
    if not any(c.isalnum() for c in doc.norm.text):
        doc.fail("clean", "no text left after cleaning")
    return doc
